package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Which modules take part in a step: maven-deploy-plugin's deployAtEnd rule, phase none turns an execution off. */
class ReleaseGateTest {

    private static final String KEY = GantryMojo.PLUGIN_KEY;

    private static MavenProject module(PluginExecution... executions) {
        Plugin gantry = new Plugin();
        gantry.setGroupId("dev.gantry");
        gantry.setArtifactId("gantry-maven-plugin");
        gantry.setExecutions(List.of(executions));
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(gantry);
        return new MavenProject(model);
    }

    @Test
    void anInheritedExecutionRunsInTheGoalsDefaultPhase() {
        MavenProject module = module(execution("gantry", null, "plan", "image", "publish", "tag"));
        assertThat(ReleaseGate.runsGoal(module, KEY, "publish")).isTrue();
        assertThat(ReleaseGate.declaresGoal(module, KEY, "publish")).isTrue();
    }

    @Test
    void anExecutionBoundToPhaseNoneIsDeclaredButDoesNotRun() {
        MavenProject module = module(execution("gantry", "none", "plan", "image", "publish", "tag"));
        assertThat(ReleaseGate.declaresGoal(module, KEY, "publish")).isTrue();
        assertThat(ReleaseGate.runsGoal(module, KEY, "publish")).isFalse();
    }

    @Test
    void anotherExecutionOfTheSameGoalStillRuns() {
        MavenProject module = module(execution("gantry", "none", "publish"), execution("late", "deploy", "publish"));
        assertThat(ReleaseGate.runsGoal(module, KEY, "publish")).isTrue();
        assertThat(ReleaseGate.runsGoal(module, KEY, "tag")).isFalse();
    }

    @Test
    void aModuleWithoutThePluginTakesNoPart() {
        MavenProject module = new MavenProject(new Model());
        assertThat(ReleaseGate.declaresGoal(module, KEY, "publish")).isFalse();
        assertThat(ReleaseGate.runsGoal(module, KEY, "publish")).isFalse();
    }
}
