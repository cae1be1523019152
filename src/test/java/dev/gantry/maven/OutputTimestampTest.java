package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {

    @Test
    void aReleaseWhoseJarsCarryTheBuildTimeGetsOneWarningNamingTheModulesAndTheFix() {
        assertThat(OutputTimestamp.warning(List.of(module("orders-api", "jar", null), module("orders", "jar", null))))
                .contains("The release's jars are not reproducible: orders-api, orders have no project.build.outputTimestamp "
                        + "property, so each jar entry carries the build's time and a re-run of this release will differ from "
                        + "the published files (and be refused unless its tag, its image or a jar's git.properties names "
                        + "this commit). Set "
                        + "<project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp> in the "
                        + "<properties> of the top-level POM (any fixed date), so that the same commit builds the same bytes.");
    }

    /** Spring Boot's parent sets much else, so its users are told that it does not set this. */
    @Test
    void aSpringBootServiceIsToldItsParentDoesNotSetIt() {
        MavenProject orders = module("orders", "jar", null);
        MavenProject bootParent = module("spring-boot-starter-parent", "pom", null);
        MavenProject bootDependencies = module("spring-boot-dependencies", "pom", null);
        bootParent.setParent(bootDependencies);
        orders.setParent(bootParent);
        assertThat(OutputTimestamp.warning(List.of(orders))).get().asString()
                .contains("(any fixed date; spring-boot-starter-parent does not set it)");
    }

    @Test
    void modulesThatSetThePropertyAreReproducible() {
        assertThat(OutputTimestamp.warning(List.of(module("orders", "jar", "2026-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void pomModulesAndSkippedModulesBuildNoJarToWarnAbout() {
        MavenProject skipped = module("tools", "jar", null);
        skipped.getProperties().setProperty("gantry.skip", "true");

        assertThat(OutputTimestamp.warning(List.of(module("parent", "pom", null), skipped))).isEmpty();
    }

    private static MavenProject module(String artifactId, String packaging, String outputTimestamp) {
        MavenProject project = new MavenProject();
        project.setArtifactId(artifactId);
        project.setPackaging(packaging);
        if (outputTimestamp != null) {
            project.getProperties().setProperty(OutputTimestamp.PROPERTY, outputTimestamp);
        }
        return project;
    }
}
