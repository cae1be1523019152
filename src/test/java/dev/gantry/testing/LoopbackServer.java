package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A small JDK {@link HttpServer} on a free loopback port, for what the real registry cannot do (redirect to another
 * origin, answer as ECR does). Records every request it got, with its Authorization header.
 *
 * <p>It serves plain HTTP as the real registry does without TLS: clients (Gantry, Jib) try HTTPS first and fall back to
 * HTTP when the TLS handshake fails. The JDK server would wait for a request line that a TLS hello never ends, so a
 * small front on the public port closes connections that start with a TLS record and pipes the others through.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as received: method, path with query, and the Authorization header (or null). */
    public record Received(String method, String uri, String authorization) {
    }

    /** Answers one exchange; the request is already recorded. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    static {
        // The JDK server leaves Nagle's algorithm on: with keep-alive, each small answer then waits for the client's
        // delayed ACK (tens of ms), which made a proxied registry (the ECR stand-in) look several times slower than the
        // registry itself. Read once, when the JDK server's configuration is first loaded.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("loopback-handler"));
    private final ServerSocket front;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LoopbackServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
        });
        // the JDK server runs handlers on its one dispatcher thread unless given an executor: Jib's concurrent layer
        // uploads and checks would then wait in line, as no registry makes them wait
        server.setExecutor(handlers);
        server.start();
        front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-front-" + front.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                Thread connection = new Thread(() -> serve(client), "loopback-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            // Without TCP_NODELAY on both legs of the pipe, a request written in two parts (head, then body, as
            // HttpURLConnection writes a POST) waits for the delayed ACK of the first: ~40 ms per API call.
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0 || first == 0x16) {
                return; // a TLS handshake record: no TLS here
            }
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
                backend.setTcpNoDelay(true);
                OutputStream toBackend = backend.getOutputStream();
                toBackend.write(first);
                Thread up = new Thread(() -> pipe(in, toBackend, backend), "loopback-pipe");
                up.setDaemon(true);
                up.start();
                pipe(backend.getInputStream(), client.getOutputStream(), client);
            }
        } catch (IOException ignored) {
            // the connection ended
        }
    }

    private static void pipe(InputStream in, OutputStream out, Socket to) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the other side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public static LoopbackServer start(Handler handler) throws IOException {
        return new LoopbackServer(handler);
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + front.getLocalPort();
    }

    public String baseUrl() {
        return "http://" + host();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Sends a status with a body (which may be empty) and the headers given as name, value pairs. */
    public static void respond(HttpExchange exchange, int status, String body, String... headers) {
        try {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            // an answer to HEAD has no body (the JDK server refuses one)
            byte[] bytes = "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException ignored) {
            // closing
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
