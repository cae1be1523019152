package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a release's modules depend on, judged from their models as Maven builds them in validate. */
class ReleaseDependenciesTest {

    private static final String SKIPPED = "which maven-deploy-plugin is told to skip";

    static MavenProject module(String artifactId, String version) {
        Model model = new Model();
        model.setGroupId("com.acme");
        model.setArtifactId(artifactId);
        model.setVersion(version);
        model.setBuild(new Build());
        return new MavenProject(model);
    }

    static MavenProject depending(MavenProject module, String artifactId, String version, String scope, boolean optional) {
        Dependency dependency = new Dependency();
        dependency.setGroupId("com.acme");
        dependency.setArtifactId(artifactId);
        dependency.setVersion(version);
        dependency.setScope(scope);
        dependency.setOptional(optional);
        module.getModel().addDependency(dependency);
        return module;
    }

    static MavenProject withParent(MavenProject module, String artifactId, String version) {
        Parent parent = new Parent();
        parent.setGroupId("com.acme");
        parent.setArtifactId(artifactId);
        parent.setVersion(version);
        module.getModel().setParent(parent);
        return module;
    }

    static MavenProject running(MavenProject module, String groupId, String artifactId, String phase) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        execution.setPhase(phase);
        execution.addGoal(artifactId.equals("flatten-maven-plugin") ? "flatten" : "shade");
        plugin.addExecution(execution);
        module.getModel().getBuild().addPlugin(plugin);
        return module;
    }

    @Nested
    class A_stable_release {

        @Test
        void is_refused_for_a_snapshot_it_is_built_with_in_any_scope_but_test() {
            MavenProject app = module("app", "2.0.0");
            depending(app, "client", "1.3.0-SNAPSHOT", "runtime", false);
            depending(app, "api", "2.1.0-SNAPSHOT", "provided", true);
            depending(app, "fixtures", "0.1.0-SNAPSHOT", "test", false);
            withParent(app, "platform", "5.0.0-SNAPSHOT");

            assertThatThrownBy(() -> ReleaseDependencies.refuseSnapshots("2.0.0", List.of(app), List.of(app)))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Release 2.0.0 depends on snapshots: app's parent com.acme:platform:"
                            + "5.0.0-SNAPSHOT; app depends on com.acme:client:1.3.0-SNAPSHOT (runtime); app depends on "
                            + "com.acme:api:2.1.0-SNAPSHOT (provided). ")
                    .hasMessageNotContaining("fixtures");
        }

        @Test
        void is_refused_for_a_timestamped_snapshot_which_a_repository_may_purge() {
            MavenProject app = depending(module("app", "2.0.0"), "client", "1.3.0-20261101.101010-3", null, false);

            assertThatThrownBy(() -> ReleaseDependencies.refuseSnapshots("2.0.0", List.of(app), List.of(app)))
                    .hasMessageContaining("app depends on com.acme:client:1.3.0-20261101.101010-3 (compile)");
        }

        @Test
        void is_not_refused_for_a_module_of_the_reactor_which_is_built_from_the_same_commit() {
            MavenProject tools = module("tools", "0.0.1-SNAPSHOT");
            MavenProject app = depending(module("app", "2.0.0"), "tools", "0.0.1-SNAPSHOT", null, false);

            assertThatCode(() -> ReleaseDependencies.refuseSnapshots("2.0.0", List.of(app), List.of(tools, app)))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class A_published_module {

        @Test
        void is_refused_when_it_passes_on_a_module_left_out_or_names_it_as_parent() throws Exception {
            MavenProject parent = module("parent", "2.0.0");
            MavenProject core = module("core", "2.0.0");
            MavenProject gson = withParent(depending(module("gson", "2.0.0"), "core", "2.0.0", null, false), "parent",
                    "2.0.0");

            assertThatThrownBy(() -> ReleaseDependencies.refuseUnpublishedModules(List.of(parent, core, gson),
                    List.of(gson), null, m -> SKIPPED, new Properties()))
                    .hasMessage("The release would publish modules that need modules of this reactor it does not "
                            + "publish: gson's parent parent, " + SKIPPED + "; gson depends on core (compile), " + SKIPPED
                            + ". Their users could not resolve what is missing. Publish those modules (remove the setting "
                            + "that leaves them out), or leave out the modules that need them as well. Nothing was built.");
        }

        @Test
        void is_not_refused_for_what_its_users_do_not_resolve() throws Exception {
            MavenProject core = module("core", "2.0.0");
            MavenProject gson = module("gson", "2.0.0");
            depending(gson, "core", "2.0.0", "test", false);
            depending(gson, "core", "2.0.0", "provided", false);
            depending(gson, "core", "2.0.0", "compile", true);

            assertThat(ReleaseDependencies.refuseUnpublishedModules(List.of(core, gson), List.of(gson), null,
                    m -> SKIPPED, new Properties())).isEmpty();
        }

        @Test
        void is_not_judged_by_what_its_published_pom_leaves_out_flattened_or_shaded() throws Exception {
            MavenProject parent = module("parent", "2.0.0");
            MavenProject core = module("core", "2.0.0");
            MavenProject flattened = running(withParent(module("flattened", "2.0.0"), "parent", "2.0.0"),
                    "org.codehaus.mojo", "flatten-maven-plugin", "process-resources");
            MavenProject shaded = running(depending(module("shaded", "2.0.0"), "core", "2.0.0", null, false),
                    "org.apache.maven.plugins", "maven-shade-plugin", "package");

            assertThat(ReleaseDependencies.refuseUnpublishedModules(List.of(parent, core, flattened, shaded),
                    List.of(flattened, shaded), null, m -> SKIPPED, new Properties())).isEmpty();
        }

        /** Re-trial: feign-gson imported feign-bom, left out; its published POM names the BOM all the same. */
        @Test
        void is_refused_when_it_imports_a_bom_left_out() {
            MavenProject bom = module("bom", "2.0.0");
            MavenProject gson = module("gson", "2.0.0");
            Model written = gson.getModel().clone(); // the POM as written: the effective model has the import replaced
            Dependency imported = new Dependency();
            imported.setGroupId("${project.groupId}");
            imported.setArtifactId("bom");
            imported.setVersion("${project.version}");
            imported.setType("pom");
            imported.setScope("import");
            written.setDependencyManagement(new DependencyManagement());
            written.getDependencyManagement().addDependency(imported);
            gson.setOriginalModel(written);

            assertThatThrownBy(() -> ReleaseDependencies.refuseUnpublishedModules(List.of(bom, gson), List.of(gson), null,
                    m -> SKIPPED, new Properties())).hasMessageContaining("gson imports the BOM bom, " + SKIPPED);
        }

        /** Re-trial: flatten's resolveCiFriendliesOnly keeps the parent in the published POM. */
        @Test
        void is_judged_by_its_parent_when_flatten_keeps_it() {
            MavenProject parent = module("parent", "2.0.0");
            MavenProject core = running(withParent(module("core", "2.0.0"), "parent", "2.0.0"), "org.codehaus.mojo",
                    "flatten-maven-plugin", "process-resources");
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom mode = new Xpp3Dom("flattenMode");
            mode.setValue("resolveCiFriendliesOnly");
            configuration.addChild(mode);
            core.getModel().getBuild().getPlugins().get(0).setConfiguration(configuration);

            assertThatThrownBy(() -> ReleaseDependencies.refuseUnpublishedModules(List.of(parent, core), List.of(core),
                    null, m -> SKIPPED, new Properties())).hasMessageContaining("core's parent parent, " + SKIPPED);
        }

        @Test
        void is_only_warned_of_when_it_is_the_images_module() throws Exception {
            MavenProject lib = module("lib", "2.0.0");
            MavenProject app = depending(module("app", "2.0.0"), "lib", "2.0.0", null, false);

            assertThat(ReleaseDependencies.refuseUnpublishedModules(List.of(lib, app), List.of(app), app,
                    m -> SKIPPED, new Properties())).singleElement().asString()
                    .startsWith("The jar of app, the module the image is built from, is published with a POM that needs "
                            + "modules this release does not publish: app depends on lib (compile), " + SKIPPED + ".");
        }
    }
}
