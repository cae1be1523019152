package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a real SDK client calls CodeArtifact's API, read back from the client the SDK built under each of its standard
 * settings (system properties and a profile file; the environment variables are their twins, read by the same SDK code).
 * Building a client sends nothing.
 */
class CodeArtifactApiEndpointTest {

    private static final List<String> SETTINGS = List.of("aws.endpointUrlCodeartifact", "aws.endpointUrl",
            "aws.useDualstackEndpoint", "aws.configFile", "aws.sharedCredentialsFile", "aws.profile");
    private static final String VPC_ENDPOINT =
            "https://vpce-0123456789abcdef0-abcdefgh.api.codeartifact.us-east-1.vpce.amazonaws.com";

    @TempDir
    Path dir;
    private final Map<String, String> previous = new LinkedHashMap<>();

    @BeforeEach
    void noSettingsOfTheMachine() {
        for (String variable : List.of("AWS_ENDPOINT_URL_CODEARTIFACT", "AWS_ENDPOINT_URL", "AWS_USE_DUALSTACK_ENDPOINT",
                "AWS_PROFILE")) {
            assumeTrue(System.getenv(variable) == null, variable + " is set in this environment");
        }
        SETTINGS.forEach(key -> previous.put(key, System.getProperty(key)));
        SETTINGS.forEach(System::clearProperty);
        System.setProperty("aws.configFile", dir.resolve("no-config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("no-credentials").toString());
    }

    @AfterEach
    void restore() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    /** Read from the client Gantry builds for a region, as a refusal reads it. */
    private static CodeArtifactApiEndpoint calledAt() {
        try (CodeArtifact codeArtifact = new CodeArtifact(GantryLog.SILENT, 1)) {
            return CodeArtifactApiEndpoint.of(codeArtifact.client("us-east-1"));
        }
    }

    private void profile(String... lines) throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "[default]\n" + String.join("\n", lines) + "\n");
        System.setProperty("aws.configFile", config.toString());
    }

    @Test
    void without_settings_the_ipv4_only_api_host() {
        assertThat(calledAt()).isEqualTo(CodeArtifactApiEndpoint.IPV4);
        assertThat(calledAt().ipv4Only()).isTrue();
    }

    @Test
    void the_codeartifact_endpoint_of_one_s_own() {
        System.setProperty("aws.endpointUrlCodeartifact", VPC_ENDPOINT);
        assertThat(calledAt()).isEqualTo(new CodeArtifactApiEndpoint(URI.create(VPC_ENDPOINT), false));
        assertThat(calledAt().ipv4Only()).isFalse();
    }

    @Test
    void the_endpoint_of_one_s_own_for_every_service() {
        System.setProperty("aws.endpointUrl", VPC_ENDPOINT);
        assertThat(calledAt()).isEqualTo(new CodeArtifactApiEndpoint(URI.create(VPC_ENDPOINT), false));
    }

    @Test
    void the_profile_s_endpoint_url() throws IOException {
        profile("endpoint_url = " + VPC_ENDPOINT);
        assertThat(calledAt()).isEqualTo(new CodeArtifactApiEndpoint(URI.create(VPC_ENDPOINT), false));
    }

    @Test
    void the_sdk_s_dual_stack_setting() {
        System.setProperty("aws.useDualstackEndpoint", "true");
        assertThat(calledAt()).isEqualTo(new CodeArtifactApiEndpoint(null, true));
        assertThat(calledAt().ipv4Only()).isFalse();
    }

    @Test
    void the_profile_s_dual_stack_setting() throws IOException {
        profile("use_dualstack_endpoint = true");
        assertThat(calledAt()).isEqualTo(new CodeArtifactApiEndpoint(null, true));
    }

    @Test
    void the_dual_stack_setting_off_in_the_profile() throws IOException {
        profile("use_dualstack_endpoint = false");
        assertThat(calledAt()).isEqualTo(CodeArtifactApiEndpoint.IPV4);
    }

    @Test
    void nothing_without_a_client() {
        assertThat(CodeArtifactApiEndpoint.of(null)).isNull();
    }
}
