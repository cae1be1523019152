package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.release.GantryLog;
import java.time.Clock;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * The repository credentials Resolver gets for CodeArtifact, without AWS: what must not call AWS is given an SDK client
 * that fails the test when it is asked for.
 */
class CodeArtifactCredentialsTest {

    static final String URL = "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
    static final String SNAPSHOTS = "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/snapshots/";

    final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
    final CodeArtifactTokens tokens = new CodeArtifactTokens(Clock.systemUTC(), GantryLog.SILENT);

    static CodeartifactClient noAws() {
        throw new AssertionError("nothing may call AWS here");
    }

    ArtifactRepository repository(RemoteRepository configured) {
        CodeArtifactUrl where = CodeArtifactUrl.parse(configured.getUrl()).orElseThrow();
        return new CodeArtifactRepository(configured, new CodeArtifactApi(where, CodeArtifactCredentialsTest::noAws, null),
                tokens, 1, GantryLog.SILENT);
    }

    @Nested
    class WithoutASettingsServer {

        final RemoteRepository configured = new RemoteRepository.Builder("company", "default", URL).build();

        @Test
        void user_aws_and_a_token_without_asking_aws_before_the_password_is_needed() {
            RemoteRepository remote = repository(configured).remote();

            assertThat(remote.getAuthentication()).isInstanceOf(CodeArtifactAuthentication.class);
            assertThat(remote.getId()).isEqualTo("company");
            assertThat(remote.getUrl()).isEqualTo(URL);
            try (AuthenticationContext context = AuthenticationContext.forRepository(session, remote)) {
                assertThat(context.get(AuthenticationContext.USERNAME)).isEqualTo("aws");
            }
        }

        @Test
        void a_cache_key_that_never_fetches_the_token_and_is_the_same_for_the_domain() {
            RemoteRepository releases = repository(configured).remote();
            RemoteRepository snapshots = repository(new RemoteRepository.Builder("company", "default", SNAPSHOTS).build())
                    .remote();

            assertThat(AuthenticationDigest.forRepository(session, releases))
                    .isNotEmpty()
                    .isEqualTo(AuthenticationDigest.forRepository(session, snapshots));
            assertThat(releases.getAuthentication()).isEqualTo(snapshots.getAuthentication());
        }

        @Test
        void shows_no_password_when_printed() {
            assertThat(repository(configured).remote().getAuthentication().toString())
                    .isEqualTo("username=aws, password=<CodeArtifact token of domain acme, owner 123456789012>");
        }
    }

    @Nested
    class WithASettingsServer {

        @Test
        void its_credentials_win() {
            RemoteRepository configured = new RemoteRepository.Builder("company", "default", URL)
                    .setAuthentication(new AuthenticationBuilder().addUsername("aws").addPassword("from-settings").build())
                    .build();

            RemoteRepository remote = repository(configured).remote();

            assertThat(remote).isSameAs(configured);
            try (AuthenticationContext context = AuthenticationContext.forRepository(session, remote)) {
                assertThat(context.get(AuthenticationContext.PASSWORD)).isEqualTo("from-settings");
            }
        }
    }

    @Nested
    class OtherRepositories {

        @Test
        void are_not_codeartifact() {
            try (CodeArtifact codeArtifact = new CodeArtifact(GantryLog.SILENT, 1)) {
                assertThat(codeArtifact.repository(
                        new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build()))
                        .isEmpty();
                assertThat(codeArtifact.repository(new RemoteRepository.Builder("company", "default", URL).build()))
                        .isPresent();
            }
        }
    }
}
