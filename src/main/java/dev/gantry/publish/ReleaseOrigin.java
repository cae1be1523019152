package dev.gantry.publish;

/**
 * Whether a release found already published was made from the commit being built, and how that is known. A release is
 * its commit, not its bytes (DESIGN.md): published files of this commit's release are kept even when today's rebuild
 * differs (a {@code git.properties} that now lists the release tag), with a warning; files of a release from another
 * commit, or from a commit Gantry cannot tell, are refused.
 *
 * @param thisCommit  whether the release is known to be this commit's
 * @param evidence    for messages: why it is known to be this commit's, or why that is not known
 * @param otherCommit the commit the release is known to be made from instead (its image's revision label), or null
 */
public record ReleaseOrigin(boolean thisCommit, String evidence, String otherCommit) {

    public static ReleaseOrigin thisCommit(String evidence) {
        return new ReleaseOrigin(true, evidence, null);
    }

    public static ReleaseOrigin notKnown(String evidence) {
        return new ReleaseOrigin(false, evidence, null);
    }

    /** The release is another commit's: the image under its version was built from {@code commit}. */
    public static ReleaseOrigin anotherCommits(String evidence, String commit) {
        return new ReleaseOrigin(false, evidence, commit);
    }
}
