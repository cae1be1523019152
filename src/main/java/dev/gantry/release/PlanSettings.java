package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;

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
 */
public record PlanSettings(Flow flow, List<BranchRule> rules, String tagPrefix, boolean allowDirty, String imageRepository,
        String embeddedImageName, String releaseRepository, String snapshotRepository) {

    public PlanSettings {
        rules = List.copyOf(rules);
    }

    /** The POM's rules followed by the flow's presets. */
    public List<BranchRule> effectiveRules() {
        List<BranchRule> all = new ArrayList<>(rules);
        all.addAll(flow.rules());
        return all;
    }
}
