package dev.gantry.git.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known CI systems, asked in order: the first active one that names a branch wins. A system that is
 * active but names none (a tag build) lets the others be asked, which matters only on machines where two
 * systems' variables are set (a Jenkins agent inside a GitHub runner, say).
 */
public final class CiDetector {

    private static final List<CiServer> KNOWN = List.of(new GitHubActions(), new GitLabCi(), new Jenkins(), new BitbucketPipelines(),
            new AwsCodeBuild(), new AzurePipelines(), new CircleCi(), new TravisCi());

    private CiDetector() {
    }

    /** The branch named by the first active CI system that names one, a variable's remote prefix taken off. */
    public static Optional<CiBranch> branch(Map<String, String> env, String gitRemote) {
        for (CiServer server : KNOWN) {
            if (server.isActive(env)) {
                Optional<CiBranch> branch = server.branch(env, gitRemote);
                if (branch.isPresent()) {
                    return branch;
                }
            }
        }
        return Optional.empty();
    }

    /** The variable, with its CI system, showing that this is a pull request build, e.g. "CHANGE_ID (Jenkins)". */
    public static Optional<String> pullRequest(Map<String, String> env) {
        for (CiServer server : KNOWN) {
            if (server.isActive(env)) {
                Optional<String> variable = server.pullRequestVariable(env);
                if (variable.isPresent()) {
                    return Optional.of(variable.get() + " (" + server.name() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** Each system's variable that holds the tag a tag build is of, with the prefix its value starts with. */
    private static final List<Map.Entry<String, String>> TAG_VARIABLES = List.of(Map.entry("GITHUB_REF", "refs/tags/"),
            Map.entry("CI_COMMIT_TAG", ""), Map.entry("TAG_NAME", ""), Map.entry("BITBUCKET_TAG", ""),
            Map.entry("CODEBUILD_WEBHOOK_TRIGGER", "tag/"), Map.entry("BUILD_SOURCEBRANCH", "refs/tags/"),
            Map.entry("CIRCLE_TAG", ""), Map.entry("TRAVIS_TAG", ""));

    /** When this is a CI build of a tag rather than of a branch: the variable that says so, as {@code NAME=value}. */
    public static Optional<String> tagBuild(Map<String, String> env) {
        for (Map.Entry<String, String> variable : TAG_VARIABLES) {
            String value = env.get(variable.getKey());
            if (value != null && !value.isBlank() && value.startsWith(variable.getValue())
                    && value.length() > variable.getValue().length()) {
                return Optional.of(variable.getKey() + "=" + value);
            }
        }
        return Optional.empty();
    }

    /**
     * The branch a ref or a remote-tracking name names, as CI variables and {@code -Dgantry.branch=$GIT_BRANCH} hold
     * them: {@code refs/heads/main}, {@code refs/remotes/<any remote>/main} and {@code <remote>/main} for one of
     * {@code remotes} all name {@code main}; a first part that names none of them stays ({@code feature/x}). Empty for
     * another ref ({@code refs/tags/…}) or nothing left.
     */
    public static Optional<String> branchNamed(String value, String... remotes) {
        String name = value;
        if (name.startsWith("refs/remotes/")) {
            int slash = name.indexOf('/', "refs/remotes/".length());
            return slash < 0 ? Optional.empty() : Optional.of(name.substring(slash + 1)).filter(s -> !s.isEmpty());
        }
        for (String remote : remotes) {
            if (remote != null && name.startsWith(remote + "/")) {
                name = name.substring(remote.length() + 1);
                break;
            }
        }
        return CiVariables.branchOfRef(name).filter(s -> !s.isEmpty());
    }

    /** Every branch variable of every known system, in the order they are asked. */
    /**
     * The branch variables set in this environment that are not read, because the system they belong to is not active
     * here: a job that runs Maven in a container passing {@code CI_COMMIT_BRANCH} but not {@code GITLAB_CI}. Each as
     * {@code CI_COMMIT_BRANCH (of GitLab CI, read where GITLAB_CI is set)}.
     */
    public static List<String> unreadBranchVariables(Map<String, String> env) {
        List<String> unread = new ArrayList<>();
        for (CiServer server : KNOWN) {
            if (!server.isActive(env)) {
                server.branchVariables().stream().filter(variable -> CiVariables.isSet(env, variable))
                        .forEach(variable -> unread.add(variable + " (of " + server.name() + ", read where "
                                + server.activeWhen() + " is set)"));
            }
        }
        return unread;
    }

    public static List<String> branchVariables() {
        List<String> all = new ArrayList<>();
        KNOWN.forEach(s -> all.addAll(s.branchVariables()));
        return all;
    }
}
