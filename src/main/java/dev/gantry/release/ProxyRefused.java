package dev.gantry.release;

import java.io.IOException;

/**
 * A registry call that failed at the HTTP proxy the JVM sends it through, not at the registry: the proxy could not be
 * reached, or refused the tunnel (wrong or missing credentials). Not retried, and worded as the proxy's
 * ({@link Refusals#proxyFailed}).
 */
public final class ProxyRefused extends IOException {

    public ProxyRefused(IOException failure) {
        super(failure.getMessage(), failure);
    }
}
