package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.Test;

class ProjectArtifactsTest {

    private static final File BUILD_POM = new File("pom.xml");
    private static final File CONSUMER_POM = new File("target/consumer-1.pom");
    private static final File JAR = new File("target/lib-1.0.0.jar");

    private static Artifact artifact(String classifier, String extension, File file) {
        return new DefaultArtifact("g", "lib", classifier, extension, "1.0.0").setFile(file);
    }

    private static List<String> names(List<Artifact> artifacts) {
        return artifacts.stream().map(a -> a + " " + a.getFile().getPath()).toList();
    }

    @Test
    void underMaven4TheConsumerPomIsTheMainPomAndTheBuildPomIsClassifiedBuild() {
        List<Artifact> listed = List.of(artifact("", "pom", BUILD_POM), artifact("", "jar", JAR),
                artifact("consumer", "pom", CONSUMER_POM));

        assertThat(names(ProjectArtifacts.consumerPomAsMain(listed))).containsExactly(
                "g:lib:pom:1.0.0 target/consumer-1.pom",
                "g:lib:pom:build:1.0.0 pom.xml",
                "g:lib:jar:1.0.0 target/lib-1.0.0.jar");
    }

    @Test
    void underMaven3WithoutAConsumerPomTheListIsUnchanged() {
        List<Artifact> listed = List.of(artifact("", "pom", BUILD_POM), artifact("", "jar", JAR),
                artifact("sources", "jar", JAR));

        assertThat(ProjectArtifacts.consumerPomAsMain(listed)).isSameAs(listed);
    }
}
