package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passes registry requests on to a {@link LocalRegistry} and its answers back, as a proxy in front of it does: bodies
 * streamed both ways (a layer is not held in memory), connections kept alive (HTTP/1.1, as the registry speaks), the
 * registry's own URLs in headers ({@code Location}) rewritten to the proxy's. The ECR stand-in forwards through it, and
 * so does {@link ProxiedRegistry}, the plain registry behind the same hop, so that a benchmark compares like with like.
 */
final class RegistryForwarder {

    /** Hop-by-hop headers, and the Authorization that the proxy checked itself (the registry behind wants none). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "authorization");

    private final LocalRegistry registry;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    RegistryForwarder(LocalRegistry registry) {
        this.registry = registry;
    }

    /**
     * Forwards the exchange and answers it with the registry's answer.
     *
     * @param body the request body when the caller has read it already (a manifest it looked at), else null: then the
     *             body is streamed from the exchange
     */
    int forward(HttpExchange exchange, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(method, publisher(exchange, body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String self = "http://" + exchange.getRequestHeaders().getFirst("Host");
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.equals(":status") || NOT_FORWARDED.contains(name.toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                exchange.getResponseHeaders().add(name, value.replace(registry.baseUrl(), self));
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream answer = response.body()) {
            if ("HEAD".equals(method)) {
                // the JDK server sends no body for HEAD, and the length only when set by hand
                if (length >= 0) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
                }
                exchange.sendResponseHeaders(response.statusCode(), -1);
                return response.statusCode();
            }
            // the JDK server's lengths: -1 for no body, 0 for chunked
            exchange.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : Math.max(length, 0));
            if (length != 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    answer.transferTo(out);
                }
            }
        }
        return response.statusCode();
    }

    private static HttpRequest.BodyPublisher publisher(HttpExchange exchange, byte[] body) {
        if (body != null) {
            return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
        long length = declared == null ? (chunked ? -1 : 0) : Long.parseLong(declared.trim());
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
    }
}
