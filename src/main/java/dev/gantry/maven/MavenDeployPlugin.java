package dev.gantry.maven;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * maven-deploy-plugin's {@code deploy} executions in a module's model (the lifecycle's {@code default-deploy} and any the
 * POM adds), which {@code gantry:publish} replaces.
 *
 * <p>They are unbound (phase {@code none}) rather than removed or skipped: other plugins decide whether a module is
 * deployed by reading that model. CycloneDX's {@code skipNotDeployed}, for one, looks for a {@code deploy} execution of
 * maven-deploy-plugin that its {@code skip} configuration or {@code maven.deploy.skip} does not turn off, and drops
 * the module from the SBOM when there is none. An execution bound to no phase still answers "deployed" there, and
 * Maven never runs it.
 */
final class MavenDeployPlugin {

    static final String KEY = "org.apache.maven.plugins:maven-deploy-plugin";
    static final String SKIP_PROPERTY = "maven.deploy.skip";
    /** Not a lifecycle phase: Maven plans no mojo for an execution bound to it. */

    private MavenDeployPlugin() {
    }

    /** Unbinds the module's {@code deploy} executions; true if one was bound. */
    static boolean unbind(MavenProject project) {
        List<PluginExecution> bound = boundDeployExecutions(project);
        bound.forEach(e -> e.setPhase(ModuleSteps.NO_PHASE));
        return !bound.isEmpty();
    }

    /** Whether maven-deploy-plugin would deploy this module in the {@code deploy} phase. */
    static boolean runsIn(MavenProject project) {
        return !boundDeployExecutions(project).isEmpty();
    }

    private static List<PluginExecution> boundDeployExecutions(MavenProject project) {
        Plugin plugin = project.getPlugin(KEY);
        if (plugin == null) {
            return List.of();
        }
        return plugin.getExecutions().stream()
                .filter(e -> e.getGoals().contains("deploy") && !ModuleSteps.NO_PHASE.equals(e.getPhase()))
                .toList();
    }
}
