package dev.gantry.image;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;
import dev.gantry.release.Version;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Moves a mutable tag ({@code develop}, {@code latest}) only forward: two pipelines of two commits race (develop pushed
 * twice in a row), and the tag must end on the newer commit's image whichever build finishes last. "Newer" is the commit
 * time, which is the image's creation time ({@code org.opencontainers.image.created}, reproducible images): a later
 * build of an older commit (a re-run) must not take the tag back. Registries offer no compare-and-set on a tag, so the
 * newer build also looks again after its PUT and puts once more when an older build's PUT landed in between.
 */
final class MovingTags {

    /** Looks again after a PUT; an older build can overwrite at most once per look, so two more PUTs are plenty. */
    private static final int PUTS = 3;

    private final ImageRegistry registry;
    private final GantryLog log;
    /** The images' labels, read once per build: the moving tags of a plan usually hold the same earlier image. */
    private final ImageLabels labels;

    MovingTags(ImageRegistry registry, ImageLabels labels, GantryLog log) {
        this.registry = registry;
        this.labels = labels;
        this.log = log;
    }

    /** What became of a moving tag; {@link #outcome} is its word in release.json. */
    enum Move {
        MOVED("pushed"),
        IN_PLACE("already-in-place"),
        /** Left on a newer commit's image (warned). */
        KEPT_ON_LATER_COMMIT("kept-on-later-commit"),
        /** Left on a higher release's image (warned). */
        KEPT_ON_HIGHER_RELEASE("kept-on-higher-release");

        private final String outcome;

        Move(String outcome) {
            this.outcome = outcome;
        }

        String outcome() {
            return outcome;
        }
    }

    /**
     * Puts the manifest under the mutable tag unless the tag holds a newer commit's image; {@code version}, a release's,
     * also keeps the tag on the image of a higher release: a maintenance release (1.2.4 after 1.3.0, its commit later)
     * does not take {@code latest} back to a lower version.
     *
     * @param manifest the bytes of the manifest {@code digest}, asked for only when a PUT needs them (they may still be
     *                 on their way from the registry)
     */
    Move move(ImageTag tag, String digest, Concurrently.Call<RemoteManifest> manifest, Instant commitTime,
            Version version, List<String> done, Concurrently.Call<Boolean> buildsBranchTip) throws GantryException {
        for (int put = 1; ; put++) {
            Optional<RemoteManifest> under = registry.manifest(tag.name());
            if (under.isPresent() && under.get().digest().equals(digest)) {
                return put > 1 ? Move.MOVED : Move.IN_PLACE;
            }
            Optional<Version> higher = under.isEmpty() || version == null || !version.isStable() ? Optional.empty()
                    : versionOf(under.get()).filter(v -> v.isStable() && v.compareTo(version) > 0);
            if (higher.isPresent()) {
                log.warn(Refusals.movingTagKeptOnHigherRelease(registry.image(), tag.name(), higher.get(), version));
                return Move.KEPT_ON_HIGHER_RELEASE;
            }
            Optional<Instant> theirs = newerThan(under, commitTime);
            if (theirs.isPresent()) {
                if (!buildsBranchTip.call()) {
                    log.warn(Refusals.movingTagKeptOnNewerCommit(registry.image(), tag.name(), theirs.get(), commitTime));
                    return Move.KEPT_ON_LATER_COMMIT;
                }
                if (put == 1) {
                    log.info(Refusals.movingTagTakenBackToBranchTip(registry.image(), tag.name(), theirs.get()));
                }
            }
            if (put > PUTS) {
                return Move.MOVED;
            }
            if (!registry.put(tag, manifest.call(), done)) {
                return Move.IN_PLACE;
            }
        }
    }

    /**
     * The commit time of the image under the tag when it is later than {@code commitTime}: a newer commit's build moved
     * the tag already. Empty when the tag holds nothing, an image without a readable creation time, or an older one.
     */
    Optional<Instant> newerCommitUnder(String tag, Instant commitTime) throws GantryException {
        return newerThan(registry.manifest(tag), commitTime);
    }

    /** The creation time of the image found, when it is later than {@code commitTime}. */
    private Optional<Instant> newerThan(Optional<RemoteManifest> under, Instant commitTime) throws GantryException {
        Optional<Instant> theirs = under.isEmpty() ? Optional.empty() : createdOf(under.get());
        return theirs.filter(time -> commitTime != null && time.isAfter(commitTime));
    }

    /** The image's version label, or empty when it has none. */
    private Optional<Version> versionOf(RemoteManifest manifest) throws GantryException {
        String version = labels.of(manifest).get(ProjectImage.LABEL_VERSION);
        return version == null || version.isBlank() ? Optional.empty() : Optional.of(Version.of(version));
    }

    /** The image's creation time label, or empty when it has none that reads as a time. */
    private Optional<Instant> createdOf(RemoteManifest manifest) throws GantryException {
        String created = labels.of(manifest).get(ProjectImage.LABEL_CREATED);
        if (created == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(created));
        } catch (DateTimeParseException e) {
            log.debug("Cannot read the creation time of " + manifest.digest() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
