package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Travis CI. In a pull request build {@code TRAVIS_BRANCH} is the target branch, so the source comes from
 * {@code TRAVIS_PULL_REQUEST_BRANCH} first; in a tag build {@code TRAVIS_BRANCH} holds the tag
 * ({@code TRAVIS_TAG}), which is not a branch.
 */
public final class TravisCi implements CiServer {

    static final String NAME = "Travis CI";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "TRAVIS=true";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isTrue(env, "TRAVIS");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        Optional<CiBranch> pullRequest = CiVariables.nameVariable(env, "TRAVIS_PULL_REQUEST_BRANCH", NAME);
        if (pullRequest.isPresent() || CiVariables.isSet(env, "TRAVIS_TAG")) {
            return pullRequest;
        }
        return CiVariables.nameVariable(env, "TRAVIS_BRANCH", NAME);
    }

    /** {@inheritDoc} Here: TRAVIS_PULL_REQUEST is the pull request number, or "false". */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.value(env, "TRAVIS_PULL_REQUEST").filter(v -> !v.equals("false")).map(v -> "TRAVIS_PULL_REQUEST");
    }

    @Override
    public List<String> branchVariables() {
        return List.of("TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH");
    }
}
