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
    public String activeWhen() {
        return "JENKINS_URL (or JENKINS_HOME, HUDSON_URL)";
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

    /** {@code GIT_BRANCH}'s branch: {@code <gitRemote>/main} or {@code origin/main} names {@code main} (git plugin's form). */
    static Optional<String> withoutRemote(String value, String gitRemote) {
        return CiDetector.branchNamed(value, gitRemote, "origin").filter(s -> !s.equals("detached"));
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
