package dev.gantry.maven;

import static dev.gantry.maven.MainClassSettingsTest.properties;
import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.maven.ModuleGantrySettings.PlanSetting;
import dev.gantry.release.GantryException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A module's own value of a setting the plan reads once, elsewhere; the image repository read where the image is. */
class ModuleGantrySettingsTest {

    private static final Properties NONE = new Properties();
    private static final String RULES = "<branches><branch><pattern>release/*</pattern><release>stable</release>"
            + "</branch></branches>";

    private static Xpp3Dom xml(String configuration) throws Exception {
        return Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
    }

    /** A module declaring Gantry with one execution of its goals at this phase, configured so (null: not configured). */
    private static MavenProject gantry(String artifactId, String phase, String configuration) throws Exception {
        PluginExecution execution = execution("default", phase, "plan", "image", "publish", "tag");
        if (configuration != null) {
            execution.setConfiguration(xml(configuration));
        }
        MavenProject module = withPlugin("dev.gantry", "gantry-maven-plugin", execution);
        module.setArtifactId(artifactId);
        return module;
    }

    private static MavenProject gantry(String artifactId, String configuration) throws Exception {
        return gantry(artifactId, null, configuration);
    }

    /** The plan's values as its goal is given them by default: gitflow, tag prefix v, origin; no branch rules. */
    private static Map<PlanSetting, String> defaults() {
        Map<PlanSetting, String> plans = new LinkedHashMap<>();
        plans.put(ModuleGantrySettings.FLOW, "gitflow");
        plans.put(ModuleGantrySettings.TAG_PREFIX, "v");
        plans.put(ModuleGantrySettings.ALLOW_DIRTY, "false");
        plans.put(ModuleGantrySettings.BRANCH, null);
        plans.put(ModuleGantrySettings.GIT_REMOTE, "origin");
        plans.put(ModuleGantrySettings.IMAGE_MODULE, "orders");
        return plans;
    }

    private static void check(MavenProject module, Map<PlanSetting, String> plans, Xpp3Dom branches,
            Properties properties) throws Exception {
        MavenProject shop = gantry("shop", null);
        ModuleGantrySettings.check(List.of(shop, module), shop, plans, branches, properties);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(MavenProject module) {
        return assertThatThrownBy(() -> check(module, defaults(), null, NONE));
    }

    @Test
    void a_module_setting_another_flow_than_the_plans_is_refused_with_where_to_set_it() throws Exception {
        refusing(gantry("orders", "<flow>trunk</flow>")).hasMessage("Module orders sets Gantry's <flow> to trunk "
                + "(<flow>trunk</flow> in its configuration), but Gantry makes one plan for the whole reactor, in shop, "
                + "where <flow> is gitflow: the module's value would be ignored. Nothing was built or published. Set "
                + "<flow> where the plan is made, in shop's POM (or the parent POM the modules inherit "
                + "gantry-maven-plugin from), and remove it from module orders (its gantry-maven-plugin configuration or "
                + "<properties>, or the parent POM it inherits them from).");
    }

    @Test
    void a_property_of_the_modules_own_counts_and_an_unset_setting_does_not() throws Exception {
        MavenProject orders = gantry("orders", null);
        orders.getProperties().setProperty("gantry.tagPrefix", "release-");
        refusing(orders).hasMessageStartingWith("Module orders sets Gantry's <tagPrefix> to release- "
                + "(<gantry.tagPrefix>release-</gantry.tagPrefix> in the module's <properties>), but Gantry makes one "
                + "plan for the whole reactor, in shop, where <tagPrefix> is v:");
        // the plan's own choice, which a module leaving it unset does not contradict
        Map<PlanSetting, String> trunk = defaults();
        trunk.put(ModuleGantrySettings.FLOW, "trunk");
        assertThatCode(() -> check(gantry("orders", null), trunk, xml(RULES).getChild("branches"), NONE))
                .doesNotThrowAnyException();
    }

    @Test
    void not_when_the_module_agrees_in_gantrys_reading_or_only_follows_minus_d() throws Exception {
        Map<PlanSetting, String> trunk = defaults();
        trunk.put(ModuleGantrySettings.FLOW, "trunk");
        assertThatCode(() -> check(gantry("orders", "<flow>Trunk</flow><allowDirty>FALSE</allowDirty>"
                + "<imageModule>orders</imageModule>"), trunk, null, NONE)).doesNotThrowAnyException();
        // the plan's POM sets gitflow, which outranks -D there; the module, not inheriting it, follows -D: no choice of its
        assertThatCode(() -> check(gantry("orders", null), defaults(), null, properties("gantry.flow", "trunk")))
                .doesNotThrowAnyException();
    }

    @Test
    void an_empty_element_is_no_setting_and_an_empty_branches_holds_no_rules() throws Exception {
        Map<PlanSetting, String> developBranch = defaults();
        developBranch.put(ModuleGantrySettings.BRANCH, "develop");
        assertThatCode(() -> check(gantry("orders", "<branch></branch><flow/>"), developBranch, null, NONE))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(gantry("orders", "<branches/>"), defaults(), null, NONE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(gantry("orders", "<branches/>"), defaults(), xml(RULES).getChild("branches"),
                NONE)).hasMessageStartingWith("Module orders sets Gantry's <branches> to no rules (an empty "
                        + "<branches/>), but Gantry makes one plan for the whole reactor, in shop, where <branches> holds "
                        + "others (release/*):");
    }

    @Test
    void not_a_module_left_out_of_the_release() throws Exception {
        refusing(gantry("bench", "<flow>trunk</flow>")).hasMessageContaining("<flow>");
        assertThatCode(() -> check(gantry("bench", "<flow>trunk</flow><skip>true</skip>"), defaults(), null, NONE))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(gantry("bench", "none", "<flow>trunk</flow>"), defaults(), null, NONE))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(withPlugin("org.apache.maven.plugins", "maven-jar-plugin"), defaults(), null, NONE))
                .doesNotThrowAnyException();
    }

    @Test
    void the_plugins_configuration_counts_where_the_module_has_no_execution() throws Exception {
        MavenProject orders = withPlugin("dev.gantry", "gantry-maven-plugin");
        orders.setArtifactId("orders");
        orders.getPlugin(GantryMojo.PLUGIN_KEY).setConfiguration(xml("<gitRemote>upstream</gitRemote>"));
        refusing(orders).hasMessageContaining("sets Gantry's <gitRemote> to upstream");
    }

    @Test
    void branch_rules_of_a_modules_own_are_refused_naming_their_patterns() throws Exception {
        refusing(gantry("orders", RULES)).hasMessageStartingWith("Module orders sets Gantry's <branches> to rules of "
                + "its own (release/*), but Gantry makes one plan for the whole reactor, in shop, where <branches> holds "
                + "none:");
        assertThatCode(() -> check(gantry("orders", RULES), defaults(), xml(RULES).getChild("branches"), NONE))
                .doesNotThrowAnyException();
    }

    @Test
    void the_same_rules_written_in_another_order_of_elements_agree_and_a_rule_order_does_not() throws Exception {
        String plans = "<branches><branch><pattern>main</pattern><release>stable</release><movingTags><tag>latest</tag>"
                + "</movingTags><allowMaintenance>false</allowMaintenance></branch><branch><pattern>release/*</pattern>"
                + "<release>stable</release><images>true</images></branch></branches>";
        String same = "<branches><branch><movingTags><tag>latest</tag></movingTags><release>STABLE</release>"
                + "<pattern> main </pattern></branch><branch><images>TRUE</images><release>stable</release>"
                + "<pattern>release/*</pattern><environmentTag></environmentTag></branch></branches>";
        assertThatCode(() -> check(gantry("orders", same), defaults(), xml(plans).getChild("branches"), NONE))
                .doesNotThrowAnyException();
        String reordered = "<branches><branch><pattern>release/*</pattern><release>stable</release><images>true</images>"
                + "</branch><branch><pattern>main</pattern><release>stable</release><movingTags><tag>latest</tag>"
                + "</movingTags></branch></branches>";
        assertThatThrownBy(() -> check(gantry("orders", reordered), defaults(), xml(plans).getChild("branches"), NONE))
                .hasMessageContaining("to rules of its own (release/*, main)")
                .hasMessageContaining("holds others (main, release/*)");
        String otherTag = same.replace("<tag>latest</tag>", "<tag>stable</tag>");
        assertThatThrownBy(() -> check(gantry("orders", otherTag), defaults(), xml(plans).getChild("branches"), NONE))
                .hasMessageContaining("<branches>");
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

    /**
     * Maven gives a parameter set in a POM before its -D property, and says nothing: a -D image setting the plan does not
     * use is warned of, naming what was given, what is used, where, and how to let -D choose.
     */
    @Nested
    class A_command_line_image_setting_that_a_POM_outranks {

        private static final Properties GIVEN = properties("gantry.image.repository", "registry.example.com/elsewhere",
                "gantry.image.module", "billing");

        /** A parent's {@code <imageRepository>}, as Maven's model tracks where the element was read. */
        private Xpp3Dom inheritedFrom(String pom, String configuration) throws Exception {
            Xpp3Dom dom = xml(configuration);
            InputSource source = new InputSource();
            source.setModelId(pom);
            dom.getChild("imageRepository").setInputLocation(new InputLocation(31, 28, source));
            return dom;
        }

        private List<String> warnings(MavenProject planning, Object configuration, MavenProject imageModule,
                Properties given) throws GantryException {
            Properties build = new Properties();
            build.putAll(given);
            return ModuleGantrySettings.imageSettingsOutranking(given, planning, configuration, imageModule, build);
        }

        @Test
        void is_warned_of_naming_both_values_the_pom_that_sets_it_and_the_fix() throws Exception {
            MavenProject orders = gantry("orders", null);
            Xpp3Dom configuration = inheritedFrom("com.example:platform-parent:3.2.0",
                    "<imageRepository>registry.example.com/team/orders</imageRepository>");

            assertThat(warnings(orders, configuration, orders, GIVEN)).containsExactly("-Dgantry.image.repository="
                    + "registry.example.com/elsewhere is not used: the plan's <imageRepository> is "
                    + "registry.example.com/team/orders, set in the gantry-maven-plugin configuration of module orders "
                    + "(in the POM com.example:platform-parent:3.2.0), and Maven gives a plugin parameter set in a POM "
                    + "precedence over its -D property, silently. For -D to choose, set <imageRepository>"
                    + "${gantry.image.repository}</imageRepository> there, and give <gantry.image.repository> its present "
                    + "value in the <properties> of the same POM, as the default.");
        }

        /** Refused, not warned of: the image would be another service's, in a per-service loop every time. */
        @Test
        void an_image_module_set_in_the_pom_is_refused() throws Exception {
            MavenProject shop = gantry("shop", null);

            assertThatThrownBy(() -> warnings(shop, xml("<imageModule>orders</imageModule>"), null, GIVEN)).hasMessage(
                    "-Dgantry.image.module=billing asks for the image of module billing, and the plan's <imageModule> is "
                            + "orders, set in the gantry-maven-plugin configuration of module shop (in its POM or a parent "
                            + "POM it inherits from), which Maven gives precedence over the -D property, silently: this "
                            + "build would ship orders's image where billing's was asked for. Nothing was built. For -D to "
                            + "choose, set <imageModule>${gantry.image.module}</imageModule> there, and give "
                            + "<gantry.image.module> its present value in the <properties> of the same POM, as the default; "
                            + "or leave -Dgantry.image.module out.");
        }

        @Test
        void the_image_modules_own_repository_is_the_one_compared() throws Exception {
            MavenProject shop = gantry("shop", null);
            MavenProject orders = gantry("orders", "<imageRepository>registry.example.com/team/orders</imageRepository>");

            // the planning goal leaves the repository to -D, the image module's own configuration does not
            assertThat(warnings(shop, xml("<imageRepository>${gantry.image.repository}</imageRepository>"), orders, GIVEN))
                    .singleElement().asString().startsWith("-Dgantry.image.repository=registry.example.com/elsewhere is "
                            + "not used: the plan's <imageRepository> is registry.example.com/team/orders, set in the "
                            + "gantry-maven-plugin configuration of module orders (");
            // an image module whose image goal takes -D's: the image goes there, whatever the planning goal says
            assertThat(warnings(shop, xml("<imageRepository>registry.example.com/team/shop</imageRepository>"),
                    gantry("orders", null), GIVEN)).isEmpty();
            // an image module that does not declare Gantry: the planning goal's repository is the plan's
            MavenProject undeclared = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            undeclared.setArtifactId("orders");
            assertThat(warnings(shop, xml("<imageRepository>registry.example.com/team/shop</imageRepository>"),
                    undeclared, GIVEN)).singleElement().asString()
                    .contains("the plan's <imageRepository> is registry.example.com/team/shop, set in the "
                            + "gantry-maven-plugin configuration of module shop (");
        }

        @Test
        void is_not_warned_of_when_minus_D_chooses_the_value() throws Exception {
            MavenProject orders = gantry("orders", null);
            orders.getProperties().setProperty("gantry.image.repository", "registry.example.com/team/orders");
            // the property's expression, which the POM leaves to -D (Maven's model holds -D's value there, or the
            // expression itself when nothing defines it)
            assertThat(warnings(orders, xml("<imageRepository>${gantry.image.repository}</imageRepository>"
                    + "<imageModule>${gantry.image.module}</imageModule>"), orders, GIVEN)).isEmpty();
            assertThat(warnings(orders, xml("<imageRepository>registry.example.com/elsewhere</imageRepository>"
                    + "<imageModule>billing</imageModule>"), orders, GIVEN)).isEmpty();
            // unset in the configuration: -D outranks the module's <properties>
            assertThat(warnings(orders, xml(""), orders, GIVEN)).isEmpty();
            // an empty element sets nothing: Maven takes the property
            assertThat(warnings(orders, xml("<imageRepository></imageRepository>"), orders, GIVEN)).isEmpty();
        }

        /** The advice that recommends both -D flags says what a POM must do for each to be heard. */
        @Test
        void the_advice_for_several_services_names_both_settings_a_pom_must_leave_to_minus_D() {
            assertThat(dev.gantry.release.Refusals.otherServicesWithoutImage("billing", List.of("orders"), List.of()))
                    .contains("each with -Dgantry.image.module=<module> and -Dgantry.image.repository=<its image "
                            + "repository> (a POM that sets <imageModule> must set it to ${gantry.image.module}, and one "
                            + "that sets <imageRepository> to ${gantry.image.repository}, for -D to choose);");
        }

        @Test
        void is_not_warned_of_without_minus_D() throws Exception {
            MavenProject orders = gantry("orders", null);
            assertThat(warnings(orders, xml("<imageRepository>registry.example.com/team/orders</imageRepository>"
                    + "<imageModule>orders</imageModule>"), orders, NONE)).isEmpty();
            // a system property of the JVM is no -D of the build's
            Properties build = properties("gantry.image.repository", "registry.example.com/elsewhere");
            assertThat(ModuleGantrySettings.imageSettingsOutranking(NONE, orders,
                    xml("<imageRepository>registry.example.com/team/orders</imageRepository>"), orders, build)).isEmpty();
        }
    }

    /** The plan says which module the image is built from, and where that was set. */
    @Nested
    class Where_the_image_module_is_set {

        @Test
        void names_minus_D_when_minus_D_chose_it() throws Exception {
            Properties build = properties("gantry.image.module", "billing");
            assertThat(ModuleGantrySettings.whereSet(ModuleGantrySettings.IMAGE_MODULE, xml(""), gantry("shop", null),
                    build)).isEqualTo("-Dgantry.image.module=billing");
            assertThat(ModuleGantrySettings.whereSet(ModuleGantrySettings.IMAGE_MODULE,
                    xml("<imageModule>${gantry.image.module}</imageModule>"), gantry("shop", null), build))
                    .isEqualTo("-Dgantry.image.module=billing");
        }

        @Test
        void names_the_configuration_or_the_properties_otherwise() throws Exception {
            Properties build = properties("gantry.image.module", "billing");
            assertThat(ModuleGantrySettings.whereSet(ModuleGantrySettings.IMAGE_MODULE,
                    xml("<imageModule>orders</imageModule>"), gantry("shop", null), build)).isEqualTo("<imageModule>");
            MavenProject shop = gantry("shop", null);
            shop.getProperties().setProperty("gantry.image.module", "orders");
            assertThat(ModuleGantrySettings.whereSet(ModuleGantrySettings.IMAGE_MODULE, xml(""), shop, NONE))
                    .isEqualTo("<gantry.image.module>orders</gantry.image.module> in the <properties> of shop");
        }
    }
}
