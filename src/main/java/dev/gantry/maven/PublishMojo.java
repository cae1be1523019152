package dev.gantry.maven;

import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;

/**
 * Publishes the reactor's artifacts (main, attached, pom) to {@code distributionManagement}, or to a local
 * directory repository under {@code target/gantry/repository} when there is none: all modules at the end of the
 * reactor, or none. Replaces {@code maven-deploy-plugin}: declared with {@code <extensions>true</extensions>}, the
 * plugin unbinds its {@code default-deploy} execution in the modules that declare this goal.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends GantryMojo {

    private final RepositorySystem repositorySystem;

    @Inject
    public PublishMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run(ReactorRelease release) throws GantryException {
        if (release.plan.publishes()) {
            release.collect(ProjectArtifacts.of(project, session.getTopLevelProject(), session.getRepositorySession()));
        }
    }

    /**
     * What publish would refuse, asked by the image goal before its image moves. Maven runs {@code image} before
     * {@code publish} in deploy, and publish deploys only at the end of the reactor; yet a release whose artifacts will be
     * refused must push no image either (DESIGN.md: nothing half-published). So the publish goal offers this read-only
     * check, and the image goal asks it before its first push without knowing what it checks: which files conflict and
     * whether the release already published is this commit's are decided by {@link ArtifactPublisher}, the very code
     * this goal runs at the end. Silent: a conflict stops the build here, and any warning is given once, by publish.
     * {@code origin} is what the image goal knows of the release's commit once it has looked up the registry
     * ({@link ReactorRelease#origin(java.util.Optional)}): this commit's image under the version counts as the tag does.
     */
    static void checkBeforeImageMoves(ReactorRelease release, ReleaseOrigin origin, MavenSession session,
            RepositorySystem repositorySystem) throws GantryException {
        if (release.plan.artifacts() != null && release.plan.artifacts().mode() == ArtifactPlan.Mode.IMMUTABLE) {
            new ArtifactPublisher(repositorySystem, session.getRepositorySession(), GantryLog.SILENT)
                    .alreadyPublished(ProjectArtifacts.packagedSoFar(session), origin);
        }
    }

    @Override
    protected void finish(ReactorRelease release) throws GantryException {
        refuseAfterFailures();
        Plan plan = release.plan;
        if (!plan.publishes()) {
            getLog().info("Nothing to publish: " + plan.reason());
            return;
        }
        boolean immutable = plan.artifacts().mode() == ArtifactPlan.Mode.IMMUTABLE;
        Map<Artifact, PublishOutcome> outcomes = new ArtifactPublisher(repositorySystem, session.getRepositorySession(), log())
                .publish(release.collected(), immutable, release.origin(), release.dryRun);
        List<ReleaseReport.Outcome> report = outcomes.entrySet().stream()
                .map(e -> new ReleaseReport.Outcome(e.getKey().toString(), e.getValue().id()))
                .toList();
        release.report.artifacts(plan.artifacts().repository(), report);
    }

    @Override
    protected String goal() {
        return "publish";
    }
}
