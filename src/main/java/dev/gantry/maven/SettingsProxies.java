package dev.gantry.maven;

import dev.gantry.net.HttpProxy;
import dev.gantry.net.JvmProxies;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The active {@code <proxies>} of {@code settings.xml}, decrypted and handed to the JVM's HTTP clients
 * ({@link JvmProxies}) once per build, before the plan's look-aheads build the AWS SDK's clients. Maven's resolver
 * already takes them from the session for the artifacts; git reads its own configuration ({@code http.proxy},
 * {@code HTTPS_PROXY}).
 */
final class SettingsProxies {

    private static final String APPLIED = SettingsProxies.class.getName() + ".applied";

    private SettingsProxies() {
    }

    static void applyOnce(MavenSession session, SettingsDecrypter decrypter, GantryLog log) {
        if (!session.getRepositorySession().getData().set(APPLIED, null, Boolean.TRUE)) {
            return; // done by another goal (of another module, with -T on another thread)
        }
        // with no proxy too: what an earlier build of this JVM (a Maven daemon) set is taken back
        List<HttpProxy> active = active(session.getSettings() == null ? List.of() : session.getSettings().getProxies(),
                decrypter, log);
        JvmProxies.apply(active, System.getProperties())
                .forEach(line -> log.info("Image registry and AWS calls: " + line + "."));
        Optional<String> other = JvmProxies.authenticate(active, System.getProperties());
        if (other.isPresent()) {
            log.warn("The proxy credentials of settings.xml are not used by the image push and the AWS calls: another "
                    + "plugin of this build set the JVM's java.net.Authenticator first (" + other.get() + "); the proxy "
                    + "itself is. Give the credentials to that authenticator, or bind Gantry's plan before that plugin.");
        }
    }

    /**
     * The active proxies, decrypted. One whose password cannot be decrypted is warned of, as Maven does, and used without
     * credentials: its encrypted text is never sent, and a build that never reaches the proxy (a preview) goes on.
     */
    static List<HttpProxy> active(List<Proxy> proxies, SettingsDecrypter decrypter, GantryLog log) {
        List<HttpProxy> active = new ArrayList<>();
        for (Proxy proxy : proxies) {
            if (!proxy.isActive() || proxy.getHost() == null) {
                continue;
            }
            Proxy clear = proxy;
            if (proxy.getPassword() != null) {
                SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
                Optional<String> problem = RegistryServers.firstError(result.getProblems(), proxy.getPassword());
                if (problem.isPresent()) {
                    log.warn(Refusals.proxyPasswordUndecryptable(proxy.getId(), problem.get()));
                    active.add(new HttpProxy(proxy.getId(), proxy.getProtocol(), proxy.getHost(), proxy.getPort(), null,
                            null, proxy.getNonProxyHosts()));
                    continue;
                }
                clear = result.getProxy() == null ? proxy : result.getProxy();
            }
            active.add(new HttpProxy(proxy.getId(), proxy.getProtocol(), clear.getHost(), clear.getPort(),
                    blankToNull(clear.getUsername()), clear.getPassword(), clear.getNonProxyHosts()));
        }
        return active;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
