package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;

import dev.gantry.release.GantryException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnresolvedPomVersionsTest {

    /** A module with {@code <version>${revision}</version>} as written, packaged so, with these flatten executions. */
    private static MavenProject written(String packaging, PluginExecution... flatten) {
        MavenProject module = flatten.length == 0 ? new MavenProject()
                : withPlugin("org.codehaus.mojo", "flatten-maven-plugin", flatten);
        module.setArtifactId("lib-bom");
        module.setPackaging(packaging);
        Model asWritten = new Model();
        asWritten.setVersion("${revision}");
        module.setOriginalModel(asWritten);
        return module;
    }

    private static PluginExecution flatten(String phase, String configuration) throws Exception {
        PluginExecution execution = execution("flatten", phase, "flatten");
        if (configuration != null) {
            execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                    "<configuration>" + configuration + "</configuration>")));
        }
        return execution;
    }

    private static void plan(MavenProject module, Properties buildProperties) throws GantryException {
        UnresolvedPomVersions.refuseInPlan(false, buildProperties, List.of(module));
    }

    @Test
    void a_pom_whose_version_no_flatten_resolves_is_refused_in_the_plan() {
        assertThatThrownBy(() -> plan(written("jar"), new Properties())).hasMessageStartingWith(
                "The POM this build would publish has its version unresolved, as written: <version>${revision}</version> "
                        + "(lib-bom).").hasMessageContaining("Nothing was built or published.");
        assertThatCode(() -> UnresolvedPomVersions.refuseInPlan(true, new Properties(), List.of(written("jar"))))
                .as("Maven 4 deploys a consumer POM").doesNotThrowAnyException();
    }

    /** What flatten-maven-plugin puts in place of the POM Maven deploys, as it decides it. */
    @Test
    void flatten_is_trusted_where_it_puts_its_pom_in_place() throws Exception {
        Properties none = new Properties();
        assertThatCode(() -> plan(written("jar", flatten("process-resources", null)), none)).doesNotThrowAnyException();
        // a pom module in bom mode: put in place by default
        assertThatCode(() -> plan(written("pom", flatten("process-resources", "<flattenMode>bom</flattenMode>")), none))
                .doesNotThrowAnyException();
        assertThatCode(() -> plan(written("pom", flatten(null, "<updatePomFile>TRUE</updatePomFile>")), none))
                .doesNotThrowAnyException();
        // the clean goal first, the flatten goal with its own configuration after it
        assertThatCode(() -> plan(written("pom", execution("flatten.clean", "clean", "clean"),
                flatten("process-resources", "<updatePomFile>true</updatePomFile>")), none)).doesNotThrowAnyException();
        // -DupdatePomFile=true, the parameter's property
        Properties update = new Properties();
        update.setProperty("updatePomFile", "true");
        assertThatCode(() -> plan(written("pom", flatten("process-resources", null)), update)).doesNotThrowAnyException();
    }

    @Test
    void flatten_that_leaves_the_pom_as_written_is_refused_saying_why() throws Exception {
        Properties none = new Properties();
        assertThatThrownBy(() -> plan(written("pom", flatten("process-resources", null)), none)).hasMessageContaining(
                "<version>${revision}</version> (lib-bom: flatten-maven-plugin leaves a pom module's POM as written "
                        + "without <updatePomFile>true</updatePomFile>)");
        assertThatThrownBy(() -> plan(written("jar", flatten("process-resources",
                "<updatePomFile>false</updatePomFile>")), none)).hasMessageContaining("(lib-bom: flatten-maven-plugin is "
                        + "told not to put its POM in place, <updatePomFile>false</updatePomFile> in its configuration)");
        Properties skip = new Properties();
        skip.setProperty("flatten.skip", "true");
        assertThatThrownBy(() -> plan(written("jar", flatten("process-resources", null)), skip))
                .as("told to skip: no flatten runs").hasMessageContaining("(lib-bom).");
        assertThatThrownBy(() -> plan(written("jar", flatten("none", null)), none))
                .as("bound to no phase").hasMessageContaining("(lib-bom).");
    }

    @TempDir
    Path dir;

    private MavenProject module(String fileName, String versionElements) throws IOException {
        Path pom = dir.resolve(fileName);
        Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + versionElements + "<artifactId>core</artifactId></project>");
        MavenProject project = new MavenProject();
        project.setArtifactId("core");
        project.setFile(pom.toFile());
        return project;
    }

    /** What flatten-maven-plugin did not replace is refused when the publish collects it, before anything is sent. */
    @Test
    void a_pom_deployed_as_written_with_a_property_in_its_version_is_refused_at_publish() throws IOException {
        MavenProject core = module("pom.xml", "<parent><groupId>g</groupId><artifactId>p</artifactId>"
                + "<version>${revision}${changelist}</version></parent>");
        assertThatThrownBy(() -> UnresolvedPomVersions.refuseAtPublish(false, core)).hasMessageStartingWith(
                "The POM this build would publish has its version unresolved, as written: <parent><version>"
                        + "${revision}${changelist}</version> (core, pom.xml). Maven 3.9 deploys a module's POM as written")
                .hasMessageContaining("Nothing was published.")
                .hasMessageNotContaining("built");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(true, core))
                .as("Maven 4 deploys a consumer POM, its version resolved").doesNotThrowAnyException();
    }

    @Test
    void a_flattened_pom_and_a_version_a_consumer_resolves_from_the_pom_pass() throws IOException {
        MavenProject flattened = module(".flattened-pom.xml", "<groupId>g</groupId><version>1.1.0</version>");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(false, flattened)).doesNotThrowAnyException();

        MavenProject fromParent = module("pom.xml", "<parent><groupId>g</groupId><artifactId>p</artifactId>"
                + "<version>1.1.0</version></parent><version>${project.parent.version}</version>");
        assertThatCode(() -> UnresolvedPomVersions.refuseAtPublish(false, fromParent)).doesNotThrowAnyException();
    }
}
