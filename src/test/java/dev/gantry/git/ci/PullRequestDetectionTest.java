package dev.gantry.git.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A pull (merge) request build checks out a merge commit that is on no branch: each CI says so its own way. */
class PullRequestDetectionTest {

    static Optional<String> pullRequest(String... keysAndValues) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return CiDetector.pullRequest(env);
    }

    @Nested
    class GitHub {
        @Test
        void aPullRequestEventSetsTheHeadRef() {
            assertThat(pullRequest("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "feature/x", "GITHUB_REF", "refs/pull/7/merge"))
                    .contains("GITHUB_HEAD_REF (GitHub Actions)");
        }

        @Test
        void aPushDoesNot() {
            assertThat(pullRequest("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "", "GITHUB_REF_NAME", "main")).isEmpty();
        }
    }

    @Nested
    class OtherCis {
        @Test
        void gitLabMergeRequestPipelines() {
            assertThat(pullRequest("GITLAB_CI", "true", "CI_MERGE_REQUEST_IID", "12")).contains("CI_MERGE_REQUEST_IID (GitLab CI)");
            assertThat(pullRequest("GITLAB_CI", "true", "CI_COMMIT_BRANCH", "main")).isEmpty();
        }

        @Test
        void jenkinsChangeRequests() {
            assertThat(pullRequest("JENKINS_URL", "http://ci/", "CHANGE_ID", "12", "BRANCH_NAME", "PR-12"))
                    .contains("CHANGE_ID (Jenkins)");
        }

        @Test
        void bitbucketPullRequestPipelines() {
            assertThat(pullRequest("BITBUCKET_BUILD_NUMBER", "3", "BITBUCKET_PR_ID", "9")).contains("BITBUCKET_PR_ID (Bitbucket Pipelines)");
        }

        @Test
        void codeBuildPullRequestWebhooks() {
            assertThat(pullRequest("CODEBUILD_BUILD_ID", "b:1", "CODEBUILD_WEBHOOK_TRIGGER", "pr/42"))
                    .contains("CODEBUILD_WEBHOOK_TRIGGER (AWS CodeBuild)");
            assertThat(pullRequest("CODEBUILD_BUILD_ID", "b:1", "CODEBUILD_WEBHOOK_TRIGGER", "branch/main")).isEmpty();
        }

        @Test
        void azurePullRequestValidation() {
            assertThat(pullRequest("TF_BUILD", "True", "SYSTEM_PULLREQUEST_PULLREQUESTID", "17"))
                    .contains("SYSTEM_PULLREQUEST_PULLREQUESTID (Azure Pipelines)");
        }

        @Test
        void circleCiPullRequestsFromForks() {
            assertThat(pullRequest("CIRCLECI", "true", "CIRCLE_BRANCH", "pull/3", "CIRCLE_PR_NUMBER", "3",
                    "CIRCLE_PULL_REQUEST", "https://github.com/o/r/pull/3")).contains("CIRCLE_PR_NUMBER (CircleCI)");
        }

        /** CircleCI builds the branch's own commit: a push to develop while a pull request of develop is open. */
        @Test
        void circleCiBranchBuildsWithAPullRequestOpen() {
            assertThat(pullRequest("CIRCLECI", "true", "CIRCLE_BRANCH", "develop",
                    "CIRCLE_PULL_REQUEST", "https://github.com/o/r/pull/7")).isEmpty();
        }

        @Test
        void travisSaysFalseForPushes() {
            assertThat(pullRequest("TRAVIS", "true", "TRAVIS_PULL_REQUEST", "false")).isEmpty();
            assertThat(pullRequest("TRAVIS", "true", "TRAVIS_PULL_REQUEST", "5")).contains("TRAVIS_PULL_REQUEST (Travis CI)");
        }
    }
}
