package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.net.HttpProxy;
import dev.gantry.net.JvmProxies;
import dev.gantry.testing.FreePort;
import dev.gantry.testing.LoopbackProxy;
import dev.gantry.testing.LoopbackServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry call that fails at the proxy of settings.xml is told as the proxy's failure, at once, not as the
 * registry's after three attempts (found behind tinyproxy on spring-petclinic: "The registry … kept failing … Unable to
 * tunnel through proxy", "… is busy or failing"). The JVM's proxy properties are global: set here and put back.
 */
class RegistryApiThroughAProxyTest {

    private static final List<String> KEYS = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "http.nonProxyHosts", "gantry.proxy.properties");

    @TempDir
    Path dir;

    private final Properties saved = new Properties();

    @BeforeEach
    void keepTheJvmsProxyProperties() {
        KEYS.forEach(k -> {
            if (System.getProperty(k) != null) {
                saved.setProperty(k, System.getProperty(k));
            }
        });
        // the JDK sends nothing for 127.* through a proxy unless this is empty; a company's registry is not on loopback
        System.setProperty("http.nonProxyHosts", "");
    }

    @AfterEach
    void putThemBack() {
        KEYS.forEach(System::clearProperty);
        saved.forEach((k, v) -> System.setProperty((String) k, (String) v));
        JvmProxies.apply(List.of(), new Properties()); // forgets which settings.xml proxy it applied
        java.net.Authenticator.setDefault(null);
    }

    @Test
    void a_proxy_that_asks_for_credentials_none_given_is_named_as_the_one_that_refused() throws Exception {
        try (LoopbackServer registry = LoopbackServer.start(e -> LoopbackServer.respond(e, 404, ""));
             LoopbackProxy proxy = LoopbackProxy.start(dir.resolve("proxy"), "builder", "s3cret")) {
            behind(proxy, null, null);
            RegistryApi api = new RegistryApi(registry.host(), "orders", null, null, true, false);

            // the JDK hands the tunnel's 407 back as the answer when it has no credentials to offer
            assertThatThrownBy(() -> api.manifest("1.0.0"))
                    .hasMessageStartingWith("The proxy 127.0.0.1:" + proxy.port() + " (settings.xml's <proxy> company) "
                            + "refused reading manifest 1.0.0 for " + registry.host() + "/orders: HTTP 407 Proxy "
                            + "Authentication Required.")
                    .hasMessageContaining("check the <username> and <password> of that <proxy> in settings.xml")
                    .hasMessageNotContaining("kept failing");
            // asked once: not again three times, nor over plain HTTP
            assertThat(proxy.requests()).containsExactly("CONNECT " + registry.host());
            assertThat(registry.received()).isEmpty();
        }
    }

    @Test
    void a_proxy_that_refuses_the_credentials_given_is_named_as_the_one_that_refused() throws Exception {
        try (LoopbackServer registry = LoopbackServer.start(e -> LoopbackServer.respond(e, 404, ""));
             LoopbackProxy proxy = LoopbackProxy.start(dir.resolve("proxy"), "builder", "s3cret")) {
            behind(proxy, "builder", "wrong");
            RegistryApi api = new RegistryApi(registry.host(), "orders", null, null, true, false);

            // tinyproxy answers wrong credentials with 401, the JDK then gives up on the tunnel
            assertThatThrownBy(() -> api.manifest("1.0.0"))
                    .hasMessageStartingWith("The proxy 127.0.0.1:" + proxy.port() + " (settings.xml's <proxy> company) "
                            + "refused GET https://" + registry.host() + "/v2/orders/manifests/1.0.0 for "
                            + registry.host() + "/orders: Unable to tunnel through proxy. Proxy returns \"HTTP/1.")
                    .hasMessageContaining("check the <username> and <password> of that <proxy> in settings.xml")
                    .hasMessageNotContaining("wrong")
                    .hasMessageNotContaining("kept failing");
            assertThat(registry.received()).isEmpty();
            assertThat(LoopbackProxy.established(dir.resolve("proxy/proxy.log"))).isZero();
        }
    }

    @Test
    void the_right_credentials_open_the_tunnel() throws Exception {
        try (LoopbackServer registry = LoopbackServer.start(e -> LoopbackServer.respond(e, 404, ""));
             LoopbackProxy proxy = LoopbackProxy.start(dir.resolve("proxy"), "builder", "s3cret")) {
            behind(proxy, "builder", "s3cret");

            assertThat(new RegistryApi(registry.host(), "orders", null, null, true, false).manifest("1.0.0")).isEmpty();
            assertThat(registry.received()).isNotEmpty();
            assertThat(LoopbackProxy.established(dir.resolve("proxy/proxy.log"))).isPositive();
        }
    }

    /** The JVM set up as a build with this proxy in settings.xml ({@code <proxy>} company). */
    private static void behind(LoopbackProxy proxy, String user, String password) {
        List<HttpProxy> company = List.of(new HttpProxy("company", "http", "127.0.0.1", proxy.port(), user, password,
                null));
        JvmProxies.apply(company, System.getProperties());
        JvmProxies.authenticate(company, System.getProperties());
    }

    @Test
    void a_proxy_that_does_not_run_is_named_with_what_to_check() throws Exception {
        int closed = FreePort.onLoopback();
        try (LoopbackServer registry = LoopbackServer.start(e -> LoopbackServer.respond(e, 404, ""))) {
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", String.valueOf(closed));
            RegistryApi api = new RegistryApi(registry.host(), "orders", null, null, true, false);

            assertThatThrownBy(() -> api.manifest("1.0.0"))
                    .hasMessageStartingWith("Cannot connect to the proxy 127.0.0.1:" + closed + " (the JVM's "
                            + "https.proxyHost) for GET https://" + registry.host() + "/v2/orders/manifests/1.0.0 ("
                            + registry.host() + "/orders): Connection refused")
                    .hasMessageContaining("Check that the proxy runs")
                    .hasMessageNotContaining("http://");
            assertThat(registry.received()).isEmpty();
        }
    }
}
