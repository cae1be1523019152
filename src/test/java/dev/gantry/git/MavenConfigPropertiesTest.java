package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenConfigPropertiesTest {

    @TempDir
    Path tmp;

    @Test
    void reads_the_define_lines_as_maven_does() {
        Properties properties = MavenConfigProperties.of("# comment\n-Drevision=1.3.0\r\n  -T1C\n\n--define=changelist=\n-Dquick\n"
                + "--batch-mode\n-Dequals=a=b\n");
        assertThat(properties).containsOnly(entry("revision", "1.3.0"), entry("changelist", ""), entry("quick", "true"),
                entry("equals", "a=b"));
    }

    @Test
    void keeps_of_the_builds_properties_those_the_command_line_gave() throws Exception {
        Path config = Files.writeString(tmp.resolve("maven.config"), "-Drevision=1.3.0\n-Dchangelist=-SNAPSHOT\n");
        Properties build = new Properties();
        build.setProperty("revision", "1.3.0");     // from the file
        build.setProperty("changelist", "");        // the command line's -Dchangelist= over the file's
        build.setProperty("skipTests", "true");     // the command line's own
        assertThat(MavenConfigProperties.commandLineOnly(build, config))
                .containsOnly(entry("changelist", ""), entry("skipTests", "true"));
    }

    @Test
    void takes_every_property_from_the_command_line_without_a_file() throws Exception {
        Properties build = new Properties();
        build.setProperty("revision", "2.0.0");
        assertThat(MavenConfigProperties.commandLineOnly(build, tmp.resolve("absent"))).containsOnly(entry("revision", "2.0.0"));
    }

    private static java.util.Map.Entry<Object, Object> entry(String name, String value) {
        return java.util.Map.entry(name, value);
    }
}
