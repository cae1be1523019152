package dev.gantry.git;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the plan reads of a repository on every build, whatever the branch: the work tree, HEAD's commit, its time and
 * first parent, the checked-out branch and the remote's URL.
 *
 * @param firstParent HEAD's first parent, or null for a first commit
 * @param branch      the checked-out branch, empty when HEAD is detached
 * @param remoteUrl   the URL of the configured remote, empty when there is no such remote
 */
public record HeadFacts(Path workTree, String commit, Instant commitTime, String firstParent, Optional<String> branch,
        Optional<String> remoteUrl) {
}
