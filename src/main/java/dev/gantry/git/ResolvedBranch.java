package dev.gantry.git;

/**
 * The branch being built and where it was found.
 *
 * @param name   the branch name, such as {@code main} or {@code feature/login}
 * @param source where it came from: "-Dgantry.branch", "checked-out branch" or "GITHUB_HEAD_REF (GitHub Actions)"
 */
public record ResolvedBranch(String name, String source) {
}
