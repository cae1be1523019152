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

    /** Every branch variable of every known system, in the order they are asked. */
    public static List<String> branchVariables() {
        List<String> all = new ArrayList<>();
        KNOWN.forEach(s -> all.addAll(s.branchVariables()));
        return all;
    }
}
