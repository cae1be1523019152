package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CircleCI: {@code CIRCLE_BRANCH} is set for branch builds, and unset for tag builds. */
public final class CircleCi implements CiServer {

    static final String NAME = "CircleCI";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "CIRCLECI=true";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isTrue(env, "CIRCLECI");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return CiVariables.nameVariable(env, "CIRCLE_BRANCH", NAME);
    }

    /**
     * {@inheritDoc} Here: only a build of a pull request from a fork, which sets CIRCLE_PR_NUMBER. CircleCI builds the
     * branch's own commit, never a merge commit, and sets CIRCLE_PULL_REQUEST on a push to any branch that has a pull
     * request open ("the URL of the associated pull request"): a push to develop with a develop → main pull request
     * open is develop's build, and publishes as such.
     */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "CIRCLE_PR_NUMBER") ? Optional.of("CIRCLE_PR_NUMBER") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("CIRCLE_BRANCH");
    }
}
