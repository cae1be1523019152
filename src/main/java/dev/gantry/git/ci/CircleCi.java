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

    @Override
    public List<String> branchVariables() {
        return List.of("CIRCLE_BRANCH");
    }
}
