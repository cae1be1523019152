package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.git.TagOutcome.Action;
import dev.gantry.release.GantryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReleaseTaggerTest {

    @TempDir
    Path tmp;

    private GitFixture remote;
    private GitFixture work;
    private String released;

    @BeforeEach
    void workWithARemote() {
        remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
        work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
        work.commitPom("1.0.0-SNAPSHOT");
        released = work.commitPom("1.0.0");
        work.push("origin", "main");
    }

    private TagOutcome tagRelease(Way way, String tag, boolean dryRun) throws GantryException {
        try (GitRepository git = way.open(work.dir())) {
            return new ReleaseTagger(git).tagRelease(tag, "Release " + tag, dryRun);
        }
    }

    private TagOutcome moveEnvironmentTag(Way way, String tag, boolean dryRun) throws GantryException {
        try (GitRepository git = way.open(work.dir())) {
            return new ReleaseTagger(git).moveEnvironmentTag(tag, "main", dryRun);
        }
    }

    @Nested
    class ReleaseTag {

        @ParameterizedTest
        @EnumSource(Way.class)
        void creates_an_annotated_tag_on_head_and_pushes_it(Way way) throws Exception {
            TagOutcome outcome = tagRelease(way, "v1.0.0", false);

            assertThat(outcome).isEqualTo(new TagOutcome("v1.0.0", Action.CREATED, released, "origin"));
            assertThat(outcome.describe()).isEqualTo("v1.0.0 created on " + released.substring(0, 7) + " and pushed to origin");
            assertThat(outcome.id()).as("what release.json says of a tag this run pushed").isEqualTo("pushed");
            assertThat(work.taggedCommit("v1.0.0")).isEqualTo(released);
            assertThat(work.tagObjectType("v1.0.0")).isEqualTo("tag");
            assertThat(remote.taggedCommit("v1.0.0")).isEqualTo(released);
            assertThat(remote.git("cat-file", "-p", "v1.0.0")).contains("Release v1.0.0");
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void finds_the_tag_in_place_when_run_again(Way way) throws Exception {
            tagRelease(way, "v1.0.0", false);

            assertThat(tagRelease(way, "v1.0.0", false).action()).isEqualTo(Action.ALREADY_IN_PLACE);
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void pushes_a_tag_that_only_the_local_clone_has(Way way) throws Exception {
            work.annotatedTag("v1.0.0");

            assertThat(tagRelease(way, "v1.0.0", false).action()).isEqualTo(Action.PUSHED);
            assertThat(remote.taggedCommit("v1.0.0")).isEqualTo(released);
        }

        @Test
        void finds_the_tag_in_place_when_only_the_remote_has_it_on_head() throws Exception {
            GitFixture clone = GitFixture.cloneWithoutTags(remote, tmp.resolve("clone"));
            work.tag("v1.0.0").push("origin", "v1.0.0");
            try (GitRepository git = Way.GIT_CLI.open(clone.dir())) {
                assertThat(new ReleaseTagger(git).tagRelease("v1.0.0", "Release", false).action()).isEqualTo(Action.ALREADY_IN_PLACE);
            }
        }

        @Test
        void pushes_without_asking_the_remote_first_when_the_plan_found_the_tag_absent() throws Exception {
            Path asked = countRemoteReads();
            try (GitRepository git = Way.GIT_CLI.open(work.dir())) {
                assertThat(new ReleaseTagger(git).tagRelease("v1.0.0", "Release", false, true).action())
                        .isEqualTo(Action.CREATED);
            }
            assertThat(remote.taggedCommit("v1.0.0")).isEqualTo(released);
            assertThat(Files.readAllLines(asked)).as("git ls-remote calls").isEmpty();

            try (GitRepository git = Way.GIT_CLI.open(work.dir())) {
                new ReleaseTagger(git).tagRelease("v1.0.1", "Release", false);
            }
            assertThat(Files.readAllLines(asked)).as("git ls-remote calls without the plan's answer").hasSize(1);
        }

        @Test
        void finds_the_tag_another_build_pushed_since_the_plan() throws Exception {
            GitFixture other = GitFixture.cloneWithoutTags(remote, tmp.resolve("other"));
            other.tag("v1.0.0").push("origin", "v1.0.0");
            try (GitRepository git = Way.GIT_CLI.open(work.dir())) {
                assertThat(new ReleaseTagger(git).tagRelease("v1.0.0", "Release", false, true).action())
                        .isEqualTo(Action.ALREADY_IN_PLACE);
            }
        }

        /** Has the work clone's git record each read of the remote (ls-remote, fetch: git-upload-pack) in a file. */
        private Path countRemoteReads() throws IOException {
            Path asked = Files.createFile(tmp.resolve("upload-pack-calls"));
            Path uploadPack = tmp.resolve("counting-upload-pack");
            Files.writeString(uploadPack, "#!/bin/sh\necho called >> '" + asked + "'\nexec git-upload-pack \"$@\"\n");
            uploadPack.toFile().setExecutable(true);
            work.git("config", "remote.origin.uploadpack", uploadPack.toString());
            return asked;
        }

        @Test
        void refuses_a_tag_that_is_on_another_commit_locally() {
            String older = work.git("rev-parse", "HEAD~1");
            work.tag("v1.0.0", older);

            assertThatThrownBy(() -> tagRelease(Way.GIT_CLI, "v1.0.0", false))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("Tag v1.0.0 already exists on commit " + older.substring(0, 7) + ", not on this commit "
                            + released.substring(0, 7) + ": the version was released from another commit. Bump the version in "
                            + "pom.xml; never move a release tag.");
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void refuses_a_tag_that_the_remote_has_on_another_commit(Way way) {
            String older = work.git("rev-parse", "HEAD~1");
            work.tag("v1.0.0", older).push("origin", "v1.0.0");
            work.git("tag", "-d", "v1.0.0");

            assertThatThrownBy(() -> tagRelease(way, "v1.0.0", false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Tag v1.0.0 already exists on commit " + older.substring(0, 7));
        }

        /** Through the git command line only: JGit pushes to a file:// remote in-process, where no hook runs. */
        @Test
        void reports_the_remotes_own_words_when_a_hook_refuses_the_tag() {
            remote.refuseTags("Tags are protected: ask the release managers");

            assertThatThrownBy(() -> tagRelease(Way.GIT_CLI, "v1.0.0", false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The remote 'origin' refused the tag v1.0.0: ")
                    .hasMessageContaining("remote: Tags are protected: ask the release managers")
                    .hasMessageContaining("pre-receive hook declined")
                    .hasMessageNotContaining(remote.dir().toString());
            assertThat(work.taggedCommit("v1.0.0")).as("no tag left in the clone that the remote lacks").isNull();
            assertThat(remote.taggedCommit("v1.0.0")).isNull();
        }

        /** A push that reaches no remote is no refusal: the advice is the connection, not a permission. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void says_a_push_that_reached_no_remote_failed_rather_than_was_refused(Way way) {
            work.git("remote", "set-url", "--push", "origin", tmp.resolve("gone.git").toString());

            assertThatThrownBy(() -> tagRelease(way, "v1.0.0", false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Pushing the tag v1.0.0 to the remote 'origin' failed: ")
                    .hasMessageContaining("Check that the CI reaches the remote and that its URL and credentials are valid "
                            + "(git push origin refs/tags/v1.0.0 shows what git says)")
                    .hasMessageNotContaining("refused");
            assertThat(remote.taggedCommit("v1.0.0")).isNull();
        }

        /** The plan read {@code released}; a goal bound before the tag committed on top of it. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void refuses_to_tag_when_head_moved_since_the_plan(Way way) throws Exception {
            String later = work.commitPom("1.0.1-SNAPSHOT");

            try (GitRepository git = way.open(work.dir())) {
                ReleaseTagger tagger = new ReleaseTagger(git, released);
                assertThatThrownBy(() -> tagger.tagRelease("v1.0.0", "Release 1.0.0", false))
                        .isInstanceOf(GantryException.class)
                        .hasMessageStartingWith("HEAD moved during the build: the release was planned and built from commit "
                                + released.substring(0, 7) + " (the image's revision label and the artifacts name it), and "
                                + "HEAD is now " + later.substring(0, 7) + ", so the tag v1.0.0 was not written.")
                        .hasMessageContaining("git tag -a v1.0.0 " + released);
                assertThatThrownBy(() -> tagger.moveEnvironmentTag("deploy/dev/current", "main", false))
                        .hasMessageContaining("so the tag deploy/dev/current was not written");
            }
            assertThat(work.taggedCommit("v1.0.0")).isNull();
            assertThat(remote.taggedCommit("v1.0.0")).isNull();
            assertThat(work.taggedCommit("deploy/dev/current")).isNull();
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void creates_and_pushes_nothing_in_a_dry_run(Way way) throws Exception {
            TagOutcome outcome = tagRelease(way, "v1.0.0", true);

            assertThat(outcome.action()).isEqualTo(Action.WOULD_CREATE);
            assertThat(outcome.describe()).isEqualTo("dry run: would create v1.0.0 on " + released.substring(0, 7)
                    + " and push it to origin");
            assertThat(work.taggedCommit("v1.0.0")).isNull();
            assertThat(remote.taggedCommit("v1.0.0")).isNull();
        }

        /** -Dgantry.git.remote given a URL with a token: no remote of that name, and the token is not printed. */
        @Test
        void names_a_remote_that_is_not_configured_without_the_credentials_it_carries() throws Exception {
            java.util.List<String> lines = new java.util.ArrayList<>();
            try (GitRepository git = Way.GIT_CLI.open(work.dir(), "https://x-access-token:ghp_s3cret@github.com/o/r.git",
                    new dev.gantry.testing.RecordingLog(lines, true))) {
                assertThat(new ReleaseTagger(git).tagRelease("v1.0.0", "Release 1.0.0", false).action())
                        .isEqualTo(Action.CREATED_LOCAL_ONLY);
            }
            assertThat(lines).anyMatch(l -> l.contains("No git remote 'https://github.com/o/r.git' is configured"))
                    .noneMatch(l -> l.contains("ghp_s3cret"));
        }

        @Test
        void creates_the_tag_locally_only_when_no_remote_is_configured() throws Exception {
            work.git("remote", "remove", "origin");

            assertThat(tagRelease(Way.GIT_CLI, "v1.0.0", false).action()).isEqualTo(Action.CREATED_LOCAL_ONLY);
            assertThat(work.taggedCommit("v1.0.0")).isEqualTo(released);
        }
    }

    @Nested
    class EnvironmentTag {

        /**
         * Another pipeline tagged a commit later than this build's; the branch's tip, after it, has no build yet.
         *
         * @return the tagged commit
         */
        String laterCommitTaggedBelowTheTip() {
            GitFixture other = anotherClone();
            other.commitPom("1.0.1-SNAPSHOT");
            other.commitPom("1.0.2-SNAPSHOT");
            String later = other.commitPom("1.0.3-SNAPSHOT"); // this fixture's clock starts again: later than released
            other.tag("deploy/dev/current").push("origin", "deploy/dev/current");
            other.commitPom("1.0.4-SNAPSHOT");
            other.push("origin", "main");
            return later;
        }

        /** Another pipeline's clone of main, whose commits and tags reach the remote before this build's tag goal. */
        GitFixture anotherClone() {
            GitFixture other = GitFixture.init(tmp.resolve("other")).addRemote("origin", remote);
            other.git("fetch", "-q", "origin", "main");
            other.git("checkout", "-q", "-b", "main", "FETCH_HEAD");
            return other;
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void moves_the_tag_to_head_and_force_pushes_it(Way way) throws Exception {
            String older = work.git("rev-parse", "HEAD~1");
            work.annotatedTag("deploy/dev/current");
            work.git("tag", "-f", "-a", "-m", "old", "deploy/dev/current", older);
            work.push("origin", "deploy/dev/current");

            TagOutcome outcome = moveEnvironmentTag(way, "deploy/dev/current", false);

            assertThat(outcome.action()).isEqualTo(Action.MOVED);
            assertThat(work.taggedCommit("deploy/dev/current")).isEqualTo(released);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(released);
        }

        /** develop's next commit, the branch's tip, was built and deployed first; this older commit's pipeline ends after it. */
        @Test
        void leaves_a_tag_that_a_later_commit_of_the_branch_holds() throws Exception {
            Way way = Way.GIT_CLI;
            GitFixture other = anotherClone();
            other.commitPom("1.0.1-SNAPSHOT");
            other.commitPom("1.0.2-SNAPSHOT");
            String later = other.commitPom("1.0.3-SNAPSHOT"); // this fixture's clock starts again: its third commit is later
            other.push("origin", "main");
            other.tag("deploy/dev/current").push("origin", "deploy/dev/current");
            java.util.List<String> lines = new java.util.ArrayList<>();

            TagOutcome outcome;
            try (GitRepository git = way.open(work.dir(), "origin", new dev.gantry.testing.RecordingLog(lines, true))) {
                outcome = new ReleaseTagger(git).moveEnvironmentTag("deploy/dev/current", "main", false);
            }

            assertThat(outcome.action()).isEqualTo(Action.KEPT_ON_LATER_COMMIT);
            assertThat(outcome.id()).isEqualTo("kept-on-later-commit");
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(later);
            assertThat(lines).anyMatch(l -> l.contains("The environment tag deploy/dev/current is on "
                    + later.substring(0, 7) + ", the tip of branch 'main', whose build finished first; this commit ("
                    + released.substring(0, 7) + ") is no longer the branch's tip."));
        }

        /**
         * main was rolled back by a reset and a force-push to this commit, older than the one the tag is on: the build of
         * the branch's tip moves the environment back with it (by commit time alone, the tag stayed on a commit the
         * branch no longer has, and every build of the tip left it there).
         */
        @Test
        void follows_the_branch_rolled_back_by_a_force_push() throws Exception {
            GitFixture other = anotherClone();
            other.commitPom("1.0.1-SNAPSHOT");
            other.commitPom("1.0.2-SNAPSHOT");
            other.commitPom("1.0.3-SNAPSHOT");
            other.push("origin", "main");
            other.tag("deploy/dev/current").push("origin", "deploy/dev/current");
            work.git("push", "-q", "-f", "origin", "HEAD:refs/heads/main");

            TagOutcome outcome = moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false);

            assertThat(outcome.action()).isEqualTo(Action.MOVED);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(released);
        }

        /**
         * No longer the tip, and the tag on a commit of the same second: which came first cannot be told from the times,
         * so the tag stays (it moved back before).
         */
        @Test
        void a_build_no_longer_the_tip_leaves_a_tag_on_a_commit_of_the_same_second() throws Exception {
            GitFixture other = anotherClone();
            other.commitPom("1.0.1-SNAPSHOT");
            String sameSecond = other.commitPom("1.0.2-SNAPSHOT"); // this fixture's clock starts again: released's time
            other.tag("deploy/dev/current").push("origin", "deploy/dev/current");
            other.commitPom("1.0.3-SNAPSHOT");
            other.push("origin", "main");
            assertThat(other.git("show", "-s", "--format=%ct", sameSecond))
                    .isEqualTo(work.git("show", "-s", "--format=%ct", released));

            TagOutcome outcome = moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false);

            assertThat(outcome.action()).isEqualTo(Action.KEPT_ON_LATER_COMMIT);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(sameSecond);
            assertThat(work.git("rev-parse", "--is-shallow-repository")).as("the fetch left the clone whole").isEqualTo("false");
        }

        /** Without the git command line, JGit reads the commit times when the clone has both commits. */
        @Test
        void without_git_a_build_no_longer_the_tip_leaves_a_tag_on_a_later_commit_the_clone_has() throws Exception {
            String later = laterCommitTaggedBelowTheTip();
            work.git("fetch", "-q", "origin", "main");

            TagOutcome outcome = moveEnvironmentTag(Way.JGIT_ONLY, "deploy/dev/current", false);

            assertThat(outcome.action()).isEqualTo(Action.KEPT_ON_LATER_COMMIT);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(later);
        }

        /**
         * Another pipeline's build moves the remote's tag between this build's look-up and its push (here: as git pushes,
         * through the pre-push hook, after git's own look-up, so the remote refuses the update as stale). The decision is
         * made again on what is there now, and the tag stays on the tip: the push failed the build before, or, before
         * the look-up's lease, took the environment back to this commit.
         */
        @Test
        void a_tag_another_build_moves_meanwhile_is_judged_again() throws Exception {
            String older = work.git("rev-parse", "HEAD~1");
            String tip = taggedOnAnOlderCommitWhileAnotherCloneMovesTheTip(older);
            Path hook = work.dir().resolve(".git/hooks/pre-push");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, """
                    #!/bin/sh
                    git --git-dir=%s update-ref refs/tags/deploy/dev/current %s
                    rm -f "$0"
                    exit 0
                    """.formatted(remote.dir(), tip));
            hook.toFile().setExecutable(true);

            TagOutcome outcome = moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false);

            assertThat(Files.exists(hook)).as("the other build's move happened").isFalse();
            assertKeptOnTheTip(outcome, tip, older);
        }

        /**
         * As above, but the other build's move lands before git push reads the remote's refs (here: as the remote's
         * receive-pack starts), after this build's look-up: git itself refuses the lease as "stale info", sends nothing,
         * and the decision is made again.
         */
        @Test
        void a_tag_another_build_moves_before_git_push_reads_the_remote_is_judged_again() throws Exception {
            String older = work.git("rev-parse", "HEAD~1");
            String tip = taggedOnAnOlderCommitWhileAnotherCloneMovesTheTip(older);
            Path moved = tmp.resolve("moved-by-the-other-build");
            Path receivePack = tmp.resolve("moving-receive-pack");
            Files.writeString(receivePack, """
                    #!/bin/sh
                    if [ ! -e '%s' ]; then
                      git --git-dir=%s update-ref refs/tags/deploy/dev/current %s && touch '%s'
                    fi
                    exec git-receive-pack "$@"
                    """.formatted(moved, remote.dir(), tip, moved));
            receivePack.toFile().setExecutable(true);
            work.git("config", "remote.origin.receivepack", receivePack.toString());

            TagOutcome outcome = moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false);

            assertThat(moved).as("the other build's move happened").exists();
            assertKeptOnTheTip(outcome, tip, older);
        }

        /** The tag pushed on {@code older}, and the branch's tip moved past it by another clone: the tip's commit. */
        private String taggedOnAnOlderCommitWhileAnotherCloneMovesTheTip(String older) throws Exception {
            work.tag("deploy/dev/current", older).push("origin", "deploy/dev/current");
            GitFixture other = anotherClone();
            String tip = other.commitPom("1.0.1-SNAPSHOT");
            other.push("origin", "main");
            return tip;
        }

        private void assertKeptOnTheTip(TagOutcome outcome, String tip, String older) throws Exception {
            assertThat(outcome.action()).isEqualTo(Action.KEPT_ON_LATER_COMMIT);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(tip);
            assertThat(work.taggedCommit("deploy/dev/current")).as("the local tag moves only with the push").isEqualTo(older);
        }

        /** A dry run compares the commit times of what the clone has, and fetches nothing. */
        @Test
        void a_dry_run_says_it_would_leave_a_tag_on_a_later_commit_the_clone_has() throws Exception {
            String later = laterCommitTaggedBelowTheTip();
            work.git("fetch", "-q", "origin", "main");

            assertThat(moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", true).id()).isEqualTo("would-keep");
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(later);
        }

        /** A dry run says what the tip tells, without fetching anything. */
        @Test
        void a_dry_run_says_it_would_leave_a_tag_on_the_tip() throws Exception {
            GitFixture other = anotherClone();
            String tip = other.commitPom("1.0.1-SNAPSHOT");
            other.push("origin", "main");
            other.tag("deploy/dev/current").push("origin", "deploy/dev/current");

            TagOutcome outcome = moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", true);

            assertThat(outcome.id()).isEqualTo("would-keep");
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(tip);
        }

        /**
         * A CI checkout of depth 1 (actions/checkout's default), no longer the tip, the tag on a later commit that is not
         * the tip either: that commit is fetched alone to read its time, and the clone stays shallow.
         */
        @Test
        void leaves_a_tag_on_a_later_commit_from_a_shallow_clone_fetching_that_commit_only() throws Exception {
            GitFixture shallow = GitFixture.init(tmp.resolve("shallow")).addRemote("origin", remote);
            shallow.git("fetch", "-q", "--depth=1", "origin", "main");
            shallow.git("checkout", "-q", "FETCH_HEAD");
            String later = laterCommitTaggedBelowTheTip();

            TagOutcome outcome;
            try (GitRepository git = Way.GIT_CLI.open(shallow.dir())) {
                outcome = new ReleaseTagger(git).moveEnvironmentTag("deploy/dev/current", "main", false);
            }

            assertThat(outcome.action()).isEqualTo(Action.KEPT_ON_LATER_COMMIT);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(later);
            assertThat(shallow.git("rev-list", "--count", later)).as("one commit fetched, not the history").isEqualTo("1");
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void creates_the_tag_where_there_was_none(Way way) throws Exception {
            assertThat(moveEnvironmentTag(way, "deploy/dev/current", false).action()).isEqualTo(Action.MOVED);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(released);
        }

        @Test
        void leaves_a_tag_already_on_head_everywhere() throws Exception {
            work.tag("deploy/dev/current").push("origin", "deploy/dev/current");

            assertThat(moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false).action()).isEqualTo(Action.ALREADY_IN_PLACE);
        }

        @Test
        void moves_nothing_in_a_dry_run() throws Exception {
            String older = work.git("rev-parse", "HEAD~1");
            work.tag("deploy/dev/current", older).push("origin", "deploy/dev/current");

            assertThat(moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", true).action()).isEqualTo(Action.WOULD_MOVE);
            assertThat(remote.taggedCommit("deploy/dev/current")).isEqualTo(older);
        }

        @Test
        void reports_a_remote_that_refuses_to_move_it() {
            remote.refuseTags("no tag moves on Fridays");

            assertThatThrownBy(() -> moveEnvironmentTag(Way.GIT_CLI, "deploy/dev/current", false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The remote 'origin' refused to move the environment tag deploy/dev/current: ")
                    .hasMessageContaining("remote: no tag moves on Fridays");
        }
    }

    /** A time-out's milliseconds are no HTTP status: 130401 ms is a connection that failed, not a refusal. */
    @Test
    void tells_a_refusal_from_a_connection_that_failed() {
        assertThat(ReleaseTagger.refusedByTheRemote(new GitCli.Result(128, "", "fatal: unable to access "
                + "'https://github.com/o/r.git/': Failed to connect to github.com port 443 after 130401 ms"))).isFalse();
        assertThat(ReleaseTagger.refusedByTheRemote(new GitCli.Result(128, "", "fatal: unable to access "
                + "'https://github.com/o/r.git/': The requested URL returned error: 403"))).isTrue();
        assertThat(ReleaseTagger.refusedByTheRemote(new GitCli.Result(1, "!\trefs/tags/v1:refs/tags/v1\t[remote rejected] "
                + "(pre-receive hook declined)", ""))).isTrue();
    }
}
