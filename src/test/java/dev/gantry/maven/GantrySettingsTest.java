package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Which modules are out of the release by their own POM. */
class GantrySettingsTest {

    @Test
    void a_module_is_skipped_by_the_property_or_by_skip_in_the_plugin_s_configuration() {
        MavenProject byProperty = module(null);
        byProperty.getProperties().setProperty("gantry.skip", "true");

        assertThat(GantrySettings.skipped(byProperty)).isTrue();
        assertThat(GantrySettings.skipped(module(skip("true")))).isTrue();
        assertThat(GantrySettings.skipped(module(skip("true"), execution(null)))).isTrue();
        assertThat(GantrySettings.skipped(module(null, execution(skip("true")), execution(skip(" TRUE "))))).isTrue();
    }

    @Test
    void a_module_with_an_execution_that_still_runs_is_not_skipped() {
        assertThat(GantrySettings.skipped(module(null))).isFalse();
        assertThat(GantrySettings.skipped(module(skip("false")))).isFalse();
        assertThat(GantrySettings.skipped(module(skip("true"), execution(skip("false"))))).isFalse();
        assertThat(GantrySettings.skipped(module(null, execution(skip("true")), execution(null)))).isFalse();
        assertThat(GantrySettings.skipped(new MavenProject(new Model()))).isFalse();
    }

    private static MavenProject module(Xpp3Dom configuration, PluginExecution... executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.gantry");
        plugin.setArtifactId("gantry-maven-plugin");
        plugin.setConfiguration(configuration);
        for (PluginExecution execution : executions) {
            plugin.addExecution(execution);
        }
        Model model = new Model();
        model.setBuild(new org.apache.maven.model.Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    private static PluginExecution execution(Xpp3Dom configuration) {
        PluginExecution execution = new PluginExecution();
        execution.setId("e" + System.identityHashCode(configuration));
        execution.addGoal("publish");
        execution.setConfiguration(configuration);
        return execution;
    }

    private static Xpp3Dom skip(String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom skip = new Xpp3Dom("skip");
        skip.setValue(value);
        configuration.addChild(skip);
        return configuration;
    }
}
