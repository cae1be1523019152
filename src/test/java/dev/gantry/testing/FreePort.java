package dev.gantry.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port free at the moment it is asked, for a server started as another process (the registry, tinyproxy)
 * that must be told its port, or for a port where nothing listens. Another process may take it before it is used: the
 * callers that start a server check that it came up.
 */
public final class FreePort {

    private FreePort() {
    }

    public static int onLoopback() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
