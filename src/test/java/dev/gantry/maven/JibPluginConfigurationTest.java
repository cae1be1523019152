package dev.gantry.maven;

import static dev.gantry.maven.MainClassSettingsTest.properties;
import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.image.JibPluginSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The image settings a jib-maven-plugin left in a module holds, read as Jib reads them. */
class JibPluginConfigurationTest {

    private static final Properties NONE = new Properties();
    /** The module's directory, with the extra directories the tests name (Jib leaves out one that does not exist). */
    private static final File BASEDIR = moduleDirectory();

    private static File moduleDirectory() {
        try {
            Path dir = Files.createTempDirectory("jib-module");
            for (String extra : List.of("src/main/extra", "src/main/jib", "conf")) {
                Files.createDirectories(dir.resolve(extra));
            }
            dir.toFile().deleteOnExit();
            return dir.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MavenProject jib(String configuration, PluginExecution... executions) throws Exception {
        MavenProject module = withPlugin("com.google.cloud.tools", "jib-maven-plugin", executions);
        module.setFile(new File(BASEDIR, "pom.xml"));
        if (configuration != null) {
            module.getPlugin("com.google.cloud.tools:jib-maven-plugin")
                    .setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration
                            + "</configuration>")));
        }
        return module;
    }

    /** The settings of a module built on its own: the module is the reactor. */
    private static Optional<JibPluginSettings> settings(MavenProject module, Properties buildProperties) {
        return JibPluginConfiguration.settings(module, List.of(module), buildProperties);
    }

    /** A module whose effective model manages Jib with this configuration, as its own POM or a parent's declares it. */
    private static MavenProject managingJib(String configuration, PluginExecution... executions) throws Exception {
        MavenProject module = withPlugin("org.apache.maven.plugins", "maven-jar-plugin");
        module.getModel().getBuild().setPluginManagement(new org.apache.maven.model.PluginManagement());
        org.apache.maven.model.Plugin managed = new org.apache.maven.model.Plugin();
        managed.setGroupId("com.google.cloud.tools");
        managed.setArtifactId("jib-maven-plugin");
        if (configuration != null) {
            managed.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
        }
        for (PluginExecution execution : executions) {
            managed.addExecution(execution);
        }
        module.getModel().getBuild().getPluginManagement().addPlugin(managed);
        return module;
    }

    /** The execution, given this configuration (as Maven's model gives it: the plugin's own merged in). */
    private static PluginExecution configured(PluginExecution execution, String configuration) throws Exception {
        execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
        return execution;
    }

    @Nested
    class Reads_the_image_settings {

        @Test
        void none_when_the_module_does_not_declare_jib() {
            assertThat(settings(withPlugin("org.apache.maven.plugins", "maven-jar-plugin"), NONE)).isEmpty();
        }

        @Test
        void of_a_full_configuration_as_written() throws Exception {
            JibPluginSettings settings = settings(jib("""
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
                      <workingDirectory>/srv/config</workingDirectory>
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
            assertThat(settings.workingDirectory()).isEqualTo("/srv/config");
            assertThat(settings.extraDirectories()).containsExactly(
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("src/main/extra"), "src/main/extra", "/"),
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("conf"), "conf", "/etc/orders"));
            assertThat(settings.unmatched()).containsExactly(
                    Map.entry("<container><volumes> (jib.container.volumes)", "/tmp"));
        }

        /** As Maven's model gives it: the plugin's configuration merged into the execution's, the execution's first. */
        @Test
        void of_its_build_execution_turned_off_rather_than_the_plugins_own() throws Exception {
            PluginExecution push = configured(execution("push", "none", "build"), "<configuration><container>"
                    + "<environment><TZ>UTC</TZ></environment></container><from><image>eclipse-temurin:21-jre</image>"
                    + "</from></configuration>");
            JibPluginSettings settings = settings(jib("<from><image>eclipse-temurin:21-jre</image></from>"
                    + "<container><environment><TZ>CET</TZ></environment></container>", push), NONE).orElseThrow();

            assertThat(settings.from()).isEqualTo("eclipse-temurin:21-jre");
            assertThat(settings.environment()).isEqualTo(Map.of("TZ", "UTC"));
        }

        /** Maven's model has merged the plugin's configuration into the execution's: merged again, a list would double. */
        @Test
        void of_an_execution_as_maven_merged_it_once() throws Exception {
            PluginExecution push = configured(execution("push", "none", "build"), "<configuration><container>"
                    + "<jvmFlags combine.children=\"append\"><jvmFlag>-Xmx1g</jvmFlag><jvmFlag>-Xss1m</jvmFlag></jvmFlags>"
                    + "</container></configuration>");
            JibPluginSettings settings = settings(jib("<container><jvmFlags>"
                    + "<jvmFlag>-Xmx1g</jvmFlag></jvmFlags></container>", push), NONE).orElseThrow();

            assertThat(settings.jvmFlags()).containsExactly("-Xmx1g", "-Xss1m");
        }

        @Test
        void from_properties_for_platforms_and_extra_directories_too() throws Exception {
            JibPluginSettings settings = settings(jib(null), properties("jib.from.platforms",
                    "linux/amd64,linux/arm64", "jib.extraDirectories.paths", "src/main/extra")).orElseThrow();

            assertThat(settings.platforms()).containsExactly("linux/amd64", "linux/arm64");
            assertThat(settings.extraDirectories()).containsExactly(
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("src/main/extra"), "src/main/extra", "/"));
        }

        @Test
        void a_base_image_from_a_docker_daemon_or_a_tar_as_a_setting_gantry_has_none_of() throws Exception {
            JibPluginSettings settings = settings(jib("<from><image>docker://orders-base</image>"
                    + "</from>"), NONE).orElseThrow();

            assertThat(settings.from()).isNull();
            assertThat(settings.unmatched()).containsExactly(Map.entry("<from><image> (jib.from.image)",
                    "docker://orders-base (Gantry pulls its base from a registry)"));
        }

        @Test
        void a_jib_property_before_the_configuration_as_jib_reads_it() throws Exception {
            MavenProject module = jib("<from><image>eclipse-temurin:17-jre</image></from>"
                    + "<container><jvmFlags><jvmFlag>-Xmx1g</jvmFlag></jvmFlags></container>");
            module.getProperties().setProperty("jib.from.image", "registry.example.com/base/java:21");
            JibPluginSettings settings = settings(module,
                    properties("jib.container.jvmFlags", "-Xss1m, -Xmx2g", "jib.container.environment", "A=1,B=2"))
                    .orElseThrow();

            assertThat(settings.from()).isEqualTo("registry.example.com/base/java:21");
            assertThat(settings.jvmFlags()).containsExactly("-Xss1m", "-Xmx2g");
            assertThat(settings.environment()).isEqualTo(Map.of("A", "1", "B", "2"));
        }

        @Test
        void nothing_from_a_value_no_property_resolved_nor_from_a_configuration_that_only_says_where_to_push()
                throws Exception {
            JibPluginSettings settings = settings(jib("<from><image>${base.image}</image></from>"
                    + "<to><image>registry.example.com/team/orders</image><tags><tag>latest</tag></tags></to>"
                    + "<containerizingMode>exploded</containerizingMode>"), NONE).orElseThrow();

            assertThat(settings).isEqualTo(new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(),
                    List.of(), Map.of(), null, null, List.of(), Map.of()));
        }

        /** Jib splits a list property on commas, except one escaped as \, which stays in the item. */
        @Test
        void a_list_property_split_as_jib_splits_it() throws Exception {
            JibPluginSettings settings = settings(jib(null), properties("jib.container.jvmFlags",
                    "-Dspring.profiles.active=prod\\,cloud,-XX:MaxRAMPercentage=75.0", "jib.container.environment",
                    "GREETING=hello\\, world,TZ=UTC")).orElseThrow();

            assertThat(settings.jvmFlags()).containsExactly("-Dspring.profiles.active=prod,cloud",
                    "-XX:MaxRAMPercentage=75.0");
            assertThat(settings.environment()).containsExactly(Map.entry("GREETING", "hello, world"), Map.entry("TZ", "UTC"));
        }

        /** Where the team's own POM configures Jib for mvn jib:build without declaring it in the build. */
        @Test
        void of_a_plugin_configured_only_in_its_own_plugin_management_with_its_default_cli_execution() throws Exception {
            PluginExecution cli = configured(execution("default-cli", null), "<configuration><container><ports>"
                    + "<port>8080</port></ports><jvmFlags><jvmFlag>-Xmx512m</jvmFlag></jvmFlags></container></configuration>");
            MavenProject module = managingJib("<configuration><container><ports><port>8080</port></ports></container>"
                    + "</configuration>", cli);
            module.setOriginalModel(module.getModel().clone());

            JibPluginSettings settings = settings(module, NONE).orElseThrow();
            assertThat(settings.ports()).containsExactly("8080");
            assertThat(settings.jvmFlags()).containsExactly("-Xmx512m");
        }

        /**
         * micronaut-parent manages Jib with its extension for every Micronaut service, which Gantry builds as it builds
         * any: a parent from a repository is not read for its pluginManagement alone, one in the reactor is.
         */
        @Test
        void not_of_a_pluginmanagement_only_a_parent_outside_the_reactor_declares() throws Exception {
            MavenProject service = managingJib("<configuration><pluginExtensions><pluginExtension><implementation>"
                    + "io.micronaut.maven.jib.JibMicronautExtension</implementation></pluginExtension></pluginExtensions>"
                    + "</configuration>");
            service.setOriginalModel(new org.apache.maven.model.Model());
            MavenProject parent = new MavenProject(service.getModel().clone());
            parent.setGroupId("io.micronaut.platform");
            parent.setArtifactId("micronaut-parent");
            service.setParent(parent);

            assertThat(JibPluginConfiguration.settings(service, List.of(service), NONE)).isEmpty();
            // the same parent in the reactor: the team's own file
            parent.setOriginalModel(service.getModel().clone());
            assertThat(JibPluginConfiguration.settings(service, List.of(parent, service), NONE)).isPresent();
        }

        /** {@code <paths>src/main/extra</paths>} as JHipster writes it: Maven gives Jib the text as a one-item list. */
        @Test
        void an_extra_directory_given_as_the_text_of_paths() throws Exception {
            assertThat(settings(jib("<extraDirectories><paths>src/main/extra,conf</paths></extraDirectories>"), NONE)
                    .orElseThrow().extraDirectories()).containsExactly(
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("src/main/extra"), "src/main/extra", "/"),
                    new JibPluginSettings.ExtraDirectory(BASEDIR.toPath().resolve("conf"), "conf", "/"));
        }

        /** Jib copies nothing from a directory that does not exist: neither is it a setting to carry over. */
        @Test
        void not_an_extra_directory_that_does_not_exist() throws Exception {
            assertThat(settings(jib("<extraDirectories><paths><path>src/main/docker</path>"
                    + "</paths></extraDirectories>"), NONE).orElseThrow().extraDirectories()).isEmpty();
        }

        @Test
        void extra_files_jib_gives_their_own_modes_copies_in_part_or_extensions_as_settings_gantry_has_none_of()
                throws Exception {
            JibPluginSettings settings = settings(jib("""
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
                    Map.entry("<container><expandClasspathDependencies> (jib.container.expandClasspathDependencies)", "true"),
                    Map.entry("<extraDirectories><permissions> (jib.extraDirectories.permissions)",
                            "/opt/app/healthcheck.sh=755 (Gantry gives a file of its extraDirectory 755 when git has it "
                                    + "executable: git update-index --chmod=+x <file>; every other file 644)"),
                    Map.entry("<extraDirectories><paths><path><includes>/<excludes>", "src/main/jib"),
                    Map.entry("<pluginExtensions>",
                            "com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension"));
        }

        @Test
        void a_packaged_jar_and_an_entrypoint_as_settings_gantry_has_none_of() throws Exception {
            JibPluginSettings settings = settings(jib("<containerizingMode>packaged</containerizingMode>"
                    + "<container><entrypoint><arg>/bin/sh</arg><arg>-c</arg><arg>java -jar app.jar</arg></entrypoint>"
                    + "</container>"), NONE).orElseThrow();

            assertThat(settings.unmatched()).containsExactly(
                    Map.entry("<container><entrypoint> (jib.container.entrypoint)", "/bin/sh -c java -jar app.jar"),
                    Map.entry("<containerizingMode> (jib.containerizingMode)", "packaged"));
        }
    }
}
