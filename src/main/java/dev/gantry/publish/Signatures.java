package dev.gantry.publish;

import java.util.List;
import java.util.Optional;
import org.eclipse.aether.artifact.Artifact;

/**
 * Detached OpenPGP signatures ({@code .asc}), which maven-gpg-plugin attaches beside each file it signs. A signature
 * carries the time it was made, so signing the same bytes again never gives the same signature: a release whose
 * published files are identical to this build's is the same release whatever its signatures' bytes, and its
 * published signatures, which verify those files, are kept.
 */
final class Signatures {

    private static final String EXTENSION = ".asc";

    private Signatures() {
    }

    /** The file among {@code artifacts} that {@code artifact} signs, when it is a detached signature of one of them. */
    static Optional<Artifact> signedFile(Artifact artifact, List<Artifact> artifacts) {
        String extension = artifact.getExtension();
        if (!extension.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String signedExtension = extension.substring(0, extension.length() - EXTENSION.length());
        return artifacts.stream()
                .filter(a -> a.getExtension().equals(signedExtension) && a.getClassifier().equals(artifact.getClassifier())
                        && a.getGroupId().equals(artifact.getGroupId()) && a.getArtifactId().equals(artifact.getArtifactId())
                        && a.getVersion().equals(artifact.getVersion()))
                .findFirst();
    }
}
