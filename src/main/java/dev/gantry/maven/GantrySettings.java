package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.Flow;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

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

    /** A module that sets {@code <gantry.skip>true</gantry.skip>} in its properties is not published. */
    static boolean skipped(MavenProject project) {
        return Boolean.parseBoolean(project.getProperties().getProperty(SKIP_PROPERTY));
    }
}
