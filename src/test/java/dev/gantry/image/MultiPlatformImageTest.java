package dev.gantry.image;

import static dev.gantry.image.ImagePublisherTest.COMMIT_A;
import static dev.gantry.image.ImagePublisherTest.COMMIT_B;
import static dev.gantry.image.ImagePublisherTest.TIME_A;
import static dev.gantry.image.ImagePublisherTest.TIME_B;
import static dev.gantry.image.ImagePublisherTest.maybeGunzip;
import static dev.gantry.image.ImagePublisherTest.releaseTags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platforms} against the real registry: a multi-platform base (an OCI index of linux/amd64 and linux/arm64,
 * built offline by {@link BaseImages#pushMultiPlatform}) gives a multi-platform image whose index — never a child —
 * carries every tag, and the tag-safe rules hold for it as for a single image.
 */
class MultiPlatformImageTest {

    static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64");
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    SampleService service;
    List<String> logged;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = BaseImages.pushMultiPlatform(registry, "multibase");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void sample() throws IOException {
        service = SampleService.create(dir.resolve("service"));
        logged = new ArrayList<>();
    }

    ImageRequest.Builder request(String repository, List<ImageTag> tags, String commit, Instant time) {
        return ImageRequest.builder()
                .image(new ImagePlan(registry.host() + "/" + repository, false, tags))
                .from(base)
                .platforms(PLATFORMS)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(commit)
                .commitTime(time)
                .version(tags.get(0).name())
                .allowInsecureRegistries(true)
                .outputDirectory(dir.resolve("target/gantry"))
                .applicationCache(dir.resolve("target/jib-cache"))
                .baseImageCache(dir.resolve("base-cache"));
    }

    ImageResult publish(ImageRequest request) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request);
    }

    @Test
    void every_tag_points_at_an_index_of_both_platforms_and_none_at_a_child() throws Exception {
        ImageResult result = publish(request("multi", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

        assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
        assertThat(registry.tags("multi")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
        LocalRegistry.Manifest index = registry.manifest("multi", "1.4.0");
        assertThat(index.digest()).isEqualTo(result.digest());
        // jib-core builds an index only in Docker format: a manifest list of Docker manifests
        assertThat(index.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        Map<String, String> children = children(index);
        assertThat(children).containsOnlyKeys("linux/amd64", "linux/arm64");
        for (String tag : registry.tags("multi")) {
            assertThat(registry.digest("multi", tag)).as(tag).isEqualTo(result.digest()).isNotIn(children.values());
        }
        for (Map.Entry<String, String> child : children.entrySet()) {
            String architecture = child.getKey().substring("linux/".length());
            LocalRegistry.Manifest manifest = registry.manifest("multi", child.getValue());
            assertThat(manifest.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
            JsonNode config = registry.config("multi", child.getValue());
            assertThat(config.path("architecture").asText()).isEqualTo(architecture);
            assertThat(config.path("os").asText()).isEqualTo("linux");
            assertThat(config.path("config").path("Labels").path("org.opencontainers.image.revision").asText())
                    .isEqualTo(COMMIT_A);
            // the child is built on the base image of its own platform
            String baseLayer = manifest.json().path("layers").path(0).path("digest").asText();
            assertThat(new String(ImagePublisherTest.tarFile(registry.blob("multi", baseLayer), "base/arch"),
                    StandardCharsets.UTF_8)).isEqualTo(architecture + "\n");
        }
        assertThat(Files.readString(dir.resolve("target/gantry/image.digest"))).isEqualTo(result.digest());
    }

    @Test
    void a_rerun_finds_everything_in_place_and_pushes_nothing() throws Exception {
        ImageResult first = publish(request("multirerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
        int requestsBefore = registry.requests().size();
        long bytesBefore = registry.storedBlobBytes();

        ImageResult again = publish(request("multirerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                .applicationCache(dir.resolve("other-cache")).build());

        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.pushed()).isEmpty();
        assertThat(again.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
        assertThat(registry.storedBlobBytes()).isEqualTo(bytesBefore);
        assertThat(registry.writesSince(requestsBefore)).isEmpty();
    }

    @Test
    void a_missing_tag_gets_the_index_not_a_child() throws Exception {
        List<ImageTag> withoutLatest = releaseTags("1.4.0", COMMIT_A).subList(0, 2);
        ImageResult first = publish(request("multiretag", withoutLatest, COMMIT_A, TIME_A).build());

        ImageResult again = publish(request("multiretag", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

        assertThat(again.pushed()).containsExactly("latest");
        assertThat(again.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
        LocalRegistry.Manifest latest = registry.manifest("multiretag", "latest");
        assertThat(latest.digest()).isEqualTo(first.digest());
        assertThat(latest.mediaType()).isEqualTo(registry.manifest("multiretag", "1.4.0").mediaType());
        assertThat(children(latest)).containsOnlyKeys("linux/amd64", "linux/arm64");
    }

    @Test
    void a_changed_build_under_a_released_version_is_refused_before_pushing_and_latest_stays() throws Exception {
        ImageResult first = publish(request("multirefused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
        service.changeCode("2");
        List<String> tagsBefore = registry.tags("multirefused");
        int uploadsBefore = registry.uploadedBlobs("multirefused").size();
        int requestsBefore = registry.requests().size();

        assertThatThrownBy(() -> publish(request("multirefused", releaseTags("1.4.0", COMMIT_B), COMMIT_B, TIME_B).build()))
                .isInstanceOf(GantryException.class)
                .hasMessage("multirefused:1.4.0 is already released as " + first.digest() + " (built from commit a1b2c3d); "
                        + "this build (commit b2c3d4e) would produce another image (a multi-platform image is compared by the "
                        + "commit it is built from, its org.opencontainers.image.revision label); bump the version in pom.xml. "
                        + "An immutable image tag never moves: nothing was pushed and no mutable tag (such as latest) was "
                        + "moved.");

        assertThat(registry.digest("multirefused", "latest")).isEqualTo(first.digest());
        assertThat(registry.tags("multirefused")).isEqualTo(tagsBefore);
        assertThat(registry.uploadedBlobs("multirefused")).hasSize(uploadsBefore);
        assertThat(registry.writesSince(requestsBefore)).isEmpty();
    }

    @Test
    void the_oci_tar_default_holds_the_first_platform_and_says_so() throws Exception {
        ImageResult result = publish(request("unused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                .image(new ImagePlan("orders", true, releaseTags("1.4.0", COMMIT_A)))
                .platforms(List.of("linux/arm64", "linux/amd64")).build());

        Path tar = dir.resolve("target/gantry/image.tar");
        assertThat(logged).contains("WARN An OCI tar holds one platform: " + tar + " holds linux/arm64 only, not "
                + "linux/amd64. Push to a registry (<imageRepository> or -Dgantry.image.repository) for the "
                + "multi-platform image.");
        Map<String, byte[]> files = tarFiles(Files.readAllBytes(tar));
        JsonNode index = JSON.readTree(files.get("index.json"));
        assertThat(index.path("manifests").size()).isEqualTo(1);
        String manifestDigest = index.path("manifests").path(0).path("digest").asText();
        assertThat(manifestDigest).isEqualTo(result.digest());
        JsonNode manifest = JSON.readTree(files.get("blobs/sha256/" + manifestDigest.substring(7)));
        JsonNode config = JSON.readTree(files.get("blobs/sha256/"
                + manifest.path("config").path("digest").asText().substring(7)));
        assertThat(config.path("architecture").asText()).isEqualTo("arm64");
        assertThat(config.path("os").asText()).isEqualTo("linux");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The children of an index by {@code os/architecture}: their digests. */
    static Map<String, String> children(LocalRegistry.Manifest index) {
        Map<String, String> children = new HashMap<>();
        for (JsonNode child : index.json().path("manifests")) {
            JsonNode platform = child.path("platform");
            children.put(platform.path("os").asText() + "/" + platform.path("architecture").asText(),
                    child.path("digest").asText());
        }
        return children;
    }

    static Map<String, byte[]> tarFiles(byte[] archive) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), tar.readAllBytes());
                }
            }
        }
        return files;
    }
}
