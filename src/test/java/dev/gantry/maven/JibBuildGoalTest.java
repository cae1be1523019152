package dev.gantry.maven;

import static dev.gantry.maven.JibPluginConfigurationTest.jib;
import static dev.gantry.maven.JibPluginConfigurationTest.properties;
import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.Refusals;
import java.util.List;
import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Whether jib-maven-plugin's build goal would push an image in this mvn deploy beside gantry:image. */
class JibBuildGoalTest {

    private static final Properties NONE = new Properties();

    @Nested
    class Is_bound_in_the_lifecycle {

        @Test
        void when_an_execution_binds_build_to_a_phase() throws Exception {
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", "package", "build")), NONE)).isPresent();
        }

        @Test
        void not_when_declared_only_for_the_command_line_or_bound_to_none_or_building_to_a_daemon() throws Exception {
            assertThat(JibBuildGoal.boundIn(jib("<to><image>x</image></to>"), NONE)).isEmpty();
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", "none", "build")), NONE)).isEmpty();
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", "NONE", "build")), NONE)).isEmpty();
            assertThat(JibBuildGoal.boundIn(jib(null, execution("local", "package", "dockerBuild",
                    "buildTar")), NONE)).isEmpty();
        }

        /** Jib's build goal has no default phase; the site and clean lifecycles do not run in mvn deploy. */
        @Test
        void not_without_a_phase_nor_in_a_phase_mvn_deploy_does_not_run() throws Exception {
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", null, "build")), NONE)).isEmpty();
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", "site", "build")), NONE)).isEmpty();
            assertThat(JibBuildGoal.boundIn(jib(null, execution("push", "deploy", "build")), NONE)).isPresent();
        }

        @Test
        void not_when_jib_is_told_to_skip_in_its_configuration_or_by_property() throws Exception {
            assertThat(JibBuildGoal.boundIn(jib("<skip>true</skip>", execution("push", "package", "build")),
                    NONE)).isEmpty();
            MavenProject bound = jib(null, execution("push", "package", "build"));
            assertThat(JibBuildGoal.boundIn(bound, properties("jib.skip", "true"))).isEmpty();
            bound.getProperties().setProperty("jib.skip", "true");
            assertThat(JibBuildGoal.boundIn(bound, NONE)).isEmpty();
        }
    }

    @Test
    void recognises_jibs_build_goal_named_on_the_command_line() {
        assertThat(JibBuildGoal.namedOnTheCommandLine(List.of("deploy", "jib:build"))).contains("jib:build");
        assertThat(JibBuildGoal.namedOnTheCommandLine(
                List.of("deploy", "com.google.cloud.tools:jib-maven-plugin:3.5.2:build"))).isPresent();
        assertThat(JibBuildGoal.namedOnTheCommandLine(List.of("deploy", "jib:dockerBuild", "jib:buildTar",
                "gantry:image"))).isEmpty();
    }

    @Test
    void a_build_goal_named_on_the_command_line_is_skipped_by_jib_skip() throws Exception {
        assertThat(JibBuildGoal.skipped(jib(null), properties("jib.skip", "true"))).isTrue();
        assertThat(JibBuildGoal.skipped(jib(null), NONE)).isFalse();
    }

    /** mvn jib:build deploy runs Jib before any plan: the refusal cannot say nothing was pushed. */
    @Test
    void the_refusal_of_a_goal_named_before_deploy_says_jib_may_have_pushed() {
        assertThat(Refusals.imagePushedTwice("orders", "named on the command line: jib:build", true, true).getMessage())
                .contains("Jib's goal, named before deploy, ran before this check and may have pushed its image; Gantry "
                        + "built and pushed nothing. Let Gantry push the image: run mvn deploy without jib:build;")
                .doesNotContain("Nothing was built or pushed");
    }
}
