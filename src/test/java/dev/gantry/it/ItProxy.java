package dev.gantry.it;

import dev.gantry.testing.LoopbackProxy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts an invoker IT's build behind a proxy that asks for credentials, from its {@code setup.groovy}: starts
 * {@link LoopbackProxy} for the rest of the Maven run and declares it in a {@code settings.xml} of its own, given to the
 * forked Maven as global settings ({@code -gs} in {@code .mvn/maven.config}), so that the invoker's user settings still
 * apply beside it. The verify script reads what went through it with {@link #requests}.
 */
public final class ItProxy {

    public static final String USER = "builder";
    /** A planted secret: PlantedSecretsScan fails the build if it shows in any log of the ITs. */
    public static final String PASSWORD = "gantry-planted-secret-proxy";

    private static final String LOG = "proxy/proxy.log";

    private ItProxy() {
    }

    /**
     * @param nonProxyHosts the proxy's {@code <nonProxyHosts>}, as a user writes it
     */
    public static LoopbackProxy startFor(File basedir, String nonProxyHosts) throws Exception {
        return startFor(basedir, nonProxyHosts, "", true, "http");
    }

    /** As {@link #startFor(File, String)}, a proxy that asks for no credentials, declared for these targets' scheme. */
    public static LoopbackProxy startWithoutCredentialsFor(File basedir, String protocol, String nonProxyHosts)
            throws Exception {
        return startFor(basedir, nonProxyHosts, "", false, protocol);
    }

    /**
     * As {@link #startFor(File, String)}, the same settings file also holding the credentials of a registry (a
     * {@code <server>} whose id is the registry's host).
     */
    public static LoopbackProxy startFor(File basedir, String nonProxyHosts, String registry, String user,
            String password) throws Exception {
        return startFor(basedir, nonProxyHosts, """
                  <servers>
                    <server>
                      <id>%s</id>
                      <username>%s</username>
                      <password>%s</password>
                    </server>
                  </servers>
                """.formatted(registry, user, password), true, "http");
    }

    private static LoopbackProxy startFor(File basedir, String nonProxyHosts, String servers, boolean credentials,
            String protocol) throws Exception {
        Path dir = basedir.toPath();
        LoopbackProxy proxy = credentials ? LoopbackProxy.start(dir.resolve("proxy"), USER, PASSWORD)
                : LoopbackProxy.start(dir.resolve("proxy"), null, null);
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close));
        // named settings.xml, as a user's is, in a directory of its own (the global settings of the forked Maven)
        Path settings = dir.resolve("global-settings/settings.xml");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                <settings>
                %s  <proxies>
                    <proxy>
                      <id>company-proxy</id>
                      <active>true</active>
                      <protocol>%s</protocol>
                      <host>127.0.0.1</host>
                      <port>%d</port>
                %s      <nonProxyHosts>%s</nonProxyHosts>
                    </proxy>
                  </proxies>
                </settings>
                """.formatted(servers, protocol, proxy.port(), credentials ? """
                      <username>%s</username>
                      <password>%s</password>
                """.formatted(USER, PASSWORD) : "", nonProxyHosts));
        Path config = dir.resolve(".mvn/maven.config");
        Files.createDirectories(config.getParent());
        List<String> lines = Files.exists(config) ? Files.readAllLines(config) : List.of();
        // one argument a line: Maven 3.9 and 4 read this file so
        Files.writeString(config, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n") + "-gs\n" + settings + "\n");
        return proxy;
    }

    /** How many connections the proxy opened for the build: its tunnels and relayed requests, none it refused. */
    public static int established(File basedir) throws Exception {
        return LoopbackProxy.established(basedir.toPath().resolve(LOG));
    }

    /** What the proxy relayed, {@code METHOD target} each. */
    public static List<String> requests(File basedir) throws Exception {
        return LoopbackProxy.requests(basedir.toPath().resolve(LOG));
    }
}
