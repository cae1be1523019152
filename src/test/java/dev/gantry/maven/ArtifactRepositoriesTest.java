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
}
