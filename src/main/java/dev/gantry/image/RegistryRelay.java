package dev.gantry.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A registry's API relayed on {@code https://127.0.0.1:<port>}, each request retried on its own when the registry
 * answers 429/500/502/503/504 or breaks the connection: what jib-core 0.28.1 does not do (it retries only I/O errors, so
 * one busy answer fails its whole build of ~30 requests) and offers no hook for ({@code BuildContext} builds its own
 * {@code FailoverHttpClient}). Jib is pointed at the relay instead of the registry.
 *
 * <p>Used only after a direct attempt failed on such an answer ({@link JibRunner}): the normal push never goes through
 * it.
 *
 * <p>HTTPS, never plain HTTP: jib-core talks HTTPS first and, unless {@code allowInsecureRegistries} (a JVM-wide flag
 * for every registry of the build), only HTTPS verified by the JVM's default {@code SSLContext}. The relay presents the
 * certificate of the context it is given; the caller makes Jib trust it ({@link RelayTrust}). Headers pass through as
 * they are, the Authorization that Jib got from the registry's token service included: it travels inside this process
 * over TLS, and is never logged. Same-origin URLs in answers ({@code Location} of an upload) are rewritten to the relay;
 * a redirect to another host (a blob on S3) passes untouched, and Jib follows it itself.
 */
final class RegistryRelay implements AutoCloseable {

    /** Answers worth another attempt, as {@link RegistryApi#TRANSIENT_STATUSES}. */
    static final Set<Integer> TRANSIENT_STATUSES = RegistryApi.TRANSIENT_STATUSES;
    /** Attempts of one request, and the pause after the first (doubled after each next one: 0.1 … 0.8 s). */
    static final int ATTEMPTS = 5;
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    /** A request body up to this size is held in memory to send again; a bigger one (a layer) is spooled to a file. */
    static final int IN_MEMORY_BODY = 1 << 20;
    /** Hop-by-hop headers, and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final String upstream;
    private final boolean forwardAuthorization;
    private final HttpClient http;
    private final Duration timeout;
    private final HttpsServer server;
    private final ExecutorService handlers;
    private final AtomicInteger retried = new AtomicInteger();

    private RegistryRelay(String upstream, HttpClient http, Duration timeout, SSLContext serverTls,
            boolean forwardAuthorization) throws IOException {
        this.upstream = upstream;
        this.forwardAuthorization = forwardAuthorization;
        this.http = http;
        this.timeout = timeout;
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gantry-registry-relay");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                relay(exchange);
            }
        });
        server.start();
    }

    /**
     * Starts a relay to a registry.
     *
     * @param upstream  the registry's origin, {@code https://host[:port]} (or {@code http://} for an insecure one)
     * @param http      the client for the registry: its TLS settings are the build's (insecure only when asked)
     * @param timeout   per request to the registry, null for none
     * @param serverTls the relay's own certificate
     * @param forwardAuthorization false to drop Jib's Authorization header: a registry on plain HTTP gets no credential
     *                  unless {@code sendCredentialsOverHttp} (Jib, seeing the relay's HTTPS, would send it)
     */
    static RegistryRelay start(String upstream, HttpClient http, Duration timeout, SSLContext serverTls,
            boolean forwardAuthorization) throws IOException {
        return new RegistryRelay(upstream, http, timeout, serverTls, forwardAuthorization);
    }

    /** {@code 127.0.0.1:<port>}: the registry part of an image reference for Jib. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests were sent again so far. */
    int retried() {
        return retried.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        RequestBody body = RequestBody.read(exchange);
        try {
            HttpResponse<InputStream> response = send(exchange, body);
            if (response == null) {
                return; // the registry broke every connection: so does the relay, and Jib sees an I/O error
            }
            answer(exchange, response);
        } finally {
            body.delete();
        }
    }

    /** The registry's answer, after at most {@value #ATTEMPTS} attempts; null when the last one broke off. */
    private HttpResponse<InputStream> send(HttpExchange exchange, RequestBody body) throws IOException {
        HttpRequest request = request(exchange, body);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (!TRANSIENT_STATUSES.contains(response.statusCode()) || attempt == ATTEMPTS) {
                    return response;
                }
                response.body().close();
            } catch (HttpTimeoutException e) {
                return null; // a time-out is not retried here: Jib reports it, naming the call
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retried.incrementAndGet();
            try {
                Thread.sleep(RETRY_PAUSE.toMillis() << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    private HttpRequest request(HttpExchange exchange, RequestBody body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.publisher());
        if (timeout != null) {
            request.timeout(timeout);
        }
        exchange.getRequestHeaders().forEach((name, values) -> {
            boolean withheld = !forwardAuthorization && name.equalsIgnoreCase("authorization");
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !withheld) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private void answer(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        String self = "https://" + host();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.equals(":status") || NOT_FORWARDED.contains(name.toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                // the registry's own URLs (an upload's Location) lead back through the relay; other hosts' do not
                exchange.getResponseHeaders().add(name, value.replace(upstream, self));
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = response.body()) {
            if ("HEAD".equals(exchange.getRequestMethod())) {
                // the JDK server sends no body for HEAD, and the length only when set by hand
                if (length >= 0) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
                }
                exchange.sendResponseHeaders(response.statusCode(), -1);
                return;
            }
            // the JDK server's lengths: -1 for no body, 0 for chunked
            exchange.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : Math.max(length, 0));
            if (length != 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** A request's body, kept to be sent again: in memory when small, in a temporary file when big (a layer). */
    private record RequestBody(byte[] bytes, Path file) {

        static RequestBody read(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] head = in.readNBytes(IN_MEMORY_BODY + 1);
                if (head.length <= IN_MEMORY_BODY) {
                    return new RequestBody(head, null);
                }
                Path file = Files.createTempFile("gantry-relay-", ".body");
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(head);
                    in.transferTo(out);
                } catch (IOException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                return new RequestBody(null, file);
            }
        }

        HttpRequest.BodyPublisher publisher() {
            if (file != null) {
                try {
                    return HttpRequest.BodyPublishers.ofFile(file);
                } catch (IOException e) {
                    throw new IllegalStateException("The relay's spooled body " + file + " vanished", e);
                }
            }
            return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
        }

        void delete() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
