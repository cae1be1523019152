package dev.gantry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay that puts the registry far away (the benchmarks' {@code rtt-ms}) passes every byte through, in order, both
 * ways, and leaves nothing behind when closed. Nothing here is timed.
 */
class LatencyRelayTest {

    static final Duration ROUND_TRIP = Duration.ofMillis(20);

    static LocalRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void an_image_pushed_and_pulled_through_it_is_the_one_the_registry_holds() throws Exception {
        byte[] content = new byte[3_000_000];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("app.bin"), content);
        try (LatencyRelay relay = LatencyRelay.inFrontOf(registry, ROUND_TRIP)) {
            long start = System.nanoTime();
            // the registry checks each blob's digest as it receives it: a byte changed or out of order fails the push
            JibContainer pushed = Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/app/app.bin")).build())
                    .containerize(Containerizer.to(RegistryImage.named(relay.host() + "/far:1")).setAllowInsecureRegistries(true));

            LocalRegistry.Manifest stored = registry.manifest("far", "1");
            assertThat(stored.digest()).isEqualTo(pushed.getDigest().toString());
            String layer = stored.json().path("layers").get(0).path("digest").asText();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> pulled = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + relay.host() + "/v2/far/blobs/" + layer)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(pulled.statusCode()).isEqualTo(200);
            assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pulled.body())))
                    .isEqualTo(layer);
            assertThat(pulled.body()).isEqualTo(registry.blob("far", layer));
            assertThat(relay.connections()).isPositive();
            // the benchmark's timeline: each request and its answer, once, in the order they crossed
            List<String> timeline = relay.timeline(start);
            assertThat(timeline).filteredOn(l -> l.contains(" > PUT /v2/far/manifests/1 ")).hasSize(1);
            assertThat(timeline).filteredOn(l -> l.contains(" > GET /v2/far/blobs/" + layer + " ")).hasSize(1);
            assertThat(timeline.get(timeline.size() - 1)).contains(" < HTTP/1.1 200 OK");
        }
    }

    @Test
    void closing_it_cuts_open_connections_refuses_new_ones_and_ends_its_threads() throws Exception {
        LatencyRelay relay = LatencyRelay.inFrontOf(registry, ROUND_TRIP);
        int port = Integer.parseInt(relay.host().substring(relay.host().lastIndexOf(':') + 1));
        try (Socket kept = new Socket(InetAddress.getLoopbackAddress(), port)) {
            kept.setSoTimeout(5_000); // a connection left open would fail a read with a time-out
            kept.getOutputStream().write("GET /v2/ HTTP/1.1\r\nHost: registry\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(answer(kept.getInputStream())).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\n{}");

            relay.close(); // the connection is idle and kept alive, as clients leave theirs

            assertThat(kept.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("latency-relay-" + port + "-"));
    }

    /** An HTTP answer with a Content-Length, head and body, read from a connection that stays open. */
    static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed after " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }
}
