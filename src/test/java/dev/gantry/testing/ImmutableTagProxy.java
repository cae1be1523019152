package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an ECR repository whose tags are immutable, in front of the real registry (plain HTTP, no auth): a
 * manifest PUT under an immutable tag that exists is answered as ECR documents, HTTP 400 with code
 * {@code TAG_INVALID}, even when the digest is the same; everything else is forwarded, with {@code Location} headers
 * pointing back at the stand-in. {@link #raceOn} lets another build take a tag between a look-up and a push.
 */
public final class ImmutableTagProxy implements AutoCloseable {

    private static final Pattern MANIFEST_PUT = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final LocalRegistry registry;
    private final Predicate<String> immutable;
    private final Set<String> races = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoopbackServer server;

    private ImmutableTagProxy(LocalRegistry registry, Predicate<String> immutable) throws IOException {
        this.registry = registry;
        this.immutable = immutable;
        this.server = LoopbackServer.start(this::handle);
    }

    /**
     * Tags the predicate accepts are immutable (ECR's {@code IMMUTABLE}: every tag; {@code IMMUTABLE_WITH_EXCLUSION}:
     * all but the excluded ones).
     */
    public static ImmutableTagProxy start(LocalRegistry registry, Predicate<String> immutableTags) throws IOException {
        return new ImmutableTagProxy(registry, immutableTags);
    }

    /** The next manifest PUT under this tag is beaten by another build: its manifest lands first, this one is refused. */
    public void raceOn(String tag) {
        races.add(tag);
    }

    /** ECR's answer to a push under an existing tag of an immutable repository. */
    public static String tagInvalid(String repository, String tag) {
        return "{\"errors\":[{\"code\":\"TAG_INVALID\",\"message\":\"The image tag '" + tag + "' already exists in the '"
                + repository + "' repository and cannot be overwritten because the repository is immutable.\"}]}";
    }

    public String host() {
        return server.host();
    }

    public List<LoopbackServer.Received> received() {
        return server.received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher m = MANIFEST_PUT.matcher(path);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("PUT".equals(exchange.getRequestMethod()) && m.matches() && immutable.test(m.group(2))) {
            String repository = m.group(1);
            String tag = m.group(2);
            if (races.remove(tag)) {
                registry.putManifest(repository, tag, exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (registry.manifest(repository, tag) != null) {
                LoopbackServer.respond(exchange, 400, tagInvalid(repository, tag), "Content-Type", "application/json");
                return;
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.equals(":status") || NOT_FORWARDED.contains(name.toLowerCase())) {
                continue;
            }
            for (String value : header.getValue()) {
                exchange.getResponseHeaders().add(name, value.replace(registry.baseUrl(), server.baseUrl()));
            }
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        byte[] answer = response.body();
        if (head) {
            response.headers().firstValue("Content-Length").ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
        }
        exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
