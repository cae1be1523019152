package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.image.JibPluginSettings;
import java.io.File;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A jib-maven-plugin left in a module: whether it pushes in mvn deploy, and the image settings it holds, as Jib reads them. */
class JibMavenPluginTest {

    private static final Properties NONE = new Properties();
    private static final File BASEDIR = new File("/work/orders").getAbsoluteFile();

    private static MavenProject jib(String configuration, PluginExecution... executions) throws Exception {
        MavenProject module = withPlugin("com.google.cloud.tools", "jib-maven-plugin", executions);
        module.setFile(new File(BASEDIR, "pom.xml"));
        if (configuration != null) {
            module.getPlugin("com.google.cloud.tools:jib-maven-plugin")
                    .setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration
                            + "</configuration>")));
        }
        return module;
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Nested
    class Pushes_in_the_lifecycle {

        @Test
        void when_an_execution_binds_build_to_a_phase() throws Exception {
            assertThat(JibMavenPlugin.pushesInTheLifecycle(jib(null, execution("push", "package", "build")), NONE)).isTrue();
        }

        @Test
        void not_when_declared_only_for_the_command_line_or_bound_to_none_or_building_to_a_daemon() throws Exception {
            assertThat(JibMavenPlugin.pushesInTheLifecycle(jib("<to><image>x</image></to>"), NONE)).isFalse();
            assertThat(JibMavenPlugin.pushesInTheLifecycle(jib(null, execution("push", "none", "build")), NONE)).isFalse();
            assertThat(JibMavenPlugin.pushesInTheLifecycle(jib(null, execution("local", "package", "dockerBuild",
                    "buildTar")), NONE)).isFalse();
        }

        @Test
        void not_when_jib_is_told_to_skip_in_its_configuration_or_by_property() throws Exception {
            assertThat(JibMavenPlugin.pushesInTheLifecycle(jib("<skip>true</skip>", execution("push", "package", "build")),
                    NONE)).isFalse();
            MavenProject bound = jib(null, execution("push", "package", "build"));
            assertThat(JibMavenPlugin.pushesInTheLifecycle(bound, properties("jib.skip", "true"))).isFalse();
            bound.getProperties().setProperty("jib.skip", "true");
            assertThat(JibMavenPlugin.pushesInTheLifecycle(bound, NONE)).isFalse();
        }
    }

    @Test
    void recognises_jibs_build_goal_named_on_the_command_line() {
        assertThat(JibMavenPlugin.namedOnTheCommandLine(List.of("deploy", "jib:build"))).contains("jib:build");
        assertThat(JibMavenPlugin.namedOnTheCommandLine(
                List.of("deploy", "com.google.cloud.tools:jib-maven-plugin:3.5.2:build"))).isPresent();
        assertThat(JibMavenPlugin.namedOnTheCommandLine(List.of("deploy", "jib:dockerBuild", "jib:buildTar",
                "gantry:image"))).isEmpty();
    }

    @Test
    void a_build_goal_named_on_the_command_line_is_skipped_by_jib_skip() throws Exception {
        assertThat(JibMavenPlugin.skipped(jib(null), properties("jib.skip", "true"))).isTrue();
        assertThat(JibMavenPlugin.skipped(jib(null), NONE)).isFalse();
    }

    @Nested
    class Reads_the_image_settings {

        @Test
        void none_when_the_module_does_not_declare_jib() {
            assertThat(JibMavenPlugin.settings(withPlugin("org.apache.maven.plugins", "maven-jar-plugin"), NONE)).isEmpty();
        }

        @Test
        void of_a_full_configuration_as_written() throws Exception {
            JibPluginSettings settings = JibMavenPlugin.settings(jib("""
                    <from><image>registry.example.com/base/java:17</image>
                      <platforms><platform><architecture>arm64</architecture><os>linux</os></platform></platforms></from>
                    <to><image>registry.example.com/team/orders</image></to>
                    <container>
                      <jvmFlags><jvmFlag>-Xmx512m</jvmFlag><jvmFlag>-Dspring.profiles.active=prod</jvmFlag></jvmFlags>
                      <mainClass>com.example.Orders</mainClass>
                      <args><arg>--verbose</arg></args>
                      <environment><TZ>UTC</TZ><EMPTY></EMPTY></environment>
                      <ports><port>8080</port><port>9000-9001/udp</port></ports>
                      <labels><team>payments</team></labels>
                      <user>1000</user>
                      <appRoot>/srv</appRoot>
                      <workingDirectory>/srv</workingDirectory>
                      <volumes><volume>/tmp</volume></volumes>
                    </container>
                    <extraDirectories><paths><path>src/main/extra</path>
                      <path><from>conf</from><into>/etc/orders</into></path></paths></extraDirectories>
                    """), NONE).orElseThrow();

            assertThat(settings.from()).isEqualTo("registry.example.com/base/java:17");
            assertThat(settings.platforms()).containsExactly("linux/arm64");
            assertThat(settings.jvmFlags()).containsExactly("-Xmx512m", "-Dspring.profiles.active=prod");
            assertThat(settings.mainClass()).isEqualTo("com.example.Orders");
            assertThat(settings.args()).containsExactly("--verbose");
            assertThat(settings.environment()).isEqualTo(Map.of("TZ", "UTC", "EMPTY", ""));
            assertThat(settings.ports()).containsExactly("8080", "9000-9001/udp");
            assertThat(settings.labels()).isEqualTo(Map.of("team", "payments"));
            assertThat(settings.user()).isEqualTo("1000");
            assertThat(settings.appRoot()).isEqualTo("/srv");
            assertThat(settings.extraDirectories()).containsExactly(
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("src/main/extra"), "/"),
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("conf"), "/etc/orders"));
            assertThat(settings.unmatched()).isEqualTo(Map.of("<container><workingDirectory>", "/srv",
                    "<container><volumes>", "/tmp"));
        }

        @Test
        void of_its_build_execution_turned_off_over_the_plugins_own() throws Exception {
            PluginExecution push = execution("push", "none", "build");
            push.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration><container><environment>"
                    + "<TZ>UTC</TZ></environment></container></configuration>")));
            JibPluginSettings settings = JibMavenPlugin.settings(jib("<from><image>eclipse-temurin:21-jre</image></from>"
                    + "<container><environment><TZ>CET</TZ></environment></container>", push), NONE).orElseThrow();

            assertThat(settings.from()).isEqualTo("eclipse-temurin:21-jre");
            assertThat(settings.environment()).isEqualTo(Map.of("TZ", "UTC"));
        }

        @Test
        void a_jib_property_before_the_configuration_as_jib_reads_it() throws Exception {
            MavenProject module = jib("<from><image>eclipse-temurin:17-jre</image></from>"
                    + "<container><jvmFlags><jvmFlag>-Xmx1g</jvmFlag></jvmFlags></container>");
            module.getProperties().setProperty("jib.from.image", "registry.example.com/base/java:21");
            JibPluginSettings settings = JibMavenPlugin.settings(module,
                    properties("jib.container.jvmFlags", "-Xss1m, -Xmx2g", "jib.container.environment", "A=1,B=2"))
                    .orElseThrow();

            assertThat(settings.from()).isEqualTo("registry.example.com/base/java:21");
            assertThat(settings.jvmFlags()).containsExactly("-Xss1m", "-Xmx2g");
            assertThat(settings.environment()).isEqualTo(Map.of("A", "1", "B", "2"));
        }

        @Test
        void nothing_from_a_value_no_property_resolved_nor_from_a_configuration_that_only_says_where_to_push()
                throws Exception {
            JibPluginSettings settings = JibMavenPlugin.settings(jib("<from><image>${base.image}</image></from>"
                    + "<to><image>registry.example.com/team/orders</image><tags><tag>latest</tag></tags></to>"
                    + "<containerizingMode>exploded</containerizingMode>"), NONE).orElseThrow();

            assertThat(settings).isEqualTo(new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(),
                    List.of(), Map.of(), null, null, List.of(), Map.of()));
        }

        /** Jib splits a list property on commas, except one escaped as \, which stays in the item. */
        @Test
        void a_list_property_split_as_jib_splits_it() throws Exception {
            JibPluginSettings settings = JibMavenPlugin.settings(jib(null), properties("jib.container.jvmFlags",
                    "-Dspring.profiles.active=prod\\,cloud,-XX:MaxRAMPercentage=75.0", "jib.container.environment",
                    "GREETING=hello\\, world,TZ=UTC")).orElseThrow();

            assertThat(settings.jvmFlags()).containsExactly("-Dspring.profiles.active=prod,cloud",
                    "-XX:MaxRAMPercentage=75.0");
            assertThat(settings.environment()).containsExactly(Map.entry("GREETING", "hello, world"), Map.entry("TZ", "UTC"));
        }

        /** Where a POM configures Jib for mvn jib:build without declaring it in the build. */
        @Test
        void of_a_plugin_configured_only_in_plugin_management() throws Exception {
            MavenProject module = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
            module.getModel().getBuild().setPluginManagement(new org.apache.maven.model.PluginManagement());
            org.apache.maven.model.Plugin managed = new org.apache.maven.model.Plugin();
            managed.setGroupId("com.google.cloud.tools");
            managed.setArtifactId("jib-maven-plugin");
            managed.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                    "<configuration><container><ports><port>8080</port></ports></container></configuration>")));
            module.getModel().getBuild().getPluginManagement().addPlugin(managed);

            assertThat(JibMavenPlugin.settings(module, NONE).orElseThrow().ports()).containsExactly("8080");
        }

        @Test
        void extra_files_jib_gives_their_own_modes_copies_in_part_or_extensions_as_settings_gantry_has_none_of()
                throws Exception {
            JibPluginSettings settings = JibMavenPlugin.settings(jib("""
                    <extraDirectories>
                      <paths><path><from>src/main/jib</from><includes>*.sh</includes></path></paths>
                      <permissions><permission><file>/opt/app/healthcheck.sh</file><mode>755</mode></permission></permissions>
                    </extraDirectories>
                    <container><expandClasspathDependencies>true</expandClasspathDependencies></container>
                    <pluginExtensions><pluginExtension>
                      <implementation>com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension</implementation>
                    </pluginExtension></pluginExtensions>
                    """), NONE).orElseThrow();

            assertThat(settings.unmatched()).containsExactly(
                    Map.entry("<container><expandClasspathDependencies>", "true"),
                    Map.entry("<extraDirectories><permissions>", "/opt/app/healthcheck.sh=755"),
                    Map.entry("<extraDirectories><paths><path><includes>/<excludes>", "src/main/jib"),
                    Map.entry("<pluginExtensions>",
                            "com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension"));
        }

        @Test
        void a_packaged_jar_and_an_entrypoint_as_settings_gantry_has_none_of() throws Exception {
            JibPluginSettings settings = JibMavenPlugin.settings(jib("<containerizingMode>packaged</containerizingMode>"
                    + "<container><entrypoint><arg>/bin/sh</arg><arg>-c</arg><arg>java -jar app.jar</arg></entrypoint>"
                    + "</container>"), NONE).orElseThrow();

            assertThat(settings.unmatched()).containsExactly(Map.entry("<container><entrypoint>", "/bin/sh -c java -jar app.jar"),
                    Map.entry("<containerizingMode>", "packaged"));
        }
    }
}
