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
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isTrue(env, "CIRCLECI");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return CiVariables.nameVariable(env, "CIRCLE_BRANCH", NAME);
    }

    /** {@inheritDoc} Here: builds of a pull request set CIRCLE_PULL_REQUEST (its URL). */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "CIRCLE_PULL_REQUEST") ? Optional.of("CIRCLE_PULL_REQUEST") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("CIRCLE_BRANCH");
    }
}
