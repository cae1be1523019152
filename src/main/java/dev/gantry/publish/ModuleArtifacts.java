package dev.gantry.publish;

import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The files one module publishes (main artifact, pom, attached artifacts, each with its file) and where to.
 *
 * @param module     the module's {@code groupId:artifactId}, for messages
 * @param artifacts  the artifacts, each with its file set
 * @param repository the target repository, with its authentication from {@code settings.xml}
 */
public record ModuleArtifacts(String module, List<Artifact> artifacts, RemoteRepository repository) {

    public ModuleArtifacts {
        artifacts = List.copyOf(artifacts);
    }
}
