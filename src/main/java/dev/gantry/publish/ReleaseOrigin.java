package dev.gantry.publish;

import dev.gantry.release.ReleaseContext;

/**
 * Whether a release found already published was made from the commit being built, and how that is known. A release is
 * its commit, not its bytes (DESIGN.md): published files of this commit's release are kept even when today's rebuild
 * differs (a {@code git.properties} that now lists the release tag), with a warning; files of a release from another
 * commit, or from a commit Gantry cannot tell, are refused.
 *
 * @param thisCommit  whether the release is known to be this commit's
 * @param evidence    for messages: why it is known to be this commit's, or why that is not known
 * @param otherCommit the commit the release is known to be made from instead (its image's revision label), or null
 * @param commit      the commit being built, for a published jar's {@code git.properties} to confirm; null when not given
 */
public record ReleaseOrigin(boolean thisCommit, String evidence, String otherCommit, String commit) {

    public static ReleaseOrigin thisCommit(String evidence) {
        return new ReleaseOrigin(true, evidence, null, null);
    }

    public static ReleaseOrigin notKnown(String evidence) {
        return new ReleaseOrigin(false, evidence, null, null);
    }

    /** Not known yet: a published jar that names {@code commit}, the one being built, would tell ({@link #confirmedBy}). */
    public static ReleaseOrigin notKnown(String evidence, String commit) {
        return new ReleaseOrigin(false, evidence, null, commit);
    }

    /** The release is another commit's: the image under its version was built from {@code commit}. */
    public static ReleaseOrigin anotherCommits(String evidence, String commit) {
        return new ReleaseOrigin(false, evidence, commit, null);
    }

    /**
     * This commit's when a published jar was built from the commit being built, as its {@code git.properties} says
     * ({@code builtFrom}, null when it names none): a library's release left untagged by a failed tag push, its jar
     * differing in {@code git.build.time} alone. Otherwise this origin, as it is.
     */
    public ReleaseOrigin confirmedBy(String builtFrom, String file) {
        if (thisCommit || otherCommit != null || commit == null || !commit.equals(builtFrom)) {
            return this;
        }
        return thisCommit("its " + file + " was built from this commit " + ReleaseContext.shorten(commit)
                + " (git.commit.id in its git.properties)");
    }
}
