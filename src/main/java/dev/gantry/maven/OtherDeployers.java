package dev.gantry.maven;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The plugins besides maven-deploy-plugin that deploy a module in {@code mvn deploy}: Sonatype's publishers, which a
 * parent such as {@code oss-parent} often declares for Maven Central. Gantry unbinds maven-deploy-plugin
 * ({@link MavenDeployPlugin}) but not these: they do more than upload (a staging repository closed and released, a
 * bundle validated by the Central Portal), so turning them off silently could break a team's release to Central. With
 * one of them active beside {@code gantry:publish}, a {@code mvn deploy} would deploy twice, the second time outside
 * the branch's rules; the plan refuses that before anything is built.
 */
final class OtherDeployers {

    /**
     * A publisher: it deploys when its goal is bound (its build extension binds it in place of maven-deploy-plugin's)
     * and its skip parameter, set in its configuration or as a property, is not true.
     */
    record Deployer(String groupId, String artifactId, String goal, String skipParameter) {
    }

    static final List<Deployer> KNOWN = List.of(
            new Deployer("org.sonatype.plugins", "nexus-staging-maven-plugin", "deploy", "skipNexusStagingDeployMojo"),
            new Deployer("org.sonatype.central", "central-publishing-maven-plugin", "publish", "skipPublishing"));

    private static final String NO_PHASE = "none";

    private OtherDeployers() {
    }

    /**
     * The first publisher that deploys this module in {@code mvn deploy}, if any.
     *
     * @param properties the build's user and system properties, which override the POM's ({@code -DskipPublishing})
     */
    static Optional<Deployer> in(MavenProject module, Properties properties) {
        for (Deployer deployer : KNOWN) {
            Plugin plugin = module.getPlugin(deployer.groupId() + ":" + deployer.artifactId());
            if (plugin != null && bound(plugin, deployer) && !skipped(plugin, deployer, module, properties)) {
                return Optional.of(deployer);
            }
        }
        return Optional.empty();
    }

    /** As a build extension it binds its goal itself; otherwise an execution of the POM must. */
    private static boolean bound(Plugin plugin, Deployer deployer) {
        return plugin.isExtensions() || plugin.getExecutions().stream()
                .anyMatch(e -> e.getGoals().contains(deployer.goal()) && !NO_PHASE.equals(e.getPhase()));
    }

    private static boolean skipped(Plugin plugin, Deployer deployer, MavenProject module, Properties properties) {
        String configured = value(plugin.getConfiguration(), deployer.skipParameter());
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains(deployer.goal())) {
                String own = value(execution.getConfiguration(), deployer.skipParameter());
                configured = own != null ? own : configured;
            }
        }
        if (configured != null && !configured.startsWith("${")) {
            return Boolean.parseBoolean(configured);
        }
        // unset, or set to a property that the POM did not define: the property decides, -D first
        String property = configured == null ? deployer.skipParameter()
                : configured.substring(2, configured.length() - 1);
        String value = properties.getProperty(property, module.getProperties().getProperty(property));
        return Boolean.parseBoolean(value == null ? null : value.trim());
    }

    private static String value(Object configuration, String name) {
        if (configuration instanceof Xpp3Dom dom && dom.getChild(name) != null) {
            String value = dom.getChild(name).getValue();
            return value == null ? null : value.trim();
        }
        return null;
    }
}
