package dev.gantry.publish;

import dev.gantry.git.RemoteUrls;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Redaction;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeployResult;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Publishes artifacts through Maven Resolver, as {@code maven-deploy-plugin} does, with what a release needs on top: a
 * release version already in the repository is never sent again: with the same bytes it is "already published"; with other
 * bytes it is kept with a warning when the release is this commit's ({@link ReleaseOrigin}), and otherwise refused before
 * anything of the reactor is deployed. Snapshots are always deployed. What a repository holds, and what follows a publish
 * there, is asked of each module's {@link ArtifactRepository}; deploying and retrying stay here, the same for every kind.
 */
public final class ArtifactPublisher {

    private static final int ATTEMPTS = 3;
    // Maven 3.9's Resolver 1.9 words an HTTP failure "status code: 403, reason phrase: ...", Maven 4's Resolver 2 "HTTP
    // Status: 403"
    private static final Pattern STATUS = Pattern.compile("(?:status code: |HTTP Status: )(\\d{3})");

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
        InPlace inPlace = immutable ? alreadyPublished(modules, origin) : checkedSnapshots(modules);
        Map<Artifact, PublishOutcome> outcomes = new LinkedHashMap<>();
        Map<RemoteRepository, List<ModuleArtifacts>> toDeploy = new LinkedHashMap<>();
        // a release's modules some of whose files are not sent: the repository may lack what lists them (listRelease)
        Set<String> partlySent = new HashSet<>();
        for (ModuleArtifacts module : modules) {
            List<Artifact> sent = new ArrayList<>();
            for (Artifact artifact : module.artifacts()) {
                if (inPlace.published().contains(artifact)) {
                    outcomes.put(artifact, PublishOutcome.ALREADY_PUBLISHED);
                } else if (!inPlace.leftOut().contains(artifact)) {
                    outcomes.put(artifact, dryRun ? PublishOutcome.WOULD_PUBLISH : PublishOutcome.PUBLISHED);
                    sent.add(artifact);
                }
            }
            if (!sent.isEmpty()) {
                toDeploy.computeIfAbsent(module.repository().remote(), r -> new ArrayList<>()).add(module.with(sent));
            }
            if (sent.size() < module.artifacts().size()) {
                partlySent.add(module.module());
            }
        }
        for (Map.Entry<RemoteRepository, List<ModuleArtifacts>> entry : toDeploy.entrySet()) {
            RemoteRepository repository = entry.getKey();
            if (dryRun) {
                entry.getValue().forEach(m -> m.artifacts()
                        .forEach(a -> log.info("Would publish " + a + " to " + shown(repository))));
            } else {
                Set<String> versions = deploy(repository, entry.getValue(), immutable, partlySent);
                entry.getValue().forEach(m -> afterPublish(m, !immutable, versions));
            }
        }
        if (immutable && !dryRun) {
            for (ModuleArtifacts module : modules) {
                if (partlySent.contains(module.module()) && module.repository().listRelease(module)) {
                    log.info(module.module() + "'s maven-metadata.xml in " + shown(module.repository().remote())
                            + " did not list " + module.artifacts().get(0).getBaseVersion() + " (a publish broke off after "
                            + "the files, before it): listed now.");
                }
            }
        }
        return outcomes;
    }

    /**
     * The release files not sent: those in their repository already, and those left out of a published release.
     *
     * @param published files in place, identical or kept: "already published"
     * @param leftOut   files of this build's that the published release lacks: not sent, and not part of the release
     */
    public record InPlace(Set<Artifact> published, Set<Artifact> leftOut) {

        static final InPlace NOTHING = new InPlace(Set.of(), Set.of());
    }

    /**
     * The release files already in their repository, which are not sent again. Identical ones are "already published".
     * Differing ones are kept, with a warning naming the files and jar entries that differ, when the release is this
     * commit's; otherwise they are refused, all of them named, before anything is deployed. A detached signature
     * ({@link Signatures}) of a file that is identical counts as identical: no two signings give the same bytes. The
     * identical files of a version the repository holds unfinished are not counted: the module is sent again so that
     * the repository finishes it. A published release gains no files: under Maven 4, a release Maven 3.9 published keeps
     * its {@code .pom}, the project's POM, and the {@code -build.pom} is left out ({@link ProjectPoms}); in a repository
     * that says a version is finished (CodeArtifact's {@code Published}), any file it lacks is left out, with a warning.
     * Reads only, so that it can be asked before anything else of the release moves.
     */
    public InPlace alreadyPublished(List<ModuleArtifacts> modules, ReleaseOrigin origin) throws GantryException {
        return inPlace(modules, origin, true);
    }

    /**
     * @param leaveOut whether a file a published release lacks may be left out; not in a retry of this build's own
     *                 publish, which already decided to send it (the failed attempt may have made the release look whole)
     */
    private InPlace inPlace(List<ModuleArtifacts> modules, ReleaseOrigin origin, boolean leaveOut) throws GantryException {
        Set<Artifact> present = new HashSet<>();
        Set<Artifact> leftOut = new HashSet<>();
        List<String> leftOutWarnings = new ArrayList<>();
        Map<String, List<String>> differingByRepository = new LinkedHashMap<>();
        Map<String, String> commitsNamed = new LinkedHashMap<>(); // by the differing published jars, each its own
        for (ModuleArtifacts module : modules) {
            String url = shown(module.repository().remote());
            PublishedFiles published = module.repository().published(module);
            if (published.unfinished()) {
                log.info(Refusals.unfinishedVersion(module.module(), url));
            }
            boolean publishedWhole = leaveOut && published.finished();
            Optional<ProjectPoms> poms = leaveOut && !published.unfinished() ? ProjectPoms.of(module) : Optional.empty();
            boolean asMaven39 = poms.isPresent() && poms.get().publishedAsMaven39(module, published);
            boolean withoutBuildPom = asMaven39 || poms.isPresent() && poms.get().publishedOtherwiseWithoutBuildPom(published);
            if (asMaven39) {
                published = published.with(poms.get().pom(), PublishedFiles.PublishedCopy.IDENTICAL);
                log.info(Refusals.publishedAsMaven39(module.module(), poms.get().pom().getBaseVersion(), url,
                        fileName(poms.get().pom()), fileName(poms.get().buildPom())));
            } else if (withoutBuildPom) {
                log.info(Refusals.publishedWithoutBuildPom(module.module(), poms.get().pom().getBaseVersion(), url,
                        fileName(poms.get().pom()), fileName(poms.get().buildPom())));
            }
            List<Artifact> lacked = new ArrayList<>();
            for (Artifact artifact : module.artifacts()) {
                PublishedFiles.PublishedCopy copy = published.copies().getOrDefault(artifact, PublishedFiles.PublishedCopy.ABSENT);
                if (!copy.found() && withoutBuildPom && poms.get().isBuildPomOrItsSignature(artifact, module.artifacts())) {
                    leftOut.add(artifact); // said with the .pom
                    continue;
                }
                if (!copy.found() && publishedWhole) {
                    lacked.add(artifact);
                    continue;
                }
                Optional<Artifact> signed = Signatures.signedFile(artifact, module.artifacts());
                boolean signsIdentical = signed.isPresent() && PublishedFiles.PublishedCopy.IDENTICAL
                        .equals(published.copies().getOrDefault(signed.get(), PublishedFiles.PublishedCopy.ABSENT));
                if (copy.difference() != null && signsIdentical) {
                    // as an identical file: kept, or sent again with its unfinished version
                    if (!published.unfinished()) {
                        present.add(artifact);
                        log.info(artifact + " is already published in " + url + ", a signature of the identical "
                                + signed.get() + " (two signatures of the same bytes differ: each carries its time).");
                    }
                } else if (copy.difference() != null) {
                    present.add(artifact);
                    differingByRepository.computeIfAbsent(url, r -> new ArrayList<>()).add(copy.difference());
                    if (copy.builtFrom() != null) {
                        commitsNamed.put(fileName(artifact), copy.builtFrom());
                    }
                } else if (copy.found() && !published.unfinished()) {
                    present.add(artifact);
                    log.info(artifact + " is already published in " + url + " with identical content.");
                }
            }
            if (!lacked.isEmpty()) {
                leftOut.addAll(lacked);
                leftOutWarnings.add(Refusals.leftOutOfPublishedRelease(module.module(),
                        lacked.get(0).getBaseVersion(), url, lacked.stream().map(ArtifactPublisher::fileName).toList(),
                        lacked.stream().anyMatch(ArtifactPublisher::isBuildPom)));
            }
        }
        ReleaseOrigin known = origin.judgedBy(commitsNamed);
        for (Map.Entry<String, List<String>> differing : differingByRepository.entrySet()) {
            if (!known.thisCommit()) {
                throw Refusals.artifactsDiffer(differing.getKey(), differing.getValue(), known.evidence(),
                        known.otherCommit());
            }
            log.warn(Refusals.publishedReleaseDiffers(differing.getKey(), differing.getValue(), known.evidence()));
        }
        leftOutWarnings.forEach(log::warn);
        return new InPlace(present, leftOut);
    }

    /** The file's name in a Maven repository ({@code orders-1.1.0-build.pom}), CodeArtifact's asset name. */
    public static String fileName(Artifact artifact) {
        return artifact.getArtifactId() + "-" + artifact.getVersion()
                + (artifact.getClassifier().isEmpty() ? "" : "-" + artifact.getClassifier()) + "." + artifact.getExtension();
    }

    /** Maven 4's build POM beside its consumer POM (see {@code dev.gantry.maven.ProjectArtifacts}). */
    static boolean isBuildPom(Artifact artifact) {
        return "build".equals(artifact.getClassifier()) && "pom".equals(artifact.getExtension());
    }

    /**
     * What would refuse a snapshot's files, asked of every module before any is sent (CodeArtifact's origin controls of
     * a package set to BLOCK: sent anyway, the modules before it would be published and the rest refused). Reads only,
     * so that it can be asked before anything else of the build moves. Nothing of a snapshot is there already: the set
     * is empty.
     */
    public InPlace checkedSnapshots(List<ModuleArtifacts> modules) throws GantryException {
        for (ModuleArtifacts module : modules) {
            module.repository().published(module);
        }
        return InPlace.NOTHING;
    }

    /**
     * @param partlySent where the modules are added whose files a retry does not send again (they arrived intact)
     * @return the versions the files were sent under (a snapshot's: its timestamped build's)
     */
    private Set<String> deploy(RemoteRepository repository, List<ModuleArtifacts> modules, boolean immutable,
            Set<String> partlySent) throws GantryException {
        List<ModuleArtifacts> remaining = modules;
        for (int attempt = 1; ; attempt++) {
            DeployRequest request = new DeployRequest();
            request.setRepository(repository);
            remaining.forEach(m -> m.artifacts().forEach(request::addArtifact));
            try {
                DeployResult result = system.deploy(session, request);
                remaining.forEach(m -> m.artifacts().forEach(a -> log.info("Published " + a + " to " + shown(repository))));
                return result.getArtifacts().stream().map(Artifact::getVersion).collect(Collectors.toSet());
            } catch (DeploymentException | RuntimeException e) {
                // a refusal of ours that travelled through Resolver (a repository token that could not be had) is
                // already worded for the reader, and a retry gets the same answer
                GantryException refusal = refusalAmongCauses(e);
                if (refusal != null) {
                    throw refusal;
                }
                if (e instanceof RuntimeException unexpected) {
                    throw unexpected;
                }
                if (attempt == ATTEMPTS || isClientError(e.getMessage())) {
                    throw Refusals.deployFailed(repository.getId(), shown(repository), shown(e), attempt,
                            remaining.get(0).repository().whyDeployFailed(shown(e)), shownCause(e));
                }
                log.warn("Publishing to " + shown(repository) + " failed (attempt " + attempt + " of " + ATTEMPTS + "): "
                        + shown(e) + "; retrying.");
                pause(attempt);
                if (immutable) {
                    // a repository that refuses redeploys must not be sent again what already arrived intact
                    Set<Artifact> arrived;
                    try {
                        arrived = inPlace(remaining, ReleaseOrigin.notKnown("the files arrived during a failed "
                                + "attempt of this build, so they can only differ if they were damaged on the way"), false)
                                .published();
                    } catch (GantryException checkFailed) {
                        // its words assume nothing was sent yet: here an attempt may have left files in place
                        throw Refusals.deployRetryCheckFailed(repository.getId(), shown(repository), shown(e), attempt,
                                checkFailed);
                    }
                    remaining.stream().filter(m -> m.artifacts().stream().anyMatch(arrived::contains))
                            .forEach(m -> partlySent.add(m.module()));
                    remaining = remaining.stream()
                            .map(m -> m.with(m.artifacts().stream().filter(a -> !arrived.contains(a)).toList()))
                            .filter(m -> !m.artifacts().isEmpty())
                            .toList();
                    if (remaining.isEmpty()) {
                        return Set.of(); // a release: its versions are its own, nothing to clean up
                    }
                }
            }
        }
    }

    /** The repository's step after a publish; the publish has succeeded, so a failure here only warns. */
    private void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
        try {
            module.repository().afterPublish(module, snapshot, publishedVersions);
        } catch (RuntimeException e) {
            log.warn(Refusals.afterPublishFailed(module.module(), shown(module.repository().remote()), String.valueOf(e)));
        }
    }

    private static GantryException refusalAmongCauses(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof GantryException refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** 4xx but 408 (timeout) and 429 (too many requests): the request itself is wrong, a retry gets the same answer. */
    static boolean isClientError(String message) {
        int status = httpStatus(message);
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** The HTTP status of a failed transfer as Resolver reports it, under Maven 3.9 or 4, or -1 when it names none. */
    public static int httpStatus(String failure) {
        Matcher m = STATUS.matcher(failure == null ? "" : failure);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A repository's URL as logs and messages show it: without the credentials a URL may carry (user:token@host). */
    static String shown(RemoteRepository repository) {
        return RemoteUrls.withoutCredentials(repository.getUrl());
    }

    /**
     * Resolver's message as logs and messages show it: Resolver names the repository with its URL, credentials
     * included when the URL carries them ({@code -DaltDeploymentRepository=id::https://user:token@host/…}).
     */
    static String shown(Exception failure) {
        return RemoteUrls.redact(String.valueOf(failure.getMessage()));
    }

    /**
     * The failure to chain under Gantry's message, its messages redacted ({@link Redaction#chain}): Maven prints the
     * causes with {@code -e} and {@code -X}, and a secret never reaches the output.
     */
    static Throwable shownCause(Throwable failure) {
        return Redaction.chain(failure);
    }
}
