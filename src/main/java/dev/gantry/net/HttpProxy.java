package dev.gantry.net;

/**
 * An active {@code <proxy>} of {@code settings.xml}, its password decrypted.
 *
 * @param id            the proxy's {@code <id>}, to name it in messages
 * @param protocol      {@code http} or {@code https}: the targets it serves, as Maven reads it (an {@code http} proxy
 *                      serves {@code https} targets too when no {@code https} one is declared)
 * @param nonProxyHosts Maven's list ({@code *.corp|localhost}, commas allowed), null for none
 * @param username      null when the proxy asks for no credentials
 */
public record HttpProxy(String id, String protocol, String host, int port, String username, String password,
        String nonProxyHosts) {

    /** {@code host:port}, as messages name the proxy. */
    public String address() {
        return host + ":" + port;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "proxy " + id + " (" + address() + (username == null ? "" : ", user " + username) + ")";
    }
}
