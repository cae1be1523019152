package dev.gantry.maven;

import dev.gantry.image.TagMoves;
import dev.gantry.release.GantryException;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loaded when the plugin is declared with {@code <extensions>true</extensions>}: before any module is built, unbinds
 * maven-deploy-plugin in the modules that declare {@code gantry:publish}, which deploys instead, so that a
 * {@code mvn deploy} deploys once without touching {@code maven.deploy.skip}, a property other plugins read too. See
 * {@link MavenDeployPlugin} for why unbound rather than removed. Without the extension the goals fall back to the
 * property, with a warning ({@link GantryMojo}). At the session's end, closes the artifact repositories
 * ({@link ArtifactRepositories}).
 */
@Named("gantry-publish-replaces-deploy")
@Singleton
public class PublishReplacesDeploy extends AbstractMavenLifecycleParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(PublishReplacesDeploy.class);

    @Override
    public void afterProjectsRead(MavenSession session) {
        if (GantrySettings.skippedEverywhere(session)) {
            return; // -Dgantry.skip=true: maven-deploy-plugin deploys as it would without Gantry
        }
        for (MavenProject project : session.getProjects()) {
            if (ReleaseGate.declaresGoal(project, GantryMojo.PLUGIN_KEY, "publish")) {
                MavenDeployPlugin.unbind(project);
            }
        }
    }

    /**
     * Releases what the publish side held for the session (CodeArtifact's SDK clients and token, the registry's clients
     * of the image's tags left to move), also when the build failed before the publish goal's end, where they are
     * released otherwise.
     */
    @Override
    public void afterSessionEnd(MavenSession session) throws MavenExecutionException {
        ArtifactRepositories.closeAll(session);
        ReactorRelease release = ReactorRelease.find(session);
        if (release != null) {
            release.artifactsFailed().ifPresent(TagMoves::close); // the publish goal never came: the tags stay put
        }
        refuseUnfinishedRelease(session);
    }

    /**
     * The last safety net (issue 10: never a silent success): when the plan said "release" and the build ended without
     * a failure yet with a step never done, release.json says {@code incomplete} and the build fails here. Maven 3 has
     * already printed its summary by now, so the user sees BUILD SUCCESS followed by this error and a non-zero exit
     * code; Maven cannot be told earlier, because only the session's end knows that no module is left to arrive. A build
     * that failed already keeps its own error; release.json still says what was not done.
     */
    private static void refuseUnfinishedRelease(MavenSession session) throws MavenExecutionException {
        ReactorRelease release = ReactorRelease.find(session);
        if (release == null) {
            return;
        }
        ModuleSteps modules = ModuleSteps.find(session); // decided with the plan
        if (modules == null) {
            return;
        }
        Optional<GantryException> unfinished = new ReleaseGate(session, modules).unfinished(release);
        if (unfinished.isEmpty()) {
            return;
        }
        String message = unfinished.get().getMessage();
        try {
            release.report.incomplete(message);
        } catch (GantryException unwritable) {
            LOG.warn(unwritable.getMessage());
        }
        if (session.getResult().hasExceptions()) {
            LOG.error(message);
            return;
        }
        throw new MavenExecutionException(message, session.getTopLevelProject().getFile());
    }
}
