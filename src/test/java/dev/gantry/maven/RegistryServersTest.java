package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;

/** The pure parts of the image goal's Maven glue. */
class RegistryServersTest {

    static Server server(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername("ci");
        server.setPassword(password);
        return server;
    }

    @Test
    void an_undecryptable_password_is_refused_naming_the_server_and_the_problem_never_the_password() {
        String encrypted = "{COQLCE6DU6GtcS5P=}";
        Server server = server("registry.example.com", encrypted);
        // as Maven's DefaultSettingsDecrypter reports it (the cause's message may repeat what it failed on)
        SettingsProblem problem = new DefaultSettingsProblem("Failed to decrypt password for server registry.example.com: "
                + "cannot decrypt " + encrypted, SettingsProblem.Severity.ERROR, "server: registry.example.com", -1, -1, null);

        assertThatThrownBy(() -> RegistryServers.checkDecrypted(server, List.of(problem)))
                .hasMessage("Cannot decrypt the password of the <server> with <id>registry.example.com</id> in settings.xml: "
                        + "Failed to decrypt password for server registry.example.com: cannot decrypt ****. It was not sent. "
                        + "Encrypt it again with mvn --encrypt-password and check the master password in "
                        + "~/.m2/settings-security.xml (or -Dsettings.security=<file>), or put the password there in clear "
                        + "text.")
                .message().doesNotContain("COQLCE6DU6GtcS5P");
    }

    @Test
    void a_decrypted_password_or_a_warning_passes() {
        assertThatCode(() -> RegistryServers.checkDecrypted(server("r", "clear"), List.of())).doesNotThrowAnyException();
        assertThatCode(() -> RegistryServers.checkDecrypted(server("r", "clear"), List.of(new DefaultSettingsProblem("note",
                SettingsProblem.Severity.WARNING, "", -1, -1, null)))).doesNotThrowAnyException();
    }
}
