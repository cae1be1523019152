package dev.gantry.release;

import java.util.List;
import java.util.Set;

/**
 * The configuration the decision depends on, immutable, built once from the POM and user properties.
 *
 * @param flow               the preset rules behind the POM's own
 * @param rules              the POM's branch rules, tried first, in order
 * @param tagPrefix          release tags are {@code tagPrefix + version}
 * @param allowDirty         whether a stable release may be built with uncommitted changes
 * @param imageRepository    the configured image repository, or null for none
 * @param embeddedImageName  the image name used for the local OCI tar when none is configured
 * @param releaseRepository  where releases go (distributionManagement or the embedded default)
 * @param snapshotRepository where snapshots go (distributionManagement or the embedded default)
 * @param goals              the goals the build runs ({@code image}, {@code publish}, {@code tag}): the plan promises
 *                           only what a declared goal will do
 */
public record PlanSettings(Flow flow, List<BranchRule> rules, String tagPrefix, boolean allowDirty, String imageRepository,
        String embeddedImageName, String releaseRepository, String snapshotRepository, Set<String> goals) {

    public static final Set<String> ALL_GOALS = Set.of("image", "publish", "tag");

    public PlanSettings {
        rules = List.copyOf(rules);
        goals = Set.copyOf(goals);
    }

    /** Settings for a build that declares every goal. */
    public PlanSettings(Flow flow, List<BranchRule> rules, String tagPrefix, boolean allowDirty, String imageRepository,
            String embeddedImageName, String releaseRepository, String snapshotRepository) {
        this(flow, rules, tagPrefix, allowDirty, imageRepository, embeddedImageName, releaseRepository, snapshotRepository,
                ALL_GOALS);
    }

    boolean runs(String goal) {
        return goals.contains(goal);
    }

    /** The POM's rules followed by the flow's presets. */
    public List<BranchRule> effectiveRules() {
        return flow.behind(rules);
    }
}
