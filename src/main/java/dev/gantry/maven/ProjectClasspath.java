package dev.gantry.maven;

import dev.gantry.image.ImageDependencies;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * A module's runtime classpath as its image holds it: the jars {@link ImageDependencies} keeps, in Maven's dependency
 * order (the image's classpath file), and split into layers as jib-maven-plugin splits them — release dependencies,
 * snapshot dependencies and the reactor's own modules — so that a code change re-uploads only small layers.
 *
 * @param ordered   every jar, in Maven's dependency order
 * @param releases  release dependency jars
 * @param snapshots snapshot dependency jars
 * @param modules   jars of the reactor's other modules
 */
record ProjectClasspath(List<Path> ordered, List<Path> releases, List<Path> snapshots, List<Path> modules) {

    /** No jar: the image of a Quarkus service holds the jars Quarkus packaged instead ({@code QuarkusBuild}). */
    static final ProjectClasspath NONE = new ProjectClasspath(List.of(), List.of(), List.of(), List.of());

    static ProjectClasspath of(MavenProject project, List<MavenProject> reactor, ImageDependencies filter, GantryLog log)
            throws GantryException {
        Set<String> own = reactor.stream().map(p -> p.getGroupId() + ":" + p.getArtifactId()).collect(Collectors.toSet());
        List<ImageDependencies.Dependency> jars = new ArrayList<>();
        // by identity: the filter keeps these very objects, and a record's equals, called first here, would cost the
        // image goal ~35 ms in a fresh JVM to link (ObjectMethods' method handles) before anything is pushed
        Map<ImageDependencies.Dependency, Artifact> artifacts = new IdentityHashMap<>();
        for (Artifact artifact : project.getArtifacts()) { // Maven's dependency order
            if (artifact.getFile() == null || !artifact.getFile().getName().endsWith(".jar")
                    || !artifact.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            ImageDependencies.Dependency jar = new ImageDependencies.Dependency(artifact.getGroupId(),
                    artifact.getArtifactId(), artifact.getScope(), artifact.isOptional(), artifact.getFile().toPath());
            jars.add(jar);
            artifacts.put(jar, artifact);
        }
        List<Path> ordered = new ArrayList<>();
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        List<Path> modules = new ArrayList<>();
        for (ImageDependencies.Dependency kept : filter.select(jars, log)) { // in the order given
            Artifact artifact = artifacts.get(kept);
            Path file = kept.file();
            ordered.add(file);
            if (own.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                modules.add(file);
            } else if (artifact.isSnapshot()) {
                snapshots.add(file);
            } else {
                releases.add(file);
            }
        }
        return new ProjectClasspath(List.copyOf(ordered), List.copyOf(releases), List.copyOf(snapshots), List.copyOf(modules));
    }
}
