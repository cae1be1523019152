package dev.gantry.git;

import dev.gantry.release.ReleaseContext;

/**
 * What happened to one git tag, for the log and {@code release.json}.
 *
 * @param tag    the tag name
 * @param action what was done, or would be done in a dry run
 * @param commit the full id of the commit the tag is (or would be) on
 * @param remote the remote it was pushed to or found on, or null when none is configured
 */
public record TagOutcome(String tag, Action action, String commit, String remote) {

    /** What was done with the tag. */
    public enum Action {
        /** Created on this commit and pushed. */
        CREATED,
        /** Already present locally on this commit, now pushed. */
        PUSHED,
        /** Created locally only, because no remote of that name is configured. */
        CREATED_LOCAL_ONLY,
        /** Moved to this commit (and force-pushed when there is a remote). */
        MOVED,
        /** Already on this commit wherever it should be: nothing to do. */
        ALREADY_IN_PLACE,
        /** Dry run: would be created (and pushed). */
        WOULD_CREATE,
        /** Dry run: exists locally on this commit, would be pushed. */
        WOULD_PUSH,
        /** Dry run: would be moved to this commit. */
        WOULD_MOVE,
        /** An environment tag left where a later build put it (the branch's tip, or a commit of the same time or later). */
        KEPT_ON_LATER_COMMIT,
        /** Dry run: an environment tag that would be left where a later build put it. */
        WOULD_KEEP
    }

    /**
     * The outcome as {@code release.json} names it: {@code pushed} whenever this run pushed the tag (created now or
     * found in the local clone only), so that CI reads the one fact it needs; {@code would-push} in a dry run.
     */
    public String id() {
        return switch (action) {
            case CREATED, PUSHED -> "pushed";
            case CREATED_LOCAL_ONLY -> "created-local-only";
            case MOVED -> "moved";
            case ALREADY_IN_PLACE -> "already-in-place";
            case WOULD_CREATE -> remote == null ? "would-create" : "would-push";
            case WOULD_PUSH -> "would-push";
            case WOULD_MOVE -> "would-move";
            case KEPT_ON_LATER_COMMIT -> "kept-on-later-commit";
            case WOULD_KEEP -> "would-keep";
        };
    }

    /** One sentence such as "v1.2.0 created on abc1234 and pushed to origin". */
    public String describe() {
        String at = " on " + ReleaseContext.shorten(commit);
        String to = remote == null ? "" : " to " + remote;
        return switch (action) {
            case CREATED -> tag + " created" + at + " and pushed" + to;
            case PUSHED -> tag + " already existed locally" + at + ", pushed" + to;
            case CREATED_LOCAL_ONLY -> tag + " created" + at + " locally only (no remote to push to)";
            case MOVED -> tag + " moved to " + ReleaseContext.shorten(commit)
                    + (remote == null ? " locally only (no remote to push to)" : " and force-pushed" + to);
            case ALREADY_IN_PLACE -> tag + " already in place" + at;
            case WOULD_CREATE -> "dry run: would create " + tag + at + (remote == null ? " locally" : " and push it" + to);
            case WOULD_PUSH -> "dry run: would push the existing " + tag + at + to;
            case WOULD_MOVE -> "dry run: would move " + tag + at + (remote == null ? " locally" : " and force-push it" + to);
            case KEPT_ON_LATER_COMMIT -> tag + " left where a later build put it, not moved to this commit ("
                    + ReleaseContext.shorten(commit) + ")";
            case WOULD_KEEP -> "dry run: would leave " + tag + " where a later build put it, not move it to this commit ("
                    + ReleaseContext.shorten(commit) + ")";
        };
    }
}
