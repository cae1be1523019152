package dev.gantry.publish;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.MetadataRequest;
import org.eclipse.aether.resolution.MetadataResult;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * Any Maven repository Resolver can read and deploy to (Nexus, Artifactory, Reposilite, a {@code file:} directory), as
 * {@code maven-deploy-plugin} treats it: authenticated with the {@code settings.xml} server of its id, a release file
 * judged by downloading the published copy and comparing bytes, nothing after a publish.
 *
 * <p>Snapshots in such a repository: every publish adds a timestamped build ({@code 1.2.0-20260101.120000-7.jar}) and
 * updates the version's {@code maven-metadata.xml} so that {@code 1.2.0-SNAPSHOT} resolves to the newest build. Gantry
 * deletes none of the earlier builds; the repository manager's own policies clean them up (Nexus' "Remove snapshots"
 * task, Artifactory's "max unique snapshots" setting), as they do for {@code maven-deploy-plugin}.
 */
public final class MavenRepository implements ArtifactRepository {

    private static final String METADATA = "maven-metadata.xml";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final RemoteRepository remote;
    private final boolean codeArtifactLookAlike;

    /**
     * @param remote the repository with the {@code settings.xml} authentication and proxy of its id already applied
     */
    public MavenRepository(RepositorySystem system, RepositorySystemSession session, RemoteRepository remote) {
        this(system, session, remote, false);
    }

    /**
     * @param codeArtifactLookAlike whether the URL names an AWS CodeArtifact host in a form Gantry does not recognise
     *                              (the choice of the repository's kind knows it: {@code ArtifactRepositories}): its 401
     *                              is then a token never fetched, not a {@code settings.xml} server missing
     */
    public MavenRepository(RepositorySystem system, RepositorySystemSession session, RemoteRepository remote,
            boolean codeArtifactLookAlike) {
        this.system = system;
        this.session = session;
        this.remote = remote;
        this.codeArtifactLookAlike = codeArtifactLookAlike;
    }

    @Override
    public RemoteRepository remote() {
        return remote;
    }

    /**
     * Downloads each release file the repository holds and compares it byte for byte with this build's. A snapshot's
     * files are a new build every time: none is there already, and nothing is downloaded. Never finished: Resolver writes
     * the artifact's {@code maven-metadata.xml} after the files, but a repository manager may write it itself once a POM
     * arrives (Artifactory computes it), so a listed version does not prove that its publish finished, and a file it
     * lacks is sent.
     */
    @Override
    public PublishedFiles published(ModuleArtifacts module) throws GantryException {
        Map<Artifact, PublishedFiles.PublishedCopy> copies = new LinkedHashMap<>();
        for (Artifact artifact : module.artifacts()) {
            copies.put(artifact, artifact.isSnapshot() ? PublishedFiles.PublishedCopy.ABSENT : publishedCopy(artifact));
        }
        // a generic repository has no notion of a version left unfinished: a file there is published
        return new PublishedFiles(copies, false, false);
    }

    private static Metadata gaMetadata(Artifact artifact) {
        return new DefaultMetadata(artifact.getGroupId(), artifact.getArtifactId(), "", METADATA, Metadata.Nature.RELEASE);
    }

    /** Nothing: Resolver's deploy is the whole publish, and earlier snapshot builds are the repository manager's to clean. */
    @Override
    public void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
    }

    /** Only a 401 from a URL that names a CodeArtifact host Gantry did not recognise has its own explanation. */
    @Override
    public String whyDeployFailed(String failure) {
        return why(failure);
    }

    /** What this repository's kind says of a failed read or deploy, or null for the generic advice. */
    private String why(String failure) {
        return codeArtifactLookAlike ? Refusals.unrecognisedCodeArtifactUnauthorized(failure) : null;
    }

    /**
     * Reads the artifact's {@code maven-metadata.xml} and, when it does not list the version, deploys it with the version
     * listed. Between the read and the deploy another build could write the file: a window of one round trip, on the
     * path that repairs a publish that broke off.
     */
    @Override
    public boolean listRelease(ModuleArtifacts module) throws GantryException {
        Artifact any = module.artifacts().get(0);
        String version = any.getBaseVersion();
        try (ScratchDirectory scratch = ScratchDirectory.create("gantry-metadata")) {
            byte[] published = publishedMetadata(gaMetadata(any), scratch.path());
            if (ReleaseListing.lists(published, version)) {
                return false;
            }
            Path listed = Files.write(scratch.path().resolve("listed-" + METADATA), ReleaseListing.withVersion(published,
                    any.getGroupId(), any.getArtifactId(), version, Instant.now()));
            DeployRequest request = new DeployRequest();
            request.setRepository(remote);
            request.addMetadata(new DefaultMetadata(any.getGroupId(), any.getArtifactId(), "", METADATA,
                    Metadata.Nature.RELEASE, listed.toFile()));
            system.deploy(session, request);
            return true;
        } catch (DeploymentException e) {
            throw Refusals.releaseNotListed(module.module(), version, remote.getId(), ArtifactPublisher.shown(remote),
                    "sending it failed: " + ArtifactPublisher.shown(e), ArtifactPublisher.shownCause(e));
        } catch (IOException e) {
            throw Refusals.releaseNotListed(module.module(), version, remote.getId(), ArtifactPublisher.shown(remote),
                    "reading it failed: " + e.getMessage(), e);
        } catch (UnreadableRepository e) {
            throw Refusals.releaseNotListed(module.module(), version, remote.getId(), ArtifactPublisher.shown(remote),
                    "the repository did not answer its read: " + e.getMessage(), e.getCause());
        }
    }

    /** The repository's answer to a read, kept apart so that the caller can say what was published before it. */
    private static final class UnreadableRepository extends Exception {
        UnreadableRepository(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The repository's copy of the metadata, or null when it has none. */
    private byte[] publishedMetadata(Metadata metadata, Path scratch) throws UnreadableRepository, IOException {
        DefaultRepositorySystemSession probe = probeSession(scratch);
        MetadataResult result = system.resolveMetadata(probe, List.of(new MetadataRequest(metadata, remote, null))).get(0);
        if (result.getException() instanceof MetadataNotFoundException || result.getMetadata() == null
                || result.getMetadata().getFile() == null) {
            if (result.getException() != null && !(result.getException() instanceof MetadataNotFoundException)) {
                throw new UnreadableRepository(ArtifactPublisher.shown(result.getException()),
                        ArtifactPublisher.shownCause(result.getException()));
            }
            return null;
        }
        return Files.readAllBytes(result.getMetadata().getFile().toPath());
    }

    /**
     * The repository's copy of this release file, compared with this build's. Fetched into a throw-away local repository
     * so that neither the user's local repository nor the reactor answers in the remote's place.
     */
    private PublishedFiles.PublishedCopy publishedCopy(Artifact artifact) throws GantryException {
        try (ScratchDirectory scratch = ScratchDirectory.create("gantry-probe")) {
            DefaultRepositorySystemSession probe = probeSession(scratch.path());
            ArtifactRequest request = new ArtifactRequest(artifact.setFile(null), List.of(remote), null);
            Path published = system.resolveArtifact(probe, request).getArtifact().getFile().toPath();
            Path built = artifact.getFile().toPath();
            if (Files.mismatch(published, built) == -1L) {
                return PublishedFiles.PublishedCopy.IDENTICAL;
            }
            return PublishedFiles.PublishedCopy.differing(
                    ContentDifference.of(published.getFileName().toString(), built, published).describe(), published);
        } catch (ArtifactResolutionException e) {
            boolean notFound = e.getResult().getExceptions().stream().allMatch(ArtifactNotFoundException.class::isInstance);
            if (notFound) {
                return PublishedFiles.PublishedCopy.ABSENT;
            }
            String failure = ArtifactPublisher.shown(e);
            throw Refusals.repositoryUnreadable(remote.getId(), ArtifactPublisher.shown(remote), failure, why(failure),
                    ArtifactPublisher.shownCause(e));
        } catch (IOException e) {
            throw Refusals.cannotCompareWithPublished(String.valueOf(artifact), e);
        }
    }

    /**
     * A session that reads the remote only: neither the user's local repository nor the reactor answers in its place,
     * nor a cached answer, and the user sees no download.
     */
    private DefaultRepositorySystemSession probeSession(Path scratch) {
        DefaultRepositorySystemSession probe = new DefaultRepositorySystemSession(session);
        probe.setWorkspaceReader(null);
        probe.setTransferListener(null); // a look-up, not a download the user should see as one
        probe.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
        // the bytes are compared, so a published file without checksums is still read, as Maven 3.9's default policy
        // reads it; Maven 4 fails on missing checksums by default and would make the file look unreadable
        probe.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN);
        probe.setCache(new DefaultRepositoryCache());
        probe.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED));
        probe.setLocalRepositoryManager(system.newLocalRepositoryManager(probe, new LocalRepository(scratch.toFile())));
        return probe;
    }

    @Override
    public String toString() {
        return "Maven repository " + remote.getId() + " (" + ArtifactPublisher.shown(remote) + ")";
    }
}
