package dev.gantry.publish;

import dev.gantry.release.GantryException;
import java.util.Set;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * A repository the publish goal sends a module's files to, with what a release needs on top of Resolver's deploy: the
 * credentials to reach it, what it already holds of a release, and what follows a publish. One implementation serves any
 * Maven repository (download and compare through Resolver); AWS CodeArtifact has its own (asset hashes, token, snapshot
 * clean-up). Which one a URL gets is decided in one small factory ({@code dev.gantry.maven.ArtifactRepositories}), one
 * instance per repository and Maven session. {@link ArtifactPublisher} deploys and retries through Resolver for every
 * kind, and asks the port only what differs between kinds.
 */
public interface ArtifactRepository {

    /**
     * The repository as Resolver deploys to it: with the {@code settings.xml} server of its id when there is one, otherwise
     * with the credentials the repository kind provides itself (for CodeArtifact, a token fetched only when first used).
     */
    RemoteRepository remote();

    /**
     * What the repository holds of one module's release files, each compared with this build's file. Reads only, so that
     * it can be asked before anything of the release moves; never downloads more than it must to compare. Reports without
     * logging what it found: {@link ArtifactPublisher} words it ("already published … with identical content", a version
     * left unfinished), once, and stays silent when the image goal asks before its image moves.
     */
    PublishedFiles published(ModuleArtifacts module) throws GantryException;

    /**
     * What follows a successful publish of the module's files: CodeArtifact deletes earlier builds of a snapshot. A
     * failure here is a warning in the log, never a failed publish.
     *
     * @param snapshot          whether the files were a snapshot
     * @param publishedVersions the versions the files were sent under: a snapshot's are its build's, such as
     *                          {@code 1.0-20210728.194552-4}, which the clean-up keeps whatever else it finds
     */
    void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions);

    /**
     * After a release publish that did not send all of the module's files (they were there already: an earlier
     * attempt or run broke off after them), makes the repository list the version as a whole publish would have. A
     * publish that breaks off leaves what comes last undone, and Resolver writes the artifact's
     * {@code maven-metadata.xml} last: without it, version ranges, {@code LATEST}/{@code RELEASE} and the update bots
     * that read it never see the release.
     *
     * @return whether the version had to be listed
     */
    boolean listRelease(ModuleArtifacts module) throws GantryException;

    /**
     * What a person should know and do when Resolver's deploy to this repository failed with this message (a 403 from
     * CodeArtifact is an IAM action missing, not a {@code settings.xml} password), or null for the generic advice.
     */
    default String whyDeployFailed(String failure) {
        return null;
    }
}
