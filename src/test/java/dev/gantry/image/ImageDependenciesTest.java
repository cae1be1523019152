package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.image.ImageDependencies.Dependency;
import dev.gantry.testing.CompiledClasses;
import dev.gantry.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into the image of the dependencies Maven resolved, on real jars with real manifests. */
class ImageDependenciesTest {

    @TempDir
    Path dir;
    Path empty;
    List<String> logged = new ArrayList<>();

    @BeforeEach
    void classes() throws Exception {
        empty = Files.createDirectories(dir.resolve("empty"));
    }

    Dependency jar(String groupId, String artifactId, String scope, boolean optional, Map<String, String> manifest)
            throws Exception {
        Path file = CompiledClasses.jar(dir.resolve("repo/" + artifactId + ".jar"), empty, manifest);
        return new Dependency(groupId, artifactId, scope, optional, file);
    }

    Dependency jar(String groupId, String artifactId) throws Exception {
        return jar(groupId, artifactId, "compile", false, Map.of());
    }

    List<String> kept(List<String> excludes, Dependency... dependencies) throws Exception {
        return new ImageDependencies(excludes).select(List.of(dependencies), new RecordingLog(logged, false)).stream()
                .map(Dependency::artifactId).toList();
    }

    @Nested
    class Leaves_out_what_spring_boot_leaves_out_of_its_jar {

        @Test
        void devtools_and_docker_compose_optional_or_not() throws Exception {
            assertThat(kept(List.of(), jar("org.springframework.boot", "spring-boot-devtools", "runtime", false, Map.of()),
                    jar("org.springframework.boot", "spring-boot-docker-compose", "runtime", false, Map.of()),
                    jar("org.springframework.boot", "spring-boot"))).containsExactly("spring-boot");
            assertThat(logged).contains("Left out of the image: org.springframework.boot:spring-boot-devtools (development "
                    + "only, as Spring Boot leaves it out of its jar).");
        }

        @Test
        void optional_provided_system_and_test_dependencies() throws Exception {
            assertThat(kept(List.of(), jar("org.projectlombok", "lombok", "compile", true, Map.of()),
                    jar("jakarta.servlet", "jakarta.servlet-api", "provided", false, Map.of()),
                    jar("com.vendor", "native", "system", false, Map.of()),
                    jar("org.junit", "junit", "test", false, Map.of()),
                    jar("org.postgresql", "postgresql", "runtime", false, Map.of()),
                    jar("com.example", "no-scope", null, false, Map.of()))).containsExactly("postgresql", "no-scope");
            assertThat(logged).contains("Left out of the image: org.projectlombok:lombok (optional).",
                    "Left out of the image: jakarta.servlet:jakarta.servlet-api (scope provided).");
        }

        @Test
        void annotation_processors_starters_and_development_tools_by_their_manifest() throws Exception {
            assertThat(kept(List.of(),
                    jar("org.springframework.boot", "spring-boot-configuration-processor", "compile", false,
                            Map.of("Spring-Boot-Jar-Type", "annotation-processor")),
                    jar("org.springframework.boot", "spring-boot-starter-web", "compile", false,
                            Map.of("Spring-Boot-Jar-Type", "dependencies-starter")),
                    jar("com.example", "dev-helper", "compile", false, Map.of("Spring-Boot-Jar-Type", "development-tool")),
                    jar("org.springframework", "spring-web"))).containsExactly("spring-web");
            assertThat(logged).contains("Left out of the image: org.springframework.boot:spring-boot-configuration-processor "
                    + "(Spring-Boot-Jar-Type annotation-processor).",
                    "Left out of the image: 1 Spring Boot starter (empty jars, Spring-Boot-Jar-Type dependencies-starter; "
                            + "-X lists them).");
        }
    }

    @Nested
    class Excludes {

        @Test
        void leave_out_more_by_group_and_artifact_keeping_the_order() throws Exception {
            assertThat(kept(List.of(" com.example:big ", "org.other:thing"), jar("org.c", "c"), jar("com.example", "big"),
                    jar("org.a", "a"), jar("com.example", "small"))).containsExactly("c", "a", "small");
            assertThat(logged).containsExactly("Left out of the image: com.example:big (in <excludes>).");
        }

        @Test
        void must_be_group_colon_artifact() {
            assertThatThrownBy(() -> new ImageDependencies(List.of("lombok")))
                    .hasMessage("Invalid exclude 'lombok': expected groupId:artifactId, such as org.projectlombok:lombok. Fix "
                            + "<excludes><exclude> in the gantry-maven-plugin configuration.");
            assertThatThrownBy(() -> new ImageDependencies(List.of("a:b:c"))).hasMessageStartingWith("Invalid exclude 'a:b:c'");
        }
    }

    @Test
    void reads_a_manifest_written_after_the_classes_as_spring_boot_does() throws Exception {
        // a zip tool that writes the manifest last: Boot's JarFile reads it from the central directory all the same
        Path starter = dir.resolve("repo/late-starter.jar");
        Files.createDirectories(starter.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(starter))) {
            zip.putNextEntry(new ZipEntry("org/example/Starter.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\nSpring-Boot-Jar-Type: dependencies-starter\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
        }

        assertThat(kept(List.of(), new Dependency("org.example", "late-starter", "compile", false, starter),
                jar("org.example", "library"))).containsExactly("library");
        assertThat(logged).containsExactly("Left out of the image: 1 Spring Boot starter (empty jars, Spring-Boot-Jar-Type "
                + "dependencies-starter; -X lists them).");
    }

    @Test
    void refuses_a_spring_boot_executable_jar_as_a_library() throws Exception {
        Dependency repackaged = jar("it.shop", "lib", "compile", false, Map.of("Spring-Boot-Classes", "BOOT-INF/classes/",
                "Main-Class", "org.springframework.boot.loader.launch.JarLauncher"));

        assertThatThrownBy(() -> kept(List.of(), repackaged))
                .hasMessage("Dependency it.shop:lib is a Spring Boot executable jar (" + repackaged.file() + ", repackaged by "
                        + "spring-boot-maven-plugin): its classes are under BOOT-INF/, where no classpath finds them. Give that "
                        + "module's repackage execution a classifier (<classifier>exec</classifier> in its "
                        + "spring-boot-maven-plugin configuration) or skip it there (<skip>true</skip>), so that the module's "
                        + "jar stays a plain library.");
    }
}
