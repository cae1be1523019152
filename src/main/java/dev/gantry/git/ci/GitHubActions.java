package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions. A pull request builds a merge commit under {@code refs/pull/N/merge}, so its source branch comes
 * from {@code GITHUB_HEAD_REF}; a push names the branch in {@code GITHUB_REF_NAME} (since 2021) and
 * {@code GITHUB_REF} ({@code refs/heads/x}). A tag push names the tag there, which is not a branch.
 */
public final class GitHubActions implements CiServer {

    static final String NAME = "GitHub Actions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "GITHUB_ACTIONS=true";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isTrue(env, "GITHUB_ACTIONS");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        Optional<CiBranch> pullRequest = CiVariables.nameVariable(env, "GITHUB_HEAD_REF", NAME);
        if (pullRequest.isPresent()) {
            return pullRequest;
        }
        Optional<String> ref = CiVariables.value(env, "GITHUB_REF");
        boolean refIsBranch = ref.map(r -> r.startsWith("refs/heads/")).orElse(true);
        boolean tag = CiVariables.value(env, "GITHUB_REF_TYPE").map("tag"::equals).orElse(false);
        if (refIsBranch && !tag) {
            Optional<CiBranch> refName = CiVariables.nameVariable(env, "GITHUB_REF_NAME", NAME);
            if (refName.isPresent()) {
                return refName;
            }
        }
        return CiVariables.refVariable(env, "GITHUB_REF", NAME);
    }

    /** {@inheritDoc} Here: GITHUB_HEAD_REF is set only for pull_request events. */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "GITHUB_HEAD_REF") ? Optional.of("GITHUB_HEAD_REF") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "GITHUB_REF");
    }
}
