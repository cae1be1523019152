package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Pipelines. A pull request build names its source in {@code SYSTEM_PULLREQUEST_SOURCEBRANCH}; otherwise
 * {@code BUILD_SOURCEBRANCH} holds the full ref ({@code refs/heads/feature/x}, or {@code refs/tags/…} and
 * {@code refs/pull/…}, which are not branches). {@code BUILD_SOURCEBRANCHNAME} is never used: it holds only the
 * last path segment ({@code x} for {@code feature/x}).
 */
public final class AzurePipelines implements CiServer {

    static final String NAME = "Azure Pipelines";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "TF_BUILD=True";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isTrue(env, "TF_BUILD");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return CiVariables.refVariable(env, "SYSTEM_PULLREQUEST_SOURCEBRANCH", NAME)
                .or(() -> CiVariables.refVariable(env, "BUILD_SOURCEBRANCH", NAME));
    }

    /** {@inheritDoc} Here: pull request validation builds set SYSTEM_PULLREQUEST_PULLREQUESTID. */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.isSet(env, "SYSTEM_PULLREQUEST_PULLREQUESTID") ? Optional.of("SYSTEM_PULLREQUEST_PULLREQUESTID") : Optional.empty();
    }

    @Override
    public List<String> branchVariables() {
        return List.of("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH");
    }
}
