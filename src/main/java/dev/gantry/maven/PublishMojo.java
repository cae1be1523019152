package dev.gantry.maven;

import dev.gantry.image.TagMoves;
import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;

/**
 * Publishes the reactor's artifacts (main, attached, pom) to {@code distributionManagement}, or to a local
 * directory repository under {@code target/gantry/repository} when there is none: all modules at the end of the
 * reactor, or none. Replaces {@code maven-deploy-plugin}: declared with {@code <extensions>true</extensions>}, the
 * plugin unbinds its {@code default-deploy} execution in the modules that declare this goal. Which kind of repository a
 * URL is (AWS CodeArtifact or any other) is decided by {@link ArtifactRepositories}.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends GantryMojo {

    static final String KEEP_SNAPSHOTS_PROPERTY = "gantry.codeartifact.keepSnapshots";
    private static final int DEFAULT_KEEP_SNAPSHOTS = 1;

    private final RepositorySystem repositorySystem;

    /**
     * For an AWS CodeArtifact repository: how many builds of a snapshot version stay after a snapshot publish, the one
     * just published included. {@code 1}: each publish replaces the previous build; {@code 0}: no clean-up, every build
     * stays as CodeArtifact keeps it ({@code Unlisted}). Other repositories ignore it: Resolver adds a timestamped build
     * there, and the repository manager's own policies clean them. Set as the property (in the parent POM's
     * {@code <properties>} or with {@code -D}), the image goal's release check, which only reads, shares publish's
     * CodeArtifact token; set in {@code <configuration>}, it applies the same, at the cost of one token more.
     *
     * @since 0.1.0
     */
    @Parameter(property = KEEP_SNAPSHOTS_PROPERTY, defaultValue = "" + DEFAULT_KEEP_SNAPSHOTS)
    protected int keepSnapshots = DEFAULT_KEEP_SNAPSHOTS;

    @Inject
    public PublishMojo(RepositorySystem repositorySystem, LifecycleExecutor lifecycleExecutor,
            SettingsDecrypter decrypter) {
        super(lifecycleExecutor, decrypter);
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run(ReactorRelease release) throws GantryException {
        // a plan has artifacts only when it publishes: none for a verify-only branch nor when nothing is to be released
        if (release.plan.artifacts() != null && !DeploySkipped.of(session).contains(project)) {
            // here, once this module is built (flatten-maven-plugin has put its POM in place), not before
            UnresolvedPomVersions.refuseAtPublish(ReleasePlanning.maven4(session), project);
            release.collect(ProjectArtifacts.of(project, session.getTopLevelProject(), session,
                    repositories()));
        }
    }

    /** The end of the reactor: the artifacts, then the image's mutable tags that waited for them ({@link TagMoves}). */
    @Override
    protected void finish(ReactorRelease release) throws GantryException {
        boolean leftToNewerCommit;
        try {
            leftToNewerCommit = publishArtifacts(release);
        } catch (GantryException e) {
            // the release stops here: latest stays where it was
            Optional<TagMoves> moves = release.artifactsFailed();
            throw moves.isPresent() ? moves.get().givenUp(namingTheVersionSetting(e)) : e;
        } catch (RuntimeException | Error e) {
            release.artifactsFailed().ifPresent(TagMoves::close);
            throw e;
        }
        Optional<TagMoves> moves = release.artifactsPublished();
        if (moves.isPresent()) {
            move(release, moves.get(), !leftToNewerCommit);
        }
    }

    /**
     * Moves the image's mutable tags that waited for the artifacts, and records them; {@code published}: false when the
     * artifacts were left to a newer commit's build.
     */
    static void move(ReactorRelease release, TagMoves moves, boolean published) throws GantryException {
        TagMoves.Moved moved = moves.moveAfterArtifacts(published);
        List<ReleaseReport.Outcome> outcomes = new ArrayList<>();
        moved.outcomes().forEach((t, outcome) -> outcomes.add(new ReleaseReport.Outcome(t, outcome)));
        release.report.imageTags(outcomes);
    }

    /**
     * Publishes the reactor's artifacts, unless a newer commit's build published this snapshot version already: true
     * then, as the artifacts are left to it.
     */
    private boolean publishArtifacts(ReactorRelease release) throws GantryException {
        try {
            gate().refuseAfterFailures(goal());
            Plan plan = release.plan;
            if (!plan.publishes()) {
                getLog().info(plan.reason().contains("nothing to publish") ? plan.reason()
                        : "Nothing to publish: " + plan.reason());
                return false;
            }
            if (plan.artifacts() == null) {
                getLog().info("Nothing to publish: maven-deploy-plugin is told to skip every module that declares "
                        + "gantry:publish (maven.deploy.skip or its <skip>), or their packaging deploys nothing "
                        + "(quarkus), and Gantry publishes what maven-deploy-plugin would deploy.");
                return false;
            }
            boolean immutable = plan.artifacts().mode() == ArtifactPlan.Mode.IMMUTABLE;
            Optional<String> newer = immutable || release.dryRun ? Optional.empty()
                    : release.pendingTagMoves().flatMap(TagMoves::newerSnapshotPublished);
            if (newer.isPresent()) {
                // a Maven snapshot cannot be kept back as a moving tag is: every deploy of it becomes the one resolved
                getLog().warn(newer.get());
                release.report.artifacts(plan.artifacts().repository(), release.collected().stream()
                        .flatMap(m -> m.artifacts().stream())
                        .map(a -> new ReleaseReport.Outcome(a.toString(), PublishOutcome.KEPT_ON_LATER_COMMIT.id()))
                        .toList());
                return true;
            }
            if (immutable) {
                DeploySkipped skipped = DeploySkipped.of(session);
                OutputTimestamp.warning(session.getProjects().stream().filter(p -> !skipped.contains(p)).toList())
                        .ifPresent(getLog()::warn);
            }
            Map<Artifact, PublishOutcome> outcomes = new ArtifactPublisher(repositorySystem,
                    OfflineFileRepositories.reachable(session.getRepositorySession()), log()).publish(release.collected(), immutable, release.origin(), release.dryRun);
            List<ReleaseReport.Outcome> report = outcomes.entrySet().stream()
                    .map(e -> new ReleaseReport.Outcome(e.getKey().toString(), e.getValue().id()))
                    .toList();
            release.report.artifacts(plan.artifacts().repository(), report);
            return false;
        } finally {
            // the last use of the repositories in this session: CodeArtifact's SDK clients need not wait for its end
            ArtifactRepositories.closeAll(session);
        }
    }

    private ArtifactRepositories repositories() throws GantryException {
        if (keepSnapshots < 0) {
            throw invalidKeepSnapshots(String.valueOf(keepSnapshots));
        }
        return ArtifactRepositories.of(session, repositorySystem, log(), keepSnapshots);
    }

    /**
     * {@code keepSnapshots} as the image goal sees it, before the publish goal has run: the property from the command
     * line, then the project's properties, then the default.
     */
    static int keepSnapshots(MavenSession session) throws GantryException {
        String value = session.getUserProperties().getProperty(KEEP_SNAPSHOTS_PROPERTY,
                session.getSystemProperties().getProperty(KEEP_SNAPSHOTS_PROPERTY,
                        session.getTopLevelProject().getProperties().getProperty(KEEP_SNAPSHOTS_PROPERTY)));
        if (value == null || value.isBlank()) {
            return DEFAULT_KEEP_SNAPSHOTS;
        }
        try {
            int keep = Integer.parseInt(value.trim());
            if (keep >= 0) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        throw invalidKeepSnapshots(value);
    }

    private static GantryException invalidKeepSnapshots(String value) {
        return Refusals.invalidKeepSnapshots(value, KEEP_SNAPSHOTS_PROPERTY);
    }

    @Override
    protected String goal() {
        return "publish";
    }
}
