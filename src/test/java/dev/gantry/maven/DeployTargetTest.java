package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.GantryException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.DeploymentRepository;
import org.apache.maven.model.DistributionManagement;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Where maven-deploy-plugin would deploy a module: one answer for the plan's URL and the publish's repository. */
class DeployTargetTest {

    static MavenProject module(DeploymentRepository releases, DeploymentRepository snapshots) {
        Model model = new Model();
        model.setArtifactId("orders");
        model.setBuild(new Build());
        model.getBuild().setDirectory("/work/orders/target");
        if (releases != null || snapshots != null) {
            DistributionManagement dm = new DistributionManagement();
            dm.setRepository(releases);
            dm.setSnapshotRepository(snapshots);
            model.setDistributionManagement(dm);
        }
        return new MavenProject(model);
    }

    static DeploymentRepository repository(String id, String url) {
        DeploymentRepository repository = new DeploymentRepository();
        repository.setId(id);
        repository.setUrl(url);
        return repository;
    }

    static DeployTarget of(MavenProject module, boolean snapshot, String... properties) throws GantryException {
        Properties build = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            build.setProperty(properties[i], properties[i + 1]);
        }
        return DeployTarget.of(module, DeployTargetTest.module(null, null), build, snapshot);
    }

    @Test
    void distribution_management_for_the_version_a_snapshot_repository_for_a_snapshot() throws GantryException {
        MavenProject module = module(repository("releases", "https://repo.example.com/releases"),
                repository("snapshots", "https://repo.example.com/snapshots"));

        assertThat(of(module, false)).isEqualTo(new DeployTarget("releases", "https://repo.example.com/releases"));
        assertThat(of(module, true)).isEqualTo(new DeployTarget("snapshots", "https://repo.example.com/snapshots"));
        MavenProject releasesOnly = module(repository("releases", "https://repo.example.com/releases"), null);
        assertThat(of(releasesOnly, true)).isEqualTo(new DeployTarget("releases", "https://repo.example.com/releases"));
    }

    @Test
    void maven_deploy_plugins_alternative_repository_over_distribution_management() throws GantryException {
        MavenProject module = module(repository("releases", "https://repo.example.com/releases"), null);

        assertThat(of(module, false, "altDeploymentRepository", "nexus::https://nexus.example.com/maven"))
                .isEqualTo(new DeployTarget("nexus", "https://nexus.example.com/maven"));
    }

    @Test
    void the_embedded_default_without_a_repository_or_with_one_that_maven_could_not_deploy_to() throws GantryException {
        DeployTarget embedded = new DeployTarget("gantry-embedded",
                Path.of("/work/orders/target/gantry/repository").toUri().toString());

        assertThat(of(module(null, null), false)).isEqualTo(embedded);
        assertThat(of(module(repository(null, "https://repo.example.com/releases"), null), false)).isEqualTo(embedded);
        assertThat(of(module(repository("releases", " "), null), false)).isEqualTo(embedded);
    }
}
