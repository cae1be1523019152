package dev.gantry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.aws.CodeArtifact;
import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.MavenRepository;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.Flow;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.LifecyclePolicy;
import dev.gantry.release.MutableTagFilters;
import dev.gantry.release.RepositoryPolicy;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.CodeArtifactStandIn;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.HttpMavenRepository;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.NetworkFaults;
import dev.gantry.testing.NetworkFaults.Kind;
import dev.gantry.testing.ProxiedRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases through a faulty network: the real registry (behind {@link ProxiedRegistry}), the ECR stand-in and the
 * CodeArtifact stand-in answering some requests with server errors, throttling, resets or slow answers
 * ({@link NetworkFaults}, seeded: a failure here replays with the same seed). The release completes through Gantry's
 * bounded retries with backoff; a persistent fault ends, within seconds, in a message that names the call and what was
 * retried. Figures printed as {@code FAULTS ...} lines are those of docs/reliability.md.
 */
class NetworkFaultsTest {

    static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final Instant TIME = Instant.parse("2026-11-20T10:15:30Z");
    static final List<String> MOVING = List.of("latest", "develop", "dev-latest", "*-SNAPSHOT");
    static final RepositorySystem RESOLVER = new RepositorySystemSupplier().get();

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    final List<String> logged = new ArrayList<>();

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = BaseImages.push(registry, "base", 100_000);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    static List<ImageTag> releaseTags(String version) {
        return List.of(new ImageTag(version, false), new ImageTag("sha-" + COMMIT.substring(0, 12), false),
                new ImageTag("latest", true));
    }

    ImageRequest imageRequest(String host, String repository) throws IOException {
        return imageRequestBuilder(host, repository).build();
    }

    ImageRequest.Builder imageRequestBuilder(String host, String repository) throws IOException {
        SampleService service = SampleService.create(dir.resolve("service-" + repository));
        return ImageRequest.builder()
                .image(new ImagePlan(host + "/" + repository, false, releaseTags("1.4.0")))
                .from(base)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(COMMIT)
                .commitTime(TIME)
                .version("1.4.0")
                .allowInsecureRegistries(true)
                .sendCredentialsOverHttp(true)
                .outputDirectory(dir.resolve("target/gantry-" + repository))
                .applicationCache(dir.resolve("target/jib-cache"))
                .baseImageCache(dir.resolve("base-cache"));
    }

    ImageResult push(ImageRequest request) throws Exception {
        return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request);
    }

    DefaultRepositorySystemSession resolverSession() {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(RESOLVER.newLocalRepositoryManager(session,
                new LocalRepository(dir.resolve("local").toFile())));
        // the CodeArtifact stand-in's self-signed certificate, for Resolver's HTTPS transport
        session.setConfigProperty("aether.connector.https.securityMode", "insecure");
        return session;
    }

    Artifact artifact(String artifactId, String extension, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(artifactId + "." + extension), content, StandardCharsets.UTF_8);
        return new DefaultArtifact("com.acme", artifactId, "", extension, "1.4.0").setFile(file.toFile());
    }

    static void report(String what, NetworkFaults faults, long startNanos) {
        System.out.println("FAULTS " + what + ": " + faults + ": " + faults.injected().size() + " faults in "
                + faults.received("") + " requests, " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }

    @Nested
    class An_image_push_to_the_real_registry {

        @Test
        void completes_when_one_request_in_three_breaks_off_or_answers_slowly() throws Exception {
            for (long seed = 1; seed <= 2; seed++) {
                NetworkFaults faults = NetworkFaults.oneIn(3, seed, Kind.RESET, Kind.SLOW).slowBy(Duration.ofMillis(200));
                try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                    long start = System.nanoTime();
                    ImageResult result = push(imageRequest(proxy.host(), "resets-" + seed));

                    report("image push, resets and slow answers, seed " + seed, faults, start);
                    assertThat(registry.tags("resets-" + seed)).containsExactlyInAnyOrder("1.4.0", "latest", "sha-a1b2c3d4e5f6");
                    assertThat(registry.digest("resets-" + seed, "latest")).isEqualTo(result.digest());
                    assertThat(faults.injected()).hasSizeGreaterThanOrEqualTo(5);
                }
            }
        }

        @Test
        void completes_when_one_request_in_three_is_answered_busy_throttled_reset_or_slowly() throws Exception {
            // jib-core retries a request only on a broken connection: a 429 or 5xx fails Jib's whole build; Gantry's
            // next attempts go through its relay (RelayedRegistries), which sends each failed request again. Seeds 1-3
            // complete too (7.7, 6.3, 5.5 s; docs/reliability.md): left out to keep the suite short
            for (long seed = 4; seed <= 5; seed++) {
                NetworkFaults faults = NetworkFaults.oneIn(3, seed).slowBy(Duration.ofMillis(200));
                String repository = "busy-third-" + seed;
                try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                    logged.clear();
                    long start = System.nanoTime();
                    ImageResult result = push(imageRequest(proxy.host(), repository));

                    report("image push, 1 in 3 of all kinds, seed " + seed, faults, start);
                    // what Jib says through the relay names the registries as configured (the target behind its
                    // proxy, the base directly), never the relay's address
                    assertThat(logged).filteredOn(line -> line.contains("127.0.0.1:")).allMatch(line -> line
                            .replace(proxy.host(), "").replace(registry.host(), "").indexOf("127.0.0.1:") < 0,
                            "names the registries as configured");
                    assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
                    assertThat(registry.tags(repository)).containsExactlyInAnyOrder("1.4.0", "latest", "sha-a1b2c3d4e5f6");
                    for (String tag : List.of("1.4.0", "sha-a1b2c3d4e5f6", "latest")) {
                        assertThat(registry.digest(repository, tag)).isEqualTo(result.digest());
                    }
                    assertThat(faults.injected()).anyMatch(f -> !f.startsWith("RESET") && !f.startsWith("SLOW"));
                }
            }
        }

        @Test
        void that_keeps_failing_ends_within_seconds_naming_the_call_and_the_attempts() throws Exception {
            NetworkFaults faults = NetworkFaults.always(Kind.SERVER_ERROR);
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                ImageRequest request = imageRequest(proxy.host(), "down");
                long start = System.nanoTime();

                assertThatThrownBy(() -> push(request)).hasMessage("The registry of " + proxy.host() + "/down kept "
                        + "failing: reading manifest 1.4.0 answered HTTP 503 {\"errors\":[{\"code\":\"UNAVAILABLE\","
                        + "\"message\":\"service unavailable\"}]}; tried 3 times, pausing 200 ms and more between attempts. "
                        + "The registry is busy or failing: re-run the pipeline later (what was already pushed is kept and "
                        + "not uploaded again), or check the registry's status.");
                report("image push, persistent 503", faults, start);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        }

        @Test
        void whose_uploads_keep_failing_ends_naming_jibs_call_and_its_attempts() throws Exception {
            NetworkFaults faults = NetworkFaults.always(Kind.SERVER_ERROR).onlyFor("POST blobs/uploads");
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                ImageRequest request = imageRequest(proxy.host(), "uploads-down");
                long start = System.nanoTime();

                assertThatThrownBy(() -> push(request))
                        .hasMessageStartingWith("The registry of " + proxy.host() + "/uploads-down kept failing: 503 "
                                + "Service Unavailable, POST http://" + proxy.host() + "/v2/uploads-down/blobs/uploads/")
                        .hasMessageContaining("; tried 4 times, pausing 500 ms and more between attempts. After the "
                                + "first, each failed request was sent up to 5 times.");
                report("image push, persistent 503 on layer uploads", faults, start);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            }
        }

        @Test
        void that_keeps_answering_429_is_told_as_a_request_limit_not_as_busy_on_jibs_calls_and_on_gantrys() throws Exception {
            // Jib's call: its layer uploads (Gantry's look-ups of the tags are answered)
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry,
                    NetworkFaults.always(Kind.THROTTLED).onlyFor("POST blobs/uploads"))) {
                assertThatThrownBy(() -> push(imageRequest(proxy.host(), "limited-uploads")))
                        .hasMessageStartingWith("The registry kept answering HTTP 429 Too Many Requests (429 , POST http://"
                                + proxy.host() + "/v2/limited-uploads/blobs/uploads/")
                        .hasMessageContaining("; tried 4 times): it limits how many "
                                + "requests a client may make, and a re-run at once meets the same limit. Re-run the "
                                + "pipeline when the registry's limit allows it")
                        .hasMessageNotContaining("busy or failing");
            }
            // Gantry's own: the first look-up of the tags
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, NetworkFaults.always(Kind.THROTTLED))) {
                assertThatThrownBy(() -> push(imageRequest(proxy.host(), "limited")))
                        .hasMessageStartingWith("The registry kept answering HTTP 429 Too Many Requests (")
                        .hasMessageContaining(" of " + proxy.host() + "/limited: {\"errors\":[{\"code\":\"TOOMANYREQUESTS\"")
                        .hasMessageContaining("; tried 3 times)")
                        .hasMessageNotContaining("busy or failing");
            }
            assertThat(registry.tags("limited-uploads")).isEmpty();
        }

        @Test
        void failing_during_a_layer_upload_moves_no_tag_and_a_rerun_completes_the_release() throws Exception {
            ImageRequest request = imageRequest(registry.host(), "layer-rerun");
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry,
                    NetworkFaults.always(Kind.SERVER_ERROR).onlyFor("PATCH blobs/uploads"))) {
                assertThatThrownBy(() -> push(imageRequest(proxy.host(), "layer-rerun")))
                        .hasMessageContaining("kept failing: 503 Service Unavailable, PATCH http://" + proxy.host());
            }
            assertThat(registry.tags("layer-rerun")).isEmpty();

            ImageResult rerun = push(request);

            assertThat(rerun.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            for (String tag : List.of("1.4.0", "sha-a1b2c3d4e5f6", "latest")) {
                assertThat(registry.digest("layer-rerun", tag)).isEqualTo(rerun.digest());
            }
        }

        @Test
        void failing_after_the_image_before_the_artifacts_a_rerun_finds_the_image_and_publishes() throws Exception {
            ImageRequest request = imageRequest(registry.host(), "artifacts-rerun");
            push(request);
            try (HttpMavenRepository maven = HttpMavenRepository.start(dir.resolve("served"), "deployer", "s3cret")) {
                maven.failNextPuts(100);
                assertThatThrownBy(() -> publishTo(maven)).hasMessageStartingWith("Publishing to repository 'releases' ("
                        + maven.url() + ") failed after 3 attempts: ");
                maven.failNextPuts(0);

                ImageResult rerun = push(request);
                Map<Artifact, PublishOutcome> published = publishTo(maven);

                assertThat(rerun.pushed()).isEmpty();
                assertThat(rerun.inPlace()).containsExactlyInAnyOrder("1.4.0", "sha-a1b2c3d4e5f6", "latest");
                assertThat(published.values()).containsOnly(PublishOutcome.PUBLISHED);
                assertThat(maven.root().resolve("com/acme/orders/1.4.0/orders-1.4.0.jar")).hasContent("classes of orders");
            }
        }

        Map<Artifact, PublishOutcome> publishTo(HttpMavenRepository maven) throws Exception {
            DefaultRepositorySystemSession session = resolverSession();
            RemoteRepository remote = new RemoteRepository.Builder("releases", "default", maven.url())
                    .setAuthentication(new AuthenticationBuilder().addUsername("deployer").addPassword("s3cret").build())
                    .build();
            ModuleArtifacts module = new ModuleArtifacts("com.acme:orders", List.of(
                    artifact("orders", "pom", "<project/>"), artifact("orders", "jar", "classes of orders")),
                    new MavenRepository(RESOLVER, session, remote));
            return new ArtifactPublisher(RESOLVER, session, new RecordingLog(logged, false))
                    .publish(List.of(module), true, ReleaseOrigin.notKnown("no release tag is on this commit"), false);
        }

        @Test
        void answering_slower_than_the_timeout_ends_in_a_time_out_naming_the_call() throws Exception {
            NetworkFaults faults = NetworkFaults.always(Kind.SLOW).slowBy(Duration.ofMillis(1500));
            System.setProperty("jib.httpTimeout", "500");
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults)) {
                ImageRequest request = imageRequest(proxy.host(), "slow");
                long start = System.nanoTime();

                assertThatThrownBy(() -> push(request)).hasMessageStartingWith("The registry of " + proxy.host()
                        + "/slow did not answer GET http://" + proxy.host() + "/v2/slow/manifests/1.4.0 within 500 ms.");
                report("image push, every answer 1.5 s, timeout 0.5 s", faults, start);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            } finally {
                System.clearProperty("jib.httpTimeout");
            }
        }
    }

    @Nested
    class An_image_push_to_ecr_and_its_provisioning {

        EcrStandIn ecr;
        AwsSdkSettings sdk;

        @BeforeEach
        void start() throws IOException {
            ecr = EcrStandIn.start(registry);
            sdk = AwsSdkSettings.pointAt(ecr, dir);
        }

        @AfterEach
        void stop() {
            sdk.close();
            ecr.close();
        }

        @Test
        void completes_when_one_api_call_in_three_fails() throws Exception {
            int injected = 0;
            // seeds 1 and 2 inject nothing into the two or three API calls of a push; 3 and 4 do
            for (long seed = 3; seed <= 4; seed++) {
                String name = "ecr-" + seed;
                ecr.createRepository(name, "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
                NetworkFaults api = NetworkFaults.oneIn(3, seed, Kind.SERVER_ERROR, Kind.THROTTLED, Kind.RESET).onlyApiCalls();
                ecr.networkFaults(api);
                long start = System.nanoTime();

                ImageResult result = push(imageRequest(ecr.host(), name));

                report("ECR image push, API faults, seed " + seed, api, start);
                assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
                assertThat(registry.digest(name, "latest")).isEqualTo(result.digest());
                injected += api.injected().size();
            }
            assertThat(injected).isPositive();
        }

        @Test
        void failing_after_creating_the_repository_a_rerun_finishes_provisioning_it_and_pushes() throws Exception {
            ecr.networkFaults(NetworkFaults.always(Kind.SERVER_ERROR).onlyFor("PutLifecyclePolicy"));
            ImageRequest request = imageRequestBuilder(ecr.host(), "provisioned").repositoryPolicy(new RepositoryPolicy(
                    MutableTagFilters.of(Flow.GITFLOW.behind(List.of())), true, null,
                    LifecyclePolicy.of(60, LifecyclePolicy.DEFAULT_PROTECTED_TAGS, true), false)).build();
            assertThatThrownBy(() -> push(request)).hasMessageContaining("PutLifecyclePolicy");
            assertThat(registry.tags("provisioned")).isEmpty();
            ecr.networkFaults(NetworkFaults.none());

            ImageResult rerun = push(request);

            assertThat(rerun.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(ecr.calls()).filteredOn(c -> c.equals("CreateRepository")).hasSize(1);
            assertThat(ecr.calls()).filteredOn(c -> c.equals("PutLifecyclePolicy")).hasSizeGreaterThan(1);
        }
    }

    @Nested
    class An_artifact_publish_to_codeartifact {

        CodeArtifactStandIn standIn;
        AwsSdkSettings sdk;
        CodeArtifact codeArtifact;
        DefaultRepositorySystemSession session;

        @BeforeEach
        void start() throws IOException {
            standIn = CodeArtifactStandIn.start().createRepository("releases");
            sdk = AwsSdkSettings.pointAt(standIn, dir);
            codeArtifact = new CodeArtifact(new RecordingLog(logged, false), 1);
            session = resolverSession();
        }

        @AfterEach
        void stop() {
            codeArtifact.close();
            sdk.close();
            standIn.close();
        }

        ModuleArtifacts module(String artifactId) throws IOException {
            RemoteRepository remote = new RemoteRepository.Builder("company", "default", standIn.repositoryUrl("releases")).build();
            return new ModuleArtifacts("com.acme:" + artifactId, List.of(
                    artifact(artifactId, "pom", "<project><artifactId>" + artifactId + "</artifactId></project>"),
                    artifact(artifactId, "jar", "classes of " + artifactId)), codeArtifact.repository(remote).orElseThrow());
        }

        Map<Artifact, PublishOutcome> publish(List<ModuleArtifacts> modules) throws Exception {
            return new ArtifactPublisher(RESOLVER, session, new RecordingLog(logged, false))
                    .publish(modules, true, ReleaseOrigin.notKnown("no release tag is on this commit"), false);
        }

        @Test
        void completes_when_one_request_in_three_fails() throws Exception {
            // seed 1 completes too, in 13 s (its throttles wait out Retry-After): left out to keep the suite short
            for (long seed = 2; seed <= 3; seed++) {
                NetworkFaults faults = NetworkFaults.oneIn(3, seed, Kind.SERVER_ERROR, Kind.THROTTLED, Kind.RESET);
                standIn.networkFaults(faults);
                List<ModuleArtifacts> modules = List.of(module("api-" + seed), module("service-" + seed));
                long start = System.nanoTime();

                Map<Artifact, PublishOutcome> outcomes = publish(modules);

                report("CodeArtifact publish of 2 modules, seed " + seed, faults, start);
                assertThat(outcomes.values()).containsOnly(PublishOutcome.PUBLISHED);
                for (String artifactId : List.of("api-" + seed, "service-" + seed)) {
                    assertThat(standIn.versions("releases", "com.acme", artifactId)).containsEntry("1.4.0", "Published");
                    assertThat(standIn.assets("releases", "com.acme", artifactId, "1.4.0"))
                            .containsKeys(artifactId + "-1.4.0.jar", artifactId + "-1.4.0.pom");
                }
            }
        }

        @Test
        void failing_during_a_multi_module_upload_a_rerun_completes_every_module() throws Exception {
            List<ModuleArtifacts> modules = List.of(module("api"), module("service"));
            standIn.networkFaults(NetworkFaults.always(Kind.SERVER_ERROR).onlyFor("PUT com/acme/service/"));
            assertThatThrownBy(() -> publish(modules)).hasMessageStartingWith("Publishing to repository 'company'");
            assertThat(standIn.versions("releases", "com.acme", "service")).doesNotContainValue("Published");
            standIn.networkFaults(NetworkFaults.none());

            Map<Artifact, PublishOutcome> rerun = publish(List.of(module("api"), module("service")));

            assertThat(rerun).hasSize(4);
            for (String artifactId : List.of("api", "service")) {
                assertThat(standIn.versions("releases", "com.acme", artifactId)).containsExactly(Map.entry("1.4.0", "Published"));
                assertThat(standIn.assets("releases", "com.acme", artifactId, "1.4.0").get(artifactId + "-1.4.0.jar"))
                        .isEqualTo(("classes of " + artifactId).getBytes(StandardCharsets.UTF_8));
            }
        }

        @Test
        void that_keeps_failing_ends_naming_the_repository_and_the_attempts() throws Exception {
            NetworkFaults faults = NetworkFaults.always(Kind.SERVER_ERROR).onlyFor("PUT ");
            standIn.networkFaults(faults);
            List<ModuleArtifacts> modules = List.of(module("down"));
            long start = System.nanoTime();

            assertThatThrownBy(() -> publish(modules))
                    .hasMessageStartingWith("Publishing to repository 'company' (" + standIn.repositoryUrl("releases")
                            + ") failed after 3 attempts: ")
                    .hasMessageContaining("500");
            report("CodeArtifact publish, persistent 500 on uploads", faults, start);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
