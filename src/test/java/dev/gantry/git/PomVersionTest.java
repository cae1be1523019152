package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PomVersionTest {

    private static Optional<String> read(String body) throws Exception {
        return read(body, "");
    }

    private static Optional<String> read(String body, String mavenConfig) throws Exception {
        return PomVersion.read(("<project><modelVersion>4.0.0</modelVersion>" + body + "</project>").getBytes(StandardCharsets.UTF_8),
                () -> MavenConfigProperties.of(mavenConfig));
    }

    @Test
    void reads_the_projects_own_version() throws Exception {
        assertThat(read("<version> 1.2.0 </version>")).contains("1.2.0");
    }

    @Test
    void falls_back_to_the_parents_version() throws Exception {
        assertThat(read("<parent><groupId>g</groupId><artifactId>p</artifactId><version>2.0.0-SNAPSHOT</version></parent>"))
                .contains("2.0.0-SNAPSHOT");
    }

    @Test
    void resolves_a_ci_friendly_revision_from_the_poms_properties() throws Exception {
        assertThat(read("<version>${revision}${changelist}</version>"
                + "<properties><revision>1.4.0</revision><changelist>-SNAPSHOT</changelist></properties>"))
                .contains("1.4.0-SNAPSHOT");
    }

    @Test
    void resolves_properties_that_refer_to_other_properties() throws Exception {
        assertThat(read("<version>${revision}</version><properties><major>3</major><revision>${major}.1.0</revision></properties>"))
                .contains("3.1.0");
    }

    @Test
    void knows_no_version_that_the_pom_alone_cannot_resolve() throws Exception {
        assertThat(read("<version>${revision}</version>")).isEmpty();
    }

    @Test
    void resolves_a_revision_kept_in_maven_config() throws Exception {
        assertThat(read("<version>${revision}${changelist}</version><properties><changelist>-SNAPSHOT</changelist></properties>",
                "# the version\n-Drevision=1.3.0\n-T1C\n\n--define=changelist=\n")).contains("1.3.0");
    }

    @Test
    void lets_maven_config_override_the_poms_properties_as_maven_does() throws Exception {
        assertThat(read("<version>${revision}</version><properties><revision>0.0.0-SNAPSHOT</revision></properties>",
                "-Drevision=2.1.0")).contains("2.1.0");
    }

    @Test
    void reads_maven_config_only_for_a_version_that_refers_to_a_property() throws Exception {
        assertThat(PomVersion.read("<project><version>1.0.0</version></project>".getBytes(StandardCharsets.UTF_8), () -> {
            throw new AssertionError("maven.config read for a literal version");
        })).contains("1.0.0");
    }

    @Test
    void knows_no_version_when_the_pom_has_none() throws Exception {
        assertThat(read("<artifactId>a</artifactId>")).isEmpty();
    }

    @Test
    void rejects_bytes_that_are_not_a_pom() {
        assertThatThrownBy(() -> PomVersion.read("<project><version>1".getBytes(StandardCharsets.UTF_8),
                Properties::new))
                .isInstanceOf(IOException.class);
    }
}
