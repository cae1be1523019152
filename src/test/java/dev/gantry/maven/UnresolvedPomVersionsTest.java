package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnresolvedPomVersionsTest {

    @TempDir
    Path dir;

    private MavenProject module(String fileName, String versionElements) throws IOException {
        Path pom = dir.resolve(fileName);
        Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + versionElements + "<artifactId>core</artifactId></project>");
        MavenProject project = new MavenProject();
        project.setArtifactId("core");
        project.setFile(pom.toFile());
        return project;
    }

    /** What flatten-maven-plugin did not replace is refused when the publish collects it, before anything is sent. */
    @Test
    void a_pom_deployed_as_written_with_a_property_in_its_version_is_refused_at_publish() throws IOException {
        MavenProject core = module("pom.xml", "<parent><groupId>g</groupId><artifactId>p</artifactId>"
                + "<version>${revision}${changelist}</version></parent>");
        assertThatThrownBy(() -> UnresolvedPomVersions.refuseAtPublish(false, core)).hasMessageStartingWith(
                "The POM this build would publish has its version unresolved, as written: <parent><version>"
                        + "${revision}${changelist}</version> (core, pom.xml). Maven 3.9 deploys a module's POM as written")
                .hasMessageContaining("Nothing was published.")
                .hasMessageNotContaining("built");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(true, core))
                .as("Maven 4 deploys a consumer POM, its version resolved").doesNotThrowAnyException();
    }

    @Test
    void a_flattened_pom_and_a_version_a_consumer_resolves_from_the_pom_pass() throws IOException {
        MavenProject flattened = module(".flattened-pom.xml", "<groupId>g</groupId><version>1.1.0</version>");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(false, flattened)).doesNotThrowAnyException();

        MavenProject fromParent = module("pom.xml", "<parent><groupId>g</groupId><artifactId>p</artifactId>"
                + "<version>1.1.0</version></parent><version>${project.parent.version}</version>");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(false, fromParent)).doesNotThrowAnyException();
    }
}
