package dev.gantry.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the decision needs to know of the repository's past, asked only when a stable branch needs it
 * (reading the remote and the working tree costs time that a snapshot or verify-only build should not pay).
 */
public interface ReleaseHistory {

    /** Tags starting with the prefix, local and remote merged: tag name → id of the commit it points at. */
    Map<String, String> releaseTags(String prefix) throws GantryException;

    /**
     * Whether the tags {@link #releaseTags} gave include the remote's: false only in a preview whose remote could not be
     * read (it then goes on with the local tags), where a tag missing locally may well exist.
     */
    default boolean remoteTagsRead() {
        return true;
    }

    /** Tracked files with uncommitted changes (staged or not), relative to the repository root. */
    List<String> uncommittedChanges() throws GantryException;

    /**
     * The remote's tip of the branch when its history demonstrably lacks the commit (not pushed, or the branch rewritten
     * past it), else empty: the branch holds it, or that cannot be told (no remote, no such branch there, a shallow
     * clone, a tip pushed after the clone was made).
     */
    Optional<RemoteBranchTip> remoteBranchLacks(String branch, String commit) throws GantryException;
}
