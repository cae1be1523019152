package dev.gantry.maven;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * jib-maven-plugin's {@code build} goal in this build: a team that moves to Gantry often leaves it bound in a POM, or
 * named in the pipeline's command ({@code mvn deploy jib:build}), and it would push the image a second time.
 */
final class JibBuildGoal {

    static final String PLUGIN_KEY = "com.google.cloud.tools:jib-maven-plugin";

    /** For {@link Deployers#parameter}: Jib's skip parameter and its property. */
    private static final Deployers.Deployer BUILD = new Deployers.Deployer("com.google.cloud.tools", "jib-maven-plugin",
            "build", "skip", "jib.skip");

    /** The clean and site lifecycles' phases: an execution bound to one does not run in {@code mvn deploy}. */
    private static final Set<String> OUTSIDE_DEPLOY = Set.of("pre-clean", "clean", "post-clean", "pre-site", "site",
            "post-site", "site-deploy");

    private JibBuildGoal() {
    }

    /**
     * The execution of the module's POM (its own or inherited) that binds the goal to a phase that {@code mvn deploy}
     * runs, unless the module tells Jib to skip. The goal has no default phase: an execution without {@code <phase>}
     * binds nothing.
     */
    static Optional<PluginExecution> boundIn(MavenProject module, Properties buildProperties) {
        Plugin plugin = module.getPlugin(PLUGIN_KEY);
        if (plugin == null || skipped(module, buildProperties)) {
            return Optional.empty();
        }
        return plugin.getExecutions().stream().filter(JibBuildGoal::runsInDeploy).findFirst();
    }

    private static boolean runsInDeploy(PluginExecution execution) {
        String phase = execution.getPhase();
        return execution.getGoals().contains(BUILD.goal()) && phase != null && !phase.isBlank()
                && !ModuleSteps.NO_PHASE.equalsIgnoreCase(phase) && !OUTSIDE_DEPLOY.contains(phase);
    }

    /** The command line's goal that runs it ({@code jib:build}, or with the plugin's coordinates), if any. */
    static Optional<String> namedOnTheCommandLine(List<String> goals) {
        return goals.stream().filter(g -> g.matches("(jib|(com\\.google\\.cloud\\.tools:)?jib-maven-plugin(:[^:@]+)?)"
                + ":build(@.*)?")).findFirst();
    }

    /** Whether the module tells Jib to skip: {@code <skip>}, {@code -Djib.skip}, or its {@code <properties>}. */
    static boolean skipped(MavenProject module, Properties buildProperties) {
        return Boolean.parseBoolean(Deployers.parameter(BUILD, module, buildProperties, BUILD.skipParameter(),
                BUILD.skipProperty()));
    }
}
