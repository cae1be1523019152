package dev.gantry.maven;

import static dev.gantry.maven.JibPluginConfigurationTest.jib;
import static dev.gantry.maven.MainClassSettingsTest.properties;
import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import dev.gantry.release.GantryException;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether another plugin would push the image module's image in this mvn deploy beside gantry:image. */
class OtherImagePushersTest {

    private static final Properties NONE = new Properties();
    private static final List<String> DEPLOY = List.of("deploy");

    private static Optional<OtherImagePushers.Found> found(MavenProject module, Properties properties)
            throws GantryException {
        return in(module, DEPLOY, properties, Map.of());
    }

    /**
     * Maven's plan of a module that runs no execution of the pushers at a phase outside the default lifecycle, as in
     * {@code mvn deploy}.
     */
    private static final ModuleSteps.MavenPlan PLANS_NONE_OF_THEM = module -> Set.of();

    /** The module built on its own, Gantry's image repository not configured. */
    private static Optional<OtherImagePushers.Found> in(MavenProject module, List<String> goals, Properties properties,
            Map<String, String> environment) throws GantryException {
        return OtherImagePushers.in(module, List.of(module), goals, properties, environment, null, PLANS_NONE_OF_THEM,
                module);
    }

    /** In a mvn deploy of this reactor, Gantry pushing to this repository (or null). */
    private static Optional<OtherImagePushers.Found> inReactor(MavenProject imageModule, List<MavenProject> reactor,
            String repository) throws GantryException {
        return OtherImagePushers.in(imageModule, reactor, DEPLOY, NONE, Map.of(), repository, PLANS_NONE_OF_THEM,
                reactor.get(0));
    }

    /**
     * The module as Maven's effective model holds it: each plugin's configuration merged into each of its executions',
     * an execution's own elements first.
     */
    static MavenProject mergedAsMaven(MavenProject module) {
        for (Plugin plugin : module.getBuildPlugins()) {
            if (plugin.getConfiguration() instanceof Xpp3Dom shared) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    execution.setConfiguration(Xpp3Dom.mergeXpp3Dom((Xpp3Dom) execution.getConfiguration(),
                            new Xpp3Dom(shared)));
                }
            }
        }
        return module;
    }

    /** The refusal's message for this module, named orders, or none. */
    private static Optional<String> refusal(MavenProject module, List<String> goals, Properties properties)
            throws GantryException {
        module.setArtifactId("orders");
        return in(module, goals, properties, Map.of()).map(f -> f.refusal(module).getMessage());
    }

    private static PluginExecution configured(PluginExecution execution, String configuration) throws Exception {
        execution.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration
                + "</configuration>")));
        return execution;
    }

    @Nested
    class Jibs_build_goal {

        @Test
        void is_found_when_an_execution_binds_it_to_a_phase() throws Exception {
            assertThat(found(jib(null, execution("push", "package", "build")), NONE)).isPresent();
            assertThat(found(jib(null, execution("push", "deploy", "build")), NONE)).isPresent();
        }

        @Test
        void not_when_declared_only_for_the_command_line_or_bound_to_none_or_building_to_a_daemon() throws Exception {
            assertThat(found(jib("<to><image>x</image></to>"), NONE)).isEmpty();
            assertThat(found(jib(null, execution("push", "none", "build")), NONE)).isEmpty();
            assertThat(found(jib(null, execution("push", "NONE", "build")), NONE)).isEmpty();
            assertThat(found(jib(null, execution("local", "package", "dockerBuild", "buildTar")), NONE)).isEmpty();
        }

        /** Jib's build goal has no default phase; the site and clean lifecycles do not run in mvn deploy. */
        @Test
        void not_without_a_phase_nor_in_a_phase_mvn_deploy_does_not_run() throws Exception {
            assertThat(found(jib(null, execution("push", null, "build")), NONE)).isEmpty();
            assertThat(found(jib(null, execution("push", "site", "build")), NONE)).isEmpty();
        }

        /**
         * mvn clean deploy runs the clean lifecycle too, before validate: a push bound there is found when Maven's plan
         * of the module runs it (that execution, not another of the same goal), and it may have pushed already.
         */
        @Test
        void in_a_phase_outside_the_default_lifecycle_when_mavens_plan_runs_that_execution() throws Exception {
            MavenProject module = jib(null, execution("push", "clean", "build"), execution("local", "site", "build"));
            module.setArtifactId("orders");
            List<MavenProject> asked = new ArrayList<>();
            ModuleSteps.MavenPlan cleanDeploy = m -> {
                asked.add(m);
                return Set.of(new ModuleSteps.Planned("org.apache.maven.plugins:maven-clean-plugin", "clean",
                        "default-clean"), new ModuleSteps.Planned(OtherImagePushers.JIB.key(), "build", "push"));
            };

            Optional<OtherImagePushers.Found> found = OtherImagePushers.in(module, List.of(module), List.of("clean",
                    "deploy"), NONE, Map.of(), null, cleanDeploy, module);

            assertThat(found).hasValueSatisfying(f -> assertThat(f.refusal(module).getMessage()).contains(
                    "(its execution push binds it to phase clean)", "That goal, bound to the clean lifecycle, ran before "
                    + "this check and may have pushed its image; Gantry built and pushed nothing."));
            assertThat(asked).containsExactly(module);
            ModuleSteps.MavenPlan siteOnly = m -> Set.of(new ModuleSteps.Planned(OtherImagePushers.JIB.key(), "build",
                    "push-later"));
            assertThat(OtherImagePushers.in(module, List.of(module), DEPLOY, NONE, Map.of(), null, siteOnly, module))
                    .isEmpty();
        }

        /**
         * In a reactor the plan runs in the first module, before Maven builds the others: a push in a later module's
         * clean lifecycle, or a goal named before deploy, has not run yet there.
         */
        @Test
        void in_a_later_module_of_the_reactor_it_has_not_run_yet() throws Exception {
            MavenProject root = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            MavenProject module = jib(null, execution("push", "pre-clean", "build"));
            module.setArtifactId("orders");
            ModuleSteps.MavenPlan cleanDeploy = m -> Set.of(new ModuleSteps.Planned(OtherImagePushers.JIB.key(),
                    "build", "push"));
            for (List<String> goals : List.of(List.of("clean", "deploy"), List.of("jib:build", "deploy"))) {
                assertThat(OtherImagePushers.in(module, List.of(root, module), goals, NONE, Map.of(), null, cleanDeploy,
                        root)).as(goals.toString()).hasValueSatisfying(f -> assertThat(f.refusal(module).getMessage())
                                .contains("Nothing was built or pushed."));
                assertThat(OtherImagePushers.in(module, List.of(module, root), goals, NONE, Map.of(), null,
                        cleanDeploy, root)).as(goals.toString()).hasValueSatisfying(f -> assertThat(f.refusal(module)
                                .getMessage()).contains("may have pushed its image"));
                // -T: modules build side by side, and any may have run
                assertThat(OtherImagePushers.in(module, List.of(root, module), goals, NONE, Map.of(), null,
                        cleanDeploy, null)).as(goals.toString()).hasValueSatisfying(f -> assertThat(f.refusal(module)
                                .getMessage()).contains("may have pushed its image"));
            }
        }

        /** Maven's plan is asked only when the POM cannot tell: not for none, a skipped push, or a deploy phase. */
        @Test
        void mavens_plan_is_not_asked_when_the_pom_answers() throws Exception {
            ModuleSteps.MavenPlan notAsked = m -> {
                throw new AssertionError("Maven's plan was asked about " + m.getArtifactId());
            };
            for (MavenProject module : List.of(jib(null, execution("push", "none", "build")),
                    mergedAsMaven(jib("<skip>true</skip>", execution("push", "clean", "build"))),
                    jib(null, execution("push", "package", "build")))) {
                OtherImagePushers.in(module, List.of(module), DEPLOY, NONE, Map.of(), null, notAsked, module);
            }
        }

        @Test
        void not_when_jib_is_told_to_skip_in_its_configuration_or_by_property() throws Exception {
            assertThat(found(mergedAsMaven(jib("<skip>true</skip>", execution("push", "package", "build"))), NONE))
                    .isEmpty();
            MavenProject bound = jib(null, execution("push", "package", "build"));
            assertThat(found(bound, properties("jib.skip", "true"))).isEmpty();
            bound.getProperties().setProperty("jib.skip", "true");
            assertThat(found(bound, NONE)).isEmpty();
        }

        @Test
        void is_found_named_on_the_command_line_unless_jib_skip() throws Exception {
            assertThat(refusal(jib(null), List.of("deploy", "jib:build"), NONE)).hasValueSatisfying(m -> assertThat(m)
                    .contains("jib-maven-plugin's build goal runs in this mvn deploy (named on the command line: "
                            + "jib:build)", "Let Gantry push the image: run mvn deploy without jib:build;"));
            assertThat(found(jib(null), NONE)).isEmpty();
            assertThat(in(jib(null), List.of("deploy", "com.google.cloud.tools:jib-maven-plugin:3.5.2"
                    + ":build"), NONE, Map.of())).isPresent();
            assertThat(in(jib(null), List.of("deploy", "jib:dockerBuild", "jib:buildTar",
                    "gantry:image"), NONE, Map.of())).isEmpty();
            assertThat(in(jib(null), List.of("deploy", "jib:build"), properties("jib.skip", "true"),
                    Map.of())).isEmpty();
        }

        /** mvn jib:build deploy runs Jib before any plan: the refusal cannot say nothing was pushed. */
        @Test
        void the_refusal_of_a_goal_named_before_deploy_says_it_may_have_pushed() throws Exception {
            assertThat(refusal(jib(null), List.of("jib:build", "deploy"), NONE)).hasValueSatisfying(m -> assertThat(m)
                    .contains("That goal, named before deploy, ran before this check and may have pushed its image; "
                            + "Gantry built and pushed nothing. Let Gantry push the image: run mvn deploy without "
                            + "jib:build;")
                    .doesNotContain("Nothing was built or pushed"));
        }
    }

    @Nested
    class Spring_boots_build_image {

        /**
         * A module declaring Spring Boot's plugin with this configuration, merged into each execution's as Maven's model
         * merges it (an execution's own elements first).
         */
        private MavenProject springBoot(String configuration, PluginExecution... executions) throws Exception {
            MavenProject module = withPlugin("org.springframework.boot", "spring-boot-maven-plugin", executions);
            if (configuration != null) {
                module.getPlugin("org.springframework.boot:spring-boot-maven-plugin").setConfiguration(
                        Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>")));
            }
            return mergedAsMaven(module);
        }

        /** Its goals' default phase is package: an execution without a phase runs in mvn deploy. */
        @Test
        void is_found_when_bound_and_told_to_publish_in_its_image_its_parameter_or_by_property() throws Exception {
            assertThat(refusal(springBoot(null, configured(execution("image", null, "build-image-no-fork"),
                    "<image><publish>true</publish></image>")), DEPLOY, NONE)).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("spring-boot-maven-plugin's build-image-no-fork goal runs in this mvn deploy (its "
                            + "execution image, without <phase>, runs at the goal's default phase, package) with "
                            + "publishing on (<image><publish>true</publish></image> in its configuration), and pushes "
                            + "an image of orders, and so does gantry:image")
                    .contains("Nothing was built or pushed. Let Gantry push the image: turn its publishing off where "
                            + "it is set")
                    .contains("BP_JVM_VERSION: Gantry's <from>"));
            assertThat(found(springBoot(null, configured(execution("image", "package", "build-image"),
                    "<publish>true</publish>")), NONE)).hasValueSatisfying(f -> assertThat(f.push().switchedOnBy())
                    .isEqualTo("<publish>true</publish> in its configuration"));
            assertThat(found(springBoot(null, execution("image", "install", "build-image")),
                    properties("spring-boot.build-image.publish", "true"))).hasValueSatisfying(f ->
                    assertThat(f.push().switchedOnBy()).isEqualTo("-Dspring-boot.build-image.publish=true"));
            MavenProject byProperty = springBoot(null, configured(execution("image", null, "build-image"),
                    "<image><publish>${push.image}</publish></image>"));
            byProperty.getProperties().setProperty("push.image", "true");
            assertThat(found(byProperty, NONE)).hasValueSatisfying(f -> assertThat(f.push().switchedOnBy())
                    .isEqualTo("<push.image>true</push.image> in the module's <properties>"));
        }

        @Test
        void not_when_it_only_builds_into_the_local_daemon_or_is_skipped_or_unbound() throws Exception {
            assertThat(found(springBoot(null, execution("image", null, "build-image-no-fork")), NONE)).isEmpty();
            // <image><publish> wins over the property, as in Spring Boot's mojo
            assertThat(found(springBoot("<image><publish>false</publish></image>", execution("image", null,
                    "build-image")), properties("spring-boot.build-image.publish", "true"))).isEmpty();
            assertThat(found(springBoot("<image><publish>true</publish></image>", execution("image", "none",
                    "build-image")), NONE)).isEmpty();
            assertThat(found(springBoot("<image><publish>true</publish></image>", execution("image", null,
                    "build-image")), properties("spring-boot.build-image.skip", "true"))).isEmpty();
            assertThat(found(springBoot("<image><publish>true</publish></image>", execution("repackage", null,
                    "repackage")), NONE)).isEmpty();
        }

        @Test
        void is_found_named_on_the_command_line_when_told_to_publish() throws Exception {
            List<String> goals = List.of("deploy", "spring-boot:build-image");
            assertThat(refusal(springBoot(null), goals, properties("spring-boot.build-image.publish", "true")))
                    .hasValueSatisfying(m -> assertThat(m).contains("Let Gantry push the image: run mvn deploy "
                            + "without spring-boot:build-image (or without publishing on);"));
            assertThat(refusal(springBoot(null), goals, NONE)).isEmpty();
        }

        /** Each execution is read with its own configuration, not another's of the same goal. */
        @Test
        void reads_each_execution_with_its_own_configuration() throws Exception {
            PluginExecution local = execution("local", null, "build-image-no-fork");
            PluginExecution release = configured(execution("release", "none", "build-image-no-fork"),
                    "<image><publish>true</publish></image>");
            assertThat(found(springBoot("<image><name>x</name></image>", local, release), NONE)).isEmpty();
            PluginExecution pushing = configured(execution("push", null, "build-image-no-fork"),
                    "<image><publish>true</publish></image>");
            PluginExecution skipped = configured(execution("skipped", null, "build-image-no-fork"),
                    "<skip>true</skip>");
            assertThat(found(springBoot(null, skipped, pushing), NONE)).hasValueSatisfying(f -> assertThat(f.how())
                    .startsWith("its execution push,"));
        }

        /** mvn deploy spring-boot:build-image-no-fork@release runs that execution's configuration. */
        @Test
        void named_with_an_execution_on_the_command_line_reads_that_execution() throws Exception {
            MavenProject module = springBoot(null, configured(execution("release", "none", "build-image-no-fork"),
                    "<image><publish>true</publish></image>"));
            assertThat(found(module, NONE)).isEmpty();
            assertThat(in(module, List.of("deploy", "spring-boot:build-image-no-fork@release"), NONE, Map.of()))
                    .hasValueSatisfying(f -> assertThat(f.named()).isEqualTo("spring-boot:build-image-no-fork@release"));
            assertThat(in(module, List.of("deploy", "spring-boot:build-image-no-fork"), NONE, Map.of()))
                    .as("default-cli, else the plugin's configuration: no publish").isEmpty();
        }

        /** build-image forks the lifecycle up to package first: the plan refuses in that fork, before it ran. */
        @Test
        void named_before_deploy_it_has_not_run_when_it_forks() throws Exception {
            Properties publishing = properties("spring-boot.build-image.publish", "true");
            assertThat(refusal(springBoot(null), List.of("spring-boot:build-image", "deploy"), publishing))
                    .hasValueSatisfying(m -> assertThat(m).contains("Nothing was built or pushed."));
            assertThat(refusal(springBoot(null), List.of("spring-boot:build-image-no-fork", "deploy"), publishing))
                    .hasValueSatisfying(m -> assertThat(m).contains("may have pushed its image"));
        }

        /** Maven gives the mojo null for an unset ${property}: Spring Boot then reads its publish parameter. */
        @Test
        void an_image_publish_naming_an_unset_property_leaves_the_publish_property() throws Exception {
            MavenProject module = springBoot(null, configured(execution("image", null, "build-image-no-fork"),
                    "<image><publish>${unset}</publish></image>"));
            assertThat(found(module, NONE)).isEmpty();
            assertThat(found(module, properties("spring-boot.build-image.publish", "true"))).isPresent();
        }
    }

    @Nested
    class A_dockerfile_plugins_push_goal {

        /** dockerfile-maven-plugin's and docker-maven-plugin's push default to deploy, JKube's k8s:push to install. */
        @Test
        void is_found_when_bound_without_a_phase_to_its_default_one() throws Exception {
            assertThat(refusal(withPlugin("com.spotify", "dockerfile-maven-plugin", execution("default", null, "build",
                    "push")), DEPLOY, NONE)).hasValueSatisfying(m -> assertThat(m)
                    .isEqualTo("com.spotify:dockerfile-maven-plugin's push goal runs in this mvn deploy (its execution "
                            + "default, without <phase>, runs at the goal's default phase, deploy) and pushes an image "
                            + "of orders, and so does gantry:image: the image would be pushed twice, com.spotify:"
                            + "dockerfile-maven-plugin's outside the branch's rules (its tags, on any branch, with no "
                            + "check). Nothing was built or pushed. Let Gantry push the image: remove push from that "
                            + "execution's <goals> in the POM that declares it (where a parent's POM binds it, declare that execution's <id> in "
                            + "the module's POM with <phase>none</phase>), or set <dockerfile.push.skip>true"
                            + "</dockerfile.push.skip> in the module's <properties>; then carry what its Dockerfile or "
                            + "image configuration sets into Gantry's configuration: the base image (FROM: Gantry's "
                            + "<from>), environment (ENV: <environment>), ports (EXPOSE: <ports>), user (USER: <user>) "
                            + "and the java command's flags (<jvmFlags>); Gantry builds the image with Jib and reads no "
                            + "Dockerfile (Gantry's docs/migrating-from-jib.md)."));
            assertThat(found(withPlugin("io.fabric8", "docker-maven-plugin", execution("push", null, "push")), NONE))
                    .hasValueSatisfying(f -> assertThat(f.how()).endsWith("default phase, deploy"));
            assertThat(found(withPlugin("org.eclipse.jkube", "kubernetes-maven-plugin", execution("k8s", null, "build",
                    "push")), NONE)).hasValueSatisfying(f -> assertThat(f.how()).endsWith("default phase, install"));
        }

        @Test
        void not_when_only_building_or_told_to_skip_the_push_or_everything() throws Exception {
            assertThat(found(withPlugin("com.spotify", "dockerfile-maven-plugin", execution("default", null, "build",
                    "tag")), NONE)).isEmpty();
            MavenProject fabric8 = withPlugin("io.fabric8", "docker-maven-plugin", execution("push", null, "push"));
            assertThat(found(fabric8, properties("docker.skip.push", "true"))).isEmpty();
            assertThat(found(fabric8, properties("docker.skip", "true"))).isEmpty();
            MavenProject jkube = withPlugin("org.eclipse.jkube", "kubernetes-maven-plugin", execution("k8s", null,
                    "push"));
            jkube.getProperties().setProperty("jkube.skip.push", "true");
            assertThat(found(jkube, NONE)).isEmpty();
            assertThat(found(withPlugin("com.spotify", "dockerfile-maven-plugin", configured(execution("default", null,
                    "build", "push"), "<skipPush>true</skipPush>")), NONE)).isEmpty();
        }

        /**
         * A phase of mvn deploy's lifecycle runs; Maven 4's before:/after: and ordered phases are Maven's plan to judge
         * (Maven 4 runs them, Maven 3 does not know them), as are a clean or site phase and a name Maven does not know.
         */
        @Test
        void at_the_phases_mvn_deploy_runs() throws Exception {
            assertThat(found(withPlugin("io.fabric8", "docker-maven-plugin", execution("push", "verify", "push")), NONE))
                    .isPresent();
            ModuleSteps.MavenPlan maven4 = m -> Set.of(new ModuleSteps.Planned("io.fabric8:docker-maven-plugin", "push",
                    "push"));
            for (String phase : List.of("after:package", "before:install", "install[100]", "ready")) {
                MavenProject module = withPlugin("io.fabric8", "docker-maven-plugin", execution("push", phase, "push"));
                assertThat(found(module, NONE)).as("Maven 3: " + phase).isEmpty();
                assertThat(OtherImagePushers.in(module, List.of(module), DEPLOY, NONE, Map.of(), null, maven4, module))
                        .as("Maven 4: " + phase).isPresent();
            }
            for (String phase : List.of("before:clean", "site", "post-clean", "pakage", "none")) {
                assertThat(found(withPlugin("io.fabric8", "docker-maven-plugin", execution("push", phase, "push")),
                        NONE)).as(phase).isEmpty();
            }
        }

        @Test
        void is_found_named_on_the_command_line() throws Exception {
            assertThat(refusal(withPlugin("io.fabric8", "docker-maven-plugin"), List.of("deploy", "docker:push"), NONE))
                    .hasValueSatisfying(m -> assertThat(m).contains("(named on the command line: docker:push)",
                            "Let Gantry push the image: run mvn deploy without docker:push;"));
            assertThat(refusal(withPlugin("org.apache.maven.plugins", "maven-jar-plugin"),
                    List.of("deploy", "io.fabric8:docker-maven-plugin:0.46.0:push"), NONE)).isPresent();
            // the docker prefix is also Spotify's older docker-maven-plugin's, when the module declares that one
            assertThat(refusal(withPlugin("com.spotify", "docker-maven-plugin"), List.of("deploy", "docker:push"),
                    NONE)).hasValueSatisfying(m -> assertThat(m).startsWith("com.spotify:docker-maven-plugin's push "));
        }

        /** fabric8 and JKube push only the images they build, and skip those told <skipPush>. */
        @Test
        void not_when_every_image_is_told_to_skip_its_push_or_has_no_build() throws Exception {
            MavenProject module = withPlugin("io.fabric8", "docker-maven-plugin", configured(execution("docker", null,
                    "build", "push"), "<images><image><name>team/orders</name><build><skipPush>true</skipPush></build>"
                    + "</image><image><name>postgres:16</name></image></images>"));
            assertThat(found(module, NONE)).isEmpty();
        }

        /**
         * An image named for another repository than Gantry's is another image (a database migration's), compared by
         * the repository's last segment; a name Gantry cannot read counts as the service's.
         */
        @Test
        void of_images_named_for_gantrys_repository() throws Exception {
            String gantrys = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/orders";
            for (String name : List.of("registry.example.com/team/orders:%l", "%g/%a:%l", "team/${image.name}",
                    "orders@sha256:0123")) {
                MavenProject module = withPlugin("io.fabric8", "docker-maven-plugin", configured(execution("docker",
                        null, "push"), "<images><image><name>" + name + "</name><build/></image></images>"));
                module.setArtifactId("orders");
                assertThat(inReactor(module, List.of(module), gantrys)).as(name)
                        .isPresent();
            }
            MavenProject migrations = withPlugin("io.fabric8", "docker-maven-plugin", configured(execution("docker",
                    null, "push"), "<images><image><name>team/orders-db-migrations:%l</name><build/></image></images>"));
            assertThat(inReactor(migrations, List.of(migrations), gantrys)).isEmpty();
            assertThat(found(migrations, NONE)).as("Gantry's repository not configured").isPresent();
            MavenProject spotify = withPlugin("com.spotify", "dockerfile-maven-plugin", configured(execution("default",
                    null, "build", "push"), "<repository>registry.example.com/other</repository>"));
            assertThat(inReactor(spotify, List.of(spotify), gantrys)).isEmpty();
        }

        /**
         * A push whose names Gantry cannot read is taken for the service's; the message says so, and how to tell Gantry
         * it is another image's.
         */
        @Test
        void the_message_says_when_the_image_is_taken_for_the_services_and_how_to_show_it_is_not() throws Exception {
            String gantrys = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/orders";
            MavenProject placeholder = withPlugin("io.fabric8", "docker-maven-plugin", configured(execution("docker",
                    null, "push"), "<images><image><name>team/%g-%a:%l</name><build/></image></images>"));
            placeholder.setArtifactId("orders");
            assertThat(inReactor(placeholder, List.of(placeholder), gantrys).map(f -> f.refusal(placeholder)
                    .getMessage())).hasValueSatisfying(m -> assertThat(m).contains("and pushes an image of orders "
                            + "(as far as Gantry can tell: it cannot expand the name team/%g-orders:%l), and so does "
                            + "gantry:image", "or set <docker.skip.push>true</docker.skip.push> in the "
                            + "module's <properties>; if it pushes another image than orders's, name that image in its "
                            + "configuration (Gantry compares the last part of each name with its <imageRepository>'s), "
                            + "or build it in a module that does not depend on orders, and Gantry leaves it alone; then "
                            + "carry"));
            // a generator's names, a Dockerfile mode: the module's own application, no doubt to tell
            MavenProject unnamed = withPlugin("io.fabric8", "docker-maven-plugin", execution("docker", null, "push"));
            assertThat(inReactor(unnamed, List.of(unnamed), gantrys)).hasValueSatisfying(f -> assertThat(f.push()
                    .unread()).isNull());
            MavenProject named = withPlugin("io.fabric8", "docker-maven-plugin", configured(execution("docker", null,
                    "push"), "<images><image><name>team/orders:%l</name><build/></image></images>"));
            assertThat(inReactor(named, List.of(named), gantrys)).hasValueSatisfying(f -> assertThat(f.push()
                    .unread()).isNull());
        }

        /** Bound in a parent's POM: the message names that POM, where the execution must be changed. */
        @Test
        void bound_in_a_parents_pom_is_named_there() throws Exception {
            PluginExecution inherited = execution("corp-image", "deploy", "push");
            InputSource parent = new InputSource();
            parent.setModelId("com.example:corp-parent:7");
            inherited.setLocation("", new InputLocation(12, 11, parent));
            MavenProject module = withPlugin("io.fabric8", "docker-maven-plugin", inherited);
            assertThat(found(module, NONE)).hasValueSatisfying(f -> assertThat(f.how()).isEqualTo(
                    "its execution corp-image, declared in com.example:corp-parent:7, binds it to phase deploy"));
        }

        /** A module of its own that packages the service in an image: it depends on the image module. */
        @Test
        void in_a_module_that_depends_on_the_image_module() throws Exception {
            MavenProject app = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            app.setGroupId("com.example");
            app.setArtifactId("orders");
            MavenProject docker = withPlugin("io.fabric8", "docker-maven-plugin", execution("docker", null, "build",
                    "push"));
            docker.setArtifactId("orders-docker");
            Dependency dependency = new Dependency();
            dependency.setGroupId("com.example");
            dependency.setArtifactId("orders");
            MavenProject other = withPlugin("io.fabric8", "docker-maven-plugin", execution("docker", null, "push"));
            assertThat(inReactor(app, List.of(app, other), null)).isEmpty();
            docker.getModel().addDependency(dependency);
            assertThat(inReactor(app, List.of(app, other, docker), null)
                    .map(f -> f.refusal(app).getMessage())).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("io.fabric8:docker-maven-plugin's push goal runs in this mvn deploy (its execution "
                            + "docker, without <phase>, runs at the goal's default phase, deploy) and pushes an image of "
                            + "orders from module orders-docker, which depends on it, and so does gantry:image")
                    .contains("or set <docker.skip.push>true</docker.skip.push> in module orders-docker's "
                            + "<properties>"));
        }

        @Test
        void named_before_deploy_may_have_pushed() throws Exception {
            assertThat(refusal(withPlugin("io.fabric8", "docker-maven-plugin"), List.of("docker:push", "deploy"), NONE))
                    .hasValueSatisfying(m -> assertThat(m).contains("That goal, named before deploy, ran before this "
                            + "check and may have pushed its image; Gantry built and pushed nothing."));
        }
    }

    /** Spotify's older docker-maven-plugin: build and tag push only when told pushImage; no goal has a default phase. */
    @Nested
    class Spotifys_docker_maven_plugin {

        private MavenProject spotify(PluginExecution execution) {
            return withPlugin("com.spotify", "docker-maven-plugin", execution);
        }

        @Test
        void build_is_found_when_told_to_push_and_the_message_says_where() throws Exception {
            MavenProject module = spotify(configured(execution("image", "package", "build"),
                    "<imageName>registry.example.com/team/orders:${project.version}</imageName>"
                            + "<pushImage>true</pushImage>"));
            assertThat(refusal(module, DEPLOY, NONE)).hasValueSatisfying(m -> assertThat(m).startsWith(
                    "com.spotify:docker-maven-plugin's build goal runs in this mvn deploy (its execution image binds it "
                            + "to phase package) with pushing on (<pushImage>true</pushImage> in its configuration), "
                            + "and pushes an image of orders, and so does gantry:image")
                    .contains("Let Gantry push the image: turn its push off where it is set (the image is still "
                            + "built), or set <skipDockerPush>true</skipDockerPush> in the module's <properties>; then "
                            + "carry what its Dockerfile"));
            assertThat(inReactor(module, List.of(module), "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders"))
                    .isPresent();
            assertThat(inReactor(module, List.of(module), "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing"))
                    .as("an image of another repository").isEmpty();
        }

        @Test
        void build_and_tag_are_not_found_unless_told_to_push_or_when_told_to_skip() throws Exception {
            MavenProject building = spotify(execution("image", "package", "build"));
            assertThat(found(building, NONE)).isEmpty();
            assertThat(refusal(building, DEPLOY, properties("pushImage", "true"))).hasValueSatisfying(m -> assertThat(m)
                    .contains("with pushing on (-DpushImage=true)", "Let Gantry push the image: run mvn deploy without "
                            + "-DpushImage=true (the image is still built), or set <skipDockerPush>true</skipDockerPush>"));
            assertThat(found(building, properties("pushImageTag", "true"))).isPresent();
            assertThat(found(building, properties("pushImage", "true", "skipDockerPush", "true"))).isEmpty();
            assertThat(found(building, properties("pushImage", "true", "skipDocker", "true"))).isEmpty();
            MavenProject tagging = spotify(configured(execution("tag", "deploy", "tag"), "<pushImage>true</pushImage>"));
            assertThat(found(tagging, NONE)).isPresent();
            assertThat(found(tagging, properties("skipDockerTag", "true"))).isEmpty();
        }

        /** skipDocker and skipDockerPush came with 0.4.12: an earlier version pushes whatever they say. */
        @Test
        void before_0_4_12_its_skips_do_not_exist_and_are_not_advised() throws Exception {
            MavenProject old = spotify(configured(execution("image", "package", "build"), "<pushImage>true</pushImage>"));
            old.getPlugin("com.spotify:docker-maven-plugin").setVersion("0.4.10");
            assertThat(found(old, properties("skipDockerPush", "true"))).isPresent();
            assertThat(found(old, properties("skipDocker", "true"))).isPresent();
            assertThat(refusal(old, DEPLOY, NONE)).hasValueSatisfying(m -> assertThat(m).contains("Let Gantry push "
                    + "the image: turn its push off where it is set (the image is still built); then carry")
                    .doesNotContain("skipDockerPush"));
            old.getPlugin("com.spotify:docker-maven-plugin").setVersion("0.4.12");
            assertThat(found(old, properties("skipDockerPush", "true"))).isEmpty();
        }

        /** Its goals have no default phase: an execution without one binds nothing, as Maven's plan says. */
        @Test
        void push_is_found_bound_to_a_phase_or_named_but_not_without_a_phase() throws Exception {
            assertThat(found(spotify(execution("push", "deploy", "push")), NONE)).isPresent();
            assertThat(found(spotify(execution("push", null, "push")), NONE)).isEmpty();
            assertThat(in(spotify(execution("push", null, "push")), List.of("deploy", "docker:push"), NONE, Map.of()))
                    .hasValueSatisfying(f -> assertThat(f.pusher().key()).isEqualTo("com.spotify:docker-maven-plugin"));
        }
    }

    /** fabric8-maven-plugin, retired: its push defaults to install and is skipped by docker.skip.push. */
    @Test
    void the_retired_fabric8_maven_plugins_push_is_found_at_install() throws Exception {
        MavenProject module = withPlugin("io.fabric8", "fabric8-maven-plugin", execution("fmp", null, "resource",
                "build", "push"));
        assertThat(found(module, NONE)).hasValueSatisfying(f -> assertThat(f.how()).endsWith("default phase, install"));
        assertThat(found(module, properties("docker.skip.push", "true"))).isEmpty();
        assertThat(found(module, properties("fabric8.skip", "true"))).isEmpty();
        // its skip parameter is <skipPush> up to 4.4.1, <fabric8SkipPush> in 4.4.2 (the property is the same)
        MavenProject skipping = withPlugin("io.fabric8", "fabric8-maven-plugin", configured(execution("fmp", null,
                "push"), "<skipPush>true</skipPush>"));
        skipping.getPlugin("io.fabric8:fabric8-maven-plugin").setVersion("3.5.28");
        assertThat(found(skipping, NONE)).isEmpty();
        skipping.getPlugin("io.fabric8:fabric8-maven-plugin").setVersion("4.4.2");
        assertThat(found(skipping, NONE)).isPresent();
    }

    /** Quarkus's image-push goal pushes whatever quarkus.container-image.push says (it sets it true itself). */
    @Nested
    class Quarkus_image_push_goal {

        @Test
        void is_found_bound_without_a_phase_and_the_message_keeps_the_build_goal() throws Exception {
            MavenProject module = withPlugin("io.quarkus.platform", "quarkus-maven-plugin", execution("default", null,
                    "build", "image-push"));
            assertThat(refusal(module, DEPLOY, properties("quarkus.container-image.push", "false")))
                    .hasValueSatisfying(m -> assertThat(m).startsWith("io.quarkus.platform:quarkus-maven-plugin's "
                            + "image-push goal runs in this mvn deploy (its execution default, without <phase>, runs at "
                            + "the goal's default phase, package) and pushes a container image of orders (whatever "
                            + "quarkus.container-image.push says), and so does gantry:image")
                            .contains("Let Gantry push the image: remove image-push from that execution's <goals> in "
                                    + "the POM that declares it (the module's or a parent's), leaving quarkus-maven-"
                                    + "plugin's build goal bound: it builds the application Gantry's image is made of; "
                                    + "then carry what the quarkus.container-image.*"));
            assertThat(found(module, properties("quarkus.container-image.dry-run", "true"))).isEmpty();
        }

        @Test
        void is_found_named_on_the_command_line_for_either_group() throws Exception {
            MavenProject module = withPlugin("io.quarkus", "quarkus-maven-plugin", execution("default", null, "build"));
            assertThat(in(module, List.of("deploy", "quarkus:image-push"), NONE, Map.of()))
                    .hasValueSatisfying(f -> assertThat(f.pusher().key()).isEqualTo("io.quarkus:quarkus-maven-plugin"));
            assertThat(in(module, List.of("deploy", "quarkus:image-build"), NONE, Map.of())).isEmpty();
        }
    }

    @Nested
    class A_quarkus_build_told_to_push {

        @TempDir
        Path directory;

        private MavenProject quarkus(String extension) throws Exception {
            MavenProject module = withPlugin("io.quarkus.platform", "quarkus-maven-plugin", execution("default", null,
                    "build"));
            module.setFile(directory.resolve("pom.xml").toFile());
            Resource resources = new Resource();
            resources.setDirectory(directory.resolve("src/main/resources").toString());
            module.getBuild().addResource(resources);
            Dependency dependency = new Dependency();
            dependency.setGroupId("io.quarkus");
            dependency.setArtifactId(extension);
            module.getModel().addDependency(dependency);
            return module;
        }

        private void applicationProperties(String content) throws Exception {
            Files.createDirectories(directory.resolve("src/main/resources"));
            Files.writeString(directory.resolve("src/main/resources/application.properties"), content);
        }

        @Test
        void in_application_properties_prod_profile_first() throws Exception {
            applicationProperties("quarkus.container-image.push=false\n%prod.quarkus.container-image.push=true\n");
            assertThat(refusal(quarkus("quarkus-container-image-jib"), DEPLOY, NONE)).hasValue("Quarkus's build runs "
                    + "in this mvn deploy and pushes a container image of orders (%prod.quarkus.container-image.push="
                    + "true in src/main/resources/application.properties, with quarkus-container-image-jib among the "
                    + "module's dependencies), and so does gantry:image: the image would be pushed twice, Quarkus's outside the "
                    + "branch's rules (its tags, on any branch, with no check). Nothing was built or pushed. Let Gantry "
                    + "push the image: set quarkus.container-image.push to false where it is set, or remove it there, "
                    + "or remove the container-image extension from the module's dependencies (-Dquarkus.container-"
                    + "image.push=false on the command line outranks every other setting); then carry what the "
                    + "quarkus.container-image.* and quarkus.jib.* settings set into Gantry's configuration (the base "
                    + "image: Gantry's <from>; JVM arguments: <jvmFlags>; environment, ports, user); Gantry builds the "
                    + "image from Quarkus's fast-jar with Jib and reads none of them (Gantry's "
                    + "docs/migrating-from-jib.md).");
            applicationProperties("quarkus.container-image.push=true\n%prod.quarkus.container-image.push=false\n");
            assertThat(found(quarkus("quarkus-container-image-jib"), NONE)).isEmpty();
        }

        @Test
        void by_property_or_environment_before_the_file() throws Exception {
            applicationProperties("quarkus.container-image.push=false\n");
            MavenProject module = quarkus("quarkus-container-image-docker");
            assertThat(found(module, NONE)).isEmpty();
            assertThat(found(module, properties("quarkus.container-image.push", "true")))
                    .hasValueSatisfying(f -> assertThat(f.push().switchedOnBy()).isEqualTo("-Dquarkus.container-image.push=true"));
            assertThat(in(module, DEPLOY, NONE, Map.of("QUARKUS_CONTAINER_IMAGE_PUSH", "true")))
                    .hasValueSatisfying(f -> assertThat(f.push().switchedOnBy()).isEqualTo("QUARKUS_CONTAINER_IMAGE_PUSH=true in the "
                            + "environment"));
            assertThat(in(module, DEPLOY, NONE, Map.of("_PROD_QUARKUS_CONTAINER_IMAGE_PUSH", "true")))
                    .isPresent();
            module.getProperties().setProperty("quarkus.container-image.push", "true");
            assertThat(found(module, NONE)).as("application.properties is read before the POM's properties").isEmpty();
        }

        @Test
        void in_the_poms_properties_and_in_the_profile_quarkus_profile_names() throws Exception {
            MavenProject module = quarkus("quarkus-container-image-podman");
            module.getProperties().setProperty("quarkus.container-image.push", "true");
            assertThat(found(module, NONE)).hasValueSatisfying(f -> assertThat(f.push().switchedOnBy()).isEqualTo(
                    "<quarkus.container-image.push>true</quarkus.container-image.push> in the module's <properties>"));
            applicationProperties("quarkus.container-image.push=false\n%staging.quarkus.container-image.push=true\n");
            assertThat(found(module, NONE)).isEmpty();
            assertThat(found(module, properties("quarkus.profile", "staging"))).isPresent();
        }

        /** quarkus-maven-plugin hands its own <properties> to Quarkus's build as -D would. */
        @Test
        void in_quarkus_plugins_own_properties() throws Exception {
            applicationProperties("quarkus.container-image.push=false\n");
            MavenProject module = quarkus("quarkus-container-image-jib");
            module.getPlugin("io.quarkus.platform:quarkus-maven-plugin").setConfiguration(Xpp3DomBuilder.build(
                    new StringReader("<configuration><properties><quarkus.container-image.push>true"
                            + "</quarkus.container-image.push></properties></configuration>")));
            assertThat(found(module, NONE)).hasValueSatisfying(f -> assertThat(f.push().switchedOnBy()).isEqualTo(
                    "<quarkus.container-image.push>true</quarkus.container-image.push> in quarkus-maven-plugin's "
                            + "configuration"));
        }

        @Test
        void through_quarkus_packaging_too() throws Exception {
            MavenProject module = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            module.setPackaging("quarkus");
            Dependency dependency = new Dependency();
            dependency.setArtifactId("quarkus-container-image-jib");
            module.getModel().addDependency(dependency);
            assertThat(found(module, properties("quarkus.container-image.push", "true"))).isPresent();
        }

        @Test
        void not_without_a_container_image_extension_nor_without_quarkus_build() throws Exception {
            applicationProperties("quarkus.container-image.push=true\n");
            assertThat(found(quarkus("quarkus-rest"), NONE)).isEmpty();
            MavenProject plain = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            Dependency dependency = new Dependency();
            dependency.setArtifactId("quarkus-container-image-jib");
            plain.getModel().addDependency(dependency);
            assertThat(found(plain, properties("quarkus.container-image.push", "true"))).isEmpty();
        }
    }
}
