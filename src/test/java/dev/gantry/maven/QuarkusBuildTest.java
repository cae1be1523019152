package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Date;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which modules are Quarkus services, and whether their fast-jar is this build's, on real directories. */
class QuarkusBuildTest {

    static final Instant BUILD_START = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path basedir;

    MavenProject module(String packaging, String quarkusPlugin) {
        Model model = new Model();
        model.setArtifactId("orders");
        model.setPackaging(packaging);
        model.setBuild(new Build());
        model.getBuild().setDirectory(basedir.resolve("target").toString());
        if (quarkusPlugin != null) {
            Plugin plugin = new Plugin();
            plugin.setGroupId(quarkusPlugin.split(":")[0]);
            plugin.setArtifactId(quarkusPlugin.split(":")[1]);
            PluginExecution execution = new PluginExecution();
            execution.addGoal("generate-code");
            execution.addGoal("build");
            plugin.addExecution(execution);
            model.getBuild().addPlugin(plugin);
        }
        return new MavenProject(model);
    }

    Path runnerWrittenAt(Instant time) throws Exception {
        Path runner = basedir.resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(runner.getParent());
        Files.writeString(runner, "runner");
        Files.setLastModifiedTime(runner, FileTime.from(time));
        return runner.getParent();
    }

    @Test
    void a_module_that_runs_quarkus_build_is_imaged_from_the_fast_jar_its_build_wrote() throws Exception {
        Path app = runnerWrittenAt(BUILD_START.plusSeconds(40));

        for (MavenProject quarkus : new MavenProject[] {module("jar", "io.quarkus.platform:quarkus-maven-plugin"),
                module("jar", "io.quarkus:quarkus-maven-plugin"), module("quarkus", null)}) {
            assertThat(QuarkusBuild.fastJar(quarkus, Date.from(BUILD_START))).contains(app);
        }
        assertThat(ImageModule.packagedForImage(module("quarkus", null))).isTrue();
    }

    @Test
    void any_other_module_is_not_even_when_a_fast_jar_lies_in_its_target() throws Exception {
        runnerWrittenAt(BUILD_START.plusSeconds(40));

        assertThat(QuarkusBuild.fastJar(module("jar", null), Date.from(BUILD_START))).isEmpty();
        assertThat(QuarkusBuild.fastJar(module("jar", "org.springframework.boot:spring-boot-maven-plugin"),
                Date.from(BUILD_START))).isEmpty();
    }

    @Test
    void refuses_a_fast_jar_missing_or_left_by_an_earlier_build() throws Exception {
        MavenProject quarkus = module("quarkus", null);
        assertThatThrownBy(() -> QuarkusBuild.fastJar(quarkus, Date.from(BUILD_START)))
                .isInstanceOf(GantryException.class)
                .hasMessageStartingWith("Module orders runs Quarkus's build (quarkus-maven-plugin:build), but this build "
                        + "left no fast-jar at " + basedir.resolve("target/quarkus-app/quarkus-run.jar"));

        runnerWrittenAt(BUILD_START.minusSeconds(3600));
        assertThatThrownBy(() -> QuarkusBuild.fastJar(quarkus, Date.from(BUILD_START)))
                .isInstanceOf(GantryException.class).hasMessageContaining("Nothing was pushed.");
    }
}
