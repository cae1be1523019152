package dev.gantry.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JvmProxiesTest {

    @org.junit.jupiter.api.AfterEach
    void forgetWhatWasApplied() {
        JvmProxies.apply(List.of(), new Properties());
    }

    private static final HttpProxy CORP = new HttpProxy("corp", "http", "proxy.corp", 3128, "builder", "s3cret",
            "*.corp, nexus.internal");
    private static final HttpProxy TLS = new HttpProxy("tls", "https", "tls-proxy.corp", 8443, null, null, null);

    @Nested
    class Choosing_the_proxy_of_a_target {

        @Test
        void an_http_proxy_serves_https_targets_when_no_https_proxy_is_declared_as_maven_resolver_reads_it() {
            assertThat(JvmProxies.forScheme(List.of(CORP), "https")).contains(CORP);
            assertThat(JvmProxies.forScheme(List.of(CORP), "http")).contains(CORP);
        }

        @Test
        void an_https_proxy_serves_https_targets_only() {
            assertThat(JvmProxies.forScheme(List.of(CORP, TLS), "https")).contains(TLS);
            assertThat(JvmProxies.forScheme(List.of(TLS), "http")).isEmpty();
        }
    }

    @Nested
    class The_JVM_properties {

        @Test
        void are_set_for_both_schemes_with_the_hosts_that_go_direct() {
            Properties system = new Properties();

            List<String> applied = JvmProxies.apply(List.of(CORP), system);

            assertThat(system).containsEntry("http.proxyHost", "proxy.corp").containsEntry("http.proxyPort", "3128")
                    .containsEntry("https.proxyHost", "proxy.corp").containsEntry("https.proxyPort", "3128")
                    .containsEntry("http.nonProxyHosts", "*.corp|nexus.internal");
            assertThat(applied).containsExactly(
                    "http targets through the proxy corp (proxy.corp:3128, user builder)",
                    "https targets through the proxy corp (proxy.corp:3128, user builder)",
                    "not through a proxy: *.corp|nexus.internal");
        }

        @Test
        void never_hold_the_password_nor_does_the_log() {
            Properties system = new Properties();

            List<String> applied = JvmProxies.apply(List.of(CORP), system);

            assertThat(system.values()).noneMatch(v -> v.toString().contains("s3cret"));
            assertThat(applied).noneMatch(line -> line.contains("s3cret"));
            assertThat(CORP.toString()).doesNotContain("s3cret").contains("proxy.corp:3128", "builder");
        }

        @Test
        void set_by_the_user_win_scheme_by_scheme() {
            Properties system = new Properties();
            system.setProperty("https.proxyHost", "own.proxy");
            system.setProperty("http.nonProxyHosts", "localhost");

            List<String> applied = JvmProxies.apply(List.of(CORP), system);

            assertThat(system).containsEntry("https.proxyHost", "own.proxy").doesNotContainKey("https.proxyPort")
                    .containsEntry("http.proxyHost", "proxy.corp").containsEntry("http.nonProxyHosts", "localhost");
            // and the log says so, where a reader would otherwise believe the settings
            assertThat(applied).containsExactly(
                    "http targets through the proxy corp (proxy.corp:3128, user builder)",
                    "https targets through the JVM's https.proxyHost own.proxy, which wins over the proxy corp "
                            + "(proxy.corp:3128, user builder)",
                    "not through a proxy: localhost, the JVM's http.nonProxyHosts, which wins over settings.xml's "
                            + "*.corp|nexus.internal");
        }

        @Test
        void set_by_the_user_since_an_earlier_build_of_the_same_JVM_stay_the_user_s() {
            Properties system = new Properties();
            JvmProxies.apply(List.of(CORP), system);
            system.setProperty("https.proxyHost", "own.proxy"); // a -D of the daemon's next build

            JvmProxies.apply(List.of(), system);

            assertThat(system).containsOnlyKeys("https.proxyHost").containsEntry("https.proxyHost", "own.proxy");
        }

        @Test
        void keep_the_JDK_default_of_hosts_that_go_direct_when_the_settings_name_none() {
            Properties system = new Properties();

            JvmProxies.apply(List.of(TLS), system);

            assertThat(system).containsEntry("https.proxyHost", "tls-proxy.corp").doesNotContainKey("http.proxyHost")
                    .doesNotContainKey("http.nonProxyHosts");
        }

        @Test
        void set_by_an_earlier_build_of_the_same_JVM_are_replaced_not_taken_for_the_user_s() {
            Properties system = new Properties();
            JvmProxies.apply(List.of(CORP), system);

            JvmProxies.apply(List.of(TLS), system); // a Maven daemon's next build, its settings.xml changed

            assertThat(system).containsEntry("https.proxyHost", "tls-proxy.corp").doesNotContainKey("http.proxyHost")
                    .doesNotContainKey("http.nonProxyHosts");
            JvmProxies.apply(List.of(), system);
            assertThat(system).isEmpty();
        }

        @Test
        void are_left_alone_without_an_active_proxy() {
            Properties system = new Properties();

            assertThat(JvmProxies.apply(List.of(), system)).isEmpty();
            assertThat(system).isEmpty();
        }
    }

    @Nested
    class The_credentials {

        private final Authenticator credentials = new JvmProxies.ProxyCredentials(List.of(CORP));

        @Test
        void answer_that_proxy_s_407() {
            PasswordAuthentication answer = ask("proxy.corp", 3128, Authenticator.RequestorType.PROXY);

            assertThat(answer.getUserName()).isEqualTo("builder");
            assertThat(new String(answer.getPassword())).isEqualTo("s3cret");
        }

        @Test
        void are_not_given_to_a_server_s_401_nor_to_another_proxy() {
            assertThat(ask("proxy.corp", 3128, Authenticator.RequestorType.SERVER)).isNull();
            assertThat(ask("registry.corp", 443, Authenticator.RequestorType.SERVER)).isNull();
            assertThat(ask("other.proxy", 3128, Authenticator.RequestorType.PROXY)).isNull();
            assertThat(ask("proxy.corp", 8080, Authenticator.RequestorType.PROXY)).isNull();
        }

        private PasswordAuthentication ask(String host, int port, Authenticator.RequestorType type) {
            return Authenticator.requestPasswordAuthentication(credentials, host, null, port, "http", "proxy", "basic",
                    null, type);
        }
    }
}
