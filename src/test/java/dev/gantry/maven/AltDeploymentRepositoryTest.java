package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import dev.gantry.testing.UserProperties;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Where maven-deploy-plugin's alternative repository parameters send a module, as maven-deploy-plugin 3 reads them. */
class AltDeploymentRepositoryTest {

    private static MavenProject module(String version) {
        MavenProject module = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        module.getModel().setVersion(version);
        return module;
    }

    private static Optional<AltDeploymentRepository> of(MavenProject module, Properties properties) throws GantryException {
        return AltDeploymentRepository.of(module, properties);
    }

    @Test
    void readsIdAndUrlFromTheCommandLine() throws Exception {
        assertThat(of(module("1.0.0"), UserProperties.of("altDeploymentRepository", "nexus::https://nexus.example.com/releases")))
                .contains(new AltDeploymentRepository("nexus", "https://nexus.example.com/releases"));
    }

    @Test
    void readsTheFormOfMavenDeployPlugin2WithTheDefaultLayout() throws Exception {
        assertThat(of(module("1.0.0"), UserProperties.of("altDeploymentRepository", "nexus::default::https://nexus.example.com/r")))
                .contains(new AltDeploymentRepository("nexus", "https://nexus.example.com/r"));
    }

    @Test
    void prefersTheRepositoryForTheVersionsKind() throws Exception {
        Properties properties = UserProperties.of("altDeploymentRepository", "all::https://repo.example.com/all",
                "altSnapshotDeploymentRepository", "snap::https://repo.example.com/snapshots");
        assertThat(of(module("1.1.0-SNAPSHOT"), properties)).map(AltDeploymentRepository::id).contains("snap");
        assertThat(of(module("1.1.0"), properties)).map(AltDeploymentRepository::id).contains("all");
        assertThat(AltDeploymentRepository.of(module("1.1.0"), properties, true)).map(AltDeploymentRepository::id)
                .contains("snap");
    }

    @Test
    void readsThePluginsConfigurationAndLetsTheCommandLineSetItsProperty() throws Exception {
        MavenProject configured = module("2.0.0");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom alt = new Xpp3Dom("altReleaseDeploymentRepository");
        alt.setValue("${release.repository}");
        configuration.addChild(alt);
        configured.getPlugin(MavenDeployPlugin.KEY).getExecutions().get(0).setConfiguration(configuration);

        assertThat(of(configured, new Properties())).isEmpty();
        assertThat(of(configured, UserProperties.of("release.repository", "corp::https://corp.example.com/releases")))
                .contains(new AltDeploymentRepository("corp", "https://corp.example.com/releases"));
    }

    @Test
    void hasNoneWhenNothingIsSet() throws Exception {
        assertThat(of(module("1.0.0"), new Properties())).isEmpty();
    }

    @Test
    void refusesAValueThatIsNotIdAndUrlAndNeverShowsItsCredentials() {
        assertThatThrownBy(() -> of(module("1.0.0"),
                UserProperties.of("altDeploymentRepository", "https://ci:s3cr3t@nexus.example.com/releases")))
                .isInstanceOf(GantryException.class)
                .hasMessageStartingWith("maven-deploy-plugin's altDeploymentRepository is 'https://nexus.example.com/releases',"
                        + " which is not <server id>::<url>")
                .hasMessageContaining("Set -DaltDeploymentRepository=<server id>::<url>")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void refusesTheLegacyFormWithALayoutOtherThanDefault() {
        assertThatThrownBy(() -> of(module("1.0.0"), UserProperties.of("altDeploymentRepository", "old::legacy::https://old.example.com")))
                .isInstanceOf(GantryException.class)
                .hasMessageContaining("is 'old::legacy::https://old.example.com'");
    }
}
