package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CI system's way of telling which branch is built (git-commit-id's {@code cibuild} package has one
 * class per system in the same way). CI checkouts usually leave HEAD detached, so the branch comes from
 * variables that each system names differently; every implementation is stateless and reads only the
 * environment it is given, so that tests can pass a {@code Map.of(...)}.
 */
public interface CiServer {

    /** The display name used in messages, such as "GitHub Actions". */
    String name();

    /** Whether this environment is a build of this CI system. */
    boolean isActive(Map<String, String> env);

    /** The variable {@link #isActive} reads, as a message names it: {@code GITHUB_ACTIONS=true}. */
    String activeWhen();

    /** The branch being built, with the variable it came from; empty for tag builds or when nothing is set. */
    Optional<CiBranch> branch(Map<String, String> env);

    /**
     * The branch being built, where a variable may name it after the git remote it was fetched from: Jenkins's
     * {@code GIT_BRANCH} is {@code <remote>/<branch>}, the remote named as in the job's configuration.
     *
     * @param gitRemote the remote the build reads tags from and pushes to ({@code -Dgantry.git.remote})
     */
    default Optional<CiBranch> branch(Map<String, String> env, String gitRemote) {
        return branch(env);
    }

    /**
     * The variable showing that this is a build of a pull (or merge) request, empty for a branch build. Such a build
     * checks out a merge commit that is on no branch, so it must publish nothing.
     */
    Optional<String> pullRequestVariable(Map<String, String> env);

    /** Every variable {@link #branch} looks at, in the order it looks, for the message when none is set. */
    List<String> branchVariables();
}
