package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the plan's tags stand in the registry, looked up before anything is pushed: which immutable tags are taken, and
 * whether they hold this build's image. A tag on another digest is refused here, so no tag moves at all.
 */
final class ExistingTags {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageRegistry api;
    private final GantryLog log;
    private final Map<String, RemoteManifest> byTag;
    private final List<ImageTag> taken;

    private ExistingTags(ImageRegistry api, GantryLog log, Map<String, RemoteManifest> byTag, List<ImageTag> taken) {
        this.api = api;
        this.log = log;
        this.byTag = byTag;
        this.taken = taken;
    }

    /** Looks up every tag of the plan, in the plan's order: one round of look-ups. */
    static ExistingTags lookUp(ImagePlan plan, ImageRegistry api, GantryLog log) throws GantryException {
        Map<String, RemoteManifest> byTag = new LinkedHashMap<>(api.tags(plan.tags().stream().map(ImageTag::name).toList()));
        List<ImageTag> taken = plan.immutableTags().stream().filter(t -> byTag.containsKey(t.name())).toList();
        return new ExistingTags(api, log, byTag, taken);
    }

    boolean anyImmutableTaken() {
        return !taken.isEmpty();
    }

    /** The manifest of the first taken immutable tag: the one the missing tags get. */
    RemoteManifest takenManifest() {
        return byTag.get(taken.get(0).name());
    }

    boolean holds(ImageTag tag, String digest) {
        RemoteManifest there = byTag.get(tag.name());
        return there != null && there.digest().equals(digest);
    }

    /** This build's digest, provided every taken immutable tag holds it; refused otherwise. */
    String sameDigestOrRefuse(ImageRequest request, JibContainerBuilder builder, ImageReference target, JibRunner jib)
            throws GantryException {
        String digest = predictDigest(request, builder, target.getRegistry() + "/" + target.getRepository(), jib);
        for (ImageTag tag : taken) {
            RemoteManifest there = byTag.get(tag.name());
            if (!there.digest().equals(digest)) {
                throw Refusals.imageTagTaken(target.getRepository(), tag.name(), there.digest(), revisionOf(there),
                        digest, request.commit());
            }
        }
        return digest;
    }

    /**
     * This build's digest, learned without pushing: Jib builds the identical image to a throw-away OCI tar
     * and reports the manifest's digest (the one a push would create). A multi-platform index cannot be
     * written to a tar: then the images are compared by the commit they were built from (reproducible
     * builds make the same commit the same image), and a refusal cannot name the new digest.
     */
    private String predictDigest(ImageRequest request, JibContainerBuilder builder, String image, JibRunner jib)
            throws GantryException {
        if (request.platforms().size() > 1) {
            RemoteManifest there = takenManifest();
            String revision = revisionOf(there);
            log.info("Tag " + taken.get(0).name() + " exists; a multi-platform image is compared by commit: " + revision);
            return request.commit().equals(revision) ? there.digest() : null;
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

    /** The commit an image in the registry was built from (its revision label), or null. */
    private String revisionOf(RemoteManifest manifest) {
        try {
            JsonNode json = manifest.json();
            if (manifest.isIndex()) {
                JsonNode first = json.path("manifests").path(0);
                Optional<RemoteManifest> child = api.manifest(first.path("digest").asText());
                if (child.isEmpty()) {
                    return null;
                }
                json = child.get().json();
            }
            JsonNode config = JSON.readTree(api.blob(json.path("config").path("digest").asText()));
            JsonNode revision = config.path("config").path("Labels").path(ProjectImage.LABEL_REVISION);
            return revision.isTextual() ? revision.asText() : null;
        } catch (IOException | GantryException e) {
            log.debug("Cannot read the revision label of " + manifest.digest() + ": " + e.getMessage());
            return null;
        }
    }
}
