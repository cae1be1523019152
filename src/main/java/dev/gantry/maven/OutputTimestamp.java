package dev.gantry.maven;

import dev.gantry.release.Refusals;
import java.util.List;
import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * Whether a release's jars are reproducible. A release is immutable, so a re-run of its pipeline (after a failed tag
 * push, say) compares its rebuilt files with the published ones; without {@code project.build.outputTimestamp}, the
 * archivers of maven-jar-plugin and its kin stamp every entry with the build's time, so every rebuild differs. Spring
 * Boot's {@code spring-boot-starter-parent} (3.5, 4.0) does not set the property either. Maven 4's super POM sets it
 * ({@code 1980-02-01T00:00:00Z}), so there every module has it and nothing is warned.
 */
final class OutputTimestamp {

    static final String PROPERTY = "project.build.outputTimestamp";

    private OutputTimestamp() {
    }

    /**
     * One warning naming the published modules that build archives without the property, or empty when all set it (a pom
     * module builds no archive, and a skipped one publishes nothing).
     */
    static Optional<String> warning(List<MavenProject> modules) {
        List<String> without = modules.stream()
                .filter(p -> !"pom".equals(p.getPackaging()) && !GantrySettings.skipped(p))
                .filter(p -> p.getProperties().getProperty(PROPERTY, "").isBlank())
                .map(MavenProject::getArtifactId)
                .toList();
        boolean springBootParent = modules.stream().anyMatch(OutputTimestamp::inheritsSpringBootStarterParent);
        return without.isEmpty() ? Optional.empty()
                : Optional.of(Refusals.jarsNotReproducible(without, springBootParent));
    }

    /** Whether one of the module's parents is spring-boot-starter-parent, which one might expect to set it. */
    private static boolean inheritsSpringBootStarterParent(MavenProject module) {
        for (MavenProject parent = module.getParent(); parent != null; parent = parent.getParent()) {
            if ("spring-boot-starter-parent".equals(parent.getArtifactId())) {
                return true;
            }
        }
        return false;
    }
}
