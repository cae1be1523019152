package dev.gantry.image;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;
import dev.gantry.release.Version;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable tags of an image whose immutable tags are in place ({@code latest}, {@code develop}), to be moved. A moving
 * tag is what deployments follow (an ECR push of {@code latest} is what starts one), so in a build that also publishes
 * artifacts they move only once the artifacts are published: a release whose publish fails leaves {@code latest} where
 * it was, and the re-run that completes the release moves it. Held from the image goal to the publish goal, with the
 * registry's clients, which {@link #close} releases.
 */
public final class TagMoves implements AutoCloseable {

    /** What the moves did: the tags moved now, and those that already held the image or were kept (with a warning). */
    public record Moved(List<String> moved, List<String> inPlace) {
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
        List<Boolean> moved;
        try {
            moved = Concurrently.each("gantry-moving-tag", tags, tag -> moving.move(tag, digest, manifest,
                    request.commitTime(), request.version() == null ? null : Version.of(request.version()), before));
        } catch (GantryException e) {
            throw Refusals.afterImageInPlace(e, image, digest, before);
        }
        List<String> now = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            (moved.get(i) ? now : inPlace).add(tags.get(i).name());
        }
        return new Moved(now, inPlace);
    }

    /** Moves the tags now that the artifacts are published, says so, and releases the registry's clients. */
    public Moved moveAfterArtifacts() throws GantryException {
        try {
            Moved moved = moveNow();
            log.info("Image " + image + "@" + digest + (moved.moved().isEmpty() ? " keeps its tags " + moved.inPlace()
                    : " tagged " + moved.moved()) + " now that the artifacts are published.");
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
