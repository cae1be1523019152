package dev.gantry.publish;

import java.util.List;
import org.eclipse.aether.artifact.Artifact;

/**
 * The files one module publishes (main artifact, pom, attached artifacts, each with its file) and where to.
 *
 * @param module     the module's {@code groupId:artifactId}, for messages
 * @param artifacts  the artifacts, each with its file set
 * @param repository the target repository, as the factory chose it for the module's URL; Resolver deploys to its
 *                   {@link ArtifactRepository#remote()}
 */
public record ModuleArtifacts(String module, List<Artifact> artifacts, ArtifactRepository repository) {

    public ModuleArtifacts {
        artifacts = List.copyOf(artifacts);
    }

    /** The same module with only some of its files, for a retry that sends what has not arrived. */
    ModuleArtifacts with(List<Artifact> subset) {
        return new ModuleArtifacts(module, subset, repository);
    }
}
