package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.GantryLog;
import dev.gantry.testing.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's reading of HEAD, started before the plan (by the build extension) and taken by the plan. */
class HeadReadAheadTest {

    @TempDir
    Path dir;

    @Test
    void gives_the_plan_what_it_would_have_read_itself() throws Exception {
        GitFixture repo = released(dir.resolve("orders"));
        List<String> lines = new ArrayList<>();

        HeadReadAhead ahead = HeadReadAhead.start(repo.dir(), "origin").orElseThrow();
        try (GitRepository planned = GitRepository.open(repo.dir(), "origin", new RecordingLog(lines, true), ahead);
             GitRepository itself = GitRepository.open(repo.dir(), "origin", GantryLog.SILENT)) {
            assertThat(planned.headCommit()).isEqualTo(repo.head()).isEqualTo(itself.headCommit());
            assertThat(planned.headCommitTime()).isEqualTo(itself.headCommitTime());
            assertThat(planned.checkedOutBranch()).contains("main").isEqualTo(itself.checkedOutBranch());
            assertThat(planned.sourceUrl()).contains("https://github.com/acme/orders").isEqualTo(itself.sourceUrl());
            assertThat(planned.versionAtFirstParent(repo.dir().resolve("pom.xml"),
                    new MavenProjectConfig(repo.dir().resolve(".mvn"), false), new Properties())).contains("1.0.0");
            assertThat(planned.workTree()).isEqualTo(itself.workTree());
        }
        // the processes' lines are said in the plan's log, and the plan started none of its own
        assertThat(lines).filteredOn(line -> line.startsWith("DEBUG git ") && line.contains(" exited "))
                .hasSize(3).allMatch(line -> line.endsWith("(started when Maven had read the projects)"));
    }

    @Test
    void is_taken_once_and_only_for_the_directory_and_remote_it_was_started_for() {
        GitFixture repo = released(dir.resolve("orders"));
        HeadReadAhead ahead = HeadReadAhead.start(repo.dir(), "origin").orElseThrow();

        assertThat(ahead.take(dir.resolve("elsewhere"), "origin", GantryLog.SILENT)).isEmpty();
        assertThat(ahead.take(repo.dir(), "upstream", GantryLog.SILENT)).isEmpty();
        assertThat(ahead.take(repo.dir(), "origin", GantryLog.SILENT)).isPresent();
        assertThat(ahead.take(repo.dir(), "origin", GantryLog.SILENT)).isEmpty();
    }

    @Test
    void leaves_a_plan_of_another_remote_to_read_head_itself() throws Exception {
        GitFixture repo = released(dir.resolve("orders"));
        repo.git("remote", "add", "upstream", "https://github.com/acme/orders-upstream.git");

        HeadReadAhead ahead = HeadReadAhead.start(repo.dir(), "origin").orElseThrow();
        try (GitRepository planned = GitRepository.open(repo.dir(), "upstream", GantryLog.SILENT, ahead)) {
            assertThat(planned.sourceUrl()).contains("https://github.com/acme/orders-upstream");
            assertThat(planned.headCommit()).isEqualTo(repo.head());
        }
    }

    @Test
    void is_read_again_when_a_commit_moved_the_branch_after_the_read() throws Exception {
        // a goal bound before the plan (or named on the command line) may pull or commit: the plan must read what is built
        GitFixture repo = released(dir.resolve("orders"));
        HeadReadAhead ahead = HeadReadAhead.start(repo.dir(), "origin").orElseThrow();
        ahead.awaitRead();
        String pulled = repo.commitPom("1.2.0");
        List<String> lines = new ArrayList<>();

        try (GitRepository planned = GitRepository.open(repo.dir(), "origin", new RecordingLog(lines, true), ahead)) {
            assertThat(planned.headCommit()).isEqualTo(pulled);
            assertThat(planned.versionAtFirstParent(repo.dir().resolve("pom.xml"),
                    new MavenProjectConfig(repo.dir().resolve(".mvn"), false), new Properties())).contains("1.1.0");
        }
        assertThat(lines).anyMatch(line -> line.contains("changed since Maven read the projects: reading HEAD again"));
    }

    @Test
    void is_read_again_when_another_branch_was_checked_out_after_the_read() throws Exception {
        GitFixture repo = released(dir.resolve("orders"));
        HeadReadAhead ahead = HeadReadAhead.start(repo.dir(), "origin").orElseThrow();
        ahead.awaitRead();
        repo.git("checkout", "-q", "-b", "release/1.2");

        try (GitRepository planned = GitRepository.open(repo.dir(), "origin", GantryLog.SILENT, ahead)) {
            assertThat(planned.checkedOutBranch()).contains("release/1.2");
        }
    }

    /** A work tree on main whose HEAD raised the version from 1.0.0 to 1.1.0, its remote on GitHub. */
    private static GitFixture released(Path dir) {
        GitFixture repo = GitFixture.init(dir);
        repo.commitPom("1.0.0");
        repo.commitPom("1.1.0");
        repo.git("remote", "add", "origin", "https://github.com/acme/orders.git");
        return repo;
    }
}
