package dev.gantry.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The plugins that deploy a module in {@code mvn deploy}, read from its model: maven-deploy-plugin, which
 * {@code gantry:publish} replaces, and Sonatype's publishers, which a parent such as {@code oss-parent} often declares
 * for Maven Central.
 * <ul>
 *   <li>Gantry unbinds maven-deploy-plugin ({@link MavenDeployPlugin}), and publishes what it would have deployed: a
 *   module that the POM or the command line tells it to skip ({@code maven.deploy.skip}, its {@code <skip>}) is not
 *   published either ({@link DeploySkipped}).</li>
 *   <li>Sonatype's publishers are not turned off: they do more than upload (a staging repository closed and released, a
 *   bundle validated by the Central Portal), so turning them off silently could break a team's release to Central. With
 *   one of them active beside {@code gantry:publish}, a {@code mvn deploy} would deploy twice, the second time outside
 *   the branch's rules; the plan refuses that before anything is built.</li>
 * </ul>
 */
final class Deployers {

    /**
     * A plugin that deploys when its goal is bound (a build extension binds it itself) and its skip parameter, set in
     * its configuration or through its property, is not true.
     */
    record Deployer(String groupId, String artifactId, String goal, String skipParameter, String skipProperty) {
    }

    static final Deployer MAVEN_DEPLOY = new Deployer("org.apache.maven.plugins", "maven-deploy-plugin", "deploy", "skip",
            MavenDeployPlugin.SKIP_PROPERTY);

    static final List<Deployer> OTHERS = List.of(
            new Deployer("org.sonatype.plugins", "nexus-staging-maven-plugin", "deploy", "skipNexusStagingDeployMojo",
                    "skipNexusStagingDeployMojo"),
            new Deployer("org.sonatype.central", "central-publishing-maven-plugin", "publish", "skipPublishing",
                    "skipPublishing"));


    private Deployers() {
    }

    /**
     * The first of Sonatype's publishers that deploys this module in {@code mvn deploy}, if any.
     *
     * @param properties the build's user and system properties, which override the POM's ({@code -DskipPublishing})
     */
    static Optional<Deployer> other(MavenProject module, Properties properties) {
        return active(module, properties, false);
    }

    /**
     * The first of Sonatype's publishers that would deploy this module in {@code mvn deploy} but leaves it out
     * ({@code <excludeArtifacts>}, a library's test modules): without that publisher, Gantry would publish it.
     */
    static Optional<Deployer> excluding(MavenProject module, Properties properties) {
        return active(module, properties, true);
    }

    private static Optional<Deployer> active(MavenProject module, Properties properties, boolean excludingIt) {
        for (Deployer deployer : OTHERS) {
            Plugin plugin = module.getPlugin(deployer.groupId() + ":" + deployer.artifactId());
            if (plugin != null && bound(plugin, deployer) && !skipped(deployer, module, properties)
                    && excluded(plugin, module) == excludingIt) {
                return Optional.of(deployer);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the publisher leaves the module out of what it publishes: central-publishing-maven-plugin's
     * {@code <excludeArtifacts>} names its artifactId, as a library does with its test modules. The plugin compares the
     * artifactId alone (0.8.0 to 0.11.0: {@code excludeArtifacts.contains(artifact.getArtifactId())}), so a
     * {@code groupId:artifactId} there excludes nothing. Maven reads an element's text trimmed, and splits a list
     * written as text on commas without trimming the parts: {@code a, b} gives the plugin " b", which excludes nothing.
     */
    private static boolean excluded(Plugin plugin, MavenProject module) {
        Object configuration = configurationFor(plugin, "publish");
        Xpp3Dom excludes = configuration instanceof Xpp3Dom dom ? dom.getChild("excludeArtifacts") : null;
        if (excludes == null) {
            return false;
        }
        List<String> names = new ArrayList<>();
        for (Xpp3Dom exclude : excludes.getChildren()) {
            names.add(exclude.getValue());
        }
        if (excludes.getChildCount() == 0 && excludes.getValue() != null) {
            names.addAll(List.of(excludes.getValue().split(",", -1)));
        }
        return names.contains(module.getArtifactId());
    }

    /** The build's system and user properties, the user's first, as a plugin parameter's expression reads them. */
    static Properties buildProperties(MavenSession session) {
        Properties properties = new Properties();
        properties.putAll(session.getSystemProperties());
        properties.putAll(session.getUserProperties());
        return properties;
    }

    /** As a build extension it binds its goal itself; otherwise an execution of the POM must. */
    private static boolean bound(Plugin plugin, Deployer deployer) {
        return plugin.isExtensions() || plugin.getExecutions().stream()
                .anyMatch(e -> e.getGoals().contains(deployer.goal()) && !ModuleSteps.NO_PHASE.equals(e.getPhase()));
    }

    /**
     * Whether the module tells the deployer to skip: its skip parameter in the plugin's configuration (an execution of
     * its goal first), else the parameter's property, {@code -D} before the POM's. maven-deploy-plugin 3 also takes
     * {@code releases} (skip a release version) and {@code snapshots} (skip a snapshot).
     */
    static boolean skipped(Deployer deployer, MavenProject module, Properties properties) {
        String value = parameter(deployer, module, properties, deployer.skipParameter(), deployer.skipProperty());
        value = value == null ? "" : value.trim();
        boolean snapshot = ArtifactUtils.isSnapshot(module.getVersion());
        return Boolean.parseBoolean(value) || "releases".equals(value) && !snapshot || "snapshots".equals(value) && snapshot;
    }

    /**
     * A parameter of the deployer's goal as the plugin would be given it: its value in the plugin's configuration (an
     * execution of its goal first), else the parameter's property (or the property the configured value names),
     * {@code -D} before the POM's; null when none is set.
     */
    static String parameter(Deployer deployer, MavenProject module, Properties properties, String parameter,
            String property) {
        Plugin plugin = module.getPlugin(deployer.groupId() + ":" + deployer.artifactId());
        Object configuration = plugin == null ? null : plugin.getConfiguration();
        for (PluginExecution execution : plugin == null ? List.<PluginExecution>of() : plugin.getExecutions()) {
            if (execution.getGoals().contains(deployer.goal())
                    && configured(execution.getConfiguration(), parameter) != null) {
                configuration = execution.getConfiguration();
            }
        }
        return Setting.of(configuration, parameter, property, module, properties).map(Setting::value).orElse(null);
    }

    /**
     * A goal's parameter as one execution is given it, and where it is set, for a message to name.
     *
     * @param where {@code <skip>true</skip> in its configuration}, {@code -Dx=true}, or
     *              {@code <x>true</x> in the module's <properties>}
     */
    record Setting(String value, String where) {

        private static final String IN_THE_CONFIGURATION = " in its configuration";

        /**
         * The parameter in this configuration (an execution's, in which Maven's model has merged the plugin's own),
         * else its property (or the property the configured value names), {@code -D} before the POM's.
         */
        static Optional<Setting> of(Object configuration, String parameter, String property, MavenProject module,
                Properties properties) {
            String configured = configured(configuration, parameter);
            if (configured != null && !(configured.startsWith("${") && configured.endsWith("}"))) {
                return Optional.of(new Setting(configured, "<" + parameter + ">" + configured + "</" + parameter
                        + ">" + IN_THE_CONFIGURATION));
            }
            // unset, or set to a property that the POM did not define: the property decides, -D first
            String name = configured == null ? property : configured.substring(2, configured.length() - 1);
            if (name == null) {
                return Optional.empty();
            }
            String given = properties.getProperty(name);
            if (given != null) {
                return Optional.of(new Setting(given.trim(), "-D" + name + "=" + given.trim()));
            }
            String pom = module.getProperties().getProperty(name);
            return pom == null ? Optional.empty() : Optional.of(new Setting(pom.trim(), "<" + name + ">" + pom.trim()
                    + "</" + name + "> in the module's <properties>"));
        }

        boolean isTrue() {
            return Boolean.parseBoolean(value);
        }

        /**
         * Whether the configuration sets the value itself, rather than a property ({@code -D}, the module's
         * {@code <properties>}) that it leaves the parameter to: Maven gives the parameter that value whatever
         * {@code -D} says.
         */
        boolean setInTheConfiguration() {
            return where.endsWith(IN_THE_CONFIGURATION);
        }
    }

    /**
     * The configuration a goal of the plugin is given in the module: its first execution's that binds the goal and has
     * one (Maven's model has merged the plugin's into it), else the plugin's.
     */
    static Object configurationFor(Plugin plugin, String goal) {
        return plugin.getExecutions().stream().filter(e -> e.getGoals().contains(goal))
                .map(PluginExecution::getConfiguration).filter(Objects::nonNull).findFirst()
                .orElse(plugin.getConfiguration());
    }

    static String configured(Object configuration, String name) {
        if (configuration instanceof Xpp3Dom dom && dom.getChild(name) != null) {
            String value = dom.getChild(name).getValue();
            return value == null ? null : value.trim();
        }
        return null;
    }
}
