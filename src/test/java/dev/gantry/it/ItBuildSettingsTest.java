package dev.gantry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IT helpers' settings compose: a service IT gets the ECR and the CodeArtifact stand-ins' settings together. */
class ItBuildSettingsTest {

    @TempDir
    Path dir;

    @Test
    void settingsOfTwoHelpersAreMergedAndALaterValueOfTheSameKeyWins() throws Exception {
        Map<String, String> ecr = new LinkedHashMap<>();
        ecr.put("aws.endpointUrlEcr", "http://127.0.0.1:1111");
        ecr.put("aws.accessKeyId", "AKIAGANTRYSTANDIN01");
        Map<String, String> codeArtifact = new LinkedHashMap<>();
        codeArtifact.put("aws.endpointUrlCodeartifact", "http://127.0.0.1:2222");
        codeArtifact.put("aws.accessKeyId", "AKIAGANTRYSTANDIN01");

        ItBuildSettings.of(dir.toFile()).loopbackHosts("123456789012.dkr.ecr.us-east-1.amazonaws.com").jvm(ecr)
                .maven("gantry.image.repository", "old");
        ItBuildSettings.of(dir.toFile()).loopbackHosts("acme-123456789012.d.codeartifact.us-east-1.amazonaws.com")
                .jvm(codeArtifact).maven("codeartifact.url", "https://x/maven/r/").maven("gantry.image.repository", "new");

        assertThat(Files.readAllLines(dir.resolve(".mvn/jvm.config"))).containsExactlyInAnyOrder(
                "-Djdk.net.hosts.file=" + dir.resolve("hosts"),
                "-Daws.endpointUrlEcr=http://127.0.0.1:1111",
                "-Daws.endpointUrlCodeartifact=http://127.0.0.1:2222",
                "-Daws.accessKeyId=AKIAGANTRYSTANDIN01");
        assertThat(Files.readAllLines(dir.resolve(".mvn/maven.config")))
                .containsExactly("-Dcodeartifact.url=https://x/maven/r/", "-Dgantry.image.repository=new");
        assertThat(Files.readAllLines(dir.resolve("hosts"))).containsExactly("127.0.0.1 localhost",
                "127.0.0.1 123456789012.dkr.ecr.us-east-1.amazonaws.com",
                "127.0.0.1 acme-123456789012.d.codeartifact.us-east-1.amazonaws.com");
    }
}
