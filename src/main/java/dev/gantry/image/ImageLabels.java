package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of images in one repository (revision, creation time, base), read from each image's config once per
 * build: the tag look-up and the moves of the moving tags ask about the same earlier image.
 */
final class ImageLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageRegistry registry;
    private final GantryLog log;
    private final Map<String, Map<String, String>> byDigest = new HashMap<>();

    ImageLabels(ImageRegistry registry, GantryLog log) {
        this.registry = registry;
        this.log = log;
    }

    /**
     * The image's labels (of its first child, for an index: every child has the same); empty when the image has no
     * config that reads as an image's. A registry that does not answer is refused, not taken for an image without
     * labels: the labels are what keeps a moving tag from going back to an older commit's image, and what tells this
     * commit's release from another's.
     */
    synchronized Map<String, String> of(RemoteManifest manifest) throws GantryException {
        Map<String, String> cached = byDigest.get(manifest.digest());
        if (cached != null) {
            return cached;
        }
        Map<String, String> read = new LinkedHashMap<>();
        try {
            JsonNode json = manifest.json();
            if (manifest.isIndex()) {
                JsonNode first = json.path("manifests").path(0);
                Optional<RemoteManifest> child = registry.manifest(first.path("digest").asText());
                json = child.isPresent() ? child.get().json() : null;
            }
            String config = json == null ? "" : json.path("config").path("digest").asText();
            if (!config.isEmpty()) {
                JSON.readTree(registry.blob(config)).path("config").path("Labels").fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        read.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        } catch (IOException e) {
            // not JSON: an artifact other than an image under the tag, which has no labels to go by
            log.debug("Cannot read the labels of " + manifest.digest() + ": " + e.getMessage());
        } catch (GantryException e) {
            throw Refusals.imageLabelsUnreadable(registry.image(), manifest.digest(), e);
        }
        byDigest.put(manifest.digest(), read);
        return read;
    }
}
