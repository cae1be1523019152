package dev.gantry.git.ci;

/**
 * A branch name read from a CI system's environment, with the variable it came from, so that the plan can
 * say where the branch was found ("GITHUB_HEAD_REF (GitHub Actions)") and a wrong guess can be traced.
 *
 * @param name     the branch name, without {@code refs/heads/} or a remote prefix
 * @param variable the environment variable it was read from
 * @param ci       the CI system's display name
 */
public record CiBranch(String name, String variable, String ci) {

    /** How the plan names the origin of the branch: the variable, then the CI system in parentheses. */
    public String source() {
        return variable + " (" + ci + ")";
    }
}
