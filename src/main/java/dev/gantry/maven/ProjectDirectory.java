package dev.gantry.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;

/**
 * A module's own directory, where its pom.xml is. Not always {@code project.getBasedir()}: maven-shade-plugin, once it
 * has written a dependency-reduced POM elsewhere ({@code <dependencyReducedPomLocation>} under {@code target/}), sets
 * it as the project's file, which moves {@code ${project.basedir}} there for the rest of the build. The model keeps the
 * POM it was read from.
 */
final class ProjectDirectory {

    private ProjectDirectory() {
    }

    static Path of(MavenProject project) {
        File pom = project.getModel() == null ? null : project.getModel().getPomFile();
        return (pom != null && pom.getParentFile() != null ? pom.getParentFile() : project.getBasedir()).toPath();
    }

    /**
     * A path a parameter's {@code ${project.basedir}} made after such a move ({@code target/src/main/jib}), taken back to
     * the module's own directory when it is missing there and present here; any other path as it is.
     */
    static Path rebased(MavenProject project, Path path) {
        Path moved = project.getBasedir() == null ? null : project.getBasedir().toPath();
        Path own = of(project);
        if (moved == null || moved.equals(own) || Files.exists(path) || !path.startsWith(moved)) {
            return path;
        }
        Path back = own.resolve(moved.relativize(path));
        return Files.exists(back) ? back : path;
    }
}
