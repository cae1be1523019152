package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.testing.UserProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a build's user properties its {@code .mvn} files gave, and which the command line gave over them. */
class MavenProjectConfigTest {

    @TempDir
    Path mvn;

    @Test
    void keepsOfTheBuildsPropertiesThoseTheCommandLineGave() throws Exception {
        Files.writeString(mvn.resolve("maven.config"), "-Drevision=1.3.0\n-Dchangelist=-SNAPSHOT\n");
        Properties userProperties = UserProperties.of("revision", "1.3.0", // from the file
                "changelist", "", // the command line's -Dchangelist= over the file's
                "skipTests", "true"); // the command line's own
        assertThat(new MavenProjectConfig(mvn, false).commandLineOnly(userProperties))
                .containsOnly(Map.entry("changelist", ""), Map.entry("skipTests", "true"));
    }

    @Test
    void takesEveryPropertyFromTheCommandLineWithoutFiles() throws Exception {
        assertThat(new MavenProjectConfig(mvn, true).commandLineOnly(UserProperties.of("revision", "2.0.0")))
                .containsOnly(Map.entry("revision", "2.0.0"));
    }

    @Test
    void countsMaven4sPropertiesFilesAsTheFilesOnlyUnderMaven4() throws Exception {
        Files.writeString(mvn.resolve("maven-user.properties"), "revision=1.5.0\n");
        Files.writeString(mvn.resolve("maven.properties"), "${includes} = ?\"other.properties\"\nmajor=2\nrevision=${major}.7.0\n");
        // what Maven 4 hands the build: maven.properties over maven-user.properties, its references resolved
        Properties userProperties = UserProperties.of("major", "2", "revision", "2.7.0");
        assertThat(new MavenProjectConfig(mvn, true).commandLineOnly(userProperties)).isEmpty();
        // Maven 3.9 reads neither file: such properties can only have come from its command line
        assertThat(new MavenProjectConfig(mvn, false).commandLineOnly(userProperties)).hasSize(2);
    }

    @Test
    void readsAPropertiesFileWithoutMavensOwnKeys() throws Exception {
        assertThat(MavenProjectConfig.parse("maven.properties", "${includes} = ?\"x.properties\"\nrevision = 3.0.0\n"))
                .containsOnly(Map.entry("revision", "3.0.0"));
        assertThat(MavenProjectConfig.parse("maven.config", "-Drevision=3.1.0\n-B\n")).containsOnly(Map.entry("revision", "3.1.0"));
    }
}
