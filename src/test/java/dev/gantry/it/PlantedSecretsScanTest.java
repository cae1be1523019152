package dev.gantry.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.testing.PlantedSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedSecretsScanTest {

    private static final String SECRET = PlantedSecrets.MARKER + "-0xdeadbeef";

    @TempDir
    Path dir;

    @Test
    void aLeakIsReportedWithFileAndLine() throws Exception {
        Path log = Files.writeString(dir.resolve("build.log"), "[INFO] fine\n[DEBUG] Authorization: Basic "
                + Base64.getEncoder().encodeToString(("deployer:" + SECRET).getBytes(StandardCharsets.UTF_8)) + "\n");

        assertThat(PlantedSecretsScan.leaksIn(log)).singleElement().asString().startsWith(log + ":2: [DEBUG] Authorization");
    }

    @Test
    void mavenResourcesPluginsListOfPropertiesIsSkippedButNothingAfterIt() throws Exception {
        Path log = Files.writeString(dir.resolve("build.log"), String.join("\n", "[DEBUG] properties used:",
                "[DEBUG] aws.secretAccessKey: " + SECRET, "[DEBUG] env.EMPTY:", "[DEBUG] env.HOME: /root",
                "[INFO] Copying 1 resource", "[DEBUG] token " + SECRET));

        assertThat(PlantedSecretsScan.leaksIn(log)).containsExactly(log + ":6: [DEBUG] token " + SECRET);
    }

    @Test
    void anotherThreadsLinesInsideTheListAreReadAndDoNotEndIt() throws Exception {
        // the AWS SDK, loading on a thread of Gantry's, logged two lines into the middle of the list (CI on 5a1fb31)
        Path log = Files.writeString(dir.resolve("build.log"), String.join("\n", "[DEBUG] properties used:",
                "[DEBUG] aws.accessKeyId: AKIA", "[DEBUG] Creating an interceptor chain that will apply interceptors",
                "[DEBUG] Authorization: Bearer " + SECRET, "[DEBUG] aws.secretAccessKey: " + SECRET,
                "[DEBUG] env.MAVEN_OPTS: -Daws.secretAccessKey=" + SECRET, "[DEBUG] line.separator:", "",
                "[DEBUG] user.home: /root", "[INFO] Copying 1 resource", "[DEBUG] aws.secretAccessKey: " + SECRET));

        assertThat(PlantedSecretsScan.leaksIn(log)).containsExactly(log + ":4: [DEBUG] Authorization: Bearer " + SECRET,
                log + ":11: [DEBUG] aws.secretAccessKey: " + SECRET);
    }
}
