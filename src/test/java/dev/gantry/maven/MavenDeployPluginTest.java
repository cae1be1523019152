package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class MavenDeployPluginTest {

    static PluginExecution execution(String id, String phase, String... goals) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        execution.setGoals(List.of(goals));
        return execution;
    }

    static MavenProject project(PluginExecution... executions) {
        return withPlugin("org.apache.maven.plugins", "maven-deploy-plugin", executions);
    }

    /** A module whose POM declares the plugin with these executions. */
    static MavenProject withPlugin(String groupId, String artifactId, PluginExecution... executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        plugin.setExecutions(List.of(executions));
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    @Test
    void unbindingLeavesTheDeployExecutionsInTheModelBoundToNoPhase() {
        // default-deploy as the lifecycle injects it: no explicit phase, the mojo's default (deploy) applies
        MavenProject project = project(execution("default-deploy", null, "deploy"), execution("extra", "deploy", "deploy"));
        assertThat(MavenDeployPlugin.runsIn(project)).isTrue();

        assertThat(MavenDeployPlugin.unbind(project)).isTrue();

        List<PluginExecution> executions = project.getPlugin(MavenDeployPlugin.KEY).getExecutions();
        assertThat(executions).extracting(PluginExecution::getId).containsExactly("default-deploy", "extra");
        assertThat(executions).extracting(PluginExecution::getPhase).containsOnly("none");
        assertThat(executions).allSatisfy(e -> assertThat(e.getGoals()).containsExactly("deploy"));
        assertThat(MavenDeployPlugin.runsIn(project)).isFalse();
        assertThat(project.getProperties()).doesNotContainKey(MavenDeployPlugin.SKIP_PROPERTY);
    }

    @Test
    void otherGoalsOfThePluginKeepTheirPhase() {
        MavenProject project = project(execution("files", "deploy", "deploy-file"));
        assertThat(MavenDeployPlugin.runsIn(project)).isFalse();
        assertThat(MavenDeployPlugin.unbind(project)).isFalse();
        assertThat(project.getPlugin(MavenDeployPlugin.KEY).getExecutions().get(0).getPhase()).isEqualTo("deploy");
    }

    @Test
    void aModuleWithoutThePluginHasNothingToUnbind() {
        MavenProject project = new MavenProject(new Model());
        assertThat(MavenDeployPlugin.runsIn(project)).isFalse();
        assertThat(MavenDeployPlugin.unbind(project)).isFalse();
    }
}
