package dev.gantry.image;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;
import dev.gantry.release.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The mutable tags of an image whose immutable tags are in place ({@code latest}, {@code develop}), to be moved. A moving
 * tag is what deployments follow (an ECR push of {@code latest} is what starts one), so in a build that also publishes
 * artifacts they move only once the artifacts are published: a release whose publish fails leaves {@code latest} where
 * it was, and the re-run that completes the release moves it. Held from the image goal to the publish goal, with the
 * registry's clients, which {@link #close} releases.
 */
public final class TagMoves implements AutoCloseable {

    /**
     * What the moves did: the tags moved now, those that already held the image, and those kept on a newer commit's or
     * a higher release's image (warned), each with its word in release.json.
     */
    public record Moved(List<String> moved, List<String> inPlace, Map<String, String> kept) {

        /** Each tag with its word in release.json, in the plan's order within each kind. */
        public Map<String, String> outcomes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            inPlace.forEach(t -> outcomes.put(t, MovingTags.Move.IN_PLACE.outcome()));
            moved.forEach(t -> outcomes.put(t, MovingTags.Move.MOVED.outcome()));
            outcomes.putAll(kept);
            return outcomes;
        }
    }

    private final MovingTags moving;
    private final List<ImageTag> tags;
    private final String image;
    private final String digest;
    private final Concurrently.Call<RemoteManifest> manifest;
    private final ImageRequest request;
    /** The tags in place before the moves: what a refusal says is there. */
    private final List<String> before;
    private final GantryLog log;
    private AutoCloseable clients = () -> { };
    /** The look at the version's tag for a newer commit's image, started once the image is pushed; null before. */
    private CompletableFuture<Optional<Instant>> newerLookedAt;

    TagMoves(MovingTags moving, List<ImageTag> tags, String image, String digest,
            Concurrently.Call<RemoteManifest> manifest, ImageRequest request, List<String> before, GantryLog log) {
        this.moving = moving;
        this.tags = List.copyOf(tags);
        this.image = image;
        this.digest = digest;
        this.manifest = manifest;
        this.request = request;
        this.before = List.copyOf(before);
        this.log = log;
    }

    /** The tags to move, by name. */
    public List<String> names() {
        return tags.stream().map(ImageTag::name).toList();
    }

    /** What the image goal says of the tags it leaves to move. */
    String waiting() {
        return names() + (tags.size() == 1 ? " moves" : " move") + " once the artifacts are published.";
    }

    /** Closes {@code clients} (the registry's: ECR's SDK) with these moves, once they are done or given up. */
    TagMoves closing(AutoCloseable clients) {
        this.clients = clients;
        return this;
    }

    /**
     * Moves the tags side by side: each is a look, a PUT and a look again, one round trip each, and a registry far away
     * makes them add up. Each tag's own steps stay in order ({@link MovingTags}); a refusal names the tags that were in
     * place before the moves began.
     */
    Moved moveNow() throws GantryException {
        List<MovingTags.Move> moved;
        try {
            moved = Concurrently.each("gantry-moving-tag", tags, tag -> moving.move(tag, digest, manifest,
                    request.commitTime(), request.version() == null ? null : Version.of(request.version()), before,
                    request.buildsBranchTip()));
        } catch (GantryException e) {
            throw Refusals.afterImageInPlace(e, image, digest, before);
        }
        List<String> now = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String name = tags.get(i).name();
            switch (moved.get(i)) {
                case MOVED -> now.add(name);
                case IN_PLACE -> inPlace.add(name);
                default -> kept.put(name, moved.get(i).outcome());
            }
        }
        return new Moved(now, inPlace, kept);
    }

    /**
     * For a snapshot whose moving tags include its version ({@code 1.2.0-SNAPSHOT}): whether that tag holds a newer
     * commit's image already. That commit's build published its artifacts of this version before it moved the tag, so
     * publishing this older commit's now would make Maven resolve older code; returns the warning that says so. Empty
     * otherwise: when this commit is its branch's tip on the remote (the branch reset back to it), and when the registry
     * cannot be read here (the moves that follow meet it and say so).
     */
    public Optional<String> newerSnapshotPublished() {
        if (!snapshotWithItsVersionTag()) {
            return Optional.empty();
        }
        String version = request.version();
        try {
            Optional<Instant> newer = newerLookedAt != null ? Concurrently.join(newerLookedAt)
                    : moving.newerCommitUnder(version, request.commitTime());
            if (newer.isEmpty() || request.buildsBranchTip().call()) {
                return Optional.empty();
            }
            return Optional.of(Refusals.newerSnapshotPublished(version, image, newer.get(), request.commitTime()));
        } catch (GantryException e) {
            log.debug("Could not look at " + image + ":" + version + " before publishing the snapshot: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Starts {@link #newerSnapshotPublished}'s look at the registry on a thread of its own, once the image is pushed and
     * its tags wait for the artifacts: the request overlaps the rest of the image goal rather than delaying the publish.
     */
    void lookForNewerSnapshot() {
        if (snapshotWithItsVersionTag()) {
            newerLookedAt = Concurrently.start("gantry-snapshot-look",
                    () -> moving.newerCommitUnder(request.version(), request.commitTime()));
        }
    }

    private boolean snapshotWithItsVersionTag() {
        String version = request.version();
        return version != null && version.endsWith("-SNAPSHOT") && tags.stream().anyMatch(t -> t.name().equals(version));
    }

    /**
     * Moves the tags now that the artifacts are published (or left to a newer commit's build: {@code published} false),
     * says so, and releases the registry's clients.
     */
    public Moved moveAfterArtifacts(boolean published) throws GantryException {
        try {
            Moved moved = moveNow();
            log.info("Image " + image + "@" + digest + (moved.moved().isEmpty()
                    ? (moved.inPlace().isEmpty() ? " moved none of its tags" : " keeps its tags " + moved.inPlace())
                    : " tagged " + moved.moved())
                    + (moved.kept().isEmpty() ? "" : "; " + moved.kept().keySet() + " stay on another image (warned above)")
                    + (published ? " now that the artifacts are published." : ", the artifacts left to the newer commit's."));
            if (published && moved.kept().containsValue(MovingTags.Move.KEPT_ON_LATER_COMMIT.outcome())
                    && request.version() != null
                    && request.version().endsWith("-SNAPSHOT")) {
                log.warn(Refusals.snapshotPublishedBehindMovingTags(request.version(), image, List.copyOf(
                        moved.kept().keySet())));
            }
            return moved;
        } finally {
            close();
        }
    }

    /** Gives the moves up, the artifacts' publish having failed: {@code failure} says so, and what is in place. */
    public GantryException givenUp(GantryException failure) {
        close();
        return Refusals.movingTagsLeft(failure, image, digest, before, names());
    }

    @Override
    public void close() {
        try {
            clients.close();
        } catch (Exception e) {
            log.debug("Closing the registry's clients after the image's tag moves: " + e);
        }
    }
}
