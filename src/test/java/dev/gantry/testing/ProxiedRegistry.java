package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain registry reached through the same loopback hop as the ECR stand-in (its server, its {@link RegistryForwarder}),
 * with nothing else added: no token, no immutability. The fair baseline for a benchmark of the ECR path, whose own
 * cost is then what ECR adds (the SDK, the token, ECR's look-ups), not the stand-in's extra hop. Given
 * {@link NetworkFaults}, it is also a faulty network in front of the real registry.
 */
public final class ProxiedRegistry implements AutoCloseable {

    private static final Pattern V2 = Pattern.compile("^/v2/(.+)/(manifests|blobs|tags)(/.*)?$");

    private final LoopbackServer server;
    private final NetworkFaults faults;

    private ProxiedRegistry(LocalRegistry registry, NetworkFaults faults, String denied) throws IOException {
        RegistryForwarder forwarder = new RegistryForwarder(registry);
        this.faults = faults;
        this.server = LoopbackServer.start(exchange -> {
            NetworkFaults.Kind fault = faults.apply(exchange, call(exchange));
            if (denied != null && denied.startsWith(exchange.getRequestMethod() + " ")
                    && exchange.getRequestURI().getRawPath().endsWith(denied.substring(denied.indexOf(' ') + 1))) {
                registryError(exchange, 403, "DENIED", "requested access to the resource is denied");
            } else if (fault == NetworkFaults.Kind.SERVER_ERROR) {
                registryError(exchange, 503, "UNAVAILABLE", "service unavailable");
            } else if (fault == NetworkFaults.Kind.THROTTLED) {
                registryError(exchange, 429, "TOOMANYREQUESTS", "too many requests");
            } else if (fault != NetworkFaults.Kind.RESET) {
                forwarder.forward(exchange, null);
            }
        });
    }

    /** Starts a pass-through proxy in front of a registry without authentication. */
    public static ProxiedRegistry start(LocalRegistry registry) throws IOException {
        return new ProxiedRegistry(registry, NetworkFaults.none(), null);
    }

    /**
     * Starts a proxy that denies one kind of request for good (HTTP 403 DENIED, as a registry's tag rule or a missing
     * permission answers), e.g. {@code "PUT /manifests/latest"}: requests whose method and path end so.
     */
    public static ProxiedRegistry denying(LocalRegistry registry, String methodAndPathEnd) throws IOException {
        return new ProxiedRegistry(registry, NetworkFaults.none(), methodAndPathEnd);
    }

    /** Starts a proxy that answers some requests with these faults instead of passing them on. */
    public static ProxiedRegistry start(LocalRegistry registry, NetworkFaults faults) throws IOException {
        return new ProxiedRegistry(registry, faults, null);
    }

    /** {@code METHOD kind}: {@code HEAD blobs}, {@code POST blobs/uploads}, {@code PUT manifests} … */
    static String call(HttpExchange exchange) {
        Matcher m = V2.matcher(exchange.getRequestURI().getRawPath());
        String kind = !m.matches() ? "base"
                : m.group(2) + (m.group(3) != null && m.group(3).startsWith("/uploads") ? "/uploads" : "");
        return exchange.getRequestMethod() + " " + kind;
    }

    private static void registryError(HttpExchange exchange, int status, String code, String message) {
        // a registry's error body, as the distribution spec words it; drain the request first (an upload's bytes)
        try {
            exchange.getRequestBody().readAllBytes();
        } catch (IOException ignored) {
            // the client went away
        }
        LoopbackServer.respond(exchange, status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}",
                "Content-Type", "application/json");
    }

    /** {@code 127.0.0.1:PORT}, the proxy's. */
    public String host() {
        return server.host();
    }

    public NetworkFaults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.close();
    }
}
