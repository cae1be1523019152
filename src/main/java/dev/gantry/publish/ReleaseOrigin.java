package dev.gantry.publish;

import dev.gantry.release.ReleaseContext;
import java.util.Map;

/**
 * Whether a release found already published was made from the commit being built, and how that is known. A release is
 * its commit, not its bytes (DESIGN.md): published files of this commit's release are kept even when today's rebuild
 * differs (a {@code git.properties} that now lists the release tag), with a warning; files of a release from another
 * commit, or from a commit Gantry cannot tell, are refused.
 *
 * @param thisCommit  whether the release is known to be this commit's
 * @param evidence    for messages: why it is known to be this commit's, or why that is not known
 * @param otherCommit the commit the release is known to be made from instead (its image's revision label), or null
 * @param commit      the commit being built, for published jars' {@code git.properties} to tell ({@link #judgedBy}); null
 *                    when not given
 */
public record ReleaseOrigin(boolean thisCommit, String evidence, String otherCommit, String commit) {

    public static ReleaseOrigin thisCommit(String evidence) {
        return new ReleaseOrigin(true, evidence, null, null);
    }

    public static ReleaseOrigin notKnown(String evidence) {
        return new ReleaseOrigin(false, evidence, null, null);
    }

    /** Not known yet: a published jar that names {@code commit}, the one being built, would tell ({@link #judgedBy}). */
    public static ReleaseOrigin notKnown(String evidence, String commit) {
        return new ReleaseOrigin(false, evidence, null, commit);
    }

    /** The release is another commit's: the image under its version was built from {@code commit}. */
    public static ReleaseOrigin anotherCommits(String evidence, String commit) {
        return new ReleaseOrigin(false, evidence, commit, null);
    }

    /**
     * Judged again by the published jars that differ from this build's and name the commit they were built from in their
     * {@code git.properties} ({@link PublishedCommit}), each file's name to its commit: this commit's when they all name
     * the commit being built (a library's release left untagged by a failed tag push, its jars differing in
     * {@code git.build.time} alone), another commit's when one names another. Otherwise, or when the tag or the image
     * has told already, this origin as it is.
     */
    public ReleaseOrigin judgedBy(Map<String, String> commitsNamed) {
        if (thisCommit || otherCommit != null || commit == null || commitsNamed.isEmpty()) {
            return this;
        }
        for (Map.Entry<String, String> named : commitsNamed.entrySet()) {
            if (!named.getValue().equals(commit)) {
                String other = ReleaseContext.shorten(named.getValue());
                return anotherCommits(evidence + ", and its " + named.getKey() + " was built from commit " + other
                        + " (git.commit.id in its git.properties)", other);
            }
        }
        return thisCommit("its " + String.join(", ", commitsNamed.keySet()) + " "
                + (commitsNamed.size() == 1 ? "was" : "were") + " built from this commit " + ReleaseContext.shorten(commit)
                + " (git.commit.id in " + (commitsNamed.size() == 1 ? "its" : "their") + " git.properties)");
    }
}
