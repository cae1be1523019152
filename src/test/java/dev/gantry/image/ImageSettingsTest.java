package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.gantry.release.GantryException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageSettingsTest {

    @Nested
    class Environment {

        /** jib-core keeps the order for variables that share a hash bucket: one order for every JVM, the POM's. */
        @Test
        void keeps_the_poms_order() {
            java.util.Map<String, String> pom = new java.util.LinkedHashMap<>();
            for (String name : java.util.List.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "TZ", "SERVER_PORT",
                    "LOG_LEVEL", "MANAGEMENT_PORT", "A", "B", "C", "D")) {
                pom.put(name, "x");
            }
            ImageRequest request = ImageRequest.builder()
                    .image(new dev.gantry.release.ImagePlan("orders", true, java.util.List.of()))
                    .classesDirectory(java.nio.file.Path.of("classes")).commit("a1b2c3d").commitTime(java.time.Instant.EPOCH)
                    .outputDirectory(java.nio.file.Path.of("target/gantry")).environment(pom).build();

            assertThat(request.environment().keySet()).containsExactlyElementsOf(pom.keySet());
        }
    }

    @Nested
    class Ports {
        @Test
        void accept_numbers_protocols_and_ranges() throws GantryException {
            assertThat(ProjectImage.ports("8080")).containsExactly(Port.tcp(8080));
            assertThat(ProjectImage.ports("53/udp")).containsExactly(Port.udp(53));
            assertThat(ProjectImage.ports("7000-7002/tcp")).containsExactly(Port.tcp(7000), Port.tcp(7001), Port.tcp(7002));
        }

        @Test
        void refuse_anything_else_with_the_expected_form() {
            assertThatThrownBy(() -> ProjectImage.ports("http")).hasMessage("Invalid port 'http': expected a number, "
                    + "number/tcp, number/udp or a range such as 7000-7002. Fix <ports><port> in the gantry-maven-plugin "
                    + "configuration.");
            assertThatThrownBy(() -> ProjectImage.ports("80/sctp")).isInstanceOf(GantryException.class);
        }
    }

    @Nested
    class Platforms {
        @Test
        void are_os_slash_architecture() throws GantryException {
            assertThat(ProjectImage.platform("linux/arm64").getArchitecture()).isEqualTo("arm64");
            assertThatThrownBy(() -> ProjectImage.platform("arm64")).hasMessage("Invalid platform 'arm64': expected "
                    + "os/architecture, such as linux/amd64 or linux/arm64. Fix <platforms><platform> in the "
                    + "gantry-maven-plugin configuration.");
        }
    }

    @Nested
    class The_source_label {
        @Test
        void never_carries_credentials() {
            assertThat(ProjectImage.withoutCredentials("https://x-access-token:ghs_abc@github.com/acme/orders.git"))
                    .isEqualTo("https://github.com/acme/orders.git");
            assertThat(ProjectImage.withoutCredentials("git@github.com:acme/orders.git")).isEqualTo("git@github.com:acme/orders.git");
        }

        @Test
        void is_stripped_as_the_git_package_strips_it_from_https_and_ssh_urls() {
            // the packages stay independent; they must agree on what a credential in a URL is
            for (String[] c : new String[][] {
                    {"https://x-access-token:ghs_abc@github.com/acme/orders.git", "https://github.com/acme/orders.git"},
                    {"http://ci:pw@git.lan/acme/orders.git", "http://git.lan/acme/orders.git"},
                    {"ssh://deploy:s3cret@git.example.com:2222/acme/orders.git", "ssh://git.example.com:2222/acme/orders.git"}}) {
                assertThat(ProjectImage.withoutCredentials(c[0])).as(c[0]).isEqualTo(c[1]);
                assertThat(dev.gantry.git.RemoteUrls.withoutCredentials(c[0])).as(c[0]).isEqualTo(c[1]);
            }
        }
    }

    @Nested
    class Empty_values {
        @Test
        void of_environment_and_labels_are_empty_strings_as_maven_gives_them_as_null() {
            java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
            environment.put("EMPTY", null);  // <environment><EMPTY/></environment>
            environment.put("APP_ENV", "test");
            java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
            labels.put("note", null);

            ImageRequest request = ImageRequest.builder()
                    .image(new dev.gantry.release.ImagePlan("orders", true, java.util.List.of()))
                    .classesDirectory(java.nio.file.Path.of("target/classes"))
                    .commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                    .commitTime(java.time.Instant.EPOCH)
                    .outputDirectory(java.nio.file.Path.of("target/gantry"))
                    .environment(environment)
                    .labels(labels)
                    .build();

            assertThat(request.environment()).containsEntry("EMPTY", "").containsEntry("APP_ENV", "test");
            assertThat(request.labels()).containsEntry("note", "");
        }
    }

    @Test
    void registries_are_read_as_jib_reads_them() {
        assertThat(Registries.of("eclipse-temurin:17-jre")).isEqualTo("registry-1.docker.io");
        assertThat(Registries.of("127.0.0.1:5000/orders")).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void a_credential_never_prints_its_password() {
        assertThat(new RegistryCredential("ci", "s3cret")).hasToString("RegistryCredential[ci, ****]");
    }
}
