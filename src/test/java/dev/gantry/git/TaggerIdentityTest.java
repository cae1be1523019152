package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

class TaggerIdentityTest {

    @Test
    void signs_with_the_configured_git_identity() throws ConfigInvalidException {
        Config config = new Config();
        config.fromText("[user]\n\tname = Release Bot\n\temail = bot@acme.example\n");
        PersonIdent tagger = TaggerIdentity.from(config);
        assertThat(tagger.getName()).isEqualTo("Release Bot");
        assertThat(tagger.getEmailAddress()).isEqualTo("bot@acme.example");
    }

    @Test
    void signs_as_gantry_on_a_machine_without_git_identity() {
        PersonIdent tagger = TaggerIdentity.from(new Config());
        if (System.getenv("GIT_COMMITTER_NAME") == null) {
            assertThat(tagger.getName()).isEqualTo("Gantry");
        }
        if (System.getenv("GIT_COMMITTER_EMAIL") == null) {
            assertThat(tagger.getEmailAddress()).isEqualTo("gantry@localhost");
        }
    }
}
