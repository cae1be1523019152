package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a mutable tag ({@code develop}, {@code latest}) only forward: two pipelines of two commits race (develop pushed
 * twice in a row), and the tag must end on the newer commit's image whichever build finishes last. "Newer" is the commit
 * time, which is the image's creation time ({@code org.opencontainers.image.created}, reproducible images): a later
 * build of an older commit (a re-run) must not take the tag back. Registries offer no compare-and-set on a tag, so the
 * newer build also looks again after its PUT and puts once more when an older build's PUT landed in between.
 */
final class MovingTags {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Looks again after a PUT; an older build can overwrite at most once per look, so two more PUTs are plenty. */
    private static final int PUTS = 3;

    private final ImageRegistry registry;
    private final GantryLog log;
    /** Creation times by manifest digest: the moving tags of a plan usually hold the same earlier image. */
    private final Map<String, Optional<Instant>> created = new HashMap<>();

    MovingTags(ImageRegistry registry, GantryLog log) {
        this.registry = registry;
        this.log = log;
    }

    /**
     * Puts the manifest under the mutable tag unless the tag holds a newer commit's image.
     *
     * @return true when put, false when the tag already held this manifest or a newer commit's image (then warned)
     */
    boolean move(ImageTag tag, RemoteManifest manifest, Instant commitTime, List<String> done) throws GantryException {
        for (int put = 1; ; put++) {
            Optional<RemoteManifest> under = registry.manifest(tag.name());
            if (under.isPresent() && under.get().digest().equals(manifest.digest())) {
                return put > 1;
            }
            Optional<Instant> theirs = under.isEmpty() ? Optional.empty() : createdOf(under.get());
            if (theirs.isPresent() && commitTime != null && theirs.get().isAfter(commitTime)) {
                log.warn(Refusals.movingTagKeptOnNewerCommit(registry.image(), tag.name(), theirs.get(), commitTime));
                return false;
            }
            if (put > PUTS) {
                return true;
            }
            if (!registry.put(tag, manifest, done)) {
                return false;
            }
        }
    }

    /** The image's creation time label (of its first child, for an index), or empty when it cannot be read. */
    private Optional<Instant> createdOf(RemoteManifest manifest) {
        Optional<Instant> known = created.get(manifest.digest());
        if (known == null) {
            known = readCreated(manifest);
            created.put(manifest.digest(), known);
        }
        return known;
    }

    private Optional<Instant> readCreated(RemoteManifest manifest) {
        try {
            JsonNode json = manifest.json();
            if (manifest.isIndex()) {
                Optional<RemoteManifest> child = registry.manifest(json.path("manifests").path(0).path("digest").asText());
                if (child.isEmpty()) {
                    return Optional.empty();
                }
                json = child.get().json();
            }
            JsonNode config = JSON.readTree(registry.blob(json.path("config").path("digest").asText()));
            String created = config.path("config").path("Labels").path(ProjectImage.LABEL_CREATED).asText(null);
            return created == null ? Optional.empty() : Optional.of(Instant.parse(created));
        } catch (IOException | GantryException | DateTimeParseException e) {
            log.debug("Cannot read the creation time of " + manifest.digest() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
