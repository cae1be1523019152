package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.GantryException;
import dev.gantry.release.Plan;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseKind;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which modules take part in a step, decided once when the plan is made: maven-deploy-plugin's deployAtEnd rule (phase
 * none turns an execution off), and Maven's own execution plan for any other phase the POM names.
 */
class ReleaseGateTest {

    private static final String KEY = GantryMojo.PLUGIN_KEY;
    private static final List<String> ALL_STEPS = List.of("image", "publish", "tag");

    /** Maven's answer for a module whose phases need no asking: asking it is the mistake these tests catch. */
    private static final ModuleSteps.MavenPlan NOT_ASKED = module -> {
        throw new AssertionError("Maven was asked about " + module.getArtifactId());
    };

    private static MavenProject module(PluginExecution... executions) {
        MavenProject module = MavenDeployPluginTest.withPlugin("dev.gantry", "gantry-maven-plugin", executions);
        module.setGroupId("it.gantry.shop");
        module.setArtifactId("shop-lib");
        return module;
    }

    /** Maven's plan running these of Gantry's goals, in an execution of its own each. */
    private static Set<ModuleSteps.Planned> planned(String... goals) {
        return Stream.of(goals).map(goal -> new ModuleSteps.Planned(KEY, goal, "release-" + goal)).collect(Collectors.toSet());
    }

    private static ModuleSteps decide(MavenProject module, ModuleSteps.MavenPlan maven) throws GantryException {
        return ModuleSteps.decide(List.of(module), KEY, maven);
    }

    /** The steps an unfinished release names are the parts of its plan, not every goal. */
    @Test
    void anUnfinishedLibrarySnapshotNamesItsArtifactsNotAnImageOrATag() {
        Plan snapshot = new Plan("develop", "a1b2c3d", "1.2.0-SNAPSHOT", null,
                ReleaseKind.SNAPSHOT, "every commit", "develop", null,
                new ArtifactPlan("file:/repo", ArtifactPlan.Mode.REPLACE_SNAPSHOT),
                null, null, "no image", null);
        assertThat(ReleaseGate.named(snapshot, ALL_STEPS)).containsExactly("publish");
        assertThat(ReleaseGate.named(snapshot, List.of("tag"))).containsExactly("tag");
    }

    @Nested
    class ReadFromThePom {

        @Test
        void anInheritedExecutionRunsInTheGoalsDefaultPhase() throws GantryException {
            MavenProject module = module(execution("gantry", null, "plan", "image", "publish", "tag"));
            ModuleSteps steps = decide(module, NOT_ASKED);
            assertThat(steps.runs(module, "publish")).isTrue();
            assertThat(steps.declares(module, "publish")).isTrue();
            assertThat(steps.turnedOff()).isEmpty();
            assertThat(steps.notReached()).isEmpty();
        }

        @Test
        void anExecutionNamingTheGoalsOwnPhaseRunsWithoutAskingMaven() throws GantryException {
            MavenProject module = module(execution("gantry", "deploy", "image", "publish", "tag"));
            ModuleSteps steps = decide(module, NOT_ASKED);
            assertThat(ALL_STEPS).allMatch(step -> steps.runs(module, step));
        }

        @Test
        void anExecutionBoundToPhaseNoneIsDeclaredButDoesNotRun() throws GantryException {
            MavenProject module = module(execution("gantry", "none", "plan", "image", "publish", "tag"));
            ModuleSteps steps = decide(module, NOT_ASKED);
            assertThat(steps.declares(module, "publish")).isTrue();
            assertThat(steps.runs(module, "publish")).isFalse();
            assertThat(steps.turnedOff()).containsExactly("shop-lib (image, publish, tag)");
            assertThat(steps.notReached()).isEmpty();
        }

        @Test
        void aModuleWithoutThePluginTakesNoPart() throws GantryException {
            MavenProject module = new MavenProject(new Model());
            ModuleSteps steps = decide(module, NOT_ASKED);
            assertThat(steps.declares(module, "publish")).isFalse();
            assertThat(steps.runs(module, "publish")).isFalse();
        }
    }

    @Nested
    class AskedOfMaven {

        @Test
        void anExecutionBoundToAPhaseDeployDoesNotReachLeavesTheRelease() throws GantryException {
            MavenProject module = module(execution("gantry", "pre-site", "plan", "image", "publish", "tag"));
            ModuleSteps steps = decide(module, m -> planned());
            assertThat(ALL_STEPS).noneMatch(step -> steps.runs(module, step));
            assertThat(steps.notReached()).containsExactly(
                    new ModuleSteps.Unreached("shop-lib", "gantry", "pre-site", ALL_STEPS));
            assertThat(steps.turnedOff()).isEmpty();
        }

        @Test
        void anExecutionBoundToAPhaseMavenRunsTakesPart() throws GantryException {
            MavenProject module = module(execution("gantry", "install", "image", "publish", "tag"));
            ModuleSteps steps = decide(module, m -> planned("image", "publish", "tag"));
            assertThat(ALL_STEPS).allMatch(step -> steps.runs(module, step));
            assertThat(steps.notReached()).isEmpty();
        }

        @Test
        void onlyTheStepsMavenDoesNotRunAreLeft() throws GantryException {
            MavenProject module = module(execution("early", "install", "image"), execution("late", "site", "publish", "tag"));
            ModuleSteps steps = decide(module, m -> planned("image"));
            assertThat(steps.runs(module, "image")).isTrue();
            assertThat(steps.runs(module, "publish")).isFalse();
            assertThat(steps.notReached()).containsExactly(
                    new ModuleSteps.Unreached("shop-lib", "late", "site", List.of("publish", "tag")));
        }

        @Test
        void anotherExecutionOfTheSameGoalStillRuns() throws GantryException {
            MavenProject module = module(execution("gantry", "none", "publish"), execution("late", "verify", "publish"));
            ModuleSteps steps = decide(module, m -> planned("publish"));
            assertThat(steps.runs(module, "publish")).isTrue();
            assertThat(steps.runs(module, "tag")).isFalse();
            assertThat(steps.turnedOff()).isEmpty();
        }

        @Test
        void mavenIsAskedOncePerModule() throws GantryException {
            MavenProject module = module(execution("gantry", "pre-site", "image", "publish", "tag"));
            int[] asked = {0};
            decide(module, m -> {
                asked[0]++;
                return Set.of();
            });
            assertThat(asked[0]).isEqualTo(1);
        }
    }

    @Test
    void theWarningNamesTheExecutionThePhaseAndBothWaysOut() {
        assertThat(Refusals.phaseNotReached("shop-lib", "gantry", "pre-site", ALL_STEPS)).isEqualTo(
                "Left out of the release: shop-lib (image, publish, tag): its execution 'gantry' is bound to phase pre-site, "
                        + "which mvn deploy does not reach, so it takes no part in those steps and the other modules are "
                        + "released without it. To release it, bind the execution to deploy or an earlier phase (or leave "
                        + "<phase> out: the goals' own phase); to leave it out on purpose, say <phase>none</phase>, which the "
                        + "plan reports without a warning.");
    }

    @Nested
    class GantryPublishes {

        private final Properties none = new Properties();

        @Test
        void aModuleThatRunsPublish() throws GantryException {
            MavenProject module = module(MavenDeployPluginTest.execution("gantry", null, "plan", "publish"));
            ModuleSteps steps = decide(module, NOT_ASKED);

            assertThat(ReleaseGate.gantryPublishes(module, steps, DeploySkipped.read(List.of(module), none))).isTrue();
        }

        @Test
        void notAModuleThatMavenDeployPluginIsToldToSkip() throws GantryException {
            // nor does a plugin beside it deploy it twice: the double-deploy check asks only about these modules
            MavenProject module = module(MavenDeployPluginTest.execution("gantry", null, "plan", "publish"));
            module.getProperties().setProperty("maven.deploy.skip", "true");
            ModuleSteps steps = decide(module, NOT_ASKED);
            Properties commandLine = new Properties();
            commandLine.setProperty("maven.deploy.skip", "false");

            assertThat(ReleaseGate.gantryPublishes(module, steps, DeploySkipped.read(List.of(module), none))).isFalse();
            assertThat(ReleaseGate.gantryPublishes(module, steps, DeploySkipped.read(List.of(module), commandLine)))
                    .isTrue();
        }

        @Test
        void notAModuleWhosePackagingDeploysNothing() throws GantryException {
            // Quarkus's packaging: its lifecycle stops before install and deploy, so maven-deploy-plugin never runs there
            MavenProject module = module(MavenDeployPluginTest.execution("gantry", null, "plan", "publish"));
            module.setPackaging("quarkus");
            ModuleSteps steps = decide(module, NOT_ASKED);
            Properties commandLine = new Properties();
            commandLine.setProperty("maven.deploy.skip", "false");

            DeploySkipped skipped = DeploySkipped.read(List.of(module), commandLine);
            assertThat(ReleaseGate.gantryPublishes(module, steps, skipped)).isFalse();
            assertThat(skipped.packagingDeploysNothing()).containsExactly(module.getArtifactId());
            assertThat(skipped.artifactIds()).isEmpty(); // not said to be maven.deploy.skip's
        }

        @Test
        void notAModuleLeftOutWithGantrySkip() throws GantryException {
            MavenProject module = module(MavenDeployPluginTest.execution("gantry", null, "plan", "publish"));
            module.getProperties().setProperty("gantry.skip", "true");
            ModuleSteps steps = decide(module, NOT_ASKED);

            assertThat(ReleaseGate.gantryPublishes(module, steps, DeploySkipped.read(List.of(module), none))).isFalse();
        }
    }
}
