package dev.gantry.net;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the proxies of {@code settings.xml} where the HTTP clients of an image push and of the AWS calls look for them:
 * the JVM's proxy system properties ({@code https.proxyHost} …), which jib-core's Apache client, the AWS SDK's
 * URLConnection client and {@code java.net} read, and the JVM's default {@link Authenticator} for their credentials,
 * which all three ask when a proxy answers 407. jib-maven-plugin does the same for the same reason: jib-core takes
 * proxies from nowhere else. Written here because no library maps Maven's proxies onto the JVM's (jib-maven-plugin's
 * mapping is internal to it, and reads an {@code http} proxy for {@code http} targets only, where Maven's own resolver
 * also sends {@code https} ones through it).
 *
 * <p>Only what the user has not set: a {@code -Dhttps.proxyHost} of the command line, {@code MAVEN_OPTS} or
 * {@code JAVA_TOOL_OPTIONS} wins, as does an {@link Authenticator} another plugin installed. The password never goes
 * into a system property (which {@code -X} and other plugins can read): only the authenticator holds it.
 */
public final class JvmProxies {

    /**
     * The properties Gantry set, in the properties themselves: a Maven daemon (mvnd) runs later builds in the same JVM,
     * whose settings.xml may have changed; what an earlier build set is then replaced, not taken for the user's.
     */
    static final String SET_BY_GANTRY = "gantry.proxy.properties";
    /** The only properties {@link #SET_BY_GANTRY} may name. */
    private static final Set<String> PROXY_PROPERTIES = Set.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "http.nonProxyHosts");

    /** The settings.xml proxy applied for each scheme, to name it in messages ({@link #proxyOf}). */
    private static final Map<String, HttpProxy> APPLIED = new ConcurrentHashMap<>();

    private JvmProxies() {
    }

    /** The proxy for targets of this scheme, as Maven's resolver chooses it: the scheme's own, or for https the http one. */
    static Optional<HttpProxy> forScheme(List<HttpProxy> active, String scheme) {
        Optional<HttpProxy> own = active.stream().filter(p -> scheme.equals(lower(p.protocol()))).findFirst();
        if (own.isEmpty() && scheme.equals("https")) {
            return forScheme(active, "http");
        }
        return own;
    }

    /**
     * Sets the JVM's proxy properties from the active proxies, each scheme's only where none of its properties is set.
     *
     * @return what was set, a line each, for the build's log (no password)
     */
    public static List<String> apply(List<HttpProxy> active, Properties system) {
        forgetEarlierBuild(system);
        APPLIED.clear();
        List<String> set = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        Set<String> nonProxyHosts = new LinkedHashSet<>();
        for (String scheme : List.of("http", "https")) {
            Optional<HttpProxy> proxy = forScheme(active, scheme);
            if (proxy.isEmpty()) {
                continue;
            }
            if (system.getProperty(scheme + ".proxyHost") != null || system.getProperty(scheme + ".proxyPort") != null) {
                String host = system.getProperty(scheme + ".proxyHost");
                String port = system.getProperty(scheme + ".proxyPort");
                applied.add(scheme + " targets through the JVM's " + (host == null ? scheme + ".proxyPort " + port
                        : scheme + ".proxyHost " + host + (port == null ? "" : ":" + port))
                        + ", which wins over the " + proxy.get());
                continue;
            }
            HttpProxy chosen = proxy.get();
            APPLIED.put(scheme, chosen);
            system.setProperty(scheme + ".proxyHost", chosen.host());
            system.setProperty(scheme + ".proxyPort", String.valueOf(chosen.port()));
            set.addAll(List.of(scheme + ".proxyHost=" + chosen.host(), scheme + ".proxyPort=" + chosen.port()));
            nonProxyHosts.addAll(hosts(chosen.nonProxyHosts()));
            applied.add(scheme + " targets through the " + chosen);
        }
        // One list for both schemes in the JVM. The JDK adds localhost|127.*|[::1] to it (unless it is set empty): a
        // registry on this machine, and Gantry's retrying relay on 127.0.0.1, are never reached through a proxy.
        if (!nonProxyHosts.isEmpty() && system.getProperty("http.nonProxyHosts") != null) {
            String own = system.getProperty("http.nonProxyHosts");
            applied.add((own.isEmpty() ? "every host through the proxy, even this machine's: the JVM's http.nonProxyHosts "
                    + "is set empty" : "not through a proxy: " + own + ", the JVM's http.nonProxyHosts")
                    + ", which wins over settings.xml's " + String.join("|", nonProxyHosts));
        } else if (!nonProxyHosts.isEmpty()) {
            String list = String.join("|", nonProxyHosts);
            system.setProperty("http.nonProxyHosts", list);
            set.add("http.nonProxyHosts=" + list);
            applied.add("not through a proxy: " + list);
        }
        if (!set.isEmpty()) {
            system.setProperty(SET_BY_GANTRY, String.join("\n", set));
        }
        return applied;
    }

    /**
     * Takes back what an earlier build of this JVM (a Maven daemon) set, each property only while it still holds the
     * value Gantry gave it: one the user set since, with {@code -D}, is the user's.
     */
    private static void forgetEarlierBuild(Properties system) {
        String earlier = system.getProperty(SET_BY_GANTRY);
        if (earlier == null) {
            return;
        }
        for (String entry : earlier.split("\n")) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            if (eq > 0 && PROXY_PROPERTIES.contains(key) && entry.substring(eq + 1).equals(system.getProperty(key))) {
                system.remove(key);
            }
        }
        system.remove(SET_BY_GANTRY);
    }

    /**
     * The default {@link Authenticator}, answering each proxy's own credentials and nothing else, unless one is set;
     * and Basic credentials allowed in the CONNECT of an HTTPS tunnel, which the JDK refuses by default
     * ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}), unless the user set that property.
     *
     * @return the class of another authenticator already in place, which keeps these credentials from being given
     */
    public static Optional<String> authenticate(List<HttpProxy> active, Properties system) {
        List<HttpProxy> withCredentials = active.stream().filter(p -> p.username() != null).toList();
        if (Authenticator.getDefault() instanceof ProxyCredentials ours) {
            ours.proxies = withCredentials; // installed by an earlier build of this JVM's (a Maven daemon)
            return Optional.empty();
        }
        if (withCredentials.isEmpty()) {
            return Optional.empty();
        }
        if (Authenticator.getDefault() != null) {
            return Optional.of(Authenticator.getDefault().getClass().getName());
        }
        if (system.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            system.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
        Authenticator.setDefault(new ProxyCredentials(withCredentials));
        return Optional.empty();
    }

    /**
     * The authenticator {@link #authenticate} installed, for an HTTP client that asks only the one it is given
     * ({@code java.net.http}'s); never another plugin's, which could answer a registry's 401 with its own credentials.
     */
    public static Optional<Authenticator> proxyCredentials() {
        return Authenticator.getDefault() instanceof ProxyCredentials ours ? Optional.of(ours) : Optional.empty();
    }

    /**
     * The HTTP proxy the JVM sends a request to this URI through, as {@code host:port (where it is set)}, if any: for
     * a failure at the proxy, worded as the proxy's.
     */
    public static Optional<String> proxyOf(URI uri) {
        for (Proxy proxy : ProxySelector.getDefault().select(uri)) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                HttpProxy ours = APPLIED.get(uri.getScheme());
                boolean fromSettings = ours != null && ours.host().equalsIgnoreCase(address.getHostString())
                        && ours.port() == address.getPort();
                return Optional.of(address.getHostString() + ":" + address.getPort() + " ("
                        + (fromSettings ? "settings.xml's <proxy> " + ours.id() : "the JVM's " + uri.getScheme()
                        + ".proxyHost") + ")");
            }
        }
        return Optional.empty();
    }

    /** Maven's list: {@code |} or {@code ,} between hosts, blanks around them ignored. */
    static List<String> hosts(String nonProxyHosts) {
        if (nonProxyHosts == null) {
            return List.of();
        }
        return List.of(nonProxyHosts.split("[|,]")).stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private static String lower(String protocol) {
        return protocol == null ? "http" : protocol.toLowerCase(Locale.ROOT);
    }

    /** Answers a proxy's 407 with that proxy's credentials; a server's 401, or another proxy's, gets nothing. */
    static final class ProxyCredentials extends Authenticator {

        private volatile List<HttpProxy> proxies;

        ProxyCredentials(List<HttpProxy> proxies) {
            this.proxies = proxies;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return proxies.stream()
                    .filter(p -> p.host().equalsIgnoreCase(getRequestingHost()) && p.port() == getRequestingPort())
                    .findFirst()
                    .map(p -> new PasswordAuthentication(p.username(),
                            (p.password() == null ? "" : p.password()).toCharArray()))
                    .orElse(null);
        }
    }
}
