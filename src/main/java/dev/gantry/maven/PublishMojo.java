package dev.gantry.maven;

import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.GantryException;
import dev.gantry.release.Plan;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
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
                .publish(release.collected(), immutable, release.dryRun);
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
