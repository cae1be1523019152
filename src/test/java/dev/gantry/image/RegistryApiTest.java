package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.testing.LoopbackServer;
import dev.gantry.testing.LoopbackServer.Received;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The registry calls Gantry makes itself, against loopback stand-ins for what the real registry cannot do: a
 * redirect to a storage host on another origin (ECR, Docker Hub and GHCR send blob reads to S3 or a CDN).
 */
class RegistryApiTest {

    static final RegistryCredential CI = new RegistryCredential("ci", "s3cret-pass");
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret-pass".getBytes(StandardCharsets.UTF_8));

    /** A registry on plain HTTP that asks for Basic auth and answers each authorized request with the handler. */
    static LoopbackServer basicAuthRegistry(LoopbackServer.Handler authorized) throws Exception {
        return LoopbackServer.start(exchange -> {
            if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                LoopbackServer.respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}",
                        "WWW-Authenticate", "Basic realm=\"test\"");
                return;
            }
            authorized.handle(exchange);
        });
    }

    /** An API for a registry on plain HTTP that is trusted with credentials. */
    RegistryApi api(LoopbackServer registry) {
        return new RegistryApi(registry.host(), "orders", CI, "settings.xml server '" + registry.host() + "'", true, true);
    }

    @Test
    void leaves_no_thread_that_would_hold_the_jvms_exit() throws Exception {
        // java.net.http's selector thread waits in native code until its client is collected, and the JVM waits for such
        // threads when it exits: 0.3 s after every BUILD SUCCESS of a build that had pushed an image
        try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 404, ""))) {
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();

            assertThat(api(registry).manifest("1.0.0")).isEmpty();

            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
                    .extracting(Thread::getName).noneMatch(name -> name.contains("SelectorManager"));
        }
    }

    @Test
    void looks_the_tags_up_side_by_side_once_the_first_answer_taught_it_the_scheme_and_the_credential() throws Exception {
        // a registry far away answers four look-ups in two round trips, not four: the last three wait here until all
        // three have arrived, which they never would one after the other
        CountDownLatch together = new CountDownLatch(3);
        List<Boolean> metTheOthers = new CopyOnWriteArrayList<>();
        try (LoopbackServer registry = basicAuthRegistry(exchange -> {
            String tag = exchange.getRequestURI().getPath().replaceFirst(".*/manifests/", "");
            if (!tag.equals("sha-1")) {
                together.countDown();
                try {
                    metTheOthers.add(together.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (tag.equals("develop")) {
                LoopbackServer.respond(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
            } else {
                LoopbackServer.respond(exchange, 200, "{\"schemaVersion\":2,\"tag\":\"" + tag + "\"}",
                        "Content-Type", "application/vnd.oci.image.manifest.v1+json");
            }
        })) {
            Map<String, RegistryApi.RemoteManifest> found = api(registry).manifests(List.of("sha-1", "1.0.0", "develop", "latest"));

            assertThat(found).containsOnlyKeys("sha-1", "1.0.0", "latest");
            assertThat(new String(found.get("latest").body(), StandardCharsets.UTF_8)).contains("\"tag\":\"latest\"");
            assertThat(metTheOthers).containsExactly(true, true, true);
            // the credential was asked for once, by the first look-up, and sent with every other
            assertThat(registry.received()).extracting(Received::authorization).containsOnlyOnce((String) null);
        }
    }

    @Test
    void names_a_host_that_does_not_resolve_at_once_without_asking_again() {
        // the JVM keeps a failed name look-up for 10 s (networkaddress.cache.negative.ttl): asking again within the
        // pauses between attempts would get the same answer, and the message said only "registry.invalid"
        RegistryApi unknown = new RegistryApi("registry.invalid", "orders", null, null, false, false);

        assertThatThrownBy(() -> unknown.manifest("1.0.0"))
                .hasMessageStartingWith("Cannot talk to the registry of registry.invalid/orders: UnknownHostException on GET "
                        + "https://registry.invalid/v2/orders/manifests/1.0.0: registry.invalid. Check the host and port of "
                        + "the image repository")
                .hasMessageNotContaining("kept failing");
    }

    @Nested
    class A_request_limit {

        /** Docker Hub's answer once its pull limit is reached (a HEAD gets the status alone). */
        LoopbackServer limited() throws Exception {
            return LoopbackServer.start(exchange -> LoopbackServer.respond(exchange, 429, "{\"errors\":[{\"code\":"
                    + "\"TOOMANYREQUESTS\",\"message\":\"You have reached your unauthenticated pull rate limit.\"}]}"));
        }

        @Test
        void of_docker_hub_is_told_as_its_pull_limit_with_the_ways_around_it() throws Exception {
            try (LoopbackServer hub = limited()) {
                // Docker Hub's name resolves to the stand-in (src/test/hosts)
                String registry = hub.host().replace("127.0.0.1", "registry-1.docker.io");
                RegistryApi api = new RegistryApi(registry, "library/eclipse-temurin", null, null, true, false)
                        .forBaseImage();

                assertThatThrownBy(() -> api.digest("21-jre"))
                        .hasMessageStartingWith("The registry kept answering HTTP 429 Too Many Requests (looking up "
                                + "manifest 21-jre of " + registry + "/library/eclipse-temurin; tried 3 times): it limits "
                                + "how many requests a client may make, and a re-run "
                                + "at once meets the same limit. Docker Hub limits the image pulls of clients that do not "
                                + "log in")
                        .hasMessageContaining("<id>docker.io</id>")
                        .hasMessageContaining("ECR pull-through cache")
                        .hasMessageNotContaining("busy or failing");
            }
        }

        @Test
        void of_another_registry_is_told_as_its_limit() throws Exception {
            try (LoopbackServer registry = limited()) {
                assertThatThrownBy(() -> new RegistryApi(registry.host(), "orders", null, null, true, false)
                        .manifest("1.0.0"))
                        // with the registry's own words
                        .hasMessageContaining("HTTP 429 Too Many Requests (reading manifest 1.0.0 of " + registry.host()
                                + "/orders: {\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached "
                                + "your unauthenticated pull rate limit.\"}]}; tried 3 times)")
                        .hasMessageContaining("Re-run the pipeline when the registry's limit allows it")
                        .hasMessageNotContaining("Docker Hub");
            }
        }
    }

    @Nested
    class Plain_http {

        @Test
        void gets_no_credentials_unless_send_credentials_over_http() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 404, ""))) {
                RegistryApi api = new RegistryApi(registry.host(), "orders", CI, "settings.xml server '" + registry.host()
                        + "'", true, false);

                assertThatThrownBy(() -> api.manifest("1.0.0"))
                        .hasMessageStartingWith("The registry " + registry.host() + " refused access to " + registry.host()
                                + "/orders (HTTP 401 Unauthorized): it serves plain HTTP, so the credentials from settings.xml "
                                + "server '" + registry.host() + "' were not sent")
                        .hasMessageContaining("-Dgantry.image.sendCredentialsOverHttp=true");
                assertThat(registry.received()).isNotEmpty().extracting(Received::authorization).containsOnlyNulls();
            }
        }

        @Test
        void gets_them_with_send_credentials_over_http() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 404, ""))) {
                assertThat(api(registry).manifest("1.0.0")).isEmpty();
                assertThat(registry.received()).extracting(Received::authorization).contains(BASIC);
            }
        }
    }

    @Nested
    class A_token_service {

        /** A registry that asks for a Bearer token from its own /token, granting it whatever scope is asked. */
        LoopbackServer tokenRegistry() throws Exception {
            return LoopbackServer.start(exchange -> {
                if (exchange.getRequestURI().getPath().equals("/token")) {
                    LoopbackServer.respond(exchange, 200, "{\"token\":\"t0k3n\"}");
                } else if (!"Bearer t0k3n".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    LoopbackServer.respond(exchange, 401, "", "WWW-Authenticate", "Bearer realm=\"http://"
                            + exchange.getRequestHeaders().getFirst("Host") + "/token\",service=\"test\"");
                } else {
                    LoopbackServer.respond(exchange, 404, "");
                }
            });
        }

        @Test
        void is_asked_for_pull_and_push_to_publish() throws Exception {
            try (LoopbackServer registry = tokenRegistry()) {
                api(registry).manifest("1.0.0");

                assertThat(registry.received()).extracting(Received::uri)
                        .contains("/token?service=test&scope=repository%3Aorders%3Apull%2Cpush");
            }
        }

        @Test
        void is_asked_for_pull_only_to_read_a_base_image() throws Exception {
            try (LoopbackServer registry = tokenRegistry()) {
                assertThat(api(registry).forBaseImage().manifest("17-jre")).isEmpty();

                assertThat(registry.received()).extracting(Received::uri)
                        .contains("/token?service=test&scope=repository%3Aorders%3Apull");
            }
        }
    }

    @Nested
    class A_redirect {

        @Test
        void to_another_origin_drops_the_authorization_and_the_content_arrives() throws Exception {
            try (LoopbackServer storage = LoopbackServer.start(exchange -> {
                    // as S3: a signed URL carries its own authorization; a second one is refused
                    if (exchange.getRequestHeaders().containsKey("Authorization")) {
                        LoopbackServer.respond(exchange, 400, "<Error><Code>InvalidArgument</Code><Message>Only one auth "
                                + "mechanism allowed</Message></Error>");
                    } else {
                        LoopbackServer.respond(exchange, 200, "layer bytes");
                    }
                });
                 LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 307, "",
                         "Location", storage.baseUrl() + "/bucket/blob?X-Amz-Signature=abc"))) {

                byte[] blob = api(registry).blob("sha256:0123");

                assertThat(new String(blob, StandardCharsets.UTF_8)).isEqualTo("layer bytes");
                assertThat(registry.received()).extracting(Received::authorization).contains(BASIC);
                assertThat(storage.received()).hasSize(1);
                assertThat(storage.received().get(0).uri()).isEqualTo("/bucket/blob?X-Amz-Signature=abc");
                assertThat(storage.received().get(0).authorization()).isNull();
            }
        }

        /** ECR sends a blob read to S3 with a signed URL: a storage host that fails must not print its signature. */
        @Test
        void to_a_storage_host_that_fails_names_it_without_the_signature() throws Exception {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            String signed = "http://127.0.0.1:" + closedPort + "/bucket/blob?X-Amz-Security-Token=SESSIONTOKEN"
                    + "&X-Amz-Signature=SIGNATURE";
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 307, "",
                    "Location", signed))) {
                Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> api(registry).blob("sha256:0123"));

                assertThat(refusal).hasMessageContaining("GET http://127.0.0.1:" + closedPort + "/bucket/blob?(query hidden) "
                        + "(where the registry redirected the read: its storage, 127.0.0.1)");
                for (Throwable t = refusal; t != null; t = t.getCause()) {
                    assertThat(t.toString()).doesNotContain("SESSIONTOKEN").doesNotContain("SIGNATURE");
                }
            }
        }

        @Test
        void on_the_same_origin_keeps_the_authorization() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> {
                if (exchange.getRequestURI().getPath().startsWith("/v2/orders/blobs/")) {
                    LoopbackServer.respond(exchange, 307, "", "Location", "/storage/0123");
                } else {
                    LoopbackServer.respond(exchange, 200, "layer bytes");
                }
            })) {
                byte[] blob = api(registry).blob("sha256:0123");

                assertThat(new String(blob, StandardCharsets.UTF_8)).isEqualTo("layer bytes");
                assertThat(registry.received()).extracting(Received::uri).endsWith("/storage/0123");
            }
        }

        @Test
        void loop_ends_with_a_message() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange ->
                    LoopbackServer.respond(exchange, 302, "", "Location", exchange.getRequestURI().toString()))) {
                assertThatThrownBy(() -> api(registry).blob("sha256:0123"))
                        .hasMessageStartingWith("Cannot talk to the registry of " + registry.host() + "/orders: more than 5 "
                                + "redirects from http://" + registry.host() + "/v2/orders/blobs/sha256:0123. ");
            }
        }
    }

    @Nested
    class The_digest_under_a_tag {

        static final String DIGEST = "sha256:" + "ab".repeat(32);
        static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}";

        @Test
        void is_read_with_a_head_which_docker_hub_does_not_count_as_a_pull() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 200, MANIFEST,
                    "Docker-Content-Digest", DIGEST))) {
                assertThat(api(registry).forBaseImage().digest("17-jre")).contains(DIGEST);

                assertThat(registry.received()).extracting(Received::method).containsOnly("HEAD");
            }
        }

        @Test
        void of_a_tag_that_does_not_exist_is_empty_after_the_head_alone() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 404, ""))) {
                assertThat(api(registry).forBaseImage().digest("17-jre")).isEmpty();

                assertThat(registry.received()).extracting(Received::method).containsOnly("HEAD");
            }
        }

        @Test
        void is_read_with_a_get_when_the_registry_leaves_it_out_of_its_answer_to_head() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 200, MANIFEST))) {
                // the digest of the bytes the registry serves under the tag
                assertThat(api(registry).forBaseImage().digest("17-jre")).contains(sha256(MANIFEST));

                assertThat(registry.received()).extracting(Received::method).containsSubsequence("HEAD", "GET");
            }
        }

        @Test
        void is_read_with_a_get_from_a_registry_that_does_not_serve_head() throws Exception {
            try (LoopbackServer registry = basicAuthRegistry(exchange -> {
                if (exchange.getRequestMethod().equals("HEAD")) {
                    LoopbackServer.respond(exchange, 405, "");
                } else {
                    LoopbackServer.respond(exchange, 200, MANIFEST, "Docker-Content-Digest", DIGEST);
                }
            })) {
                assertThat(api(registry).forBaseImage().digest("17-jre")).contains(DIGEST);
            }
        }

        @Test
        void says_in_the_registrys_words_why_it_refused() throws Exception {
            // an answer to HEAD has no body: the GET that follows brings the registry's reason
            try (LoopbackServer registry = basicAuthRegistry(exchange -> LoopbackServer.respond(exchange, 422,
                    "{\"errors\":[{\"code\":\"TAG_INVALID\",\"message\":\"manifest tag did not match URI\"}]}"))) {
                assertThatThrownBy(() -> api(registry).forBaseImage().digest("17-jre"))
                        .hasMessageContaining("reading manifest 17-jre answered HTTP 422")
                        .hasMessageContaining("manifest tag did not match URI");
            }
        }

        static String sha256(String text) throws Exception {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        }
    }
}
