package dev.gantry.maven;

import static dev.gantry.maven.MainClassSettingsTest.properties;
import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** A module's own value of a setting the plan reads once, elsewhere; the image repository read where the image is. */
class ModuleGantrySettingsTest {

    private static final Properties NONE = new Properties();

    /** A module declaring Gantry with one execution of its goals, configured so (null: not configured). */
    private static MavenProject gantry(String artifactId, String configuration) throws Exception {
        PluginExecution execution = execution("default", null, "plan", "image", "publish", "tag");
        if (configuration != null) {
            execution.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration
                    + "</configuration>")));
        }
        MavenProject module = withPlugin("dev.gantry", "gantry-maven-plugin", execution);
        module.setArtifactId(artifactId);
        return module;
    }

    private static Optional<String> refusal(MavenProject planning, MavenProject module) {
        return ModuleGantrySettings.differing(List.of(planning, module), planning, "default", NONE)
                .map(Throwable::getMessage);
    }

    @Test
    void a_module_setting_another_flow_than_the_plans_is_refused_with_where_to_set_it() throws Exception {
        assertThat(refusal(gantry("shop", null), gantry("orders", "<flow>trunk</flow>"))).hasValue("Module orders sets "
                + "Gantry's <flow> to trunk (<flow>trunk</flow> in its configuration), but the plan is made once for the "
                + "whole reactor, in shop, whose <flow> is gitflow: orders's would be ignored. Nothing was built. Set "
                + "<flow> in shop's POM (or in the parent POM the modules inherit gantry-maven-plugin from), and remove it "
                + "from orders's (its gantry-maven-plugin configuration, or its <properties>).");
    }

    @Test
    void a_property_of_the_modules_own_counts_and_an_unset_setting_does_not() throws Exception {
        MavenProject orders = gantry("orders", null);
        orders.getProperties().setProperty("gantry.tagPrefix", "release-");
        assertThat(refusal(gantry("shop", null), orders)).hasValueSatisfying(m -> assertThat(m).startsWith(
                "Module orders sets Gantry's <tagPrefix> to release- (<gantry.tagPrefix>release-</gantry.tagPrefix> in the "
                        + "module's <properties>), but the plan is made once for the whole reactor, in shop, whose "
                        + "<tagPrefix> is v:"));
        // the plan's own choice, which a module leaving it unset does not contradict
        assertThat(refusal(gantry("shop", "<flow>trunk</flow><imageModule>orders</imageModule>"), gantry("orders", null)))
                .isEmpty();
    }

    @Test
    void not_when_the_module_agrees_or_is_left_out_of_the_release() throws Exception {
        assertThat(refusal(gantry("shop", "<flow>trunk</flow>"), gantry("orders", "<flow>trunk</flow>"))).isEmpty();
        // -D gives the plan trunk, and the module's own configuration, which outranks -D, says the same
        MavenProject shop = gantry("shop", null);
        assertThat(ModuleGantrySettings.differing(List.of(shop, gantry("orders", "<flow>trunk</flow>")), shop, "default",
                properties("gantry.flow", "trunk"))).isEmpty();
        assertThat(ModuleGantrySettings.differing(List.of(shop, gantry("orders", "<flow>trunk</flow>")), shop, "default",
                properties("gantry.flow", "gitflow"))).isPresent();
        MavenProject skipped = gantry("bench", "<flow>trunk</flow><skip>true</skip>");
        assertThat(refusal(gantry("shop", null), skipped)).isEmpty();
        assertThat(refusal(gantry("shop", null), withPlugin("org.apache.maven.plugins", "maven-jar-plugin"))).isEmpty();
    }

    @Test
    void branch_rules_of_a_modules_own_are_refused() throws Exception {
        String rules = "<branches><branch><pattern>release/*</pattern><release>stable</release></branch></branches>";
        assertThat(refusal(gantry("shop", null), gantry("orders", rules))).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Module orders sets Gantry's <branches> to rules of its own (<branches> in its "
                        + "configuration), but the plan is made once for the whole reactor, in shop, whose <branches> "
                        + "is none:"));
        assertThat(refusal(gantry("shop", rules), gantry("orders", rules))).isEmpty();
    }

    @Test
    void the_image_repository_is_read_where_the_image_goal_runs() throws Exception {
        assertThat(ModuleGantrySettings.imageRepository(gantry("orders", "<imageRepository>registry.example.com/orders"
                + "</imageRepository>"), NONE)).isEqualTo("registry.example.com/orders");
        MavenProject byProperty = gantry("orders", null);
        byProperty.getProperties().setProperty("gantry.image.repository", "registry.example.com/team/orders");
        assertThat(ModuleGantrySettings.imageRepository(byProperty, NONE)).isEqualTo("registry.example.com/team/orders");
        assertThat(ModuleGantrySettings.imageRepository(byProperty, properties("gantry.image.repository", "x/y")))
                .isEqualTo("x/y");
        assertThat(ModuleGantrySettings.imageRepository(gantry("orders", null), NONE)).isNull();
        assertThat(ModuleGantrySettings.imageRepository(withPlugin("org.apache.maven.plugins", "maven-jar-plugin"),
                NONE)).isNull();
    }
}
