package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain Maven repository over HTTP on loopback, as Nexus or Artifactory serve one to Maven Resolver: GET and HEAD
 * of stored files (404 when absent), PUT to store, and Basic authentication answered with a 401 challenge. Files
 * live in a directory, so tests read back what was published. Written here because no Maven repository manager is
 * installable on these machines; it implements only the plain HTTP file semantics Resolver uses.
 */
public final class HttpMavenRepository implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final String authorization;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingPuts = new AtomicInteger();
    private volatile String failingPath;
    private final AtomicInteger failingPathPuts = new AtomicInteger();
    private volatile boolean readsFailAfterFailedPut;
    private volatile boolean readsFail;

    private HttpMavenRepository(Path root, String user, String password) throws IOException {
        this.root = root;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a repository that requires this user and password, storing its files under {@code root}. */
    public static HttpMavenRepository start(Path root, String user, String password) throws IOException {
        Files.createDirectories(root);
        return new HttpMavenRepository(root, user, password);
    }

    /** {@code http://127.0.0.1:PORT/repository/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repository/";
    }

    public Path root() {
        return root;
    }

    /** Answers the next {@code count} uploads with 500, a transient fault (Resolver itself already retries 429 and 503). */
    public void failNextPuts(int count) {
        failingPuts.set(count);
    }

    /** Answers the next upload of a path ending so with 500 (a transient fault), once. */
    public void failNextPutOf(String pathEnd) {
        failPutsOf(pathEnd, 1);
    }

    /**
     * Answers the next {@code times} uploads of a path ending so with 500: a fault that outlasts a publish's attempts,
     * whatever else each attempt sends, side by side or not.
     */
    public void failPutsOf(String pathEnd, int times) {
        failingPathPuts.set(times);
        failingPath = pathEnd;
    }

    /**
     * Answers the next upload of a path ending so with 500, then every read (GET, HEAD) with 500 from then on: the
     * repository breaks down in the middle of a publish.
     */
    public void failNextPutOfThenEveryRead(String pathEnd) {
        failPutsOf(pathEnd, 1);
        readsFailAfterFailedPut = true;
    }

    /** {@code METHOD path status}, one line per request. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int status = answer(exchange, method, path);
            requests.add(method + " " + path + " " + status);
        }
    }

    private int answer(HttpExchange exchange, String method, String path) throws IOException {
        if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"gantry-test\"");
            exchange.sendResponseHeaders(401, -1);
            return 401;
        }
        if (!path.startsWith("/repository/") || path.contains("..")) {
            exchange.sendResponseHeaders(404, -1);
            return 404;
        }
        Path file = root.resolve(path.substring("/repository/".length()));
        switch (method) {
            case "PUT" -> {
                String failing = failingPath;
                boolean failPath = failing != null && path.endsWith(failing)
                        && failingPathPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (failPath) {
                    readsFail = readsFailAfterFailedPut;
                }
                if (failPath || failingPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(500, -1);
                    return 500;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = exchange.getRequestBody()) {
                    Files.write(file, in.readAllBytes());
                }
                exchange.sendResponseHeaders(201, -1);
                return 201;
            }
            case "GET", "HEAD" -> {
                if (readsFail) {
                    exchange.sendResponseHeaders(500, -1);
                    return 500;
                }
                if (!Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return 404;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
                if (method.equals("GET")) {
                    exchange.getResponseBody().write(body);
                }
                return 200;
            }
            default -> {
                exchange.sendResponseHeaders(405, -1);
                return 405;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
