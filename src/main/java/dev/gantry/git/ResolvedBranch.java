package dev.gantry.git;

/**
 * The branch being built and where it was found.
 *
 * @param name        the branch name, such as {@code main} or {@code feature/login}
 * @param source      where it came from: "-Dgantry.branch", "checked-out branch" or "GITHUB_HEAD_REF (GitHub Actions)"
 * @param pullRequest the CI variable showing this is a pull request build, e.g. "CHANGE_ID (Jenkins)"; null for a
 *                    branch build, and always null when {@code -Dgantry.branch} decides
 */
public record ResolvedBranch(String name, String source, String pullRequest) {

    public ResolvedBranch(String name, String source) {
        this(name, source, null);
    }
}
