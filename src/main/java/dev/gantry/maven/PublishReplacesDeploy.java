package dev.gantry.maven;

import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

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

    @Override
    public void afterProjectsRead(MavenSession session) {
        if (GantrySettings.skippedEverywhere(session)) {
            return; // -Dgantry.skip=true: maven-deploy-plugin deploys as it would without Gantry
        }
        for (MavenProject project : session.getProjects()) {
            if (GantryMojo.runsGoal(project, GantryMojo.PLUGIN_KEY, "publish")) {
                MavenDeployPlugin.unbind(project);
            }
        }
    }

    /**
     * Releases what the publish side held for the session (CodeArtifact's SDK clients and token), also when the build
     * failed before the publish goal's end, where it is released otherwise.
     */
    @Override
    public void afterSessionEnd(MavenSession session) {
        ArtifactRepositories.closeAll(session);
    }
}
