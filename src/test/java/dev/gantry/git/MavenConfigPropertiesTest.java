package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class MavenConfigPropertiesTest {

    @Test
    void reads_the_define_lines_as_maven_does() {
        Properties properties = MavenConfigProperties.of("# comment\n-Drevision=1.3.0\r\n  -T1C\n\n--define=changelist=\n-Dquick\n"
                + "--batch-mode\n-Dequals=a=b\n");
        assertThat(properties).containsOnly(entry("revision", "1.3.0"), entry("changelist", ""), entry("quick", "true"),
                entry("equals", "a=b"));
    }

    private static java.util.Map.Entry<Object, Object> entry(String name, String value) {
        return java.util.Map.entry(name, value);
    }
}
