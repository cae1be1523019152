package dev.gantry.maven;

import dev.gantry.git.GitRepository;
import dev.gantry.git.HeadFacts;
import dev.gantry.image.TagMoves;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.ReleaseContext;
import dev.gantry.release.VersionSetting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The release of one reactor: the plan decided once, the report every goal adds to, and the modules'
 * artifacts collected until the last module publishes them all. Kept in the resolver session's data,
 * which lives exactly as long as the Maven session.
 */
final class ReactorRelease {

    /**
     * The class itself, not its name: a Gantry goal named on the command line ({@code mvn gantry:plan}) runs in a class
     * realm of its own, beside the build extension's, and each realm keeps its own state. Under a name, the extension's
     * session-end check found the command-line goal's release and failed the build on a ClassCastException.
     */
    private static final Object KEY = ReactorRelease.class;

    final Plan plan;
    final ReleaseReport report;
    final boolean dryRun;
    /** When the commit was made: the image's creation time. */
    final Instant commitTime;
    /** The git remote's URL without credentials, for the image's source label; null without a remote. */
    final String sourceUrl;
    /** HEAD as the plan read it with the git command line: the tag goal does not read it again. */
    final Optional<HeadFacts> gitHead;
    /** The git remote the plan read. */
    final String gitRemote;
    /** Where the version is set, for a refusal that says to change it ({@link dev.gantry.release.VersionTaken}). */
    final Supplier<VersionSetting> versionSetting;
    private final List<ModuleArtifacts> collected = new ArrayList<>();
    /** The image the image module prepared, pushed once every module of the release has reached the image goal. */
    private ImageJob pendingImage;
    /** The image's mutable tags, moved once the publish goal has published the artifacts. */
    private TagMoves pendingTagMoves;
    private ArtifactsForTagMoves artifacts = ArtifactsForTagMoves.TO_COME;

    /** Where the publish goal's end-of-reactor work stands, for the image's mutable tags that wait for it. */
    enum ArtifactsForTagMoves {
        /** Not done yet: the tags wait. */
        TO_COME,
        /** Published: the tags move (under -T, an image pushed after it moves them at once). */
        PUBLISHED,
        /** The publish failed: the tags stay where they are. */
        FAILED
    }

    /** The image module's push, run at the end of the reactor by whichever module gets there last. */
    @FunctionalInterface
    interface ImageJob {
        /** @param byModule the module that pushes it: the last to reach the image goal */
        void push(String byModule) throws GantryException;
    }

    ReactorRelease(ReleasePlanning.Planned planned, ReleaseReport report, boolean dryRun) {
        this.plan = planned.plan();
        this.commitTime = planned.commitTime();
        this.sourceUrl = planned.sourceUrl();
        this.gitHead = planned.gitHead();
        this.gitRemote = planned.gitRemote();
        this.versionSetting = planned.versionSetting();
        this.report = report;
        this.dryRun = dryRun;
    }

    synchronized void deferImage(ImageJob job) {
        pendingImage = job;
    }

    /** The image prepared and not pushed yet, once: empty when none was prepared (or it was taken). */
    synchronized Optional<ImageJob> takeImage() {
        Optional<ImageJob> job = Optional.ofNullable(pendingImage);
        pendingImage = null;
        return job;
    }

    /**
     * Leaves the image's mutable tags to the publish goal's end, unless that has come already (a parallel build's
     * publish finished while the image was pushed): then what it came to, for the image goal to act on.
     */
    synchronized ArtifactsForTagMoves deferTagMoves(TagMoves moves) {
        if (artifacts == ArtifactsForTagMoves.TO_COME) {
            pendingTagMoves = moves;
        }
        return artifacts;
    }

    /** The artifacts are published: the tags left to move, if any, are the publish goal's to move now. */
    synchronized Optional<TagMoves> artifactsPublished() {
        artifacts = ArtifactsForTagMoves.PUBLISHED;
        return takeTagMoves();
    }

    /** The publish failed, or the build ended without it: the tags left to move, if any, stay where they are. */
    synchronized Optional<TagMoves> artifactsFailed() {
        if (artifacts == ArtifactsForTagMoves.TO_COME) {
            artifacts = ArtifactsForTagMoves.FAILED;
        }
        return takeTagMoves();
    }

    /** The image's mutable tags waiting for the artifacts, left in place: empty when none wait (yet). */
    synchronized Optional<TagMoves> pendingTagMoves() {
        return Optional.ofNullable(pendingTagMoves);
    }

    private Optional<TagMoves> takeTagMoves() {
        Optional<TagMoves> moves = Optional.ofNullable(pendingTagMoves);
        pendingTagMoves = null;
        return moves;
    }

    /**
     * The top-level project's git repository, for {@code gitRemote}: reopened from HEAD as the plan read it when the
     * command line read it for that remote (no git process to read it again), else opened.
     */
    GitRepository openRepository(MavenSession session, String gitRemote, GantryLog log) throws GantryException {
        Path top = ProjectDirectory.of(session.getTopLevelProject());
        Optional<HeadFacts> planned = gitHead.filter(head -> gitRemote.equals(this.gitRemote));
        return planned.isPresent() ? GitRepository.reopen(planned.get(), top, gitRemote, log)
                : GitRepository.open(top, gitRemote, log);
    }

    static ReactorRelease find(MavenSession session) {
        return (ReactorRelease) session.getRepositorySession().getData().get(KEY);
    }

    static void store(MavenSession session, ReactorRelease release) {
        SessionData data = session.getRepositorySession().getData();
        data.set(KEY, release);
    }

    /**
     * Whether the release already published is this commit's: its tag is on this commit, or the registry holds this
     * commit's image under the release's version (the image goal found it in place). Before the image goal has run, only
     * the tag can tell, unless the image goal passes what it found ({@link #origin(Optional)}).
     */
    ReleaseOrigin origin() {
        return origin(Optional.empty());
    }

    /**
     * As {@link #origin()}, also counting the image the image goal found under the release's version before anything
     * moved: {@code imageRevision} is its revision label (empty: no such image, or none known).
     */
    ReleaseOrigin origin(Optional<String> imageRevision) {
        String commit = ReleaseContext.shorten(plan.commit());
        if (plan.tagOnThisCommit() != null) {
            return ReleaseOrigin.thisCommit("its tag " + plan.tagOnThisCommit() + " is on this commit " + commit);
        }
        if (plan.image() != null
                && (imageRevision.filter(plan.commit()::equals).isPresent() || report.imageTagInPlace(plan.version()))) {
            return ReleaseOrigin.thisCommit("its image " + plan.image().repository() + ":" + plan.version()
                    + " was built from this commit " + commit);
        }
        Optional<String> otherCommit = imageRevision.filter(revision -> plan.image() != null)
                .map(ReleaseContext::shorten);
        if (otherCommit.isPresent()) {
            return ReleaseOrigin.anotherCommits("no release tag is on this commit " + commit + ", and its image "
                    + plan.image().repository() + ":" + plan.version() + " was built from commit " + otherCommit.get(),
                    otherCommit.get());
        }
        return ReleaseOrigin.notKnown("no release tag is on this commit " + commit
                + (plan.image() == null ? "" : ", and no image of this commit was found under " + plan.version()),
                plan.commit());
    }

    /** A module's artifacts, once: {@code mvn deploy deploy} runs its publish goal twice. */
    synchronized void collect(ModuleArtifacts module) {
        collected.removeIf(m -> m.module().equals(module.module()));
        collected.add(module);
    }

    synchronized List<ModuleArtifacts> collected() {
        return List.copyOf(collected);
    }
}
