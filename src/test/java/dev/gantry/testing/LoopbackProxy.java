package dev.gantry.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real forward HTTP proxy on loopback: tinyproxy (the Debian package, {@code scripts/install-test-tools}), with Basic
 * credentials, as a CI runner behind a company's proxy meets one. It relays plain HTTP requests ({@code GET
 * http://host/…}) and HTTPS tunnels ({@code CONNECT host:port}) to any port, and logs every request it relayed, which
 * {@link #requests} reads back; a request without the right credentials gets 407 and is not logged as one.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final Pattern REQUEST = Pattern.compile("Request \\(file descriptor \\d+\\): (\\S+) (\\S+) HTTP");

    private final Process process;
    private final Path log;
    private final int port;

    private LoopbackProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts tinyproxy on a free loopback port, asking these credentials (none when null), logging into {@code dir}. */
    public static LoopbackProxy start(Path dir, String user, String password) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            LoopbackProxy proxy = startOnce(dir, user, password);
            // the free port found may be taken before tinyproxy binds it: it then exits, and the probe met another server
            Thread.sleep(100);
            if (proxy.process.isAlive()) {
                return proxy;
            }
            proxy.close();
            if (attempt == 3) {
                throw new IOException("tinyproxy exited after its start three times: "
                        + Files.readString(dir.resolve("tinyproxy.out")));
            }
        }
    }

    private static LoopbackProxy startOnce(Path dir, String user, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = FreePort.onLoopback();
        Path log = dir.resolve("proxy.log");
        // the proxy's own side holds the password: not among the files a build was given (PlantedSecretsScan reads those)
        Path config = Files.createTempFile("gantry-tinyproxy", ".conf");
        config.toFile().deleteOnExit();
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 600",
                "MaxClients 200",
                "Allow 127.0.0.1",
                "LogFile \"" + log + "\"",
                "LogLevel Connect",
                "DisableViaHeader Yes",
                user == null ? "" : "BasicAuth " + user + " " + password,
                ""));
        Process process = new ProcessBuilder("tinyproxy", "-d", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
        LoopbackProxy proxy = new LoopbackProxy(process, log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return proxy;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    proxy.close();
                    throw new IOException("tinyproxy did not start on 127.0.0.1:" + port + " (is the tinyproxy package "
                            + "installed? scripts/install-test-tools): " + Files.readString(dir.resolve("tinyproxy.out")));
                }
                Thread.sleep(50);
            }
        }
    }

    public int port() {
        return port;
    }

    /** Each request relayed so far, {@code METHOD target}: {@code GET http://localhost:5000/v2/}, {@code CONNECT host:443}. */
    public List<String> requests() throws IOException {
        return requests(log);
    }

    /** As {@link #requests()}, from the log of a proxy that another JVM started. */
    public static List<String> requests(Path log) throws IOException {
        List<String> requests = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = REQUEST.matcher(line);
                if (m.find()) {
                    requests.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        return requests;
    }

    /**
     * How many connections the proxy opened on a client's behalf (a tunnel it set up, a request it relayed): a request
     * it refused (407) is logged as a request all the same, never as this.
     */
    public static int established(Path log) throws IOException {
        return Files.exists(log) ? (int) Files.readAllLines(log).stream()
                .filter(line -> line.contains("Established connection to host")).count() : 0;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
