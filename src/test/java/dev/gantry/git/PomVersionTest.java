package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PomVersionTest {

    private static Optional<String> read(String body) throws IOException {
        return PomVersion.read(("<project><modelVersion>4.0.0</modelVersion>" + body + "</project>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_the_projects_own_version() throws IOException {
        assertThat(read("<version> 1.2.0 </version>")).contains("1.2.0");
    }

    @Test
    void falls_back_to_the_parents_version() throws IOException {
        assertThat(read("<parent><groupId>g</groupId><artifactId>p</artifactId><version>2.0.0-SNAPSHOT</version></parent>"))
                .contains("2.0.0-SNAPSHOT");
    }

    @Test
    void resolves_a_ci_friendly_revision_from_the_poms_properties() throws IOException {
        assertThat(read("<version>${revision}${changelist}</version>"
                + "<properties><revision>1.4.0</revision><changelist>-SNAPSHOT</changelist></properties>"))
                .contains("1.4.0-SNAPSHOT");
    }

    @Test
    void resolves_properties_that_refer_to_other_properties() throws IOException {
        assertThat(read("<version>${revision}</version><properties><major>3</major><revision>${major}.1.0</revision></properties>"))
                .contains("3.1.0");
    }

    @Test
    void knows_no_version_that_the_pom_alone_cannot_resolve() throws IOException {
        assertThat(read("<version>${revision}</version>")).isEmpty();
    }

    @Test
    void knows_no_version_when_the_pom_has_none() throws IOException {
        assertThat(read("<artifactId>a</artifactId>")).isEmpty();
    }

    @Test
    void rejects_bytes_that_are_not_a_pom() {
        assertThatThrownBy(() -> PomVersion.read("<project><version>1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
