package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module a reactor's image is built from when {@code <imageModule>} does not say, read from real directories. */
class ImageModuleTest {

    @TempDir
    Path reactor;

    MavenProject module(String name, String... files) throws IOException {
        Path basedir = Files.createDirectories(reactor.resolve(name));
        for (String file : files) {
            Files.createDirectories(basedir.resolve(file).getParent());
            Files.writeString(basedir.resolve(file), "class X {}\n");
        }
        Model model = new Model();
        model.setArtifactId(name);
        model.setPackaging("jar");
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        return project;
    }

    /** As the image's dev.gantry.module label and Maven's -pl name a module. */
    @Test
    void a_module_is_named_by_its_artifact_id_or_its_group_id_and_artifact_id() throws IOException {
        MavenProject vets = module("vets-service");
        vets.setGroupId("org.example.petclinic");
        assertThat(ImageModule.named(vets, "vets-service")).isTrue();
        assertThat(ImageModule.named(vets, " org.example.petclinic:vets-service ")).isTrue();
        assertThat(ImageModule.named(vets, ":vets-service")).isTrue();
        assertThat(ImageModule.named(vets, "org.example.other:vets-service")).isFalse();
        assertThat(ImageModule.named(vets, "vets")).isFalse();
    }

    /**
     * A module that cannot be built into an image is named with its packaging, and where a packaging written as
     * {@code ${packaging}} (Micronaut's POMs) took it from, for the refusal to say to leave {@code -Dpackaging} out.
     */
    @Test
    void names_modules_packaged_otherwise_and_where_an_expression_took_the_packaging() throws IOException {
        MavenProject war = module("petclinic", "src/main/java/shop/App.java");
        war.setPackaging("war");
        MavenProject micronaut = module("keelapp", "src/main/java/shop/App.java");
        micronaut.setPackaging("docker");
        Model written = new Model();
        written.setPackaging("${packaging}");
        micronaut.setOriginalModel(written);
        Properties user = new Properties();
        user.setProperty("packaging", "docker");

        assertThat(ImageModule.packagedOtherwise(List.of(war, micronaut), user, new Properties())).containsExactly(
                "petclinic (packaging war)", "keelapp (packaging docker, from -Dpackaging=docker on the command line)");
        assertThat(ImageModule.packagedOtherwise(List.of(micronaut), new Properties(), new Properties()))
                .containsExactly("keelapp (packaging docker, from the property packaging)");
        assertThat(Refusals.noModulePackagedForImage("registry.example.com/keelapp",
                ImageModule.packagedOtherwise(List.of(micronaut), user, new Properties())).getMessage())
                .startsWith("Gantry is configured to push this build's image to registry.example.com/keelapp, but no "
                        + "module of this build can be built into an image: keelapp (packaging docker, from "
                        + "-Dpackaging=docker on the command line).")
                .endsWith(" A packaging given on the command line (Micronaut's mvn package -Dpackaging=docker, which "
                        + "builds an image with a Docker daemon) is not needed: leave it out, and Gantry builds the image "
                        + "from the jar.");
        assertThat(Refusals.noModulePackagedForImage("registry.example.com/petclinic", List.of("petclinic (packaging war)"))
                .getMessage()).doesNotContain("-Dpackaging");
    }

    /** What makes the image goal skip, so that the plan promises no image the build will not make. */
    @Test
    void sees_the_image_skipped_by_property_or_by_the_plugins_configuration() throws IOException {
        MavenProject app = module("app", "src/main/java/shop/App.java");
        Properties none = new Properties();
        Properties skip = new Properties();
        skip.setProperty("gantry.image.skip", "true");
        assertThat(ImageModule.skipsImage(app, none, none)).isFalse();
        assertThat(ImageModule.skipsImage(app, skip, none)).as("-Dgantry.image.skip=true").isTrue();
        app.getProperties().setProperty("gantry.image.skip", "true");
        assertThat(ImageModule.skipsImage(app, none, none)).as("<gantry.image.skip> in the module's properties").isTrue();
        Properties build = new Properties();
        build.setProperty("gantry.image.skip", "false");
        assertThat(ImageModule.skipsImage(app, build, none)).as("-Dgantry.image.skip=false over the POM's").isFalse();
        app.getProperties().remove("gantry.image.skip");

        Plugin gantry = new Plugin();
        gantry.setGroupId("dev.gantry");
        gantry.setArtifactId("gantry-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setGoals(List.of("plan", "image"));
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom skipImage = new Xpp3Dom("skipImage");
        skipImage.setValue("true");
        configuration.addChild(skipImage);
        execution.setConfiguration(configuration);
        gantry.addExecution(execution);
        app.getModel().setBuild(new Build());
        app.getBuild().addPlugin(gantry);
        assertThat(ImageModule.skipsImage(app, none, none)).as("<skipImage> in the execution of image").isTrue();

        app.getProperties().setProperty("gantry.image.skip", "false");
        skipImage.setValue("false");
        assertThat(ImageModule.skipsImage(app, none, none)).isFalse();
    }

    @Test
    void passes_over_a_module_of_tests_listed_after_the_application() throws IOException {
        MavenProject lib = module("lib", "src/main/java/shop/Prices.java");
        MavenProject app = module("app", "src/main/java/shop/App.java");
        MavenProject tests = module("app-it", "src/test/java/shop/AppIT.java");

        assertThat(ImageModule.chosenFrom(List.of(lib, app, tests))).isSameAs(app);
    }

    @Test
    void takes_the_last_module_when_every_one_has_main_sources() throws IOException {
        MavenProject lib = module("lib", "src/main/java/shop/Prices.java");
        MavenProject app = module("app", "src/main/java/shop/App.java");

        assertThat(ImageModule.chosenFrom(List.of(lib, app))).isSameAs(app);
    }

    @Test
    void counts_kotlin_sources_and_the_poms_own_source_directory() throws IOException {
        MavenProject lib = module("lib", "src/main/java/shop/Prices.java");
        MavenProject kotlin = module("app", "src/main/kotlin/shop/App.kt");
        assertThat(ImageModule.chosenFrom(List.of(lib, kotlin))).isSameAs(kotlin);

        MavenProject elsewhere = module("legacy", "source/shop/App.java");
        assertThat(ImageModule.hasMainSources(elsewhere)).isFalse();
        elsewhere.getBuild().setSourceDirectory(reactor.resolve("legacy/source").toString());
        assertThat(ImageModule.hasMainSources(elsewhere)).isTrue();
        assertThat(ImageModule.chosenFrom(List.of(lib, elsewhere))).isSameAs(elsewhere);
    }

    @Test
    void takes_the_last_module_when_none_has_main_sources_and_none_when_there_is_no_module() throws IOException {
        MavenProject generated = module("api-client", "src/main/resources/openapi.yaml");
        MavenProject emptyDirectory = module("app", "src/test/java/shop/AppTest.java");
        Files.createDirectories(reactor.resolve("app/src/main/java"));

        assertThat(ImageModule.chosenFrom(List.of(generated, emptyDirectory))).isSameAs(emptyDirectory);
        assertThat(ImageModule.chosenFrom(List.of())).isNull();
    }
}
