package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BranchResolverTest {

    private static final Map<String, String> GITHUB_PR = Map.of("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "feature/x");

    @Test
    void prefers_the_override_to_everything_else() throws GantryException {
        assertThat(BranchResolver.resolve(" main ", Optional.of("develop"), GITHUB_PR, "origin"))
                .isEqualTo(new ResolvedBranch("main", "-Dgantry.branch"));
    }

    /** -Dgantry.branch=$GIT_BRANCH (Jenkins: origin/main) or a full ref names the branch, not a branch of that name. */
    @Test
    void takes_a_ref_or_a_remote_tracking_name_as_the_branch_it_names() throws GantryException {
        for (String value : List.of("refs/heads/main", "origin/main", "refs/remotes/origin/main")) {
            assertThat(BranchResolver.resolve(value, Optional.of("develop"), Map.of(), "origin").name()).as(value)
                    .isEqualTo("main");
        }
        assertThat(BranchResolver.resolve("feature/x", Optional.empty(), Map.of(), "origin").name()).isEqualTo("feature/x");
    }

    @Test
    void prefers_the_checked_out_branch_to_ci_variables() throws GantryException {
        assertThat(BranchResolver.resolve(null, Optional.of("develop"), GITHUB_PR, "origin"))
                .isEqualTo(new ResolvedBranch("develop", "checked-out branch", "GITHUB_HEAD_REF (GitHub Actions)"));
    }

    @Test
    void reads_the_ci_variables_when_head_is_detached() throws GantryException {
        assertThat(BranchResolver.resolve("", Optional.empty(), GITHUB_PR, "origin"))
                .isEqualTo(new ResolvedBranch("feature/x", "GITHUB_HEAD_REF (GitHub Actions)", "GITHUB_HEAD_REF (GitHub Actions)"));
    }

    @Test
    void a_push_build_is_no_pull_request() throws GantryException {
        assertThat(BranchResolver.resolve(null, Optional.empty(), Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF_NAME", "main"), "origin")
                .pullRequest()).isNull();
    }

    /** The tag Gantry pushed starts GitLab's tag pipeline: the refusal names the tag build, not 20 variables. */
    @Test
    void refuses_a_tag_build_naming_the_tag_and_how_to_run_on_branches_only() {
        assertThatThrownBy(() -> BranchResolver.resolve(null, Optional.empty(), Map.of("GITLAB_CI", "true",
                "CI_COMMIT_TAG", "v1.3.0", "CI_COMMIT_REF_NAME", "v1.3.0"), "origin"))
                .isInstanceOf(GantryException.class)
                .hasMessageStartingWith("This is a CI build of a tag (CI_COMMIT_TAG=v1.3.0), not of a branch, and HEAD is "
                        + "detached")
                .hasMessageContaining("Run the deploy job for branches only");
        assertThatThrownBy(() -> BranchResolver.resolve(null, Optional.empty(), Map.of("GITHUB_ACTIONS", "true",
                "GITHUB_REF", "refs/tags/v1.0.0"), "origin"))
                .hasMessageStartingWith("This is a CI build of a tag (GITHUB_REF=refs/tags/v1.0.0)");
    }

    @Test
    void refuses_when_nothing_names_a_branch_and_lists_what_it_tried() {
        assertThatThrownBy(() -> BranchResolver.resolve(null, Optional.empty(), Map.of("GITHUB_ACTIONS", "true"), "origin"))
                .isInstanceOf(GantryException.class)
                .hasMessage("Cannot tell which branch is being built: HEAD is detached and no CI branch variable is set "
                        + "(tried HEAD, GITHUB_HEAD_REF, GITHUB_REF_NAME, GITHUB_REF, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME, "
                        + "CI_COMMIT_BRANCH, CI_COMMIT_REF_NAME, CHANGE_BRANCH, BRANCH_NAME, GIT_LOCAL_BRANCH, GIT_BRANCH, "
                        + "BITBUCKET_BRANCH, CODEBUILD_WEBHOOK_HEAD_REF, CODEBUILD_WEBHOOK_TRIGGER, CODEBUILD_SOURCE_VERSION, "
                        + "SYSTEM_PULLREQUEST_SOURCEBRANCH, BUILD_SOURCEBRANCH, CIRCLE_BRANCH, TRAVIS_PULL_REQUEST_BRANCH, "
                        + "TRAVIS_BRANCH). Check out the branch (git checkout <branch>), or pass -Dgantry.branch=<branch>.");
    }

    @Test
    void names_the_branch_variables_set_whose_ci_system_is_not_and_what_reads_them() {
        // a GitLab job running Maven in a container that was passed CI_COMMIT_BRANCH, not GITLAB_CI
        assertThatThrownBy(() -> BranchResolver.resolve(null, Optional.empty(), Map.of("CI_COMMIT_BRANCH", "main",
                "GITHUB_HEAD_REF", "feature/x"), "origin"))
                .isInstanceOf(GantryException.class)
                .hasMessage("Cannot tell which branch is being built: HEAD is detached, and the CI branch variables set "
                        + "here are not read, since their CI system's own variable is not: GITHUB_HEAD_REF (of GitHub "
                        + "Actions, read where GITHUB_ACTIONS=true is set); CI_COMMIT_BRANCH (of GitLab CI, read where "
                        + "GITLAB_CI is set). Pass that variable into the build's environment too (a container or a "
                        + "script that runs Maven may leave it out), check out the branch (git checkout <branch>), or "
                        + "pass -Dgantry.branch=<branch>.");
    }
}
