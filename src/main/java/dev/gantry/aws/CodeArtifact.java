package dev.gantry.aws;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.release.GantryLog;
import java.util.Optional;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * AWS CodeArtifact for one Maven build: the repositories it recognises by URL, one SDK client per domain, the
 * authorization token (fetched on first use, never logged), and the CodeArtifact implementation of the
 * {@link ArtifactRepository} port. Close it at the end of the build.
 *
 * <p>SKELETON: the contract between the publish side and the CodeArtifact implementation; filled in on its branch.
 */
public final class CodeArtifact implements AutoCloseable {

    private final GantryLog log;
    private final int keepSnapshots;

    /** @param keepSnapshots how many builds of a snapshot version stay after a publish (0: no clean-up) */
    public CodeArtifact(GantryLog log, int keepSnapshots) {
        this.log = log;
        this.keepSnapshots = keepSnapshots;
    }

    /** Whether a repository URL is CodeArtifact's ({@code https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repo>/}). */
    public static boolean recognises(String url) {
        return false;
    }

    /**
     * The CodeArtifact implementation of the port for a repository URL of CodeArtifact, or empty for any other URL.
     *
     * @param configured the repository as configured, with the {@code settings.xml} server's authentication when there is
     *                   one (then it wins over the token)
     */
    public Optional<ArtifactRepository> repository(RemoteRepository configured) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
