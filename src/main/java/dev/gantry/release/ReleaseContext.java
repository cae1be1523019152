package dev.gantry.release;

import java.util.function.Supplier;

/**
 * The facts of one build the decision is made from.
 *
 * @param branch          the branch being built
 * @param commit          the full id of the commit being built
 * @param version         the top-level project's version
 * @param previousVersion the version at the commit's first parent, or null when that commit is absent
 * @param history         tags and working-tree state, asked on demand
 * @param pullRequest     the CI variable showing a pull request build (such a build publishes nothing), or null
 * @param versionSetting  where the version is set, for a refusal to say what to change (read only for one)
 */
public record ReleaseContext(String branch, String commit, String version, String previousVersion, ReleaseHistory history,
        String pullRequest, Supplier<VersionSetting> versionSetting) {

    /** A branch build of a project whose version is written in pom.xml. */
    public ReleaseContext(String branch, String commit, String version, String previousVersion, ReleaseHistory history) {
        this(branch, commit, version, previousVersion, history, null, () -> VersionSetting.IN_POM);
    }

    /** A commit id as people quote it: its first 7 characters. */
    public static String shorten(String commit) {
        return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
    }
}
