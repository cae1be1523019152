package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab CI/CD. A merge request pipeline names its source branch in {@code CI_MERGE_REQUEST_SOURCE_BRANCH_NAME};
 * a branch pipeline in {@code CI_COMMIT_BRANCH}; {@code CI_COMMIT_REF_NAME} holds the branch or tag built, so it
 * is used only when {@code CI_COMMIT_TAG} says this is not a tag pipeline.
 */
public final class GitLabCi implements CiServer {

    static final String NAME = "GitLab CI";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "GITLAB_CI";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isSet(env, "GITLAB_CI");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        Optional<CiBranch> found = CiVariables.nameVariable(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", NAME)
                .or(() -> CiVariables.nameVariable(env, "CI_COMMIT_BRANCH", NAME));
        if (found.isPresent() || CiVariables.isSet(env, "CI_COMMIT_TAG")) {
            return found;
        }
        return CiVariables.refVariable(env, "CI_COMMIT_REF_NAME", NAME);
    }

    /** {@inheritDoc} Here: merge request pipelines set CI_MERGE_REQUEST_IID. */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "CI_MERGE_REQUEST_IID") ? Optional.of("CI_MERGE_REQUEST_IID") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME");
    }
}
