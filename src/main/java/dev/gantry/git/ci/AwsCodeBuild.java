package dev.gantry.git.ci;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS CodeBuild. A webhook build names the ref in {@code CODEBUILD_WEBHOOK_HEAD_REF} ({@code refs/heads/x}) and the
 * trigger in {@code CODEBUILD_WEBHOOK_TRIGGER} ({@code branch/x}, {@code tag/x} or {@code pr/N}: only the first is a
 * branch). A build started by hand or by CodePipeline has only {@code CODEBUILD_SOURCE_VERSION}, which may be a
 * branch or ref — or a commit id, a {@code pr/N} or an S3 object version, none of which is a branch.
 */
public final class AwsCodeBuild implements CiServer {

    static final String NAME = "AWS CodeBuild";
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String activeWhen() {
        return "CODEBUILD_BUILD_ID (or CODEBUILD_BUILD_ARN)";
    }

    @Override
    public boolean isActive(Map<String, String> env) {
        return CiVariables.isSet(env, "CODEBUILD_BUILD_ID") || CiVariables.isSet(env, "CODEBUILD_BUILD_ARN");
    }

    @Override
    public Optional<CiBranch> branch(Map<String, String> env) {
        return CiVariables.value(env, "CODEBUILD_WEBHOOK_HEAD_REF")
                .filter(ref -> ref.startsWith("refs/heads/"))
                .flatMap(CiVariables::branchOfRef)
                .map(name -> new CiBranch(name, "CODEBUILD_WEBHOOK_HEAD_REF", NAME))
                .or(() -> CiVariables.value(env, "CODEBUILD_WEBHOOK_TRIGGER")
                        .filter(trigger -> trigger.startsWith("branch/") && trigger.length() > "branch/".length())
                        .map(trigger -> new CiBranch(trigger.substring("branch/".length()), "CODEBUILD_WEBHOOK_TRIGGER", NAME)))
                .or(() -> CiVariables.value(env, "CODEBUILD_SOURCE_VERSION")
                        .map(AwsCodeBuild::withoutCommit)
                        .filter(AwsCodeBuild::mayBeBranch)
                        .flatMap(CiVariables::branchOfRef)
                        .map(name -> new CiBranch(name, "CODEBUILD_SOURCE_VERSION", NAME)));
    }

    /**
     * A source version of the form {@code refs/heads/main^{046e8b67…}} (AWS's "ref plus commit") without its commit: the
     * branch is the ref's.
     */
    private static String withoutCommit(String sourceVersion) {
        int commit = sourceVersion.indexOf("^{");
        return commit > 0 && sourceVersion.startsWith("refs/") && sourceVersion.endsWith("}")
                ? sourceVersion.substring(0, commit) : sourceVersion;
    }

    private static boolean mayBeBranch(String sourceVersion) {
        return !COMMIT_ID.matcher(sourceVersion).matches() && !sourceVersion.startsWith("pr/")
                && !sourceVersion.startsWith("arn:") && !sourceVersion.contains("^{");
    }

    /** {@inheritDoc} Here: a webhook build for a pull request has the trigger pr/<number>. */
    @Override
    public Optional<String> pullRequestVariable(Map<String, String> env) {
        return CiVariables.value(env, "CODEBUILD_WEBHOOK_TRIGGER").filter(t -> t.startsWith("pr/")).map(t -> "CODEBUILD_WEBHOOK_TRIGGER");
    }

    @Override
    public List<String> branchVariables() {
        return List.of("CODEBUILD_WEBHOOK_HEAD_REF", "CODEBUILD_WEBHOOK_TRIGGER", "CODEBUILD_SOURCE_VERSION");
    }
}
