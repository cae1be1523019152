package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.LoopbackServer;
import dev.gantry.testing.NetworkFaults;
import dev.gantry.testing.ProxiedRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feasibility of issue 10 item 5: Jib pushing through a {@link RegistryRelay} that retries each request, with one
 * request in three failing in every way (429, 503, reset, slow) between the relay and the real registry. Jib runs as
 * Gantry runs it for a secure registry: {@code allowInsecureRegistries} off, so it reaches the relay only over TLS that
 * the JVM's default context verifies ({@link RelayTrust}). Without that trust Jib refuses the relay ("PKIX path
 * building failed"), after retrying the handshake 10 times over about 60 s (measured; not kept as a test for that time).
 */
class RegistryRelayTest {

    static LocalRegistry registry;
    static String baseDigest;
    static String baseLayer;
    static RelayCertificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.start();
        String base = BaseImages.push(registry, "relay-base", 100_000);
        baseDigest = registry.digest("relay-base", base.substring(base.lastIndexOf(':') + 1));
        baseLayer = registry.manifest("relay-base", baseDigest).json().get("layers").get(0).get("digest").asText();
        certificate = RelayCertificate.ofThisJvm();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    RegistryRelay relayTo(ProxiedRegistry proxy) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        return RegistryRelay.start("http://" + proxy.host(), http, Duration.ofSeconds(20), certificate.serverContext(), true);
    }

    /** The sample image on the base, reached through the relay too: one registry for Jib, which mounts the base's layer. */
    JibContainerBuilder image(String relay) throws Exception {
        Path jar = dir.resolve("app.jar");
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Files.write(jar, data);
        return Jib.from(relay + "/relay-base@" + baseDigest)
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(jar, AbsoluteUnixPath.get("/app/app.jar")).build())
                .setEntrypoint("java", "-jar", "/app/app.jar");
    }

    @Test
    void jib_pushes_through_it_when_one_request_in_three_fails_in_every_way() throws Exception {
        // seeds 1-5 all complete (0.7-2.2 s each, docs/reliability.md); two here to keep the suite short
        Set<NetworkFaults.Kind> met = EnumSet.noneOf(NetworkFaults.Kind.class);
        for (long seed = 1; seed <= 2; seed++) {
            NetworkFaults faults = NetworkFaults.oneIn(3, seed).slowBy(Duration.ofMillis(200));
            String repository = "relayed-" + seed;
            try (ProxiedRegistry proxy = ProxiedRegistry.start(registry, faults);
                    RegistryRelay relay = relayTo(proxy);
                    RelayTrust trust = RelayTrust.trusting(certificate.certificate())) {
                long start = System.nanoTime();

                JibContainer container = image(relay.host()).containerize(
                        Containerizer.to(RegistryImage.named(relay.host() + "/" + repository + ":1.4.0"))
                                .withAdditionalTag("latest"));

                System.out.println("FAULTS relayed image push, seed " + seed + ": " + faults.injected().size()
                        + " faults in " + faults.received("") + " requests, " + relay.retried() + " sent again, "
                        + (System.nanoTime() - start) / 1_000_000 + " ms: " + faults.injected());
                assertThat(registry.tags(repository)).containsExactlyInAnyOrder("1.4.0", "latest");
                assertThat(registry.digest(repository, "1.4.0")).isEqualTo(container.getDigest().toString());
                assertThat(registry.digest(repository, "latest")).isEqualTo(container.getDigest().toString());
                assertThat(registry.mountedBlobs(repository)).contains(baseLayer);
                assertThat(registry.uploadedBlobs(repository)).doesNotContain(baseLayer);
                // how many requests Jib sends varies with timing (14-18 for seed 2), so the faults' count does too
                assertThat(faults.injected()).isNotEmpty();
                faults.injected().forEach(f -> met.add(NetworkFaults.Kind.valueOf(f.substring(0, f.indexOf(' ')))));
            }
        }
        // 12 faults for seed 1 and 5 for seed 2, each kind among both seeds' first requests of a call
        assertThat(met).containsExactlyInAnyOrder(NetworkFaults.Kind.values());
    }

    /** An HTTPS client that trusts the relay's certificate only, as Jib does under {@link RelayTrust}. */
    static HttpClient trustingTheRelay() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("relay", certificate.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static RegistryRelay relayTo(LoopbackServer upstream) throws Exception {
        return RegistryRelay.start(upstream.baseUrl(), HttpClient.newHttpClient(), Duration.ofSeconds(5),
                certificate.serverContext(), true);
    }

    @Test
    void sends_a_request_answered_busy_again_with_its_body_and_gives_up_after_its_attempts() throws Exception {
        AtomicInteger puts = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    boolean busy = exchange.getRequestURI().getPath().contains("down") || puts.incrementAndGet() <= 2;
                    LoopbackServer.respond(exchange, busy ? 503 : 201, busy ? "busy" : "");
                });
                RegistryRelay relay = relayTo(upstream)) {
            HttpClient client = trustingTheRelay();
            // bigger than what the relay keeps in memory: spooled to a file, and sent again from there
            String chunk = "layer bytes ".repeat(RegistryRelay.IN_MEMORY_BODY / 10);

            HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create("https://" + relay.host()
                    + "/v2/orders/blobs/uploads/u1?digest=sha256:abc")).PUT(HttpRequest.BodyPublishers.ofString(chunk))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> down = client.send(HttpRequest.newBuilder(URI.create("https://" + relay.host()
                    + "/v2/down/manifests/1")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(bodies.subList(0, 3)).containsOnly(chunk);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("busy");
            assertThat(upstream.received()).filteredOn(r -> r.uri().contains("down")).hasSize(RegistryRelay.ATTEMPTS);
        }
    }

    @Test
    void leads_the_registrys_own_urls_back_through_itself_and_lets_other_hosts_be() throws Exception {
        AtomicReference<String> self = new AtomicReference<>();
        try (LoopbackServer upstream = LoopbackServer.start(exchange -> {
                    if (exchange.getRequestMethod().equals("POST")) {
                        LoopbackServer.respond(exchange, 202, "", "Location", self.get() + "/v2/orders/blobs/uploads/u1");
                    } else {
                        LoopbackServer.respond(exchange, 307, "", "Location", "https://storage.example/blob?sig=1");
                    }
                });
                RegistryRelay relay = relayTo(upstream)) {
            self.set(upstream.baseUrl());
            HttpClient client = trustingTheRelay();

            HttpResponse<Void> upload = client.send(HttpRequest.newBuilder(URI.create("https://" + relay.host()
                    + "/v2/orders/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> blob = client.send(HttpRequest.newBuilder(URI.create("https://" + relay.host()
                    + "/v2/orders/blobs/sha256:abc")).GET().build(), HttpResponse.BodyHandlers.discarding());

            assertThat(upload.headers().firstValue("Location")).hasValue("https://" + relay.host()
                    + "/v2/orders/blobs/uploads/u1");
            assertThat(blob.statusCode()).isEqualTo(307);
            assertThat(blob.headers().firstValue("Location")).hasValue("https://storage.example/blob?sig=1");
        }
    }
}
