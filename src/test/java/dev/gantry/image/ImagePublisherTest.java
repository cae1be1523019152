package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.ImageLayers;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.NetworkFaults;
import dev.gantry.testing.ProxiedRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image goal's core against the real CNCF distribution registry. */
class ImagePublisherTest {

    static final String COMMIT_A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String COMMIT_B = "b2c3d4e5f60718293a4b5c6d7e8f901234567890";
    static final Instant TIME_A = Instant.parse("2026-11-20T10:15:30Z");
    static final Instant TIME_B = Instant.parse("2026-11-21T11:00:00Z");

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    SampleService service;
    List<String> logged;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = pushBase(registry, "base");
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

    /** A tiny base image (no internet here): one 300 kB layer, built from scratch with Jib. */
    static String pushBase(LocalRegistry registry, String repository) throws Exception {
        return BaseImages.push(registry, repository, 300_000);
    }

    static List<ImageTag> releaseTags(String version, String commit) {
        return List.of(new ImageTag(version, false), new ImageTag("sha-" + commit.substring(0, 12), false),
                new ImageTag("latest", true));
    }

    ImageRequest.Builder request(String repository, List<ImageTag> tags, String commit, Instant time) {
        return ImageRequest.builder()
                .image(new ImagePlan(registry.host() + "/" + repository, false, tags))
                .from(base)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .snapshotDependencies(service.snapshotDependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .jvmFlags(List.of("-Xmx64m"))
                .arguments(List.of("--port=8080"))
                .environment(Map.of("APP_ENV", "test"))
                .ports(List.of("8080", "9000/udp"))
                .user("1000")
                .labels(Map.of("team", "payments"))
                .commit(commit)
                .commitTime(time)
                .version(tags.get(0).name())
                .module("it.gantry:orders")
                .sourceUrl("https://ci-user:s3cret@git.example.com/team/orders.git")
                .allowInsecureRegistries(true)
                .outputDirectory(dir.resolve("target/gantry"))
                .applicationCache(dir.resolve("target/jib-cache"))
                .baseImageCache(dir.resolve("base-cache"));
    }

    ImageResult publish(ImageRequest request) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request);
    }

    ImageResult publish(ImageRequest request, BeforeImageMoves beforeMoves) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request, beforeMoves);
    }

    @Nested
    class A_first_release {

        @Test
        void puts_one_digest_behind_every_tag_of_the_plan() throws Exception {
            ImageResult result = publish(request("orders", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(result.inPlace()).isEmpty();
            assertThat(registry.tags("orders")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
            for (String tag : registry.tags("orders")) {
                assertThat(registry.digest("orders", tag)).as(tag).isEqualTo(result.digest());
            }
            assertThat(registry.manifest("orders", "1.4.0").mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
            assertThat(Files.readString(dir.resolve("target/gantry/image.digest"))).isEqualTo(result.digest());
        }

        @Test
        void has_the_entrypoint_labels_and_creation_time_of_the_commit() throws Exception {
            publish(request("config", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .workingDirectory("/app/resources").build());

            JsonNode config = registry.config("config", "1.4.0");
            assertThat(config.path("created").asText()).isEqualTo("2026-11-20T10:15:30Z");
            assertThat(texts(config.path("config").path("Entrypoint"))).containsExactly("java", "-Xmx64m", "-cp",
                    "@/app/jib-classpath-file", "sample.Main");
            assertThat(texts(config.path("config").path("Cmd"))).containsExactly("--port=8080");
            assertThat(texts(config.path("config").path("Env"))).contains("APP_ENV=test", "BASE=yes");
            assertThat(config.path("config").path("User").asText()).isEqualTo("1000");
            assertThat(config.path("config").path("WorkingDir").asText()).isEqualTo("/app/resources");
            assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
            assertThat(config.path("config").path("ExposedPorts").has("9000/udp")).isTrue();
            JsonNode labels = config.path("config").path("Labels");
            assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo("1.4.0");
            assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(COMMIT_A);
            assertThat(labels.path("org.opencontainers.image.source").asText())
                    .isEqualTo("https://git.example.com/team/orders.git");
            assertThat(labels.path("org.opencontainers.image.created").asText()).isEqualTo("2026-11-20T10:15:30Z");
            assertThat(labels.path("org.opencontainers.image.ref.name").asText()).isEqualTo("1.4.0");
            assertThat(labels.path("team").asText()).isEqualTo("payments");
        }

        @Test
        void records_the_base_image_it_was_built_on_by_name_and_digest() throws Exception {
            ImageResult result = publish(request("based", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            JsonNode labels = registry.config("based", "1.4.0").path("config").path("Labels");
            String baseDigest = registry.digest("base", "1");
            assertThat(labels.path("org.opencontainers.image.base.name").asText()).isEqualTo(base);
            assertThat(labels.path("org.opencontainers.image.base.digest").asText()).isEqualTo(baseDigest);
            assertThat(result.base()).isEqualTo(new BaseImage(base, baseDigest));
        }

        @Test
        void pins_the_base_image_without_a_pull_that_docker_hub_counts_once_jibs_cache_holds_it() throws Exception {
            // Docker Hub counts every GET of a manifest as a pull, and the base image is looked up on every build: by a
            // HEAD, which it does not count; Jib, given the digest, takes the manifest from its cache
            publish(request("pinned", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            int before = registry.requests().size();

            publish(request("pinned", releaseTags("1.5.0", COMMIT_B), COMMIT_B, TIME_B).build());

            List<String> requests = registry.requests();
            assertThat(requests.subList(before, requests.size())).filteredOn(r -> r.contains(" /v2/base/manifests/"))
                    .isNotEmpty().allMatch(r -> r.startsWith("HEAD "));
        }

        /** Trial: a plain-HTTP registry was said to have a certificate that could not be verified. */
        @Test
        void says_that_a_registry_serving_plain_http_does_so() throws Exception {
            assertThatThrownBy(() -> publish(request("plain", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .allowInsecureRegistries(false).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("The registry serves plain HTTP: on a network you trust, set "
                            + "<allowInsecureRegistries>true</allowInsecureRegistries>")
                    .hasMessageNotContaining("certificate");
            assertThat(registry.tags("plain")).isEmpty();
        }

        @Test
        void refuses_a_base_image_that_does_not_exist_naming_from() throws Exception {
            assertThatThrownBy(() -> publish(request("no-base", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .from(registry.host() + "/base:missing").build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("The base image " + registry.host() + "/base:missing does not exist in its registry. Fix "
                            + "<from> in the gantry-maven-plugin configuration or -Dgantry.image.from=<image> (scratch for "
                            + "none).");
            assertThat(registry.tags("no-base")).isEmpty();
        }

        /**
         * A runner that cannot reach Gantry's default base (Docker Hub) but built with Jib on a base of its own registry:
         * the setting left in jib-maven-plugin is what to fix, not the reach of a base nobody chose.
         */
        @Test
        void names_jibs_base_image_left_behind_before_a_base_it_cannot_reach() throws Exception {
            JibPluginSettings jib = new JibPluginSettings(base, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                    Map.of(), null, null, List.of(), Map.of());

            assertThatThrownBy(() -> publish(request("jib-base", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .from("registry.invalid/library/eclipse-temurin:17-jre").jibPlugin(jib).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("jib-maven-plugin's configuration for module it.gantry:orders (in its POM or a "
                            + "parent's, a <pluginManagement> included, or a -Djib.* property) shapes the image in ways "
                            + "Gantry's configuration does not, and Gantry builds the image from its own configuration "
                            + "alone: <from><image> (jib.from.image) is " + base + "; Gantry's is "
                            + "registry.invalid/library/eclipse-temurin:17-jre: set Gantry's <from>" + base + "</from> "
                            + "(-Dgantry.image.from). Nothing was pushed. Set each of Gantry's parameters as named, in the "
                            + "gantry-maven-plugin's <configuration> (Gantry's docs/migrating-from-jib.md maps every "
                            + "setting). Then remove jib-maven-plugin's configuration where it is set (or the plugin): "
                            + "where the two agree, the build goes on.");
            assertThat(registry.tags("jib-base")).isEmpty();
        }

        /** A dry run moves nothing, yet is refused as the real run would be, without a look at the registry. */
        @Test
        void a_dry_runs_check_refuses_what_jib_was_configured_to_build_otherwise() throws Exception {
            JibPluginSettings jib = new JibPluginSettings(null, List.of(), null, List.of("-Xmx1g"), List.of(), Map.of(),
                    List.of(), Map.of(), null, null, List.of(), Map.of());
            int requests = registry.requests().size();

            assertThatThrownBy(() -> new ImagePublisher(new RecordingLog(logged, false), Map.of()).check(
                    request("dry", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).jibPlugin(jib).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("<container><jvmFlags> (jib.container.jvmFlags) is <jvmFlag>-Xmx1g</jvmFlag>; "
                            + "Gantry's is <jvmFlag>-Xmx64m</jvmFlag>: set Gantry's <jvmFlags><jvmFlag>-Xmx1g</jvmFlag>"
                            + "</jvmFlags>. Nothing was pushed.");
            assertThat(registry.requests()).hasSize(requests);
        }

        @Test
        void names_from_when_the_base_images_registry_cannot_be_reached() throws Exception {
            // the image repository is fine: the advice must point at the base image's setting, not at <imageRepository>
            assertThatThrownBy(() -> publish(request("unreachable-base", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .from("registry.invalid/library/eclipse-temurin:17-jre").build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("Cannot look up the base image registry.invalid/library/eclipse-temurin:17-jre (its digest is "
                            + "recorded in the image and in release.json): Cannot talk to the registry of "
                            + "registry.invalid/library/eclipse-temurin: UnknownHostException on HEAD "
                            + "https://registry.invalid/v2/library/eclipse-temurin/manifests/17-jre: registry.invalid. Check "
                            + "the host and port of the base image (<from>, or -Dgantry.image.from where no POM sets "
                            + "it) and that the registry is reachable from this machine.");
            assertThat(registry.tags("unreachable-base")).isEmpty();
        }

        @Test
        void records_no_base_image_on_scratch() throws Exception {
            ImageResult result = publish(request("unbased", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .from("scratch").build());

            JsonNode labels = registry.config("unbased", "1.4.0").path("config").path("Labels");
            assertThat(labels.has("org.opencontainers.image.base.name")).isFalse();
            assertThat(labels.has("org.opencontainers.image.base.digest")).isFalse();
            assertThat(result.base()).isNull();
            // pushed all the same (a file of the image may bring a runtime), and said (trials: an entrypoint of java
            // on an image without one, pushed silently)
            assertThat(logged).contains("WARN The base image is scratch, which holds no Java runtime: the image starts "
                    + "java, and cannot start unless one of its own files provides it. For a service, leave <from> "
                    + "(-Dgantry.image.from) unset, and the image runs on the Temurin JRE of the project's Java release, or "
                    + "name a Java runtime image such as eclipse-temurin:21-jre.");
        }

        @Test
        void has_an_empty_environment_variable_for_an_empty_pom_element() throws Exception {
            Map<String, String> environment = new java.util.HashMap<>();
            environment.put("EMPTY", null); // what Maven gives for <environment><EMPTY/></environment>

            publish(request("empty-env", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).environment(environment).build());

            assertThat(texts(registry.config("empty-env", "1.4.0").path("config").path("Env"))).contains("EMPTY=");
        }

        @Test
        void puts_layers_in_jib_order_base_release_snapshot_resources_classes() throws Exception {
            publish(request("layers", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            JsonNode layers = registry.manifest("layers", "1.4.0").json().path("layers");
            assertThat(layers.size()).isEqualTo(6);
            List<List<String>> contents = new ArrayList<>();
            for (JsonNode layer : layers) {
                contents.add(entries(registry.blob("layers", layer.path("digest").asText())));
            }
            assertThat(contents.get(0)).contains("base/os.bin");
            assertThat(contents.get(1)).contains("app/libs/commons-data-1.0.jar", "app/libs/util-2.3.jar");
            assertThat(contents.get(2)).contains("app/libs/client-1.1-SNAPSHOT.jar");
            assertThat(contents.get(3)).contains("app/resources/app.properties");
            assertThat(contents.get(4)).contains("app/classes/sample/Main.class", "app/classes/sample/Greeting.class");
            assertThat(contents.get(5)).containsExactlyInAnyOrder("app/", "app/jib-classpath-file", "app/jib-main-class-file");
        }

        @Test
        void lists_the_classpath_in_maven_order_in_a_file_as_jib_does_for_java_9_and_later() throws Exception {
            Path util = service.dependencies().get(1);
            Path data = service.dependencies().get(0);
            Path client = service.snapshotDependencies().get(0);
            publish(request("classpath", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .classpath(List.of(client, util, data)).build());

            JsonNode layers = registry.manifest("classpath", "1.4.0").json().path("layers");
            byte[] last = registry.blob("classpath", layers.path(layers.size() - 1).path("digest").asText());
            assertThat(new String(tarFile(last, "app/jib-classpath-file"), StandardCharsets.UTF_8)).isEqualTo(
                    "/app/resources:/app/classes:/app/libs/client-1.1-SNAPSHOT.jar:/app/libs/util-2.3.jar"
                            + ":/app/libs/commons-data-1.0.jar");
            assertThat(new String(tarFile(last, "app/jib-main-class-file"), StandardCharsets.UTF_8)).isEqualTo("sample.Main");
        }

        @Test
        void mounts_a_base_image_of_the_same_registry_instead_of_uploading_it() throws Exception {
            String baseLayer = registry.manifest("base", "1").json().path("layers").path(0).path("digest").asText();

            publish(request("mounted", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThat(registry.mountedBlobs("mounted")).contains(baseLayer);
            assertThat(registry.uploadedBlobs("mounted")).doesNotContain(baseLayer).hasSize(6);
        }
    }

    @Nested
    class Mutable_tags {

        @Test
        void are_put_only_after_every_immutable_tag_is_in_place() throws Exception {
            int before = registry.requests().size();

            ImageResult result = publish(request("ordered", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            List<String> puts = registry.requests().subList(before, registry.requests().size()).stream()
                    .filter(r -> r.startsWith("PUT /v2/ordered/manifests/") && r.endsWith(" 201"))
                    .map(r -> r.split(" ")[1].substring("/v2/ordered/manifests/".length())).toList();
            assertThat(puts).containsExactlyInAnyOrder("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(puts.get(2)).isEqualTo("latest");
            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(registry.digest("ordered", "latest")).isEqualTo(result.digest());
            // nothing uploaded twice: the mutable tag is a manifest PUT only
            assertThat(registry.uploadedBlobs("ordered")).doesNotHaveDuplicates();
        }

        /** 1.2.4 from a support branch, committed after 1.3.0: latest stays on 1.3.0's image. */
        @Test
        void keep_a_higher_releases_image_when_a_maintenance_release_comes_later() throws Exception {
            String higher = publish(request("maintained", releaseTags("1.3.0", COMMIT_A), COMMIT_A, TIME_A).build()).digest();

            ImageResult maintenance = publish(request("maintained", releaseTags("1.2.4", COMMIT_B), COMMIT_B, TIME_B).build());

            assertThat(registry.digest("maintained", "latest")).isEqualTo(higher);
            assertThat(registry.digest("maintained", "1.2.4")).isEqualTo(maintenance.digest());
            assertThat(maintenance.inPlace()).doesNotContain("latest"); // not this image's: release.json says so
            assertThat(maintenance.kept()).containsEntry("latest", "kept-on-higher-release");
            assertThat(logged).anyMatch(l -> l.contains("The tag latest of ") && l.contains("stays on the image of 1.3.0, a "
                    + "higher release than this one (1.2.4)"));
        }
    }

    /** A build that publishes artifacts after the image: the mutable tags wait for them (deployments follow latest). */
    @Nested
    class Mutable_tags_left_for_after_the_artifacts {

        ImageResult publishMovingLater(ImageRequest request) throws GantryException {
            return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request, BeforeImageMoves.NOTHING,
                    true);
        }

        @Test
        void are_not_in_the_registry_until_moved() throws Exception {
            ImageResult result = publishMovingLater(request("waiting", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build());

            assertThat(registry.tags("waiting")).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
            assertThat(result.tagsToMove().names()).containsExactly("latest");
            assertThat(logged).contains("Image " + registry.host() + "/waiting@" + result.digest()
                    + " pushed with tags [1.4.0, sha-a1b2c3d4e5f6]; [latest] moves once the artifacts are published.");

            TagMoves.Moved moved = result.tagsToMove().moveAfterArtifacts(true);

            assertThat(moved.moved()).containsExactly("latest");
            assertThat(registry.digest("waiting", "latest")).isEqualTo(result.digest());
        }

        /** The publish failed, the moves were given up: the re-run finds the image and leaves latest for later again. */
        @Test
        void given_up_are_left_to_the_rerun_which_uploads_nothing() throws Exception {
            ImageResult first = publishMovingLater(request("given-up", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build());
            first.tagsToMove().close();
            int requestsBefore = registry.requests().size();

            ImageResult rerun = publishMovingLater(request("given-up", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build());

            assertThat(registry.writesSince(requestsBefore)).isEmpty();
            assertThat(rerun.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
            assertThat(rerun.tagsToMove().names()).containsExactly("latest");
            assertThat(rerun.tagsToMove().moveAfterArtifacts(true).moved()).containsExactly("latest");
            assertThat(registry.digest("given-up", "latest")).isEqualTo(first.digest());
        }

        /** On a re-run whose mutable tags are all in place there is nothing left to move. */
        @Test
        void leave_nothing_to_move_when_every_tag_is_in_place() throws Exception {
            publish(request("all-there", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            ImageResult rerun = publishMovingLater(request("all-there", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build());

            assertThat(rerun.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(rerun.tagsToMove()).isNull();
        }

        /**
         * An older commit's snapshot finishing after a newer one's (a re-run, pipelines out of order): its moving tags stay
         * on the newer image, and since its artifacts, just published, became the snapshot Maven resolves, it says so.
         */
        @Test
        void stay_on_a_newer_commits_snapshot_and_say_that_the_artifacts_did_not() throws Exception {
            List<ImageTag> newerTags = List.of(new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true),
                    new ImageTag("sha-b2c3d4e5f607", false));
            ImageResult newer = publishMovingLater(request("out-of-order", newerTags, COMMIT_B, TIME_B)
                    .version("1.5.0-SNAPSHOT").build());
            newer.tagsToMove().moveAfterArtifacts(true);
            List<ImageTag> olderTags = List.of(new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true),
                    new ImageTag("sha-a1b2c3d4e5f6", false));
            ImageResult older = publishMovingLater(request("out-of-order", olderTags, COMMIT_A, TIME_A)
                    .version("1.5.0-SNAPSHOT").build());

            TagMoves.Moved moved = older.tagsToMove().moveAfterArtifacts(true);

            assertThat(moved.moved()).isEmpty();
            assertThat(moved.outcomes()).containsExactly(Map.entry("1.5.0-SNAPSHOT", "kept-on-later-commit"),
                    Map.entry("develop", "kept-on-later-commit"));
            assertThat(registry.digest("out-of-order", "develop")).isEqualTo(newer.digest());
            assertThat(logged).anyMatch(l -> l.startsWith("WARN The artifacts of 1.5.0-SNAPSHOT this build published are "
                    + "now the snapshot Maven resolves, though " + registry.host() + "/out-of-order's 1.5.0-SNAPSHOT, "
                    + "develop stay on a newer commit's image"));
        }

        /**
         * Before publishing an older commit's snapshot: the version's tag on a newer commit's image means that commit's
         * build published its artifacts of the version (it moved the tag after them), so these are not published; the
         * newer commit's own build, or another version's tag, is no reason to hold back.
         */
        @Test
        void tell_the_publish_when_a_newer_commits_snapshot_is_in_place() throws Exception {
            ImageResult newer = publishMovingLater(request("newer-in-place", List.of(new ImageTag("1.5.0-SNAPSHOT", true),
                    new ImageTag("develop", true), new ImageTag("sha-b2c3d4e5f607", false)), COMMIT_B, TIME_B)
                    .version("1.5.0-SNAPSHOT").build());
            assertThat(newer.tagsToMove().newerSnapshotPublished()).isEmpty(); // no tag there yet
            newer.tagsToMove().moveAfterArtifacts(true);
            ImageResult older = publishMovingLater(request("newer-in-place", List.of(new ImageTag("1.5.0-SNAPSHOT", true),
                    new ImageTag("develop", true), new ImageTag("sha-a1b2c3d4e5f6", false)), COMMIT_A, TIME_A)
                    .version("1.5.0-SNAPSHOT").build());
            ImageResult otherVersion = publishMovingLater(request("newer-in-place", List.of(
                    new ImageTag("1.6.0-SNAPSHOT", true), new ImageTag("develop", true),
                    new ImageTag("sha-a1b2c3d4e5f6", false)), COMMIT_A, TIME_A).version("1.6.0-SNAPSHOT").build());
            ImageResult rerunOfNewer = publishMovingLater(request("newer-in-place", List.of(
                    new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true),
                    new ImageTag("sha-b2c3d4e5f607", false)), COMMIT_B, TIME_B).version("1.5.0-SNAPSHOT").build());

            assertThat(older.tagsToMove().newerSnapshotPublished()).hasValue("Not publishing the artifacts of "
                    + "1.5.0-SNAPSHOT: " + registry.host() + "/newer-in-place:1.5.0-SNAPSHOT already holds the image of a "
                    + "newer commit (committed " + TIME_B + "; this build's commit: " + TIME_A + "), whose build published "
                    + "its 1.5.0-SNAPSHOT artifacts before it moved that tag. Publishing this older commit's now would make "
                    + "Maven resolve older code. Nothing to do: the newer commit's snapshot stays the one resolved, and this "
                    + "commit's image keeps its own tags.");
            assertThat(otherVersion.tagsToMove().newerSnapshotPublished()).isEmpty();
            assertThat(rerunOfNewer.tagsToMove()).isNull(); // every tag in place already: nothing waits
        }

        /** A snapshot's tags are all mutable but sha-…: the snapshot version's own tag waits too. */
        @Test
        void include_a_snapshots_version_tag() throws Exception {
            List<ImageTag> tags = List.of(new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true),
                    new ImageTag("sha-a1b2c3d4e5f6", false));

            ImageResult result = publishMovingLater(request("snapshot", tags, COMMIT_A, TIME_A).build());

            assertThat(registry.tags("snapshot")).containsExactly("sha-a1b2c3d4e5f6");
            assertThat(result.tagsToMove().names()).containsExactly("1.5.0-SNAPSHOT", "develop");
            result.tagsToMove().moveAfterArtifacts(true);
            assertThat(registry.tags("snapshot")).containsExactlyInAnyOrder("1.5.0-SNAPSHOT", "develop",
                    "sha-a1b2c3d4e5f6");
        }
    }

    @Nested
    class The_extra_directory {

        /** jib-maven-plugin's src/main/jib: its files at the image's root, a script keeping its executable bit. */
        @Test
        void puts_its_files_at_the_root_keeping_the_executable_bit() throws Exception {
            Path extra = dir.resolve("src/main/jib");
            Path script = extra.resolve("usr/local/bin/healthcheck.sh");
            Files.createDirectories(script.getParent());
            Files.writeString(script, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxr-x"));
            Path config = extra.resolve("etc/orders/app.conf");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "port=8080\n");
            Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

            ImageResult result = publish(request("extra", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .extraDirectory(extra).build());

            JsonNode layers = registry.manifest("extra", result.digest()).json().path("layers");
            byte[] last = registry.blob("extra", layers.get(layers.size() - 1).path("digest").asText());
            Map<String, Integer> modes = new java.util.TreeMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(last))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    modes.put(entry.getName().replaceFirst("^/", ""), entry.getMode() & 0777);
                }
            }
            assertThat(modes).containsEntry("usr/local/bin/healthcheck.sh", 0755).containsEntry("etc/orders/app.conf", 0644)
                    .containsEntry("usr/local/bin/", 0755).doesNotContainKey("");
        }
    }

    @Nested
    class A_moving_tag_whose_image_cannot_be_read {

        /**
         * develop holds a newer commit's image; the older commit's pipeline cannot read that image's labels (its config
         * blob answers 503 every time): the tag stays where it is and the build says why, instead of taking the image
         * for one without labels and moving the tag back.
         */
        @Test
        void stays_on_the_newer_image_and_the_build_says_why() throws Exception {
            List<ImageTag> newer = List.of(new ImageTag("sha-" + COMMIT_B.substring(0, 12), false), new ImageTag("develop", true));
            String newerDigest = publish(request("unreadable", newer, COMMIT_B, TIME_B).build()).digest();
            NetworkFaults faults = NetworkFaults.always(NetworkFaults.Kind.SERVER_ERROR).onlyFor("GET blobs");
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                List<ImageTag> older = List.of(new ImageTag("sha-" + COMMIT_A.substring(0, 12), false), new ImageTag("develop", true));
                ImageRequest request = request("unreadable", older, COMMIT_A, TIME_A)
                        .image(new ImagePlan(proxy.host() + "/unreadable", false, older)).build();

                assertThatThrownBy(() -> publish(request))
                        .isInstanceOf(GantryException.class)
                        .hasMessageStartingWith("Cannot read the labels of the image " + newerDigest + " that a tag of "
                                + proxy.host() + "/unreadable holds: The registry of " + proxy.host() + "/unreadable kept "
                                + "failing: reading blob sha256:")
                        .hasMessageContaining("it does not guess. Let the CI's credentials pull from the repository");
            }
            assertThat(registry.digest("unreadable", "develop")).isEqualTo(newerDigest);
        }
    }

    @Nested
    class A_moving_tag_the_registry_denies {

        /** A tag rule (Harbor, Artifactory) or a permission denies latest once 1.4.0 is pushed: say what is in place. */
        @Test
        void fails_saying_the_image_is_in_place_under_its_other_tags() throws Exception {
            try (ProxiedRegistry proxy = ProxiedRegistry.denying(registry, "PUT /manifests/latest")) {
                List<ImageTag> tags = releaseTags("1.4.0", COMMIT_A);
                ImageRequest request = request("denied-latest", tags, COMMIT_A, TIME_A)
                        .image(new ImagePlan(proxy.host() + "/denied-latest", false, tags)).build();

                assertThatThrownBy(() -> publish(request))
                        .isInstanceOf(GantryException.class)
                        .hasMessageContaining("latest")
                        .hasMessageContaining("The image is in place under 1.4.0, sha-a1b2c3d4e5f6 (" + proxy.host()
                                + "/denied-latest@" + registry.digest("denied-latest", "1.4.0") + "); the other tags are "
                                + "not: re-run the pipeline once fixed, and it finds the image there and tags it.");
            }
            assertThat(registry.tags("denied-latest")).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
        }
    }

    @Nested
    class A_rerun {

        /** A reactor of several services, one image repository: the commit's image of another module is not this one. */
        @Test
        void with_another_module_is_refused_and_pushes_nothing() throws Exception {
            ImageResult first = publish(request("shared", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .module("it.gantry:vets").build());
            int requestsBefore = registry.requests().size();

            assertThatThrownBy(() -> publish(request("shared", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .module("it.gantry:customers").build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("shared:1.4.0 holds this commit's image of module it.gantry:vets (" + first.digest()
                            + "), and this build's image is of module it.gantry:customers: one image repository holds "
                            + "one module's images, and the same commit cannot have two under the same tags. Give each "
                            + "module its own repository (<imageRepository> or -Dgantry.image.repository=…), or build "
                            + "the image from it.gantry:vets again (<imageModule>, -Dgantry.image.module). Nothing was "
                            + "pushed.");
            assertThat(registry.writesSince(requestsBefore)).isEmpty();
        }

        /** An image released before Gantry labelled the module is this commit's release, as before. */
        @Test
        void of_an_image_without_the_module_label_completes_it() throws Exception {
            ImageResult first = publish(request("unlabelled", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .module(null).build());
            logged.clear();

            ImageResult again = publish(request("unlabelled", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.pushed()).isEmpty();
            assertThat(logged).noneMatch(line -> line.startsWith("WARN"));
        }

        @Test
        void finds_every_tag_in_place_and_pushes_nothing() throws Exception {
            ImageResult first = publish(request("rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            int requestsBefore = registry.requests().size();
            long bytesBefore = registry.storedBlobBytes();

            // another machine: fresh caches, same commit
            ImageResult again = publish(request("rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .applicationCache(dir.resolve("other-cache")).build());

            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.pushed()).isEmpty();
            assertThat(again.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(registry.storedBlobBytes()).isEqualTo(bytesBefore);
            assertThat(registry.writesSince(requestsBefore)).isEmpty();
        }

        @Test
        void adds_a_new_mutable_tag_without_uploading_anything() throws Exception {
            ImageResult first = publish(request("retag", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            List<ImageTag> more = new ArrayList<>(releaseTags("1.4.0", COMMIT_A));
            more.add(new ImageTag("stable", true));
            long bytesBefore = registry.storedBlobBytes();

            ImageResult again = publish(request("retag", more, COMMIT_A, TIME_A).build());

            assertThat(again.pushed()).containsExactly("stable");
            assertThat(registry.digest("retag", "stable")).isEqualTo(first.digest());
            assertThat(registry.storedBlobBytes()).isEqualTo(bytesBefore);
            assertThat(registry.uploadedBlobs("retag")).hasSize(6);
        }
    }

    @Nested
    class A_rerun_of_the_released_commit_that_would_build_otherwise {

        List<ImageTag> immutableOnly = releaseTags("1.4.0", COMMIT_A).subList(0, 2);

        @Test
        void from_a_clone_with_another_source_url_completes_without_building_or_uploading() throws Exception {
            // released from a clone whose source label was written in another spelling; the run failed before latest
            ImageResult first = publish(request("respelled", immutableOnly, COMMIT_A, TIME_A)
                    .sourceUrl("git@git.example.com:team/orders.git").build());
            int requestsBefore = registry.requests().size();
            long bytesBefore = registry.storedBlobBytes();
            logged.clear();

            ImageResult again = publish(request("respelled", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .sourceUrl("https://git.example.com/team/orders").applicationCache(dir.resolve("other-cache")).build());

            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6");
            assertThat(again.pushed()).containsExactly("latest");
            assertThat(registry.digest("respelled", "latest")).isEqualTo(first.digest());
            // one manifest PUT, no layer: nothing was rebuilt, not even to a tar to learn its digest
            assertThat(registry.writesSince(requestsBefore)).containsExactly("PUT /v2/respelled/manifests/latest 201");
            assertThat(registry.storedBlobBytes()).isEqualTo(bytesBefore);
            assertThat(logged).noneMatch(l -> l.contains("computing this build's digest"));
            assertThat(logged).contains("WARN respelled:1.4.0 is already released from this commit (a1b2c3d) as "
                    + first.digest() + ": the release is completed as it was published, nothing is rebuilt or uploaded, "
                    + "although a rebuild would differ: the label org.opencontainers.image.source would be "
                    + "https://git.example.com/team/orders, the release has git@git.example.com:team/orders.git. A release "
                    + "is its commit, not its bytes: the published image is kept. To ship a rebuild, release a new version.");
        }

        @Test
        void after_the_base_image_tag_moved_completes_with_a_warning_naming_both_digests() throws Exception {
            String movable = BaseImages.push(registry, "movable-base", 10_000);
            String oldBase = registry.digest("movable-base", "1");
            ImageResult first = publish(request("moved", immutableOnly, COMMIT_A, TIME_A).from(movable).build());
            BaseImages.push(registry, "movable-base", 20_000); // the base image's publisher moved its tag
            String newBase = registry.digest("movable-base", "1");
            int requestsBefore = registry.requests().size();
            logged.clear();

            ImageResult again = publish(request("moved", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).from(movable).build());

            assertThat(newBase).isNotEqualTo(oldBase);
            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.pushed()).containsExactly("latest");
            assertThat(registry.writesSince(requestsBefore)).containsExactly("PUT /v2/moved/manifests/latest 201");
            // release.json names the base the release runs on, not today's
            assertThat(again.base()).isEqualTo(new BaseImage(movable, oldBase));
            assertThat(logged).contains("WARN moved:1.4.0 is already released from this commit (a1b2c3d) as "
                    + first.digest() + ": the release is completed as it was published, nothing is rebuilt or uploaded, "
                    + "although a rebuild would differ: the base image " + movable + " is now " + newBase + ", the release "
                    + "was built on " + oldBase + ". A release is its commit, not its bytes: the published image is kept. "
                    + "To ship a rebuild, release a new version.");
        }

        @Test
        void that_would_build_the_same_says_so_at_info_level() throws Exception {
            ImageResult first = publish(request("same-again", immutableOnly, COMMIT_A, TIME_A).build());
            logged.clear();

            publish(request("same-again", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThat(logged).contains("same-again:1.4.0 is already released from this commit (a1b2c3d) as "
                    + first.digest() + ": the release is completed as it was published, nothing is rebuilt or uploaded.");
            assertThat(logged).noneMatch(l -> l.startsWith("WARN"));
        }

        /**
         * develop left at 1.4.0-SNAPSHOT after 1.4.0 went out from main: its snapshot sorts below the release, warned of
         * from the release's tag in the registry (looked up beside the plan's tags); a snapshot of the next version is not.
         */
        @Test
        void of_a_snapshot_whose_version_is_released_warns() throws Exception {
            publish(request("released-then-snapshot", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            logged.clear();
            List<ImageTag> snapshot = List.of(new ImageTag("sha-b2c3d4e5f607", false), new ImageTag("1.4.0-SNAPSHOT", true));
            List<ImageTag> next = List.of(new ImageTag("sha-b2c3d4e5f607", false), new ImageTag("1.5.0-SNAPSHOT", true));

            publish(request("released-then-snapshot", snapshot, COMMIT_B, TIME_B).version("1.4.0-SNAPSHOT").build());
            List<String> warned = List.copyOf(logged);
            logged.clear();
            publish(request("released-then-snapshot-next", next, COMMIT_B, TIME_B).version("1.5.0-SNAPSHOT").build());

            assertThat(warned).contains("WARN 1.4.0 is already released (" + registry.host() + "/released-then-snapshot:"
                    + "1.4.0 exists), yet this build pushes and publishes 1.4.0-SNAPSHOT, which Maven sorts below 1.4.0: "
                    + "this commit's code would go out under a version older than the release it follows. After a "
                    + "release, move this branch to the next version, for example mvn versions:set -DnewVersion="
                    + "1.4.1-SNAPSHOT, and push.");
            assertThat(registry.tags("released-then-snapshot")).contains("1.4.0-SNAPSHOT", "sha-b2c3d4e5f607");
            assertThat(logged).noneMatch(l -> l.contains("is already released ("));
        }

        /** A develop re-run of the same commit: its sha- tag is taken by its own image, which is no release. */
        @Test
        void of_a_snapshot_says_pushed_not_released() throws Exception {
            List<ImageTag> tags = List.of(new ImageTag("sha-a1b2c3d4e5f6", false), new ImageTag("1.5.0-SNAPSHOT", true));
            ImageResult first = publish(request("snapshot-again", tags, COMMIT_A, TIME_A).version("1.5.0-SNAPSHOT").build());
            logged.clear();

            publish(request("snapshot-again", tags, COMMIT_A, TIME_A).version("1.5.0-SNAPSHOT").build());

            assertThat(logged).contains("snapshot-again:sha-a1b2c3d4e5f6 is already pushed from this commit (a1b2c3d) as "
                    + first.digest() + ": this build completes it, nothing is rebuilt or uploaded.");
        }
    }

    @Nested
    class A_changed_image_under_a_released_version {

        @Test
        void is_refused_before_anything_is_pushed_and_latest_stays() throws Exception {
            ImageResult first = publish(request("refused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            service.changeCode("2");
            List<String> tagsBefore = registry.tags("refused");
            int uploadsBefore = registry.uploadedBlobs("refused").size();

            assertThatThrownBy(() -> publish(request("refused", releaseTags("1.4.0", COMMIT_B), COMMIT_B, TIME_B).build()))
                    .isInstanceOf(GantryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).matches(
                            "refused:1\\.4\\.0 is already released as \\Q" + first.digest() + "\\E \\(built from commit a1b2c3d\\); "
                                    + "this build \\(commit b2c3d4e\\) would produce sha256:[0-9a-f]{64}; bump the version in "
                                    + "pom\\.xml\\. An immutable image tag never moves: nothing was pushed and no mutable tag "
                                    + "\\(such as latest\\) was moved\\."));

            assertThat(registry.digest("refused", "latest")).isEqualTo(first.digest());
            assertThat(registry.tags("refused")).isEqualTo(tagsBefore);
            assertThat(registry.uploadedBlobs("refused")).hasSize(uploadsBefore);
        }
    }

    /** The hook the Maven glue judges the artifacts in, knowing what the registry holds, before the image moves. */
    @Nested
    class The_check_before_the_image_moves {

        List<Optional<String>> asked = new ArrayList<>();
        BeforeImageMoves recording = asked::add;
        BeforeImageMoves refusing = revision -> {
            asked.add(revision);
            throw new GantryException("refused by the artifacts");
        };

        @Test
        void hears_nothing_released_when_the_version_tag_is_free() throws Exception {
            publish(request("hook-new", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build(), recording);

            assertThat(asked).containsExactly(Optional.empty());
            assertThat(registry.tags("hook-new")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
        }

        @Test
        void hears_this_commit_when_the_version_tag_holds_this_commits_image() throws Exception {
            publish(request("hook-rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            publish(request("hook-rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build(), recording);

            assertThat(asked).containsExactly(Optional.of(COMMIT_A));
        }

        @Test
        void hears_the_other_commit_whose_image_holds_the_version() throws Exception {
            publish(request("hook-other", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThatThrownBy(() -> publish(request("hook-other", releaseTags("1.4.0", COMMIT_B), COMMIT_B, TIME_B)
                    .build(), recording)).isInstanceOf(GantryException.class);

            assertThat(asked).containsExactly(Optional.of(COMMIT_A));
        }

        @Test
        void refusing_a_first_release_leaves_the_registry_without_a_tag() throws Exception {
            assertThatThrownBy(() -> publish(request("hook-refused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build(), refusing)).hasMessage("refused by the artifacts");

            assertThat(asked).containsExactly(Optional.empty());
            assertThat(registry.tags("hook-refused")).isEmpty();
            // Jib's push, started ahead, wrote nothing (not even a layer), said nothing, and let the next build of Jib's run
            assertThat(registry.requests()).noneMatch(r -> r.matches("(POST|PATCH|PUT) /v2/hook-refused/.*"));
            assertThat(logged).noneMatch(l -> l.contains("Jib"));
            publish(request("hook-refused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build(), recording);
            assertThat(registry.tags("hook-refused")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
        }

        @Test
        void failing_with_an_error_leaves_jib_free_for_the_next_build() throws Exception {
            BeforeImageMoves failing = revision -> {
                throw new AssertionError("a check that failed badly");
            };

            assertThatThrownBy(() -> publish(request("hook-error", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .build(), failing)).isInstanceOf(AssertionError.class);

            // the push started ahead was abandoned, not left waiting with Jib's JVM-wide turn
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> publish(request("hook-error",
                    releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build(), recording));
            assertThat(registry.tags("hook-error")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
        }

        @Test
        void runs_while_jib_prepares_its_push_and_nothing_is_uploaded_until_it_passed() throws Exception {
            int requestsBefore = registry.requests().size();
            List<String> writesDuringTheCheck = new ArrayList<>();
            BeforeImageMoves waitingForJib = revision -> {
                // returns once Jib has authenticated its push (its GET /v2/; Gantry's look-ups never ask for it):
                // a push started after the check never would
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (since(requestsBefore).stream().noneMatch(r -> r.startsWith("GET /v2/ "))) {
                        if (System.nanoTime() > deadline) {
                            throw new GantryException("Jib did not start its push while the check ran");
                        }
                        Thread.sleep(20);
                    }
                    Thread.sleep(500); // time for a write that the hold failed to stop to reach the registry
                    since(requestsBefore).stream().filter(r -> r.matches("(POST|PATCH|PUT) /v2/hook-ahead/.*"))
                            .forEach(writesDuringTheCheck::add);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };

            ImageResult result = publish(request("hook-ahead", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build(),
                    waitingForJib);

            assertThat(writesDuringTheCheck).isEmpty();
            assertThat(registry.tags("hook-ahead")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
            assertThat(registry.digest("hook-ahead", "1.4.0")).isEqualTo(result.digest());
        }

        List<String> since(int count) throws IOException {
            List<String> all = registry.requests();
            return all.subList(Math.min(count, all.size()), all.size());
        }

        @Test
        void refusing_a_rerun_leaves_every_tag_where_it_was() throws Exception {
            publish(request("hook-refused-rerun", releaseTags("1.4.0", COMMIT_A).subList(0, 1), COMMIT_A, TIME_A).build());
            List<String> tagsBefore = registry.tags("hook-refused-rerun");
            int requestsBefore = registry.requests().size();

            assertThatThrownBy(() -> publish(request("hook-refused-rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A,
                    TIME_A).build(), refusing)).hasMessage("refused by the artifacts");

            assertThat(asked).containsExactly(Optional.of(COMMIT_A));
            assertThat(registry.tags("hook-refused-rerun")).isEqualTo(tagsBefore).containsExactly("1.4.0");
            assertThat(registry.writesSince(requestsBefore)).isEmpty();
        }

        @Test
        void is_asked_with_nothing_released_before_the_oci_tar_is_written() {
            assertThatThrownBy(() -> publish(request("unused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan("orders", true, releaseTags("1.4.0", COMMIT_A))).build(), refusing))
                    .hasMessage("refused by the artifacts");

            assertThat(asked).containsExactly(Optional.empty());
            assertThat(dir.resolve("target/gantry/image.tar")).doesNotExist();
        }
    }

    @Nested
    class A_code_only_change {

        @Test
        void uploads_only_the_classes_layer_the_config_and_the_manifest() throws Exception {
            List<ImageTag> develop1 = List.of(new ImageTag("sha-" + COMMIT_A.substring(0, 12), false),
                    new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true));
            publish(request("develop", develop1, COMMIT_A, TIME_A).version("1.5.0-SNAPSHOT").build());
            service.changeCode("2");
            long before = registry.storedBlobBytes();
            int uploadsBefore = registry.uploadedBlobs("develop").size();

            List<ImageTag> develop2 = List.of(new ImageTag("sha-" + COMMIT_B.substring(0, 12), false),
                    new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true));
            ImageResult second = publish(request("develop", develop2, COMMIT_B, TIME_B).version("1.5.0-SNAPSHOT").build());

            LocalRegistry.Manifest manifest = registry.manifest("develop", "develop");
            assertThat(manifest.digest()).isEqualTo(second.digest());
            JsonNode layers = manifest.json().path("layers");
            JsonNode classes = layers.path(layers.size() - 2); // the last holds the classpath file, unchanged
            long expected = classes.path("size").asLong() + manifest.json().path("config").path("size").asLong()
                    + manifest.body().getBytes(StandardCharsets.UTF_8).length;
            long received = registry.storedBlobBytes() - before;
            assertThat(registry.uploadedBlobs("develop").subList(uploadsBefore, registry.uploadedBlobs("develop").size()))
                    .containsExactlyInAnyOrder(classes.path("digest").asText(),
                            manifest.json().path("config").path("digest").asText());
            assertThat(received).isPositive().isLessThanOrEqualTo((long) (expected * 1.05));
        }
    }

    @Nested
    class Credentials {

        LocalRegistry secured;

        @BeforeEach
        void start() throws Exception {
            secured = LocalRegistry.startWithBasicAuth("ci", "s3cret-pass");
        }

        @org.junit.jupiter.api.AfterEach
        void stop() {
            secured.close();
        }

        ImageRequest.Builder securedRequest() {
            return request("x", releaseTags("1.0.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan(secured.host() + "/orders", false, releaseTags("1.0.0", COMMIT_A)))
                    .from("scratch");
        }

        @Test
        void from_a_settings_server_push_to_a_basic_auth_registry() throws Exception {
            ImageResult result = publish(securedRequest()
                    .credential(secured.host(), new RegistryCredential("ci", "s3cret-pass")).build());

            assertThat(secured.digest("orders", "1.0.0")).isEqualTo(result.digest());
            assertThat(String.join("\n", logged)).doesNotContain("s3cret-pass");
        }

        @Test
        void from_a_docker_config_push_too() throws Exception {
            Path config = dir.resolve("docker/config.json");
            Files.createDirectories(config.getParent());
            String auth = Base64.getEncoder().encodeToString("ci:s3cret-pass".getBytes(StandardCharsets.UTF_8));
            Files.writeString(config, "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\"" + auth + "\"}}}");

            ImageResult result = publish(securedRequest().dockerConfig(config).build());

            assertThat(secured.digest("orders", "latest")).isEqualTo(result.digest());
        }

        @Test
        void missing_give_a_clear_401_message() {
            assertThatThrownBy(() -> publish(securedRequest().dockerConfig(dir.resolve("none.json")).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("The registry " + secured.host() + " refused access to " + secured.host() + "/orders (HTTP 401 "
                            + "Unauthorized) and no credentials were found for it. Add a <server> with <id>" + secured.host()
                            + "</id>, <username> and <password> to settings.xml, run docker login " + secured.host()
                            + ", or name a Docker credential helper with <credentialHelper> in the gantry-maven-plugin "
                            + "configuration or -Dgantry.image.credentialHelper=<name>.");
        }

        @Test
        void wrong_ones_name_their_source() {
            assertThatThrownBy(() -> publish(securedRequest()
                    .credential(secured.host(), new RegistryCredential("ci", "wrong")).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("The registry " + secured.host() + " rejected the credentials from settings.xml server '"
                            + secured.host() + "' for " + secured.host() + "/orders (HTTP 401 Unauthorized). Check the user "
                            + "name and password (or token) there; they may be wrong or expired.");
        }
    }

    @Nested
    class Credentials_over_plain_http {

        LocalRegistry plain;

        @BeforeEach
        void start() throws Exception {
            plain = LocalRegistry.startWithBasicAuthOverHttp("ci", "s3cret-pass");
        }

        @org.junit.jupiter.api.AfterEach
        void stop() {
            plain.close();
            System.clearProperty(JibRunner.JIB_SEND_CREDENTIALS_OVER_HTTP);
        }

        ImageRequest.Builder plainRequest() {
            return request("x", releaseTags("1.0.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan(plain.host() + "/orders", false, releaseTags("1.0.0", COMMIT_A)))
                    .from("scratch")
                    .credential(plain.host(), new RegistryCredential("ci", "s3cret-pass"));
        }

        String refusal(String image) {
            return "The registry " + plain.host() + " refused access to " + image + " (HTTP 401 Unauthorized): it serves "
                    + "plain HTTP, so the credentials from settings.xml server '" + plain.host() + "' were not sent (anyone "
                    + "on the network could read them). Serve the registry over HTTPS (a self-signed certificate works with "
                    + "-Dgantry.image.allowInsecureRegistries=true), or, on a network you trust, send them anyway with "
                    + "<sendCredentialsOverHttp>true</sendCredentialsOverHttp> in the gantry-maven-plugin configuration or "
                    + "-Dgantry.image.sendCredentialsOverHttp=true.";
        }

        @Test
        void are_not_sent_by_default_and_the_refusal_names_the_flag() {
            assertThatThrownBy(() -> publish(plainRequest().build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage(refusal(plain.host() + "/orders"));
        }

        @Test
        void are_sent_with_send_credentials_over_http_by_gantry_and_by_jib() throws Exception {
            ImageResult result = publish(plainRequest().sendCredentialsOverHttp(true).build());

            assertThat(plain.digest("orders", "latest")).isEqualTo(result.digest());
            assertThat(String.join("\n", logged)).doesNotContain("s3cret-pass");
        }

        @Test
        void are_not_sent_by_jib_either_even_with_its_own_system_property_set() throws Exception {
            String baseImage = publish(plainRequest().sendCredentialsOverHttp(true).build()).digest();
            // as mvn -DsendCredentialsOverHttp=true, meant for jib-maven-plugin, would set it
            System.setProperty(JibRunner.JIB_SEND_CREDENTIALS_OVER_HTTP, "true");

            assertThatThrownBy(() -> publish(request("from-plain", releaseTags("1.0.0", COMMIT_A), COMMIT_A, TIME_A)
                    .from(plain.host() + "/orders@" + baseImage)
                    .credential(plain.host(), new RegistryCredential("ci", "s3cret-pass")).build()))
                    .isInstanceOf(GantryException.class)
                    .hasMessage(refusal(plain.host() + "/orders"));
            assertThat(System.getProperty(JibRunner.JIB_SEND_CREDENTIALS_OVER_HTTP)).isEqualTo("true");
            assertThat(registry.tags("from-plain")).isEmpty();
        }
    }

    @Nested
    class The_embedded_default {

        @Test
        void writes_an_oci_tar_and_its_digest() throws Exception {
            ImageResult result = publish(request("unused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan("orders", true, releaseTags("1.4.0", COMMIT_A))).build());

            Path tar = dir.resolve("target/gantry/image.tar");
            assertThat(result.tarFile()).isEqualTo(tar);
            assertThat(tar).isRegularFile();
            assertThat(entries(Files.readAllBytes(tar))).contains("oci-layout", "index.json");
            assertThat(Files.readString(dir.resolve("target/gantry/image.digest"))).isEqualTo(result.digest());
            assertThat(result.digest()).matches("sha256:[0-9a-f]{64}");
        }

        @Test
        void gives_the_digest_a_push_of_the_same_build_gives() throws Exception {
            ImageResult local = publish(request("unused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan("orders", true, releaseTags("1.4.0", COMMIT_A))).build());
            ImageResult pushed = publish(request("same", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());

            assertThat(local.digest()).isEqualTo(pushed.digest());
        }
    }

    @Nested
    class The_image_runs {

        @Test
        void with_its_entrypoint_classpath_against_the_extracted_layers() throws Exception {
            publish(request("runs", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).build());
            Path root = dir.resolve("rootfs");
            ImageLayers.unpack(registry, "runs", "1.4.0", root);
            JsonNode config = registry.config("runs", "1.4.0").path("config");
            // the image's paths start with /app/: point them (in the command and in the classpath file) at the extracted copy
            Path classpathFile = root.resolve("app/jib-classpath-file");
            Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app/", root + "/app/"));
            List<String> command = new ArrayList<>();
            for (String part : texts(config.path("Entrypoint"))) {
                command.add(part.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                        : part.replace("/app/", root + "/app/"));
            }
            command.addAll(texts(config.path("Cmd")));

            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out.strip()).isEqualTo("Hello from orders revision 1 args --port=8080");
        }
    }

    @Nested
    class The_main_class {

        @Test
        void is_found_by_jib_when_not_configured() throws Exception {
            ImageResult result = publish(request("found", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).mainClass(null)
                    .build());

            assertThat(texts(registry.config("found", result.digest()).path("config").path("Entrypoint")))
                    .endsWith("sample.Main");
        }

        @Test
        void that_is_not_in_the_image_is_refused_before_anything_is_pushed() throws Exception {
            int before = registry.requests().size();

            assertThatThrownBy(() -> publish(request("cannot-start", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .mainClass(null).startClass("sample.Other").build()))
                    .hasMessage("Main class sample.Other (from the start-class property, Spring Boot's convention) is not in "
                            + "the image: neither " + service.classes() + " nor any of the 3 dependency jars holds "
                            + "sample/Other.class, so the container could not start. Nothing was pushed. Set the class that "
                            + "starts the service with <mainClass> in the gantry-maven-plugin configuration "
                            + "(or -Dgantry.image.mainClass=com.example.Main).");
            assertThat(registry.writesSince(before)).isEmpty();
        }

        @Test
        void without_a_main_method_is_refused_before_the_oci_tar_is_written() throws Exception {
            assertThatThrownBy(() -> publish(request("unused", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .image(new ImagePlan("orders", true, releaseTags("1.4.0", COMMIT_A)))
                    .mainClass("sample.Greeting").build()))
                    .hasMessageStartingWith("Main class sample.Greeting (from <mainClass> of the gantry-maven-plugin or "
                            + "-Dgantry.image.mainClass, found in " + service.classes().resolve("sample/Greeting.class")
                            + ") has no public static void main(String[]) method");
            assertThat(dir.resolve("target/gantry/image.tar")).doesNotExist();
            assertThat(dir.resolve("target/gantry/image.digest")).doesNotExist();
        }

        /** A library asked for an image: its missing main class is the answer, not the base image it never needed. */
        @Test
        void missing_is_said_before_a_base_image_that_cannot_be_reached() throws Exception {
            Path empty = Files.createDirectories(dir.resolve("library"));
            assertThatThrownBy(() -> publish(request("library", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)
                    .mainClass(null).classesDirectory(empty).from("registry.invalid/library/eclipse-temurin:17-jre")
                    .build()))
                    .hasMessageStartingWith("No main class found in " + empty + ": the image needs one to start.");
            assertThat(registry.tags("library")).isEmpty();
        }

        @Test
        void is_refused_when_there_is_none() throws Exception {
            Path empty = Files.createDirectories(dir.resolve("empty"));
            assertThatThrownBy(() -> publish(request("none", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A).mainClass(null)
                    .classesDirectory(empty).build()))
                    .hasMessage("No main class found in " + empty + ": the image needs one to start. Set <mainClass> in the "
                            + "gantry-maven-plugin configuration (or -Dgantry.image.mainClass=com.example.Main), or the "
                            + "start-class property (Spring Boot's convention), or <archive><manifest><mainClass> in the "
                            + "maven-jar-plugin configuration, or the exec.mainClass property (exec-maven-plugin's and "
                            + "Micronaut's convention). If module it.gantry:orders is a library, not a service, it needs "
                            + "no image: set <gantry.image.skip>true</gantry.image.skip> in the <properties> of its POM (a "
                            + "parent POM's image settings, such as its <imageRepository>, reach libraries that inherit "
                            + "them too). If no module of the reactor is a service, set it in the <properties> of the top-level POM "
                            + "instead, which every module inherits: the next module would be asked for the image otherwise.");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static List<String> entries(byte[] archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
            }
        }
        return names;
    }

    /** The bytes of one file of a layer. */
    static byte[] tarFile(byte[] layer, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(layer))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IOException("No " + name + " in the layer");
    }

    static InputStream maybeGunzip(byte[] bytes) throws IOException {
        return ImageLayers.gunzip(bytes);
    }
}
