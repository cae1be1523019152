package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.GantryLog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tags the tag goal writes with the git command line, read back with git. */
class CliTagTest {

    @TempDir
    Path dir;

    /** git on a CI machine with no identity at all: no global or system configuration, no GIT_* identity variables. */
    static GitCli withoutIdentity(Path dir) {
        Map<String, String> machine = new HashMap<>();
        machine.put("GIT_CONFIG_GLOBAL", "/dev/null");
        machine.put("GIT_CONFIG_NOSYSTEM", "1");
        for (String variable : new String[] {"GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_AUTHOR_NAME",
                "GIT_AUTHOR_EMAIL", "EMAIL"}) {
            machine.put(variable, null);
        }
        return GitCli.unprobed(dir, GantryLog.SILENT).withEnvironment(machine);
    }

    @Test
    void signs_as_gantry_where_git_has_no_identity_and_never_signs_or_trims_the_message() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        String head = repo.commit("First");
        repo.git("config", "tag.gpgSign", "true"); // would ask gpg for a signature: there is no key here

        CliTag.createAnnotated(withoutIdentity(dir), "v1.0.0", head, "Release 1.0.0\n\n# kept as written", dir.toString());

        String tag = repo.git("cat-file", "tag", "v1.0.0");
        assertThat(tag).contains("object " + head).contains("\ntagger Gantry <gantry@localhost> ")
                .endsWith("Release 1.0.0\n\n# kept as written").doesNotContain("BEGIN PGP");
    }

    @ParameterizedTest(name = "user.name {0}, user.email {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "Release Bot, none, Release Bot <gantry@localhost>",
            "Release Bot, bot@acme.example, Release Bot <bot@acme.example>"})
    void signs_with_the_identity_git_has_and_gantrys_for_what_it_lacks(String name, String email, String tagger)
            throws Exception {
        GitFixture repo = GitFixture.init(dir);
        String head = repo.commit("First");
        repo.git("config", "user.name", name);
        if (email != null) {
            repo.git("config", "user.email", email);
        }

        CliTag.createAnnotated(withoutIdentity(dir), "v1.0.0", head, "Release 1.0.0", dir.toString());

        assertThat(repo.git("cat-file", "tag", "v1.0.0")).contains("\ntagger " + tagger + " ");
    }

    @Test
    void moves_an_annotated_tag_as_a_lightweight_one_onto_the_commit() throws Exception {
        GitFixture repo = GitFixture.init(dir);
        repo.commit("First");
        repo.git("tag", "-a", "-m", "was annotated", "deploy/dev/current");
        String second = repo.commit("Second");

        CliTag.move(withoutIdentity(dir), "deploy/dev/current", second, dir.toString());

        assertThat(repo.git("rev-parse", "refs/tags/deploy/dev/current")).isEqualTo(second);
        assertThat(repo.git("cat-file", "-t", "refs/tags/deploy/dev/current")).isEqualTo("commit");
    }
}
