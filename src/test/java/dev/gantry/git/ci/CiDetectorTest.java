package dev.gantry.git.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CiDetectorTest {

    private static Optional<CiBranch> branch(Map<String, String> env) {
        return CiDetector.branch(env, "origin");
    }

    @Test
    void finds_no_branch_outside_any_ci() {
        assertThat(branch(Map.of("HOME", "/root", "BRANCH", "main"))).isEmpty();
    }

    @Test
    void ignores_branch_variables_of_a_ci_that_is_not_active() {
        assertThat(branch(Map.of("CIRCLE_BRANCH", "main"))).isEmpty();
    }

    @Nested
    class GitHubActionsBranch {

        @Test
        void takes_a_pull_requests_source_branch_from_github_head_ref() {
            assertThat(branch(Map.of("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "feature/login",
                    "GITHUB_REF", "refs/pull/12/merge", "GITHUB_REF_NAME", "12/merge")))
                    .contains(new CiBranch("feature/login", "GITHUB_HEAD_REF", "GitHub Actions"));
        }

        @Test
        void takes_a_pushed_branch_from_github_ref_name() {
            assertThat(branch(Map.of("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "", "GITHUB_REF", "refs/heads/release/1.x",
                    "GITHUB_REF_NAME", "release/1.x", "GITHUB_REF_TYPE", "branch")))
                    .contains(new CiBranch("release/1.x", "GITHUB_REF_NAME", "GitHub Actions"));
        }

        @Test
        void falls_back_to_github_ref_without_its_refs_heads_prefix() {
            assertThat(branch(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/heads/main")))
                    .contains(new CiBranch("main", "GITHUB_REF", "GitHub Actions"));
        }

        @Test
        void does_not_take_a_pushed_tag_for_a_branch() {
            assertThat(branch(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/tags/v1.0.0", "GITHUB_REF_NAME", "v1.0.0",
                    "GITHUB_REF_TYPE", "tag"))).isEmpty();
        }

        @Test
        void says_where_the_branch_came_from() {
            assertThat(branch(Map.of("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "x")).orElseThrow().source())
                    .isEqualTo("GITHUB_HEAD_REF (GitHub Actions)");
        }
    }

    @Nested
    class GitLabBranch {

        @Test
        void takes_a_merge_requests_source_branch_first() {
            assertThat(branch(Map.of("GITLAB_CI", "true", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/a",
                    "CI_COMMIT_REF_NAME", "feature/a")))
                    .contains(new CiBranch("feature/a", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "GitLab CI"));
        }

        @Test
        void takes_a_branch_pipelines_ci_commit_branch() {
            assertThat(branch(Map.of("GITLAB_CI", "true", "CI_COMMIT_BRANCH", "develop", "CI_COMMIT_REF_NAME", "develop")))
                    .contains(new CiBranch("develop", "CI_COMMIT_BRANCH", "GitLab CI"));
        }

        @Test
        void falls_back_to_ci_commit_ref_name() {
            assertThat(branch(Map.of("GITLAB_CI", "true", "CI_COMMIT_REF_NAME", "main")))
                    .contains(new CiBranch("main", "CI_COMMIT_REF_NAME", "GitLab CI"));
        }

        @Test
        void does_not_take_a_tag_pipelines_ref_name_for_a_branch() {
            assertThat(branch(Map.of("GITLAB_CI", "true", "CI_COMMIT_TAG", "v1.0.0", "CI_COMMIT_REF_NAME", "v1.0.0"))).isEmpty();
        }
    }

    @Nested
    class JenkinsBranch {

        @Test
        void takes_a_pull_requests_change_branch_first() {
            assertThat(branch(Map.of("JENKINS_URL", "https://ci/", "CHANGE_BRANCH", "feature/x", "BRANCH_NAME", "PR-7")))
                    .contains(new CiBranch("feature/x", "CHANGE_BRANCH", "Jenkins"));
        }

        @Test
        void takes_a_multibranch_pipelines_branch_name() {
            assertThat(branch(Map.of("JENKINS_URL", "https://ci/", "BRANCH_NAME", "main", "GIT_BRANCH", "origin/main")))
                    .contains(new CiBranch("main", "BRANCH_NAME", "Jenkins"));
        }

        @Test
        void does_not_take_a_tag_builds_branch_name_for_a_branch() {
            assertThat(branch(Map.of("JENKINS_URL", "https://ci/", "BRANCH_NAME", "v1.0.0", "TAG_NAME", "v1.0.0"))).isEmpty();
        }

        @Test
        void takes_the_git_plugins_local_branch() {
            assertThat(branch(Map.of("JENKINS_HOME", "/var/jenkins", "GIT_LOCAL_BRANCH", "develop", "GIT_BRANCH", "origin/develop")))
                    .contains(new CiBranch("develop", "GIT_LOCAL_BRANCH", "Jenkins"));
        }

        @Test
        void strips_the_origin_prefix_from_git_branch() {
            assertThat(branch(Map.of("JENKINS_URL", "https://ci/", "GIT_BRANCH", "origin/feature/x")))
                    .contains(new CiBranch("feature/x", "GIT_BRANCH", "Jenkins"));
        }

        @Test
        void strips_the_prefix_of_the_remote_the_build_reads() {
            assertThat(CiDetector.branch(Map.of("JENKINS_URL", "https://ci/", "GIT_BRANCH", "upstream/main"), "upstream"))
                    .contains(new CiBranch("main", "GIT_BRANCH", "Jenkins"));
        }

        @Test
        void keeps_a_first_part_that_names_no_remote() {
            assertThat(CiDetector.branch(Map.of("JENKINS_URL", "https://ci/", "GIT_BRANCH", "feature/x"), "upstream"))
                    .contains(new CiBranch("feature/x", "GIT_BRANCH", "Jenkins"));
        }

        @Test
        void strips_a_remote_tracking_ref_from_git_branch() {
            assertThat(branch(Map.of("JENKINS_URL", "https://ci/", "GIT_BRANCH", "refs/remotes/upstream/main")))
                    .contains(new CiBranch("main", "GIT_BRANCH", "Jenkins"));
        }
    }

    @Nested
    class BitbucketBranch {

        @Test
        void takes_bitbucket_branch() {
            assertThat(branch(Map.of("BITBUCKET_BUILD_NUMBER", "42", "BITBUCKET_BRANCH", "main")))
                    .contains(new CiBranch("main", "BITBUCKET_BRANCH", "Bitbucket Pipelines"));
        }

        @Test
        void finds_none_in_a_tag_build() {
            assertThat(branch(Map.of("BITBUCKET_BUILD_NUMBER", "42", "BITBUCKET_TAG", "v1.0.0"))).isEmpty();
        }
    }

    @Nested
    class AwsCodeBuildBranch {

        private static final String BUILD = "CODEBUILD_BUILD_ID";

        @Test
        void takes_a_webhooks_head_ref() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_WEBHOOK_HEAD_REF", "refs/heads/feature/x",
                    "CODEBUILD_WEBHOOK_TRIGGER", "branch/feature/x")))
                    .contains(new CiBranch("feature/x", "CODEBUILD_WEBHOOK_HEAD_REF", "AWS CodeBuild"));
        }

        @Test
        void takes_a_branch_trigger() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_WEBHOOK_TRIGGER", "branch/main")))
                    .contains(new CiBranch("main", "CODEBUILD_WEBHOOK_TRIGGER", "AWS CodeBuild"));
        }

        @Test
        void does_not_take_a_pull_request_or_tag_trigger_for_a_branch() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_WEBHOOK_TRIGGER", "pr/12", "CODEBUILD_SOURCE_VERSION", "pr/12")))
                    .isEmpty();
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_WEBHOOK_HEAD_REF", "refs/tags/v1.0.0",
                    "CODEBUILD_WEBHOOK_TRIGGER", "tag/v1.0.0"))).isEmpty();
        }

        @Test
        void takes_a_source_version_that_names_a_branch() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_SOURCE_VERSION", "refs/heads/develop")))
                    .contains(new CiBranch("develop", "CODEBUILD_SOURCE_VERSION", "AWS CodeBuild"));
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_SOURCE_VERSION", "develop")))
                    .contains(new CiBranch("develop", "CODEBUILD_SOURCE_VERSION", "AWS CodeBuild"));
        }

        /** AWS's "ref plus commit" form: refs/heads/main^{<commit>} names the branch main. */
        @Test
        void takes_the_branch_of_a_ref_given_with_its_commit() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_SOURCE_VERSION",
                    "refs/heads/main^{046e8b67481d53bdc86c3f6affdd5d1afae6d369}")))
                    .contains(new CiBranch("main", "CODEBUILD_SOURCE_VERSION", "AWS CodeBuild"));
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_SOURCE_VERSION",
                    "refs/pull/7/head^{046e8b67481d53bdc86c3f6affdd5d1afae6d369}"))).isEmpty();
        }

        @Test
        void does_not_take_a_commit_id_source_version_for_a_branch() {
            assertThat(branch(Map.of(BUILD, "p:1", "CODEBUILD_SOURCE_VERSION", "0123456789abcdef0123456789abcdef01234567")))
                    .isEmpty();
        }
    }

    @Nested
    class AzurePipelinesBranch {

        @Test
        void takes_a_pull_requests_source_branch_first() {
            assertThat(branch(Map.of("TF_BUILD", "True", "SYSTEM_PULLREQUEST_SOURCEBRANCH", "refs/heads/feature/x",
                    "BUILD_SOURCEBRANCH", "refs/pull/3/merge")))
                    .contains(new CiBranch("feature/x", "SYSTEM_PULLREQUEST_SOURCEBRANCH", "Azure Pipelines"));
        }

        @Test
        void takes_the_whole_branch_name_from_build_sourcebranch_not_its_last_segment() {
            assertThat(branch(Map.of("TF_BUILD", "True", "BUILD_SOURCEBRANCH", "refs/heads/release/2.x",
                    "BUILD_SOURCEBRANCHNAME", "2.x")))
                    .contains(new CiBranch("release/2.x", "BUILD_SOURCEBRANCH", "Azure Pipelines"));
        }

        @Test
        void does_not_take_a_tag_for_a_branch() {
            assertThat(branch(Map.of("TF_BUILD", "True", "BUILD_SOURCEBRANCH", "refs/tags/v1.0.0",
                    "BUILD_SOURCEBRANCHNAME", "v1.0.0"))).isEmpty();
        }
    }

    @Nested
    class CircleCiBranch {

        @Test
        void takes_circle_branch() {
            assertThat(branch(Map.of("CIRCLECI", "true", "CIRCLE_BRANCH", "main")))
                    .contains(new CiBranch("main", "CIRCLE_BRANCH", "CircleCI"));
        }

        @Test
        void finds_none_in_a_tag_build() {
            assertThat(branch(Map.of("CIRCLECI", "true", "CIRCLE_TAG", "v1.0.0"))).isEmpty();
        }
    }

    @Nested
    class TravisBranch {

        @Test
        void takes_a_pull_requests_source_branch_before_its_target() {
            assertThat(branch(Map.of("TRAVIS", "true", "TRAVIS_PULL_REQUEST_BRANCH", "feature/x", "TRAVIS_BRANCH", "main")))
                    .contains(new CiBranch("feature/x", "TRAVIS_PULL_REQUEST_BRANCH", "Travis CI"));
        }

        @Test
        void takes_travis_branch_in_a_push_build() {
            assertThat(branch(Map.of("TRAVIS", "true", "TRAVIS_PULL_REQUEST_BRANCH", "", "TRAVIS_BRANCH", "main")))
                    .contains(new CiBranch("main", "TRAVIS_BRANCH", "Travis CI"));
        }

        @Test
        void does_not_take_a_tag_builds_travis_branch_for_a_branch() {
            assertThat(branch(Map.of("TRAVIS", "true", "TRAVIS_BRANCH", "v1.0.0", "TRAVIS_TAG", "v1.0.0"))).isEmpty();
        }
    }
}
