package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The main class settings after interpolation, as the jar plugin would see them at package time. */
class MainClassSettingsTest {

    static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void resolves_a_property_first_found_wins() {
        assertThat(MainClassSettings.interpolate(" ${start-class} ", properties("start-class", "com.example.FromUser"),
                properties("start-class", "com.example.FromProject"))).isEqualTo("com.example.FromUser");
        assertThat(MainClassSettings.interpolate("${base}.${name}", properties(), properties("base", "com.example",
                "name", "App"))).isEqualTo("com.example.App");
    }

    @Test
    void leaves_an_unknown_property_as_it_is_for_the_image_core_to_ignore() {
        assertThat(MainClassSettings.interpolate("${start-class}", properties("other", "x")))
                .isEqualTo("${start-class}");
    }

    @Test
    void reads_exec_main_class_from_the_command_line_then_the_pom_resolving_its_expressions() {
        Properties pom = properties("exec.mainClass", "${app.package}.Application", "app.package", "example");
        assertThat(MainClassSettings.execMainClass(properties(), pom, properties())).isEqualTo("example.Application");
        assertThat(MainClassSettings.execMainClass(properties("exec.mainClass", "example.Cli"), pom, properties()))
                .isEqualTo("example.Cli");
        // a system property of that name is the JVM's, not the build's
        assertThat(MainClassSettings.execMainClass(properties(), properties(), properties("exec.mainClass", "x.Y")))
                .isNull();
    }

    @Test
    void gives_null_for_no_value() {
        assertThat(MainClassSettings.interpolate("  ", properties())).isNull();
        assertThat(MainClassSettings.interpolate(null, properties())).isNull();
    }

    /**
     * vert.x's starter: shade's manifest names the Launcher and the verticle it runs. The Launcher is the main class; the
     * verticle, read from a manifest the image does not have, is warned of with how to give it.
     */
    @Test
    void reads_the_main_class_maven_shade_plugin_writes_and_warns_of_the_entries_the_image_lacks() throws Exception {
        org.apache.maven.model.PluginExecution shade = MavenDeployPluginTest.execution("default", "package", "shade");
        shade.setConfiguration(org.codehaus.plexus.util.xml.Xpp3DomBuilder.build(new java.io.StringReader("""
                <configuration><transformers>
                  <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                  <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                    <manifestEntries><Main-Class>io.vertx.core.Launcher</Main-Class>
                      <Main-Verticle>${main.verticle}</Main-Verticle></manifestEntries>
                  </transformer>
                </transformers></configuration>""")));
        org.apache.maven.project.MavenProject project = MavenDeployPluginTest.withPlugin("org.apache.maven.plugins",
                "maven-shade-plugin", shade);
        project.setArtifactId("starter");
        java.util.List<String> logged = new java.util.ArrayList<>();

        assertThat(MainClassSettings.shadePluginMainClass(project, new dev.gantry.testing.RecordingLog(logged, false),
                properties(), project.getProperties(), properties())).isEqualTo("io.vertx.core.Launcher");
        assertThat(logged).singleElement().asString().startsWith("WARN maven-shade-plugin writes Main-Verticle into the "
                + "manifest of starter's shaded jar, which the image does not hold").contains("<args><arg>run</arg>");
    }
}
