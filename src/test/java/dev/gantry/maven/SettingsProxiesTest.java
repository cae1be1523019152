package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.net.HttpProxy;
import dev.gantry.release.GantryLog;
import dev.gantry.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** The proxies of settings.xml as Maven 3.9's own decrypter gives them, from a settings-security.xml of the test's. */
class SettingsProxiesTest {

    private static final String MASTER = "master-of-this-test";

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final GantryLog warnings = new RecordingLog(logged, true);

    @Test
    void the_active_proxies_come_with_their_password_decrypted_and_the_others_are_left_out() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Proxy company = proxy("company", true, "ci", cipher.encryptAndDecorate("s3cret", MASTER));
        company.setNonProxyHosts("*.corp");
        Proxy off = proxy("off", false, "ci", "clear");
        Proxy anonymous = proxy("anonymous", true, " ", null);

        List<HttpProxy> active = SettingsProxies.active(List.of(company, off, anonymous), decrypter(MASTER), warnings);

        assertThat(active).containsExactly(
                new HttpProxy("company", "http", "proxy.corp", 3128, "ci", "s3cret", "*.corp"),
                new HttpProxy("anonymous", "http", "proxy.corp", 3128, null, null, null));
    }

    @Test
    void a_password_that_cannot_be_decrypted_is_warned_of_as_maven_does_and_never_sent() throws Exception {
        String encrypted = new DefaultPlexusCipher().encryptAndDecorate("s3cret", "another-master");

        List<HttpProxy> active = SettingsProxies.active(List.of(proxy("company", true, "ci", encrypted)),
                decrypter(MASTER), warnings);

        assertThat(active).containsExactly(new HttpProxy("company", "http", "proxy.corp", 3128, null, null, null));
        assertThat(logged).singleElement().asString()
                .startsWith("WARN Cannot decrypt the password of the <proxy> with <id>company</id> in settings.xml: ")
                .contains("go through that proxy without credentials")
                .doesNotContain(encrypted.substring(1, encrypted.length() - 1)).doesNotContain("s3cret");
    }

    private SettingsDecrypter decrypter(String master) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
                + "</master></settingsSecurity>");
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private static Proxy proxy(String id, boolean active, String user, String password) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setActive(active);
        proxy.setHost("proxy.corp");
        proxy.setPort(3128);
        proxy.setUsername(user);
        proxy.setPassword(password);
        return proxy;
    }
}
