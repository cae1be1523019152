package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bitbucket Pipelines: {@code BITBUCKET_BRANCH} is set for branch and pull-request builds, not for tag builds. */
public final class BitbucketPipelines implements CiServer {

    static final String NAME = "Bitbucket Pipelines";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "BITBUCKET_BUILD_NUMBER (or BITBUCKET_COMMIT)";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isSet(env, "BITBUCKET_BUILD_NUMBER") || CiVariables.isSet(env, "BITBUCKET_COMMIT");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return CiVariables.nameVariable(env, "BITBUCKET_BRANCH", NAME);
    }

    /** {@inheritDoc} Here: pull request pipelines set BITBUCKET_PR_ID. */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "BITBUCKET_PR_ID") ? Optional.of("BITBUCKET_PR_ID") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("BITBUCKET_BRANCH");
    }
}
