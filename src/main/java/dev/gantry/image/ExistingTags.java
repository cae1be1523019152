package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the plan's tags stand in the registry, looked up before anything is pushed: which immutable tags are taken, and
 * whether they hold this release, judged by the commit the image was built from. A tag holding another commit's image
 * is refused here, so no tag moves at all.
 */
final class ExistingTags {

    private static final String SNAPSHOT = "-SNAPSHOT";

    private final ImageRegistry api;
    private final GantryLog log;
    private final Map<String, RemoteManifest> byTag;
    private final List<ImageTag> taken;
    private final ImageLabels labels;
    /** For a snapshot, whether its release is in the registry already, under the release's version tag. */
    private final boolean releaseOfSnapshot;

    private ExistingTags(ImageRegistry api, GantryLog log, Map<String, RemoteManifest> byTag, List<ImageTag> taken,
            boolean releaseOfSnapshot) {
        this.api = api;
        this.labels = new ImageLabels(api, log);
        this.log = log;
        this.byTag = byTag;
        this.taken = taken;
        this.releaseOfSnapshot = releaseOfSnapshot;
    }

    /**
     * Looks up every tag of the plan, in the plan's order, and for a snapshot ({@code version} X.Y.Z-SNAPSHOT) the
     * release's tag X.Y.Z beside them: one round of look-ups.
     */
    static ExistingTags lookUp(ImagePlan plan, String version, ImageRegistry api, GantryLog log) throws GantryException {
        List<String> names = new ArrayList<>(plan.tags().stream().map(ImageTag::name).toList());
        String release = version != null && version.endsWith(SNAPSHOT)
                ? version.substring(0, version.length() - SNAPSHOT.length()) : null;
        if (release != null && !names.contains(release)) {
            names.add(release);
        }
        Map<String, RemoteManifest> found = api.tags(names);
        Map<String, RemoteManifest> byTag = new LinkedHashMap<>();
        plan.tags().stream().filter(t -> found.containsKey(t.name())).forEach(t -> byTag.put(t.name(), found.get(t.name())));
        List<ImageTag> taken = plan.immutableTags().stream().filter(t -> byTag.containsKey(t.name())).toList();
        return new ExistingTags(api, log, byTag, taken, release != null && found.containsKey(release));
    }

    /** Whether the snapshot being pushed is of a version already released (its release's image is there). */
    boolean releaseOfSnapshotInPlace() {
        return releaseOfSnapshot;
    }

    /** The labels of the images found, read once: the moving tags' moves ask about the same images. */
    ImageLabels labels() {
        return labels;
    }

    boolean anyImmutableTaken() {
        return !taken.isEmpty();
    }

    /**
     * The revision label of the image under a tag, when the tag is taken and the image has one: one read of its config
     * blob at most, kept for the judgement that follows ({@link #releasedDigestOrRefuse}).
     */
    Optional<String> revisionUnder(String tag) throws GantryException {
        RemoteManifest there = byTag.get(tag);
        return there == null ? Optional.empty() : Optional.ofNullable(labels.of(there).get(ProjectImage.LABEL_REVISION));
    }

    /** The manifest of the first taken immutable tag: the one the missing tags get. */
    RemoteManifest takenManifest() {
        return byTag.get(taken.get(0).name());
    }

    /**
     * Whether a tag needs nothing: it holds the digest, or it is a taken immutable tag judged to hold this release
     * ({@link #releasedDigestOrRefuse}): an immutable tag never moves, not even onto this release's other image.
     */
    boolean holds(ImageTag tag, String digest) {
        RemoteManifest there = byTag.get(tag.name());
        return there != null && (there.digest().equals(digest) || taken.contains(tag));
    }

    /**
     * The digest of this release in the registry, provided every taken immutable tag holds it; refused otherwise. A
     * release is its commit, not its bytes: an image whose revision label is this commit is this release, already
     * pushed, whatever a rebuild would give today (a base image tag that moved, another spelling of the remote in an
     * older source label), so it is not rebuilt at all, not even to a tar; what a rebuild would change, as far as the
     * labels tell, is logged as a warning. Only an image of another commit, or without a revision label one of
     * another digest, is refused.
     */
    String releasedDigestOrRefuse(ImageRequest request, JibContainerBuilder builder, ImageReference target, JibRunner jib,
            Optional<BaseImage> base) throws GantryException {
        String rebuilt = null;
        boolean built = false;
        for (ImageTag tag : taken) {
            RemoteManifest there = byTag.get(tag.name());
            Map<String, String> theirs = labels.of(there);
            String revision = theirs.get(ProjectImage.LABEL_REVISION);
            String module = theirs.get(ProjectImage.LABEL_MODULE);
            if (request.commit().equals(revision) && module != null && request.module() != null
                    && !module.equals(request.module())) {
                // this commit's image, of another module: another service of the reactor shares the repository
                throw Refusals.imageOfAnotherModule(target.getRepository(), tag.name(), there.digest(), module,
                        request.module());
            }
            if (request.commit().equals(revision)) {
                continue;
            }
            if (!built) {
                rebuilt = predictDigest(request, builder, target.getRegistry() + "/" + target.getRepository(), jib);
                built = true;
            }
            if (revision != null || !there.digest().equals(rebuilt)) {
                throw Refusals.imageTagTaken(target.getRepository(), tag.name(), there.digest(), revision, rebuilt,
                        request.commit());
            }
        }
        RemoteManifest released = takenManifest();
        if (!built) {
            List<String> differences = differences(labels.of(released), ProjectImage.labels(request, base), base);
            String message = Refusals.releasedFromThisCommit(target.getRepository(), taken.get(0).name(), released.digest(),
                    request.commit(), differences, request.version() != null && request.version().endsWith("-SNAPSHOT"));
            if (differences.isEmpty()) {
                log.info(message);
            } else {
                log.warn(message);
            }
        }
        return released.digest();
    }

    /** The base image the released image records in its labels, or null (scratch, or an image that does not say). */
    BaseImage publishedBase() throws GantryException {
        Map<String, String> released = labels.of(takenManifest());
        String name = released.get(ProjectImage.LABEL_BASE_NAME);
        String digest = released.get(ProjectImage.LABEL_BASE_DIGEST);
        return name == null || digest == null ? null : new BaseImage(name, digest);
    }

    /**
     * What a rebuild would change, as far as labels tell without building: the base image's digest (its tag moved
     * since), and any label this build writes otherwise (such as a source label written before it had one spelling).
     * Layers are not compared: that would mean building.
     */
    private static List<String> differences(Map<String, String> released, Map<String, String> rebuilt,
            Optional<BaseImage> base) {
        List<String> differences = new ArrayList<>();
        // null: released before Gantry recorded the base image, which then cannot be compared
        String releasedBase = released.get(ProjectImage.LABEL_BASE_DIGEST);
        if (releasedBase != null && base.isPresent() && !releasedBase.equals(base.get().digest())) {
            differences.add(Refusals.baseImageMoved(base.get().name(), releasedBase, base.get().digest()));
        }
        rebuilt.forEach((label, value) -> {
            boolean baseLabel = label.equals(ProjectImage.LABEL_BASE_DIGEST)
                    || releasedBase == null && label.equals(ProjectImage.LABEL_BASE_NAME);
            // released before Gantry recorded the module: nothing to compare
            boolean unrecorded = label.equals(ProjectImage.LABEL_MODULE) && !released.containsKey(label);
            if (!baseLabel && !unrecorded && !value.equals(released.get(label))) {
                differences.add(Refusals.labelDiffers(label, released.get(label), value));
            }
        });
        return differences;
    }

    /**
     * This build's digest, learned without pushing: Jib builds the identical image to a throw-away OCI tar
     * and reports the manifest's digest (the one a push would create). Needed only when the image in the registry is not
     * this commit's. A multi-platform index cannot be written to a tar: null, then (the images are compared by commit).
     */
    private String predictDigest(ImageRequest request, JibContainerBuilder builder, String image, JibRunner jib)
            throws GantryException {
        if (request.platforms().size() > 1) {
            return null; // Jib writes no index to a tar: the refusal cannot name the new digest
        }
        log.info("Tags " + taken.stream().map(ImageTag::name).toList() + " exist in " + image
                + "; computing this build's digest before pushing anything.");
        Path tar = request.outputDirectory().resolve("image-digest-check.tar");
        try {
            return jib.toTar(builder, tar, image + ":" + taken.get(0).name());
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a leftover in target/ is harmless
            }
        }
    }

}
