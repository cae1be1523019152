package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jenkins. Multibranch pipelines set {@code CHANGE_BRANCH} (a pull request's source) and {@code BRANCH_NAME}
 * (which holds the tag name in a tag build, when {@code TAG_NAME} is set too); the git plugin sets
 * {@code GIT_LOCAL_BRANCH} and {@code GIT_BRANCH}, the latter with the remote's name as a prefix ({@code origin/main},
 * or {@code upstream/main} when the job names its remote {@code upstream}), which is taken off here.
 */
public final class Jenkins implements CiServer {

    static final String NAME = "Jenkins";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isSet(env, "JENKINS_URL") || CiVariables.isSet(env, "JENKINS_HOME") || CiVariables.isSet(env, "HUDSON_URL");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return branch(env, "origin");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env, String gitRemote) {
        Optional<CiBranch> change = CiVariables.nameVariable(env, "CHANGE_BRANCH", NAME);
        if (change.isPresent()) {
            return change;
        }
        Optional<String> tag = CiVariables.value(env, "TAG_NAME");
        Optional<CiBranch> branchName = CiVariables.refVariable(env, "BRANCH_NAME", NAME)
                .filter(b -> tag.map(t -> !t.equals(b.name())).orElse(true));
        return branchName
                .or(() -> CiVariables.refVariable(env, "GIT_LOCAL_BRANCH", NAME))
                .or(() -> CiVariables.value(env, "GIT_BRANCH").flatMap(value -> withoutRemote(value, gitRemote))
                        .map(name -> new CiBranch(name, "GIT_BRANCH", NAME)));
    }

    /**
     * {@code origin/main}, {@code <gitRemote>/main}, {@code refs/remotes/<any remote>/main} and {@code refs/heads/main}
     * all name {@code main}. Only the remote's own name is taken off a short name: {@code feature/x} stays a branch.
     */
    static Optional<String> withoutRemote(String value, String gitRemote) {
        String name = value;
        if (name.startsWith("refs/remotes/")) {
            int slash = name.indexOf('/', "refs/remotes/".length());
            return slash < 0 ? Optional.empty() : Optional.of(name.substring(slash + 1)).filter(s -> !s.isEmpty());
        }
        for (String remote : new String[] {gitRemote, "origin"}) {
            if (remote != null && name.startsWith(remote + "/")) {
                name = name.substring(remote.length() + 1);
                break;
            }
        }
        return CiVariables.branchOfRef(name).filter(s -> !s.isEmpty() && !s.equals("detached"));
    }

    /** {@inheritDoc} Here: multibranch pipelines set CHANGE_ID for change requests (pull requests). */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "CHANGE_ID") ? Optional.of("CHANGE_ID") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("CHANGE_BRANCH", "BRANCH_NAME", "GIT_LOCAL_BRANCH", "GIT_BRANCH");
    }
}
