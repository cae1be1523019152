package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The Java release a module is compiled for, which the default base image follows. */
class JavaReleaseTest {

    static MavenProject project() {
        Model model = new Model();
        model.setBuild(new Build());
        return new MavenProject(model);
    }

    static Xpp3Dom configuration(String name, String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom setting = new Xpp3Dom(name);
        setting.setValue(value);
        configuration.addChild(setting);
        return configuration;
    }

    static Plugin compiler() {
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        return compiler;
    }

    @Test
    void reads_the_compiler_properties_release_before_target() {
        MavenProject project = project();
        assertThat(JavaRelease.of(project)).as("none says").isZero();
        project.getProperties().setProperty("maven.compiler.target", "1.8");
        assertThat(JavaRelease.of(project)).isEqualTo(8);
        project.getProperties().setProperty("maven.compiler.release", "21");
        assertThat(JavaRelease.of(project)).isEqualTo(21);
    }

    @Test
    void reads_the_compiler_plugins_configuration_first() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.release", "17");
        Plugin compiler = compiler();
        compiler.setConfiguration(configuration("release", "21"));
        project.getBuild().addPlugin(compiler);
        assertThat(JavaRelease.of(project)).isEqualTo(21);

        PluginExecution compile = new PluginExecution();
        compile.setId("default-compile");
        compile.setConfiguration(configuration("release", "25"));
        compiler.addExecution(compile);
        assertThat(JavaRelease.of(project)).as("the default-compile execution's").isEqualTo(25);
    }

    @Test
    void takes_an_unresolved_expression_for_none() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.release", "${java.version}");
        assertThat(JavaRelease.of(project)).isZero();
        assertThat(JavaRelease.parse(" 17 ")).isEqualTo(17);
    }
}
