package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gantry.release.GantryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GitHub Actions' checkout stores its token as {@code http.https://github.com/.extraheader}: the tag lookup and the
 * tag push must send it, through the git command line and through JGit alike (JGit honours the setting since 5.10).
 */
class ExtraHeaderTest {

    static final String TOKEN = "c2VjcmV0LXRva2Vu";

    /** A git smart-HTTP server on loopback: advertises an empty repository for fetch, refuses pushes, records headers. */
    @Nested
    class AgainstAnHttpRemote {

        @TempDir
        Path tmp;

        HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        GitFixture work;

        @BeforeEach
        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                requests.add(query + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                if ("service=git-upload-pack".equals(query)) {
                    byte[] body = advertisement("git-upload-pack");
                    exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else {
                    exchange.sendResponseHeaders(403, -1);
                }
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/org/repo.git";
            work = GitFixture.init(tmp.resolve("work"));
            work.commitPom("1.0.0");
            work.git("remote", "add", "origin", url);
            work.git("config", "http.http://127.0.0.1:" + server.getAddress().getPort() + "/.extraheader",
                    "AUTHORIZATION: basic " + TOKEN);
        }

        @AfterEach
        void stop() {
            server.stop(0);
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void theTagLookupSendsTheHeader(Way way) throws GantryException {
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.releaseTags("v")).isEmpty();
            }
            assertThat(requests).contains("service=git-upload-pack basic " + TOKEN);
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void theTagPushSendsTheHeaderAndARefusalNeverShowsIt(Way way) throws GantryException {
            try (GitRepository git = way.open(work.dir())) {
                assertThatThrownBy(() -> new ReleaseTagger(git).tagRelease("v1.0.0", "Release 1.0.0", false))
                        .hasMessageStartingWith("The remote 'origin' refused the tag v1.0.0: ")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
            }
            assertThat(requests).contains("service=git-receive-pack basic " + TOKEN);
        }

        private static byte[] advertisement(String service) {
            String zeros = "0".repeat(40);
            return (pkt("# service=" + service + "\n") + "0000"
                    + pkt(zeros + " capabilities^{}\0report-status delete-refs ofs-delta\n") + "0000")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static String pkt(String line) {
            return String.format("%04x", line.getBytes(StandardCharsets.UTF_8).length + 4) + line;
        }
    }
}
