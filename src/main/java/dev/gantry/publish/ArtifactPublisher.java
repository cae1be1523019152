package dev.gantry.publish;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;

/**
 * Publishes artifacts through Maven Resolver to any repository Resolver can deploy to, as
 * {@code maven-deploy-plugin} does, with what a release needs on top: a release version already in the
 * repository is never sent again: with the same bytes it is "already published"; with other bytes it is kept with a
 * warning when the release is this commit's ({@link ReleaseOrigin}), and otherwise refused before anything of the reactor
 * is deployed. Snapshots are always deployed (Resolver adds a timestamped build).
 */
public final class ArtifactPublisher {

    private static final int ATTEMPTS = 3;
    private static final Pattern STATUS = Pattern.compile("status code: (\\d{3})");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final GantryLog log;

    public ArtifactPublisher(RepositorySystem system, RepositorySystemSession session, GantryLog log) {
        this.system = system;
        this.session = session;
        this.log = log;
    }

    /**
     * Publishes all modules or, when a release conflicts, none.
     *
     * @param immutable true for a release: files already published are kept, never sent again
     * @param origin    whether the release already published is this commit's: its differing files are then kept with a
     *                  warning, and otherwise refused
     * @return per artifact, what happened
     */
    public Map<Artifact, PublishOutcome> publish(List<ModuleArtifacts> modules, boolean immutable, ReleaseOrigin origin,
            boolean dryRun) throws GantryException {
        Set<Artifact> present = immutable ? alreadyPublished(modules, origin) : Set.of();
        Map<Artifact, PublishOutcome> outcomes = new LinkedHashMap<>();
        Map<RemoteRepository, List<Artifact>> toDeploy = new LinkedHashMap<>();
        for (ModuleArtifacts module : modules) {
            for (Artifact artifact : module.artifacts()) {
                if (present.contains(artifact)) {
                    outcomes.put(artifact, PublishOutcome.ALREADY_PUBLISHED);
                } else {
                    outcomes.put(artifact, dryRun ? PublishOutcome.WOULD_PUBLISH : PublishOutcome.PUBLISHED);
                    toDeploy.computeIfAbsent(module.repository(), r -> new ArrayList<>()).add(artifact);
                }
            }
        }
        for (Map.Entry<RemoteRepository, List<Artifact>> entry : toDeploy.entrySet()) {
            if (dryRun) {
                entry.getValue().forEach(a -> log.info("Would publish " + a + " to " + entry.getKey().getUrl()));
            } else {
                deploy(entry.getKey(), entry.getValue(), immutable);
            }
        }
        return outcomes;
    }

    /**
     * The release files already in their repository, which are not sent again. Identical ones are "already published".
     * Differing ones are kept, with a warning naming the files and jar entries that differ, when the release is this
     * commit's; otherwise they are refused, all of them named, before anything is deployed. Reads only, so that it can be
     * asked before anything else of the release moves.
     */
    public Set<Artifact> alreadyPublished(List<ModuleArtifacts> modules, ReleaseOrigin origin) throws GantryException {
        Set<Artifact> present = new HashSet<>();
        Map<String, List<String>> differingByRepository = new LinkedHashMap<>();
        for (ModuleArtifacts module : modules) {
            for (Artifact artifact : module.artifacts()) {
                PublishedCopy copy = publishedCopy(artifact, module.repository());
                if (copy.found()) {
                    present.add(artifact);
                }
                if (copy.difference() != null) {
                    differingByRepository.computeIfAbsent(module.repository().getUrl(), r -> new ArrayList<>())
                            .add(copy.difference().describe());
                }
            }
        }
        for (Map.Entry<String, List<String>> differing : differingByRepository.entrySet()) {
            if (!origin.thisCommit()) {
                throw Refusals.artifactsDiffer(differing.getKey(), differing.getValue(), origin.evidence());
            }
            log.warn(Refusals.publishedReleaseDiffers(differing.getKey(), differing.getValue(), origin.evidence()));
        }
        return present;
    }

    private void deploy(RemoteRepository repository, List<Artifact> artifacts, boolean immutable) throws GantryException {
        List<Artifact> remaining = artifacts;
        for (int attempt = 1; ; attempt++) {
            DeployRequest request = new DeployRequest();
            request.setRepository(repository);
            remaining.forEach(request::addArtifact);
            try {
                system.deploy(session, request);
                remaining.forEach(a -> log.info("Published " + a + " to " + repository.getUrl()));
                return;
            } catch (DeploymentException e) {
                if (attempt == ATTEMPTS || isClientError(e.getMessage())) {
                    throw Refusals.deployFailed(repository.getId(), repository.getUrl(), e.getMessage(), attempt, e);
                }
                log.warn("Publishing to " + repository.getUrl() + " failed (attempt " + attempt + " of " + ATTEMPTS + "): "
                        + e.getMessage() + "; retrying.");
                pause(attempt);
                if (immutable) {
                    // a repository that refuses redeploys must not be sent again what already arrived intact
                    Set<Artifact> arrived = alreadyPublished(List.of(new ModuleArtifacts("retry", remaining, repository)),
                            ReleaseOrigin.notKnown("the files arrived during a failed attempt of this build, so they can only "
                                    + "differ if they were damaged on the way"));
                    remaining = remaining.stream().filter(a -> !arrived.contains(a)).toList();
                    if (remaining.isEmpty()) {
                        return;
                    }
                }
            }
        }
    }

    /** 4xx but 408 (timeout) and 429 (too many requests): the request itself is wrong, a retry gets the same answer. */
    static boolean isClientError(String message) {
        Matcher m = STATUS.matcher(message == null ? "" : message);
        if (!m.find()) {
            return false;
        }
        int status = Integer.parseInt(m.group(1));
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A release file as the repository holds it: absent, or present with this build's bytes or other ones.
     *
     * @param found      whether the repository holds the file
     * @param difference how it differs from this build's file, or null when it is absent or identical
     */
    private record PublishedCopy(boolean found, ContentDifference difference) {
    }

    /**
     * The repository's copy of this release file, compared with this build's. Fetched into a throw-away local repository
     * so that neither the user's local repository nor the reactor answers in the remote's place.
     */
    private PublishedCopy publishedCopy(Artifact artifact, RemoteRepository repository) throws GantryException {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gantry-probe");
            DefaultRepositorySystemSession probe = new DefaultRepositorySystemSession(session);
            probe.setWorkspaceReader(null);
            probe.setTransferListener(null); // a look-up, not a download the user should see as one
            probe.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
            // the bytes are compared below, so a published file without checksums is still read, as Maven 3.9's default
            // policy reads it; Maven 4 fails on missing checksums by default and would make the file look unreadable
            probe.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN);
            probe.setCache(new DefaultRepositoryCache());
            probe.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED));
            probe.setLocalRepositoryManager(system.newLocalRepositoryManager(probe, new LocalRepository(scratch.toFile())));
            ArtifactRequest request = new ArtifactRequest(artifact.setFile(null), List.of(repository), null);
            Path published = system.resolveArtifact(probe, request).getArtifact().getFile().toPath();
            Path built = artifact.getFile().toPath();
            if (Files.mismatch(published, built) == -1L) {
                log.info(artifact + " is already published in " + repository.getUrl() + " with identical content.");
                return new PublishedCopy(true, null);
            }
            return new PublishedCopy(true, ContentDifference.of(published.getFileName().toString(), built, published));
        } catch (ArtifactResolutionException e) {
            boolean notFound = e.getResult().getExceptions().stream().allMatch(ArtifactNotFoundException.class::isInstance);
            if (notFound) {
                return new PublishedCopy(false, null);
            }
            throw Refusals.repositoryUnreadable(repository.getId(), repository.getUrl(), e.getMessage(), e);
        } catch (IOException e) {
            throw new GantryException("Cannot compare " + artifact + " with the published copy: " + e.getMessage()
                    + ". Check the space and permissions of the temporary directory (java.io.tmpdir); nothing was published.", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
