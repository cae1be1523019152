package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.GantryLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD's commit and the POM at its first parent, read by one {@code git cat-file --batch} and told apart. */
class CliHeadTest {

    @TempDir
    Path dir;

    @Test
    void tells_the_commit_from_the_pom_by_their_sizes_in_bytes_whatever_the_text() throws Exception {
        // sizes are bytes; the text is not ASCII: a split by characters would cut the POM short
        GitFixture repo = GitFixture.init(dir);
        String pom = GitFixture.pom("1.0.0").replace("<modelVersion>", "<!-- Zürich, Σ, 発注 -->\n  <modelVersion>");
        repo.write("pom.xml", pom).commit("Première version — naïve");
        repo.write("pom.xml", GitFixture.pom("1.1.0")).commit("Deuxième version, ünïcödé");

        GitCli git = GitCli.unprobed(dir, GantryLog.SILENT);
        GitCli.Result batch = git.batch(GitRepository.LOCAL_TIMEOUT, "HEAD\nHEAD^:./pom.xml\n");
        List<String> answers = CliHead.answers(batch.stdout());

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).startsWith(repo.git("rev-parse", "HEAD") + " commit ").endsWith("Deuxième version, ünïcödé\n\n");
        assertThat(CliHead.blob(new GitCli.Result(0, answers.get(1), ""))).contains(pom);
    }

    @Test
    void answers_missing_for_a_pom_the_first_parent_does_not_have() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        repo.write("README.md", "first").commit("First");
        repo.write("pom.xml", GitFixture.pom("1.0.0")).commit("Second");

        GitCli git = GitCli.unprobed(dir, GantryLog.SILENT);
        List<String> answers = CliHead.answers(git.batch(GitRepository.LOCAL_TIMEOUT, "HEAD\nHEAD^:./pom.xml\n").stdout());

        assertThat(answers).hasSize(2);
        assertThat(answers.get(1)).isEqualTo("HEAD^:./pom.xml missing\n");
        assertThat(CliHead.blob(new GitCli.Result(0, answers.get(1), ""))).isEmpty();
    }

    @Test
    void takes_a_directory_that_is_gone_for_no_repository_not_for_a_machine_without_git() {
        // git is on this machine's PATH: JGit alone from then on, for every build of the JVM, would be wrong
        assertThat(GitCli.mayBeOnPath()).isTrue();

        assertThat(CliHead.read(GitCli.unprobed(dir.resolve("gone"), GantryLog.SILENT), "origin", GantryLog.SILENT)).isEmpty();

        assertThat(GitCli.mayBeOnPath()).isTrue();
    }

    @Test
    void reads_several_files_of_the_first_parent_in_one_process_each_in_its_place() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        repo.write(".mvn/maven.properties", "revision=1.2.0\n").write(".mvn/maven.config", "-Dchangelist=\n")
                .commit("First");
        repo.write(".mvn/maven.properties", "revision=1.3.0\n").commit("Second");

        List<Optional<String>> read = CliHead.blobs(GitCli.unprobed(dir, GantryLog.SILENT), List.of(
                "HEAD^:.mvn/maven-user.properties", "HEAD^:.mvn/maven.properties", "HEAD^:.mvn/maven.config"));

        assertThat(read).containsExactly(Optional.empty(), Optional.of("revision=1.2.0\n"),
                Optional.of("-Dchangelist=\n"));
    }

    @Test
    void gives_up_on_output_that_does_not_add_up() {
        assertThat(CliHead.answers("abc commit 500\ntree x\n\nshort\nHEAD^:./pom.xml missing\n")).isEmpty();
    }
}
