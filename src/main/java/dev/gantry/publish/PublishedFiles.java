package dev.gantry.publish;

import java.nio.file.Path;

import java.util.Map;
import org.eclipse.aether.artifact.Artifact;

/**
 * What a repository holds of one module's release: for each of this build's files, absent, identical or different.
 *
 * @param copies     for every artifact of the module, the repository's copy compared with this build's file
 * @param unfinished whether the repository holds the version but has not finished it (CodeArtifact's {@code Unfinished}:
 *                   a publish broke off before {@code maven-metadata.xml}); then the module is sent whole again, its
 *                   identical files included, so that the repository finishes the version
 * @param finished   whether the repository holds some of the files and has finished the version, which a publish does
 *                   only after its last file (CodeArtifact's {@code Published}; any other repository cannot tell: see
 *                   {@link MavenRepository#published}): a file of this build's that the version lacks was never part of
 *                   that release (a tests jar added since), and a published release gains no files
 */
public record PublishedFiles(Map<Artifact, PublishedCopy> copies, boolean unfinished, boolean finished) {

    public PublishedFiles {
        copies = Map.copyOf(copies);
    }

    /** The same, with one file's copy judged otherwise. */
    PublishedFiles with(Artifact artifact, PublishedCopy copy) {
        Map<Artifact, PublishedCopy> judged = new java.util.LinkedHashMap<>(copies);
        judged.put(artifact, copy);
        return new PublishedFiles(judged, unfinished, finished);
    }

    /**
     * One file as the repository holds it.
     *
     * @param found      whether the repository holds the file
     * @param difference how it differs from this build's file, in words for messages ({@code orders-1.1.0.jar differs in
     *                   git.properties (changed)}); null when absent or identical
     * @param builtFrom  for a differing jar, the commit its {@code git.properties} names ({@link PublishedCommit}), or null
     */
    public record PublishedCopy(boolean found, String difference, String builtFrom) {

        public static final PublishedCopy ABSENT = new PublishedCopy(false, null, null);
        public static final PublishedCopy IDENTICAL = new PublishedCopy(true, null, null);

        public static PublishedCopy differing(String difference) {
            return new PublishedCopy(true, difference, null);
        }

        /** A differing copy, downloaded to {@code published}: with the commit it names, if it names one. */
        public static PublishedCopy differing(String difference, Path published) {
            return new PublishedCopy(true, difference, PublishedCommit.of(published).orElse(null));
        }
    }
}
