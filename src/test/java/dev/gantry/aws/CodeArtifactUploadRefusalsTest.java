package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.release.GantryLog;
import java.time.Clock;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.Test;

/**
 * What a person reads when CodeArtifact's Maven endpoint refuses an upload, from Resolver's failure message (which holds
 * only the status): a 403 is an IAM action missing, named; a 401 is the token. Without AWS: nothing here calls it.
 */
class CodeArtifactUploadRefusalsTest {

    static final String URL = "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
    static final String WHERE = "repository releases in domain acme (owner 123456789012, region us-east-1)";
    static final String TRANSFER = "Failed to deploy artifacts: Could not transfer %s from/to company (" + URL + "): "
            + "status code: %d, reason phrase: %s (%d)";

    static ArtifactRepository repository(RemoteRepository configured) {
        CodeArtifactUrl where = CodeArtifactUrl.parse(configured.getUrl()).orElseThrow();
        return new CodeArtifactRepository(configured, new CodeArtifactApi(where, CodeArtifactCredentialsTest::noAws,
                null), new CodeArtifactTokens(Clock.systemUTC(), GantryLog.SILENT), 1, GantryLog.SILENT);
    }

    static final ArtifactRepository RELEASES = repository(new RemoteRepository.Builder("company", "default", URL).build());

    @Test
    void a_403_for_a_file_names_publish_package_version_on_the_package() {
        String why = RELEASES.whyDeployFailed(String.format(TRANSFER, "artifact com.acme:lib:jar:1.4.0", 403, "Forbidden",
                403));

        assertThat(why).isEqualTo("CodeArtifact denied the upload to " + WHERE + " (HTTP 403): the credentials the "
                + "build runs with (the token came from GetAuthorizationToken with them) lack "
                + "codeartifact:PublishPackageVersion on "
                + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/lib. Allow "
                + "codeartifact:PublishPackageVersion and codeartifact:PutPackageMetadata on the package and "
                + "codeartifact:ReadFromRepository on the repository in the IAM policy of the role or user the build "
                + "runs as (docs/codeartifact.md lists the minimal policy), and check that no domain or repository "
                + "policy denies them.");
    }

    @Test
    void a_403_for_metadata_names_put_package_metadata() {
        String why = RELEASES.whyDeployFailed(String.format(TRANSFER, "metadata com.acme:lib/maven-metadata.xml", 403,
                "Forbidden", 403));

        assertThat(why).contains("lack codeartifact:PutPackageMetadata on "
                + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/lib (or "
                + "codeartifact:ReadFromRepository, to read maven-metadata.xml first).");
    }

    @Test
    void a_401_with_a_settings_server_says_its_token_expired() {
        ArtifactRepository releases = repository(new RemoteRepository.Builder("company", "default", URL)
                .setAuthentication(new AuthenticationBuilder().addUsername("aws").addPassword("pasted-yesterday").build())
                .build());

        assertThat(releases.whyDeployFailed(String.format(TRANSFER, "artifact com.acme:lib:jar:1.4.0", 401,
                "Unauthorized", 401))).isEqualTo("CodeArtifact refused the token in <server> company of settings.xml "
                + "for " + WHERE + " (HTTP 401): tokens last 12 hours at most. Remove that <server> to let Gantry fetch "
                + "a token with the AWS credentials, or put a fresh one there.");
    }

    @Test
    void anything_else_gets_the_generic_advice() {
        assertThat(RELEASES.whyDeployFailed(String.format(TRANSFER, "artifact com.acme:lib:jar:1.4.0", 502,
                "Bad Gateway", 502))).isNull();
    }
}
