package dev.gantry.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * A module's runtime classpath as the image's layers split it, as jib-maven-plugin does: release dependencies,
 * snapshot dependencies and the reactor's own modules, so that a code change re-uploads only small layers.
 *
 * @param releases  release dependency jars
 * @param snapshots snapshot dependency jars
 * @param modules   jars of the reactor's other modules
 */
record ProjectClasspath(List<Path> releases, List<Path> snapshots, List<Path> modules) {

    static ProjectClasspath of(MavenProject project, List<MavenProject> reactor) {
        Set<String> own = reactor.stream().map(p -> p.getGroupId() + ":" + p.getArtifactId()).collect(Collectors.toSet());
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        List<Path> modules = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() == null || !artifact.getFile().getName().endsWith(".jar")
                    || !artifact.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            Path file = artifact.getFile().toPath();
            if (own.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                modules.add(file);
            } else if (artifact.isSnapshot()) {
                snapshots.add(file);
            } else {
                releases.add(file);
            }
        }
        return new ProjectClasspath(List.copyOf(releases), List.copyOf(snapshots), List.copyOf(modules));
    }

    /** {@code <archive><manifest><mainClass>} of the maven-jar-plugin, as jib-maven-plugin reads it. */
    static String manifestMainClass(MavenProject project) {
        Plugin jar = project.getPlugin("org.apache.maven.plugins:maven-jar-plugin");
        if (jar == null || !(jar.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom archive = configuration.getChild("archive");
        Xpp3Dom manifest = archive == null ? null : archive.getChild("manifest");
        Xpp3Dom main = manifest == null ? null : manifest.getChild("mainClass");
        return main == null || main.getValue() == null || main.getValue().isBlank() ? null : main.getValue().trim();
    }
}
