package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath file's content, as jib-maven-plugin writes it for Java 9+. */
class JvmArgFilesTest {

    @TempDir
    Path dir;

    @Test
    void lists_resources_classes_then_the_jars_in_the_given_order() throws Exception {
        Path b = Files.write(Files.createDirectories(dir.resolve("b")).resolve("b-1.0.jar"), new byte[3]);
        Path a = Files.write(Files.createDirectories(dir.resolve("a")).resolve("a-2.0.jar"), new byte[5]);

        assertThat(JvmArgFiles.classpath(AbsoluteUnixPath.get("/srv"), List.of(b, a)))
                .isEqualTo("/srv/resources:/srv/classes:/srv/libs/b-1.0.jar:/srv/libs/a-2.0.jar");
    }

    @Test
    void tells_jars_of_the_same_name_apart_by_their_size_as_jib_core_names_them() throws Exception {
        Path one = Files.write(Files.createDirectories(dir.resolve("x")).resolve("core-1.0.jar"), new byte[3]);
        Path two = Files.write(Files.createDirectories(dir.resolve("y")).resolve("core-1.0.jar"), new byte[7]);

        assertThat(JvmArgFiles.classpath(AbsoluteUnixPath.get("/app"), List.of(one, two)))
                .isEqualTo("/app/resources:/app/classes:/app/libs/core-1.0-3.jar:/app/libs/core-1.0-7.jar");
    }

    @Test
    void gives_the_entrypoint_that_reads_the_file() {
        assertThat(JvmArgFiles.entrypoint(AbsoluteUnixPath.get("/app"), List.of("-Xmx64m"), "com.example.Main"))
                .containsExactly("java", "-Xmx64m", "-cp", "@/app/jib-classpath-file", "com.example.Main");
    }
}
