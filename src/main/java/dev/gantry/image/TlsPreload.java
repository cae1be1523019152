package dev.gantry.image;

import dev.gantry.release.Concurrently;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Sets TLS up on a thread of its own while the project compiles, so that the first HTTPS connection at deploy (a
 * registry's look-up, ECR's or CodeArtifact's API) does not wait for it. In a fresh Maven JVM that costs ~0.3 s on one
 * core: reading the trust store, which the JDK then keeps for every context that names the same one, and the first key
 * share of a handshake. The thread prepares one ClientHello in memory, as a connection would, and sends nothing: no
 * network. It uses a context of its own, not the JVM's default one, which it would otherwise fix before a plugin bound
 * later could set {@code javax.net.ssl.trustStore}. At most once per JVM; a failure here is left for the first real
 * connection to meet.
 */
public final class TlsPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private TlsPreload() {
    }

    public static void inBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Concurrently.start("gantry-tls-loading", TlsPreload::prepareClientHello);
    }

    /** The size of the ClientHello prepared, 0 if that failed: only a test wants to know. */
    static int prepareClientHello() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null); // the JDK's default trust store and key managers, as the default context's
            SSLEngine engine = context.createSSLEngine("gantry.invalid", 443);
            engine.setUseClientMode(true);
            ByteBuffer clientHello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), clientHello);
            engine.closeOutbound();
            return clientHello.position();
        } catch (Exception | LinkageError e) {
            return 0; // met again, and reported, by the first connection
        }
    }
}
