package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.Flow;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The plugin configuration, validated once and immutable, as every goal sees it.
 *
 * @param flow            the preset branch rules
 * @param rules           the POM's own branch rules, tried before the flow's
 * @param tagPrefix       release tags are prefix + version
 * @param allowDirty      release with uncommitted changes
 * @param branch          the branch override, or null
 * @param gitRemote       the git remote asked for tags and pushed to
 * @param imageRepository the configured image repository, or null
 */
record GantrySettings(Flow flow, List<BranchRule> rules, String tagPrefix, boolean allowDirty, String branch, String gitRemote,
        String imageRepository) {

    static final String SKIP_PROPERTY = "gantry.skip";

    /** The POM's rules followed by the flow's presets. */
    List<BranchRule> effectiveRules() {
        return flow.behind(rules);
    }

    /** {@code -Dgantry.skip=true}: Gantry stands aside entirely, maven-deploy-plugin deploys as without it. */
    static boolean skippedEverywhere(MavenSession session) {
        return Boolean.parseBoolean(session.getUserProperties().getProperty(SKIP_PROPERTY))
                || Boolean.parseBoolean(session.getSystemProperties().getProperty(SKIP_PROPERTY));
    }

    /**
     * A module out of the release by its own POM: {@code <gantry.skip>true</gantry.skip>} in its properties, or
     * {@code <skip>true</skip>} in the plugin's configuration there (the plugin's own, or each of its executions'), as
     * users of other plugins write it. Its goals stand aside, and the rest of the reactor is released without it.
     */
    static boolean skipped(MavenProject project) {
        if (skippedByProperty(project)) {
            return true;
        }
        Plugin plugin = project.getPlugin(GantryMojo.PLUGIN_KEY);
        if (plugin == null) {
            return false;
        }
        Optional<Boolean> pluginWide = setting(plugin.getConfiguration(), "skip").map(Boolean::parseBoolean);
        if (pluginWide.orElse(false) && plugin.getExecutions().stream()
                .noneMatch(e -> setting(e.getConfiguration(), "skip").filter(v -> !Boolean.parseBoolean(v)).isPresent())) {
            return true;
        }
        return !plugin.getExecutions().isEmpty() && plugin.getExecutions().stream()
                .allMatch(e -> setting(e.getConfiguration(), "skip").map(Boolean::parseBoolean).orElse(false));
    }

    /** {@code <gantry.skip>true</gantry.skip>} in the module's properties. */
    static boolean skippedByProperty(MavenProject project) {
        return Boolean.parseBoolean(project.getProperties().getProperty(SKIP_PROPERTY));
    }

    /** A parameter's value in a {@code <configuration>} of the POM (already interpolated), if it is set there. */
    static Optional<String> setting(Object configuration, String name) {
        Xpp3Dom value = configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
        return value == null || value.getValue() == null ? Optional.empty() : Optional.of(value.getValue().strip());
    }
}
