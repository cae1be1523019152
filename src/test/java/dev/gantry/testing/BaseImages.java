package dev.gantry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Base images for tests without internet: built from scratch with Jib and pushed into a {@link LocalRegistry}. */
public final class BaseImages {

    /** The media type of the index {@link #pushMultiPlatform} tags. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaseImages() {
    }

    /** Pushes {@code <registry>/<repository>:1}: one layer holding {@code size} random bytes, env {@code BASE=yes}. */
    public static String push(LocalRegistry registry, String repository, int size) throws Exception {
        return push(registry, repository, "1", size);
    }

    /** As {@link #push(LocalRegistry, String, int)}, under another tag (another size gives another image). */
    public static String push(LocalRegistry registry, String repository, String tag, int size) throws Exception {
        Path file = Files.createTempFile("base", ".bin");
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        String reference = registry.host() + "/" + repository + ":" + tag;
        try {
            Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/base/os.bin")).build())
                    .addEnvironmentVariable("BASE", "yes")
                    .containerize(Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true));
        } finally {
            Files.delete(file);
        }
        return reference;
    }

    /**
     * Pushes a multi-platform base {@code <registry>/<repository>:1}, as public base images are: an OCI image index
     * whose children are a linux/amd64 and a linux/arm64 image. No multi-platform image is reachable offline, so each
     * child is built from scratch by Jib for its platform (config {@code architecture}/{@code os} set, one layer
     * {@code /base/arch} holding the architecture's name, env {@code BASE=yes}) and pushed under
     * {@code 1-<architecture>}; then the index referencing both, with their {@code platform} objects, is PUT under
     * {@code 1} — the way {@code docker buildx} or {@code crane index append} publish one.
     *
     * @return the index's reference, {@code <registry>/<repository>:1}
     */
    public static String pushMultiPlatform(LocalRegistry registry, String repository) throws Exception {
        ArrayNode manifests = JSON.createArrayNode();
        for (String architecture : List.of("amd64", "arm64")) {
            Path file = Files.createTempFile("arch", ".txt");
            Files.writeString(file, architecture + "\n", StandardCharsets.UTF_8);
            String tag = "1-" + architecture;
            try {
                Jib.fromScratch()
                        .setPlatforms(Set.of(new Platform(architecture, "linux")))
                        .setFormat(ImageFormat.OCI)
                        .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/base/arch")).build())
                        .addEnvironmentVariable("BASE", "yes")
                        .containerize(Containerizer.to(RegistryImage.named(registry.host() + "/" + repository + ":" + tag))
                                .setAllowInsecureRegistries(true));
            } finally {
                Files.delete(file);
            }
            LocalRegistry.Manifest child = registry.manifest(repository, tag);
            ObjectNode entry = manifests.addObject();
            entry.put("mediaType", child.mediaType());
            entry.put("digest", child.digest());
            entry.put("size", child.body().getBytes(StandardCharsets.UTF_8).length);
            entry.putObject("platform").put("architecture", architecture).put("os", "linux");
        }
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        index.set("manifests", manifests);
        registry.putManifest(repository, "1", OCI_INDEX, JSON.writeValueAsString(index));
        return registry.host() + "/" + repository + ":1";
    }
}
