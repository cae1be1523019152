package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Model;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Which modules take part in a step: maven-deploy-plugin's deployAtEnd rule, phase none turns an execution off. */
class ReleaseGateTest {

    private static final String KEY = GantryMojo.PLUGIN_KEY;

    private static MavenProject module(PluginExecution... executions) {
        return MavenDeployPluginTest.withPlugin("dev.gantry", "gantry-maven-plugin", executions);
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
