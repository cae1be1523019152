package dev.gantry.maven;

import dev.gantry.image.QuarkusFastJar;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Whether the image module is a Quarkus service: it runs the quarkus-maven-plugin's {@code build} goal (declared, or
 * through its packaging {@code quarkus}), whose fast-jar ({@code target/quarkus-app}) the image is then built from.
 * That fast-jar must be this build's: one left by an earlier build (Quarkus's build skipped, or packaged another way
 * this time) would put an older commit's service in this commit's image.
 */
final class QuarkusBuild {

    /** The Quarkus platform's plugin, and Quarkus's own under its core group id (the same plugin). */
    private static final List<String> PLUGINS = List.of("io.quarkus.platform:quarkus-maven-plugin",
            "io.quarkus:quarkus-maven-plugin");

    private QuarkusBuild() {
    }

    /** Quarkus's packaging: its lifecycle runs Quarkus's build at {@code package}, with no execution in the POM. */
    static final String PACKAGING = "quarkus";

    /**
     * The fast-jar this build's Quarkus build wrote; empty when the module runs no Quarkus build.
     *
     * @param buildStart when this Maven build started (its request's start time)
     */
    static Optional<Path> fastJar(MavenProject project, Date buildStart) throws GantryException {
        if (!runs(project)) {
            return Optional.empty();
        }
        Path directory = Path.of(project.getBuild().getDirectory(), QuarkusFastJar.DIRECTORY);
        Path runner = directory.resolve(QuarkusFastJar.RUNNER);
        if (!Files.isRegularFile(runner) || writtenBefore(runner, buildStart)) {
            throw Refusals.quarkusFastJarMissing(project.getArtifactId(), directory);
        }
        return Optional.of(directory);
    }

    /** Whether the module runs Quarkus's build: declared, or through Quarkus's packaging. */
    static boolean runs(MavenProject project) {
        return PACKAGING.equals(project.getPackaging())
                || PLUGINS.stream().anyMatch(plugin -> ReleaseGate.declaresGoal(project, plugin, "build"));
    }

    /**
     * The properties quarkus-maven-plugin's configuration hands Quarkus's build, as {@code -D} would: its
     * {@code <properties>} and {@code <systemProperties>} (its {@code build} execution's, else the plugin's).
     */
    static Properties pluginProperties(MavenProject project) {
        Properties properties = new Properties();
        for (String key : PLUGINS) {
            Plugin plugin = project.getPlugin(key);
            if (plugin == null) {
                continue;
            }
            Object configuration = Deployers.configurationFor(plugin, "build");
            for (String map : List.of("systemProperties", "properties")) {
                Xpp3Dom entries = configuration instanceof Xpp3Dom dom ? dom.getChild(map) : null;
                for (Xpp3Dom entry : entries == null ? new Xpp3Dom[0] : entries.getChildren()) {
                    if (entry.getValue() != null) {
                        properties.setProperty(entry.getName(), entry.getValue().trim());
                    }
                }
            }
        }
        return properties;
    }

    private static boolean writtenBefore(Path file, Date buildStart) {
        try {
            // whole seconds: some file systems keep no finer modification times
            return buildStart != null
                    && Files.getLastModifiedTime(file).toMillis() / 1000 < buildStart.getTime() / 1000;
        } catch (IOException e) {
            return true;
        }
    }
}
