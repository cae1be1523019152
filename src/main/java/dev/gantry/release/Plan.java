package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;

/**
 * What one build releases: decided once per reactor, written to {@code target/gantry/plan.json},
 * and followed by every goal.
 *
 * @param branch          the branch built
 * @param commit          the full commit id
 * @param version         the project version
 * @param previousVersion the version at the first parent, or null
 * @param release         stable, snapshot or none
 * @param reason          one sentence a person reads in the CI log
 * @param rule            the branch rule that decided, as text
 * @param image           the image to push, or null
 * @param artifacts       where the artifacts go, or null
 * @param gitTag          the release tag to create, or null
 * @param environmentTag  the git tag to move to this commit, or null
 * @param noImage         why there is no image, one sentence; null when there is one
 * @param tagOnThisCommit the release tag found already on this commit (a re-run of a release made from it), or null:
 *                        what is already published then belongs to this commit, even if today's build differs
 */
public record Plan(String branch, String commit, String version, String previousVersion, ReleaseKind release,
        String reason, String rule, ImagePlan image, ArtifactPlan artifacts, String gitTag, String environmentTag,
        String noImage, String tagOnThisCommit) {

    public boolean publishes() {
        return release != ReleaseKind.NONE;
    }

    public String shortCommit() {
        return ReleaseContext.shorten(commit);
    }

    /** The few lines a person reads in the CI log. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Gantry plan: " + release.id() + " — " + version + " on " + branch + " @ " + shortCommit());
        lines.add("  " + reason);
        if (image != null) {
            lines.add("  image:     " + image.repository() + (image.local() ? " (local OCI tar)" : "") + " tags "
                    + image.tags().stream().map(t -> t.name() + (t.mutable() ? "" : " (immutable)")).toList());
        }
        if (artifacts != null) {
            lines.add("  artifacts: " + artifacts.repository() + " (" + artifacts.mode().id() + ")");
        }
        if (gitTag != null) {
            lines.add("  git tag:   " + gitTag);
        }
        if (environmentTag != null) {
            lines.add("  env tag:   " + environmentTag + " (moves to this commit, last)");
        }
        return lines;
    }
}
