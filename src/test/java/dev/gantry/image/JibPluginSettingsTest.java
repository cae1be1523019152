package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.ImagePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a jib-maven-plugin left in the image's module is configured to build that Gantry's image would not carry. */
class JibPluginSettingsTest {

    private static final Path MODULE = Path.of("/work/orders");
    private static final MainClass ORDERS = new MainClass("com.example.Orders", MainClass.START_CLASS);

    private static ImageRequest.Builder gantrys() {
        return ImageRequest.builder().image(new ImagePlan("registry.example.com/team/orders", false, List.of()))
                .from("eclipse-temurin:17-jre").classesDirectory(MODULE.resolve("target/classes"))
                .commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678").commitTime(Instant.parse("2026-11-20T10:15:30Z"))
                .outputDirectory(MODULE.resolve("target/gantry")).extraDirectory(MODULE.resolve("src/main/jib"));
    }

    private static JibPluginSettings jibs(String from, List<String> jvmFlags, Map<String, String> environment,
            List<String> ports) {
        return new JibPluginSettings(from, List.of(), null, jvmFlags, List.of(), environment, ports, Map.of(), null, null,
                List.of(), Map.of());
    }

    @Test
    void none_where_jib_sets_nothing_that_shapes_the_image() {
        JibPluginSettings nothing = jibs(null, List.of(), Map.of(), List.of());

        assertThat(nothing.differencesFrom(gantrys().build(), ORDERS)).isEmpty();
    }

    @Test
    void none_where_gantry_is_configured_alike_however_each_writes_it() {
        JibPluginSettings jib = new JibPluginSettings("docker.io/library/eclipse-temurin:17-jre", List.of("linux/amd64"),
                "com.example.Orders", List.of("-Xmx512m"), List.of("--verbose"), Map.of("TZ", "UTC"),
                List.of("8080", "9000-9001/udp"), Map.of("team", "payments", ProjectImage.LABEL_VERSION, "1.0"), "1000",
                "/app", List.of(new JibPluginSettings.ExtraDirectory(MODULE.resolve("src/main/jib"), "src/main/jib", "/")), Map.of());
        ImageRequest gantry = gantrys().jvmFlags(List.of("-Xmx512m")).arguments(List.of("--verbose"))
                .environment(new LinkedHashMap<>(Map.of("TZ", "UTC", "LANG", "C.UTF-8")))
                .ports(List.of("8080/tcp", "9000/udp", "9001/udp")).labels(Map.of("team", "payments")).user("1000").build();

        assertThat(jib.differencesFrom(gantry, ORDERS)).isEmpty();
    }

    @Test
    void names_each_setting_gantrys_image_lacks_and_the_parameter_to_set() {
        JibPluginSettings jib = jibs("registry.example.com/base/java:17", List.of("-Xmx512m"), Map.of("TZ", "UTC"),
                List.of("8080"));

        assertThat(jib.differencesFrom(gantrys().ports(List.of("9090")).build(), ORDERS)).containsExactly(
                "<from><image> (jib.from.image) is registry.example.com/base/java:17; Gantry's is "
                        + "eclipse-temurin:17-jre: set Gantry's <from>registry.example.com/base/java:17</from> "
                        + "(-Dgantry.image.from)",
                "<container><jvmFlags> (jib.container.jvmFlags) is <jvmFlag>-Xmx512m</jvmFlag>; Gantry's is none: set "
                        + "Gantry's <jvmFlags><jvmFlag>-Xmx512m</jvmFlag></jvmFlags>",
                "<container><environment> (jib.container.environment) holds TZ=UTC, which Gantry's image does not: set "
                        + "<TZ>UTC</TZ> in Gantry's <environment>",
                "<container><ports> (jib.container.ports) holds 8080, which Gantry's image does not: set <port>8080</port> "
                        + "in Gantry's <ports>");
    }

    /** One flag holding a comma (Jib's property escapes it as \,) stays one element, not two that read alike. */
    @Test
    void writes_lists_as_elements_so_an_item_with_a_comma_reads_as_one() {
        JibPluginSettings jib = jibs(null, List.of("-Dspring.profiles.active=prod,cloud"), Map.of(), List.of());

        assertThat(jib.differencesFrom(gantrys().jvmFlags(List.of("-Dspring.profiles.active=prod", "cloud")).build(),
                ORDERS)).containsExactly("<container><jvmFlags> (jib.container.jvmFlags) is "
                + "<jvmFlag>-Dspring.profiles.active=prod,cloud</jvmFlag>; Gantry's is "
                + "<jvmFlag>-Dspring.profiles.active=prod</jvmFlag><jvmFlag>cloud</jvmFlag>: set Gantry's "
                + "<jvmFlags><jvmFlag>-Dspring.profiles.active=prod,cloud</jvmFlag></jvmFlags>");
    }

    /** Images.md advises pinning the base by digest: Gantry's pin of Jib's tag, or Jib's digest under a tag, is the same. */
    @Test
    void takes_a_base_image_pinned_by_digest_for_the_tag_or_digest_jib_names() {
        String digest = "sha256:" + "1dfa".repeat(16);
        ImageRequest pinned = gantrys().from("registry.example.com/base/java:21-jre@" + digest).build();

        assertThat(jibs("registry.example.com/base/java:21-jre", List.of(), Map.of(), List.of())
                .differencesFrom(pinned, ORDERS)).isEmpty();
        assertThat(jibs("registry.example.com/base/java@" + digest, List.of(), Map.of(), List.of())
                .differencesFrom(pinned, ORDERS)).isEmpty();
        assertThat(jibs("registry.example.com/base/java@sha256:" + "2eab".repeat(16), List.of(), Map.of(), List.of())
                .differencesFrom(pinned, ORDERS)).hasSize(1);
        assertThat(jibs("registry.example.com/base/java:17-jre", List.of(), Map.of(), List.of())
                .differencesFrom(pinned, ORDERS)).hasSize(1);
        // Jib pinned, Gantry follows the tag: not the same image tomorrow
        assertThat(jibs("registry.example.com/base/java:21-jre@" + digest, List.of(), Map.of(), List.of())
                .differencesFrom(gantrys().from("registry.example.com/base/java:21-jre").build(), ORDERS)).hasSize(1);
    }

    @Test
    void names_the_main_class_gantry_found_and_where_from() {
        JibPluginSettings jib = new JibPluginSettings(null, List.of(), "com.example.Admin", List.of(), List.of(), Map.of(),
                List.of(), Map.of(), null, null, List.of(), Map.of());

        assertThat(jib.differencesFrom(gantrys().build(), ORDERS)).containsExactly("<container><mainClass> "
                + "(jib.container.mainClass) is com.example.Admin; Gantry's is com.example.Orders (" + MainClass.START_CLASS
                + "): set Gantry's <mainClass>com.example.Admin</mainClass>");
        // a Quarkus service starts Quarkus's runner whatever either says
        assertThat(jib.differencesFrom(gantrys().build(), null)).isEmpty();
    }

    @Test
    void names_platforms_user_app_root_and_extra_directories_that_differ() {
        JibPluginSettings jib = new JibPluginSettings(null, List.of("linux/arm64"), null, List.of(), List.of(), Map.of(),
                List.of(), Map.of(), "1000", "/srv", List.of(new JibPluginSettings.ExtraDirectory(MODULE.resolve("conf"),
                        "conf", "/etc/orders")), Map.of());

        assertThat(jib.differencesFrom(gantrys().build(), ORDERS)).containsExactly(
                "<from><platforms> (jib.from.platforms) is linux/arm64; Gantry's is linux/amd64: set Gantry's "
                        + "<platforms><platform>linux/arm64</platform></platforms>",
                "<container><user> (jib.container.user) is 1000; Gantry's is none (the base image's user): set Gantry's "
                        + "<user>1000</user>",
                "<container><appRoot> (jib.container.appRoot) is /srv; Gantry's is /app: set Gantry's <appRoot>/srv</appRoot>",
                "<extraDirectories><paths> (jib.extraDirectories.paths) is conf into /etc/orders (Gantry "
                        + "copies one directory, to /): Gantry has no such setting");
        assertThat(jib.hasUnmatched()).as("a directory copied elsewhere than / cannot be carried over").isTrue();
    }

    /** Jib's working directory, which a Dropwizard service's relative configuration paths need, carried over. */
    @Test
    void names_a_working_directory_that_differs() {
        JibPluginSettings jib = new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                Map.of(), null, "/config", null, List.of(), Map.of());

        assertThat(jib.differencesFrom(gantrys().build(), ORDERS)).containsExactly("<container><workingDirectory> "
                + "(jib.container.workingDirectory) is /config; Gantry's is none (the base image's): set Gantry's "
                + "<workingDirectory>/config</workingDirectory>");
        assertThat(jib.differencesFrom(gantrys().workingDirectory("/config").build(), ORDERS)).isEmpty();
        assertThat(jib.hasUnmatched()).as("moving the setting over is all").isFalse();
    }

    @Test
    void names_an_extra_directory_other_than_gantrys() {
        JibPluginSettings jib = new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                Map.of(), null, null, List.of(new JibPluginSettings.ExtraDirectory(MODULE.resolve("src/main/extra"), "src/main/extra", "/")),
                Map.of());

        assertThat(jib.differencesFrom(gantrys().build(), ORDERS)).containsExactly("<extraDirectories><paths> "
                + "(jib.extraDirectories.paths) is src/main/extra; Gantry's is /work/orders/src/main/jib: set "
                + "Gantry's <extraDirectory>${project.basedir}/src/main/extra</extraDirectory>");
        assertThat(jib.hasUnmatched()).isFalse();
    }

    @Test
    void names_settings_gantry_has_no_equivalent_of() {
        Map<String, String> unmatched = new LinkedHashMap<>();
        unmatched.put("<container><volumes>", "/tmp");
        unmatched.put("<container><entrypoint>", "/bin/sh -c java -jar app.jar");
        JibPluginSettings jib = new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                Map.of(), null, null, List.of(), unmatched);

        assertThat(jib.differencesFrom(gantrys().build(), ORDERS)).containsExactly(
                "<container><volumes> is /tmp: Gantry has no such setting",
                "<container><entrypoint> is /bin/sh -c java -jar app.jar: Gantry has no such setting");
        assertThat(jib.hasUnmatched()).isTrue();
    }
}
