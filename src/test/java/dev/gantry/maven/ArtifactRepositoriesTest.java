package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.aws.CodeArtifact;
import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.MavenRepository;
import dev.gantry.release.GantryLog;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArtifactRepositoriesTest {

    private static final RepositorySystem SYSTEM = new RepositorySystemSupplier().get();
    private static final String CODEARTIFACT_URL =
            "https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/releases/";

    private final ArtifactRepositories repositories =
            new ArtifactRepositories(SYSTEM, MavenRepositorySystemUtils.newSession(), GantryLog.SILENT, 1);

    @AfterEach
    void close() {
        repositories.close();
    }

    @Test
    void anyOtherRepositoryIsServedByTheGenericOneWithItsSettingsCredentials() {
        RemoteRepository nexus = new RemoteRepository.Builder("nexus", "default", "https://nexus.example.com/repository/releases/")
                .setAuthentication(new AuthenticationBuilder().addUsername("deployer").addPassword("s3cret").build())
                .build();

        ArtifactRepository chosen = repositories.repository(nexus);

        assertThat(chosen).isInstanceOf(MavenRepository.class);
        assertThat(chosen.remote()).isEqualTo(nexus);
    }

    @Test
    void theEmbeddedDirectoryRepositoryIsServedByTheGenericOne() {
        RemoteRepository embedded = new RemoteRepository.Builder(DeployTarget.EMBEDDED_ID, "default",
                "file:///tmp/project/target/gantry/repository/").build();

        assertThat(repositories.repository(embedded)).isInstanceOf(MavenRepository.class);
    }

    @Test
    void theModulesOfAReactorShareTheirRepositorysPort() {
        RemoteRepository releases = new RemoteRepository.Builder("releases", "default", "https://repo.example.com/releases/")
                .build();

        assertThat(repositories.repository(releases))
                .isSameAs(repositories.repository(new RemoteRepository.Builder(releases).build()));
    }

    @Test
    void aCodeArtifactUrlIsServedByCodeArtifact() {
        assumeTrue(CodeArtifact.recognises(CODEARTIFACT_URL), "the CodeArtifact implementation is not merged yet");
        RemoteRepository codeArtifact = new RemoteRepository.Builder("releases", "default", CODEARTIFACT_URL).build();

        ArtifactRepository chosen = repositories.repository(codeArtifact);

        assertThat(chosen).isNotInstanceOf(MavenRepository.class);
        assertThat(chosen.getClass().getPackageName()).isEqualTo("dev.gantry.aws");
        assertThat(chosen.remote().getUrl()).isEqualTo(CODEARTIFACT_URL);
    }

    /** A URL that names a CodeArtifact host in a form Gantry does not recognise: the generic port, warned of with the plan. */
    @Nested
    class ACodeArtifactLookAlike {

        static final String LOOK_ALIKE = "https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/releases/";

        @Test
        void isWarnedOfWithThePlanSayingWhatWasFoundWhatIsExpectedAndWhatHappens() {
            assertThat(ArtifactRepositories.planWarning(LOOK_ALIKE)).contains("The repository URL " + LOOK_ALIKE
                    + " names an AWS CodeArtifact host, but not in a form Gantry recognises as CodeArtifact's: "
                    + "https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/ as aws "
                    + "codeartifact get-repository-endpoint --format maven prints it, its dual-stack twin "
                    + "https://<domain>-<owner>.codeartifact.<region>.on.aws/maven/<repository>/ (--endpoint-type "
                    + "dualstack), or a VPC endpoint's https://vpce-<id>.d.codeartifact.<region>.vpce.amazonaws.com/maven/"
                    + "d/<domain>-<owner>/<repository>/. It is published to as a plain Maven repository, with the "
                    + "credentials of the settings.xml <server> of its id, and Gantry fetches no CodeArtifact token for "
                    + "it: without such a <server>, CodeArtifact answers 401. Put the URL get-repository-endpoint prints "
                    + "in <distributionManagement> (Gantry's docs/codeartifact.md).");
        }

        @Test
        void isServedByTheGenericOneWhoseUnauthorizedSaysWhichUrlToUse() {
            ArtifactRepository chosen = repositories.repository(
                    new RemoteRepository.Builder("releases", "default", LOOK_ALIKE).build());

            assertThat(chosen).isInstanceOf(MavenRepository.class);
            assertThat(chosen.whyDeployFailed("status code: 401, reason phrase: Unauthorized (401)"))
                    .startsWith("The URL names an AWS CodeArtifact host, but not in a form Gantry recognises");
        }

        @Test
        void noOtherUrlIsWarnedOf() {
            assertThat(ArtifactRepositories.planWarning(CODEARTIFACT_URL)).isEmpty();
            assertThat(ArtifactRepositories.planWarning(
                    "https://acme-111122223333.codeartifact.eu-west-1.on.aws/maven/releases/")).isEmpty();
            assertThat(ArtifactRepositories.planWarning("https://nexus.example.com/repository/releases/")).isEmpty();
            assertThat(ArtifactRepositories.planWarning("file:///tmp/project/target/gantry/repository/")).isEmpty();
        }

        @Test
        void anotherRepositorysUnauthorizedKeepsTheGenericAdvice() {
            ArtifactRepository chosen = repositories.repository(
                    new RemoteRepository.Builder("nexus", "default", "https://nexus.example.com/repository/releases/").build());

            assertThat(chosen.whyDeployFailed("status code: 401, reason phrase: Unauthorized (401)")).isNull();
        }
    }
}
