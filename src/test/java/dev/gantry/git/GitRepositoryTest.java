package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.RemoteBranchTip;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.UserProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GitRepositoryTest {

    @TempDir
    Path tmp;

    private GitRepository open(Path dir) throws GantryException {
        return GitRepository.open(dir, "origin", GantryLog.SILENT);
    }

    /** The version of {@code pom} at HEAD's first parent, in a build given no user property. */
    private static Optional<String> versionAtFirstParent(GitRepository git, GitFixture repo, String pom) throws GantryException {
        return versionAtFirstParent(git, repo, pom, new Properties());
    }

    /** The same, with the build's user properties (the repository's own {@code .mvn} files read with them), Maven 3.9. */
    private static Optional<String> versionAtFirstParent(GitRepository git, GitFixture repo, String pom,
            Properties userProperties) throws GantryException {
        return git.versionAtFirstParent(repo.dir().resolve(pom), new MavenProjectConfig(repo.dir().resolve(".mvn"), false),
                userProperties);
    }


    /** A repository whose remote 'origin' nothing answers at, its URL carrying credentials that must never be shown. */
    private GitFixture withUnreachableRemote() {
        GitFixture repo = GitFixture.init(tmp.resolve("repo"));
        repo.commitPom("1.0.0");
        repo.git("remote", "add", "origin", "https://ci-user:s3cr3t-token@127.0.0.1:9/acme/service.git");
        return repo;
    }

    @Nested
    class Opening {

        @Test
        void refuses_a_directory_outside_any_git_repository() throws Exception {
            Path plain = Files.createDirectories(tmp.resolve("plain"));
            assertThatThrownBy(() -> open(plain))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("No git repository found at " + plain + " or any parent directory. Gantry decides releases from "
                            + "git (branch, commit, tags): build from a git clone, or pass -Dgantry.skip=true to build without Gantry "
                            + "(maven-deploy-plugin then deploys as usual). A parent POM that declares Gantry for the projects "
                            + "inheriting it is built the same way: released from its own git repository, or deployed with "
                            + "-Dgantry.skip=true (docs/platform-parent.md).");
        }

        @Test
        void refuses_a_repository_without_commits() {
            GitFixture repo = GitFixture.init(tmp.resolve("empty"));
            assertThatThrownBy(() -> open(repo.dir()))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The git repository at " + repo.dir() + " has no commit yet.");
        }

        @Test
        void finds_the_repository_from_a_modules_subdirectory() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("service/pom.xml", "1.0.0");
            try (GitRepository git = open(repo.dir().resolve("service"))) {
                assertThat(git.workTree()).isEqualTo(repo.dir());
            }
        }
    }

    @Nested
    class HeadAndBranch {

        @Test
        void reads_the_head_commit_and_its_committer_time() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            String head = repo.commitPom("1.1.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(git.headCommit()).isEqualTo(head).hasSize(40);
                assertThat(git.headCommitTime()).isEqualTo(Instant.ofEpochSecond(GitFixture.FIRST_COMMIT_TIME + 60));
            }
        }

        @Test
        void reads_the_checked_out_branch() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            repo.git("checkout", "-q", "-b", "feature/login");
            try (GitRepository git = open(repo.dir())) {
                assertThat(git.checkedOutBranch()).contains("feature/login");
            }
        }

        @Test
        void knows_no_branch_when_head_is_detached() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            repo.detach();
            try (GitRepository git = open(repo.dir())) {
                assertThat(git.checkedOutBranch()).isEmpty();
            }
        }
    }

    @Nested
    class VersionAtFirstParent {

        /** A POM in Latin-1 (its declaration says so): git's byte sizes must be read as bytes, not as UTF-8 text. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void reads_the_version_of_a_pom_that_is_not_utf8(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + GitFixture.pom("1.3.0")
                    .replace("<modelVersion>", "<name>M\u00fcller</name>\n  <modelVersion>");
            Files.write(repo.dir().resolve("pom.xml"), latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            repo.commit("1.3.0, in Latin-1");
            repo.commitPom("1.4.0");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).contains("1.3.0");
            }
        }

        @Test
        void reads_the_version_the_head_commit_changed() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            repo.commitPom("1.1.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).contains("1.0.0");
            }
        }

        @Test
        void reads_a_modules_pom_by_its_path_in_the_work_tree() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("service/pom.xml", "2.0.0-SNAPSHOT");
            repo.commitPom("service/pom.xml", "2.0.0");
            try (GitRepository git = open(repo.dir().resolve("service"))) {
                assertThat(versionAtFirstParent(git, repo, "service/pom.xml")).contains("2.0.0-SNAPSHOT");
            }
        }

        @Test
        void knows_none_for_the_first_commit() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).isEmpty();
            }
        }

        @Test
        void knows_none_in_a_shallow_clone_without_the_parent() throws Exception {
            GitFixture origin = GitFixture.init(tmp.resolve("origin"));
            origin.commitPom("1.0.0");
            origin.commitPom("1.1.0");
            GitFixture clone = GitFixture.cloneShallow(origin, tmp.resolve("clone"));
            try (GitRepository git = open(clone.dir())) {
                assertThat(versionAtFirstParent(git, clone, "pom.xml")).isEmpty();
            }
        }

        @Test
        void knows_none_when_the_pom_did_not_exist_at_the_parent() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("README", "hello").commit("Start");
            repo.commitPom("1.0.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).isEmpty();
            }
        }

        @Test
        void resolves_a_ci_friendly_revision() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><version>${revision}</version>"
                    + "<properties><revision>3.2.1</revision></properties></project>").commit("CI-friendly");
            repo.commitPom("3.3.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).contains("3.2.1");
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void resolves_a_revision_from_maven_config_as_it_was_at_the_parent(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><version>${revision}</version></project>")
                    .write(".mvn/maven.config", "-Drevision=1.2.0\n").commit("Release 1.2.0");
            repo.write(".mvn/maven.config", "-Drevision=1.3.0\n").commit("Release 1.3.0");
            try (GitRepository git = way.open(repo.dir())) {
                // Maven hands the file's -D lines to the build as user properties: they are this commit's, not the parent's
                assertThat(versionAtFirstParent(git, repo, "pom.xml", UserProperties.of("revision", "1.3.0"))).contains("1.2.0");
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void reads_maven_4s_properties_files_as_they_were_at_the_parent_under_maven_4(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><version>${revision}</version></project>")
                    .write(".mvn/maven.properties", "major=1\nrevision=${major}.2.0\n").commit("Release 1.2.0");
            repo.write(".mvn/maven.properties", "major=1\nrevision=${major}.3.0\n").commit("Release 1.3.0");
            Properties fromTheFiles = UserProperties.of("major", "1", "revision", "1.3.0"); // as Maven 4 hands them over: resolved
            MavenProjectConfig maven4 = new MavenProjectConfig(repo.dir().resolve(".mvn"), true);
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(git.versionAtFirstParent(repo.dir().resolve("pom.xml"), maven4, fromTheFiles)).contains("1.2.0");
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void applies_the_command_lines_properties_to_the_parent_as_the_same_pipeline_builds_it(Way way) throws Exception {
            // Maven's CI-friendly pattern: -SNAPSHOT by default, a release built with mvn deploy -Dchangelist=
            String pom = "<project><modelVersion>4.0.0</modelVersion><version>${revision}${changelist}</version><properties>"
                    + "<revision>1.4.0</revision><changelist>-SNAPSHOT</changelist></properties></project>";
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("pom.xml", pom).commit("Release 1.4.0");
            repo.write("README", "a fix").commit("An ordinary commit");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml", UserProperties.of("changelist", ""))).contains("1.4.0");
            }
        }

        @Test
        void knows_none_for_a_revision_that_neither_file_defined() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><version>${revision}</version></project>")
                    .commit("Version on the command line");
            repo.write(".mvn/maven.config", "-Drevision=1.3.0\n").commit("Version in maven.config");
            try (GitRepository git = open(repo.dir())) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void has_no_previous_version_and_warns_when_the_parent_pom_is_not_xml(Way way) throws Exception {
            // the commit being built may be the one that repairs the POM: it must build, not be refused
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            String broken = repo.write("pom.xml", "<project><version>1").commit("Broken");
            repo.commitPom("1.0.0");
            List<String> lines = new ArrayList<>();
            try (GitRepository git = way.open(repo.dir(), "origin", new RecordingLog(lines, false))) {
                assertThat(versionAtFirstParent(git, repo, "pom.xml")).isEmpty();
            }
            assertThat(lines).singleElement().asString()
                    .startsWith("WARN pom.xml at the parent commit " + broken.substring(0, 7) + " is not a readable POM (")
                    .endsWith("): there is no previous version to compare with (plan.json's previousVersion is null).");
        }
    }

    @Nested
    class ReleaseTags {

        @ParameterizedTest
        @EnumSource(Way.class)
        void peels_local_annotated_and_lightweight_tags_to_their_commits(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            String first = repo.commitPom("1.0.0");
            repo.annotatedTag("v1.0.0");
            String second = repo.commitPom("1.1.0");
            repo.tag("v1.1.0").tag("other-1");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(git.releaseTags("v")).isEqualTo(Map.of("v1.0.0", first, "v1.1.0", second));
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void finds_a_tag_that_only_the_remote_has(Way way) throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
            String released = work.commitPom("1.0.0");
            work.annotatedTag("v1.0.0").push("origin", "main", "v1.0.0");
            GitFixture clone = GitFixture.cloneWithoutTags(remote, tmp.resolve("clone"));
            assertThat(clone.git("tag", "-l")).isEmpty();
            try (GitRepository git = way.open(clone.dir())) {
                assertThat(git.releaseTags("v")).isEqualTo(Map.of("v1.0.0", released));
            }
        }

        /** A tag pointing at another tag (git tag -a v1.3.0 rc-1) is the commit under both, as ls-remote's ^{} says. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void peels_a_tag_of_a_tag_to_its_commit(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            String commit = repo.commitPom("1.3.0");
            repo.annotatedTag("rc-1");
            repo.git("tag", "-a", "v1.3.0", "-m", "Release 1.3.0", "rc-1");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(git.releaseTags("v")).isEqualTo(Map.of("v1.3.0", commit));
                assertThat(git.localTag("v1.3.0")).contains(commit);
            }
        }

        /** git writes names as they were given; one in Latin-1 (here "café") must not make the others unreadable. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void reads_the_tags_when_one_name_is_not_utf8(Way way) throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
            String released = work.commitPom("1.0.0");
            work.annotatedTag("v1.0.0");
            // Java cannot pass the byte 0xE9 alone as an argument: the shell's printf writes it
            Process latin1 = new ProcessBuilder("sh", "-c", "git tag \"$(printf 'v1.0-caf\\351')\" && git push -q origin main --tags")
                    .directory(work.dir().toFile()).redirectErrorStream(true).start();
            assertThat(latin1.waitFor()).as(new String(latin1.getInputStream().readAllBytes())).isZero();
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.releaseTags("v")).containsEntry("v1.0.0", released);
            }
            GitFixture clone = GitFixture.cloneWithoutTags(remote, tmp.resolve("clone"));
            try (GitRepository git = way.open(clone.dir())) {
                assertThat(git.releaseTags("v")).as("the remote's tags").containsEntry("v1.0.0", released);
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void reads_only_local_tags_when_the_remote_is_not_configured(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            String commit = repo.commitPom("1.0.0");
            repo.tag("v1.0.0");
            try (GitRepository git = way.open(repo.dir(), "upstream")) {
                assertThat(git.releaseTags("v")).isEqualTo(Map.of("v1.0.0", commit));
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void refuses_an_unreachable_remote_without_showing_its_credentials(Way way) throws Exception {
            try (GitRepository git = way.open(withUnreachableRemote().dir())) {
                assertThatThrownBy(() -> git.releaseTags("v"))
                        .isInstanceOf(GantryException.class)
                        .hasMessageStartingWith("Cannot list the tags of git remote 'origin': ")
                        .hasMessageNotContaining("s3cr3t-token")
                        .hasMessageNotContaining("ci-user");
            }
        }

        @Test
        void asks_the_remote_once_per_prefix() throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
            work.commitPom("1.0.0");
            work.tag("v1.0.0").push("origin", "main", "v1.0.0");
            try (GitRepository git = open(work.dir())) {
                Map<String, String> first = git.releaseTags("v");
                remote.git("tag", "v9.9.9", "main");
                assertThat(git.releaseTags("v")).isSameAs(first);
            }
        }
    }

    @Nested
    class LookingAhead {

        @ParameterizedTest
        @EnumSource(Way.class)
        void answers_with_the_remotes_tags_and_the_work_trees_changes_read_on_their_own_threads(Way way) throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
            work.write("a.txt", "a");
            String released = work.commitPom("1.0.0");
            work.annotatedTag("v1.0.0").push("origin", "main", "v1.0.0");
            GitFixture clone = GitFixture.cloneWithoutTags(remote, tmp.resolve("clone"));
            clone.write("a.txt", "changed");
            try (GitRepository git = way.open(clone.dir())) {
                git.lookAhead("v", "main", true);
                assertThat(versionAtFirstParent(git, clone, "pom.xml")).isEmpty();
                assertThat(git.releaseTags("v")).isEqualTo(Map.of("v1.0.0", released));
                assertThat(git.uncommittedChanges()).containsExactly("a.txt");
            }
        }

        @Test
        void reports_an_unreachable_remote_when_the_tags_are_asked_for_as_if_read_then() throws Exception {
            try (GitRepository git = open(withUnreachableRemote().dir())) {
                git.lookAhead("v", null, false);
                assertThatThrownBy(() -> git.releaseTags("v"))
                        .isInstanceOf(GantryException.class)
                        .hasMessageStartingWith("Cannot list the tags of git remote 'origin': ")
                        .hasMessageNotContaining("s3cr3t-token");
            }
        }
    }

    /** Whether the remote's branch holds the commit a release is made from (a local commit not pushed is refused). */
    @Nested
    class RemoteBranch {

        GitFixture remote;
        GitFixture work;

        /** A remote with main at 1.0.0, and a work clone of it. */
        void pushedOnce() {
            remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture first = GitFixture.init(tmp.resolve("first")).addRemote("origin", remote);
            first.commitPom("1.0.0");
            first.push("origin", "main");
            work = GitFixture.cloneOf(remote, tmp.resolve("work"));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void holds_a_pushed_commit(Way way) throws Exception {
            pushedOnce();
            String head = work.commitPom("1.1.0");
            work.push("origin", "main");
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.remoteBranchLacks("main", head)).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void lacks_a_local_commit_not_pushed_and_names_its_tip(Way way) throws Exception {
            pushedOnce();
            String tip = work.git("rev-parse", "HEAD").trim();
            String head = work.commitPom("1.1.0");
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.remoteBranchLacks("main", head)).contains(new RemoteBranchTip("origin", "main", tip));
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void lacks_a_commit_the_branch_was_rewritten_past(Way way) throws Exception {
            pushedOnce();
            String head = work.commitPom("1.1.0");
            work.push("origin", "main");
            work.git("reset", "-q", "--hard", "HEAD~1");
            String rewritten = work.commitPom("1.1.1");
            work.git("push", "-q", "--force", "origin", "main");
            work.git("checkout", "-q", head);
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.remoteBranchLacks("main", head)).contains(new RemoteBranchTip("origin", "main", rewritten));
            }
        }

        /** A pipeline of an older commit, queued behind a newer push that this clone fetched. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void holds_an_older_commit_of_the_branch(Way way) throws Exception {
            pushedOnce();
            String older = work.commitPom("1.1.0");
            work.commitPom("1.2.0");
            work.push("origin", "main");
            work.git("checkout", "-q", older);
            try (GitRepository git = way.open(work.dir())) {
                assertThat(git.remoteBranchLacks("main", older)).isEmpty();
            }
        }

        /** Pushed after this clone was made: its tip is not here, and nothing is claimed. */
        @Test
        void cannot_tell_when_the_tip_is_not_in_the_clone() throws Exception {
            pushedOnce();
            GitFixture other = GitFixture.cloneOf(remote, tmp.resolve("other"));
            other.commitPom("1.3.0");
            other.push("origin", "main");
            String head = work.commitPom("1.1.0");
            try (GitRepository git = open(work.dir())) {
                assertThat(git.remoteBranchLacks("main", head)).isEmpty();
            }
        }

        /** A shallow clone's history stops short: "not an ancestor" proves nothing there. */
        @ParameterizedTest
        @EnumSource(Way.class)
        void cannot_tell_in_a_shallow_clone(Way way) throws Exception {
            pushedOnce();
            work.commitPom("1.1.0");
            work.commitPom("1.2.0");
            work.push("origin", "main");
            String older = work.git("rev-parse", "HEAD~1").trim();
            GitFixture shallow = GitFixture.cloneShallow(remote, tmp.resolve("shallow"));
            shallow.git("fetch", "-q", "--depth", "1", "origin", older);
            shallow.git("checkout", "-q", older);
            try (GitRepository git = way.open(shallow.dir())) {
                assertThat(git.remoteBranchLacks("main", older)).isEmpty();
            }
        }

        @Test
        void cannot_tell_for_a_branch_the_remote_does_not_have() throws Exception {
            pushedOnce();
            String head = work.commitPom("1.1.0");
            try (GitRepository git = open(work.dir())) {
                assertThat(git.remoteBranchLacks("release", head)).isEmpty();
            }
        }

        @Test
        void is_read_with_the_release_tags_in_one_ls_remote_when_looked_ahead() throws Exception {
            pushedOnce();
            String tip = work.git("rev-parse", "HEAD").trim();
            String head = work.commitPom("1.1.0");
            List<String> lines = new ArrayList<>();
            try (GitRepository git = GitRepository.open(work.dir(), "origin", new RecordingLog(lines, true))) {
                git.lookAhead("v", "main", false);
                git.releaseTags("v");
                assertThat(git.remoteBranchLacks("main", head)).contains(new RemoteBranchTip("origin", "main", tip));
            }
            assertThat(lines).filteredOn(line -> line.startsWith("DEBUG git ls-remote exited")).hasSize(1);
        }
    }

    @Nested
    class UncommittedChanges {

        @ParameterizedTest
        @EnumSource(Way.class)
        void lists_modified_staged_and_deleted_tracked_files_but_not_untracked_ones(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("a.txt", "a").write("b.txt", "b").write("c.txt", "c");
            repo.commitPom("1.0.0");
            repo.write("a.txt", "changed");
            repo.write("b.txt", "staged").git("add", "b.txt");
            Files.delete(repo.dir().resolve("c.txt"));
            repo.write("untracked.txt", "new");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(git.uncommittedChanges()).containsExactly("a.txt", "b.txt", "c.txt");
            }
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        void finds_nothing_in_a_clean_tree(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            repo.write("target/classes/x.class", "untracked output");
            try (GitRepository git = way.open(repo.dir())) {
                assertThat(git.uncommittedChanges()).isEmpty();
            }
        }

        /**
         * An untracked file in a module's sources would be released without being in the tag's tree (trials: a class
         * and an application-local.yml, released with BUILD SUCCESS); one elsewhere in the work tree (a CI job's local
         * Maven repository) is no part of the release.
         */
        @ParameterizedTest
        @EnumSource(Way.class)
        void lists_untracked_files_in_the_shipped_directories_and_new_modules_as_a_whole(Way way) throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.write("app/src/main/java/shop/App.java", "class App {}").write("app/pom.xml", "<project/>");
            repo.commitPom("1.0.0");
            repo.write("app/src/main/java/shop/Forgotten.java", "class Forgotten {}");
            repo.write("app/src/main/resources/application-local.yml", "debug: true");
            repo.write("billing/src/main/java/shop/Billing.java", "class Billing {}").write("billing/pom.xml", "<project/>");
            repo.write(".m2/repository/org/x/x-1.jar", "a jar").write("app/src/test/java/shop/Scratch.java", "x");
            List<Path> shipped = List.of(repo.dir().resolve("app/src/main"), repo.dir().resolve("billing/src/main"));
            try (GitRepository git = way.open(repo.dir())) {
                git.lookAhead("v", null, true, shipped);
                // git lists an untracked directory once, JGit each file in it
                assertThat(git.uncommittedChanges()).containsExactlyElementsOf(way == Way.JGIT_ONLY
                        ? List.of("app/src/main/java/shop/Forgotten.java (untracked)",
                                "app/src/main/resources/application-local.yml (untracked)",
                                "billing/src/main/java/shop/Billing.java (untracked)")
                        : List.of("app/src/main/java/shop/Forgotten.java (untracked)",
                                "app/src/main/resources/ (untracked)", "billing/ (untracked)"));
            }
        }

        @Test
        void reads_renames_from_porcelain_output() {
            assertThat(GitRepository.parsePorcelain("R  new.txt\0old.txt\0 M pom.xml\0", List.of())).containsExactly("new.txt", "pom.xml");
        }
    }

    @Nested
    class RemoteUrl {

        @Test
        void is_the_web_address_without_credentials_nor_git_suffix() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            repo.git("remote", "add", "origin", "https://x-access-token:ghs_abc@github.com/acme/service.git");
            try (GitRepository git = open(repo.dir())) {
                assertThat(git.sourceUrl()).contains("https://github.com/acme/service");
            }
        }

        @Test
        void knows_none_without_a_remote() throws Exception {
            GitFixture repo = GitFixture.init(tmp.resolve("repo"));
            repo.commitPom("1.0.0");
            try (GitRepository git = open(repo.dir())) {
                assertThat(git.sourceUrl()).isEmpty();
            }
        }
    }

    /**
     * git's safe.directory check: a checkout another user made (a CI runner's, handed to a job that runs as root) is
     * refused by git itself. Root only, as only root can hand a directory to another user.
     */
    @Nested
    class OwnedByAnotherUser {

        private void handToNobody(Path dir) throws Exception {
            assumeTrue(System.getProperty("user.name").equals("root"), "only root can give a directory to another user");
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, nobody);
                }
            }
            Process status = new ProcessBuilder("git", "status").directory(dir.toFile()).start();
            assumeTrue(new String(status.getErrorStream().readAllBytes()).contains("detected dubious ownership"),
                    "this machine's git trusts every directory (safe.directory=* in its configuration)");
        }

        @Test
        void is_read_and_its_remote_asked_when_the_project_has_the_same_owner() throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture work = GitFixture.init(tmp.resolve("work")).addRemote("origin", remote);
            String released = work.commitPom("1.0.0");
            work.annotatedTag("v1.0.0");
            work.push("origin", "main", "--tags");
            // a quote in the path too: git names it between quotes, without escaping it
            GitFixture checkout = GitFixture.cloneWithoutTags(remote, tmp.resolve("o'brien"));
            handToNobody(checkout.dir());
            List<String> lines = new ArrayList<>();
            try (GitRepository git = GitRepository.open(checkout.dir(), "origin", new RecordingLog(lines, false))) {
                assertThat(git.readByGit()).as("HEAD read by the command line").isPresent();
                assertThat(git.releaseTags("v")).as("the remote's tags").containsEntry("v1.0.0", released);
            }
            Path dir = checkout.dir().toRealPath();
            assertThat(lines).containsExactly("git distrusts the repository at " + dir + " (git's safe.directory check: it "
                    + "is owned by nobody, and this build runs as root); the project Maven builds has the same owner, so "
                    + "Gantry runs its git commands there with -c safe.directory=" + dir + ". For every tool to trust it: "
                    + "git config --global --add safe.directory " + dir);
        }

        @Test
        void stays_distrusted_when_the_project_has_another_owner_and_the_refusal_says_why() throws Exception {
            GitFixture remote = GitFixture.bareRemote(tmp.resolve("remote.git"));
            GitFixture checkout = GitFixture.init(tmp.resolve("checkout")).addRemote("origin", remote);
            checkout.commitPom("service/pom.xml", "1.0.0");
            handToNobody(checkout.dir());
            Path service = checkout.dir().resolve("service");
            Files.setOwner(service, Files.getOwner(tmp)); // a stranger's repository above the project's directory
            List<String> lines = new ArrayList<>();
            try (GitRepository git = GitRepository.open(service, "origin", new RecordingLog(lines, false))) {
                Path dir = checkout.dir().toRealPath();
                assertThatThrownBy(() -> git.releaseTags("v"))
                        .isInstanceOf(GantryException.class)
                        .hasMessageContaining("git will not work in the repository at " + dir + ": it is owned by nobody, "
                                + "and the project Maven builds (" + service + ") by root, so Gantry keeps git's "
                                + "safe.directory check. If the repository is the project's, run git config --global --add "
                                + "safe.directory " + dir + " before mvn, or build as its owner.");
            }
            assertThat(lines).isEmpty();
        }
    }
}
