package dev.gantry.testing;

import java.io.IOException;

/**
 * A plain registry reached through the same loopback hop as the ECR stand-in (its server, its {@link RegistryForwarder}),
 * with nothing else added: no token, no immutability. The fair baseline for a benchmark of the ECR path, whose own
 * cost is then what ECR adds (the SDK, the token, ECR's look-ups), not the stand-in's extra hop.
 */
public final class ProxiedRegistry implements AutoCloseable {

    private final LoopbackServer server;

    private ProxiedRegistry(LocalRegistry registry) throws IOException {
        RegistryForwarder forwarder = new RegistryForwarder(registry);
        this.server = LoopbackServer.start(exchange -> forwarder.forward(exchange, null));
    }

    /** Starts a pass-through proxy in front of a registry without authentication. */
    public static ProxiedRegistry start(LocalRegistry registry) throws IOException {
        return new ProxiedRegistry(registry);
    }

    /** {@code 127.0.0.1:PORT}, the proxy's. */
    public String host() {
        return server.host();
    }

    @Override
    public void close() {
        server.close();
    }
}
