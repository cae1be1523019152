package dev.gantry.image;

import static dev.gantry.image.ImagePublisherTest.COMMIT_A;
import static dev.gantry.image.ImagePublisherTest.TIME_A;
import static dev.gantry.image.ImagePublisherTest.releaseTags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker credential helpers against a Basic-auth registry: real shell-script helpers speaking the
 * docker-credential-helpers protocol, found through the {@code PATH} and {@code DOCKER_CONFIG} of the environment
 * handed to {@link ImagePublisher} (the JVM's own environment is not touched).
 */
class CredentialHelperTest {

    static final String SECRET = "h3lper-s3cret";
    static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    static LocalRegistry secured;

    @TempDir
    Path dir;
    Path bin;
    Path calls;
    SampleService service;
    List<String> logged;

    @BeforeAll
    static void start() throws Exception {
        secured = LocalRegistry.startWithBasicAuth("ci", SECRET);
    }

    @AfterAll
    static void stop() {
        if (secured != null) {
            secured.close();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        service = SampleService.create(dir.resolve("service"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.log");
        logged = new ArrayList<>();
    }

    /**
     * Writes {@code bin/docker-credential-<name>}: for {@code get} of this registry's host it prints the credential,
     * for anything else the protocol's "not found" answer; every call is appended to {@code calls.log}.
     */
    Path helper(String name) throws IOException {
        return script(name, """
                #!/bin/sh
                read -r url
                echo "$1 $url" >> '%s'
                if [ "$1" = get ] && [ "$url" = '%s' ]; then
                  printf '{"ServerURL":"%%s","Username":"ci","Secret":"%s"}\\n' "$url"
                else
                  echo "credentials not found in native keychain"
                  exit 1
                fi
                """.formatted(calls, secured.host(), SECRET));
    }

    Path script(String name, String text) throws IOException {
        Path file = bin.resolve("docker-credential-" + name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    ImageRequest.Builder request() {
        return request("orders");
    }

    ImageRequest.Builder request(String repository) {
        return ImageRequest.builder()
                .image(new ImagePlan(secured.host() + "/" + repository, false, releaseTags("1.0.0", COMMIT_A)))
                .from("scratch")
                .classesDirectory(service.classes())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(COMMIT_A)
                .commitTime(TIME_A)
                .version("1.0.0")
                .allowInsecureRegistries(true)
                .outputDirectory(dir.resolve("target/gantry"))
                .applicationCache(dir.resolve("target/jib-cache"));
    }

    /** Publishes with exactly this environment; every log line, debug included, is captured. */
    ImageResult publish(ImageRequest request, Map<String, String> environment) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, true), environment).publish(request);
    }

    Map<String, String> pathWithBin() {
        return Map.of("PATH", bin + ":" + SYSTEM_PATH, "HOME", dir.toString());
    }

    @Test
    void the_configured_helper_is_found_on_the_path_of_the_given_environment() throws Exception {
        helper("gantry-test");

        ImageResult result = publish(request().credentialHelper("gantry-test").dockerConfig(dir.resolve("none.json")).build(),
                pathWithBin());

        assertThat(secured.digest("orders", "1.0.0")).isEqualTo(result.digest());
        assertThat(Files.readAllLines(calls)).isNotEmpty().allMatch(line -> line.equals("get " + secured.host()));
        assertThat(String.join("\n", logged)).contains("credential helper gantry-test").doesNotContain(SECRET);
    }

    @Test
    void the_configured_helper_may_be_an_absolute_path() throws Exception {
        Path helper = helper("by-path");

        ImageResult result = publish(request().credentialHelper(helper.toString()).dockerConfig(dir.resolve("none.json"))
                .build(), Map.of("PATH", SYSTEM_PATH));

        assertThat(secured.digest("orders", "latest")).isEqualTo(result.digest());
        assertThat(String.join("\n", logged)).doesNotContain(SECRET);
    }

    @Test
    void cred_helpers_of_the_docker_config_in_DOCKER_CONFIG_are_used() throws Exception {
        helper("from-config");
        Path config = Files.createDirectories(dir.resolve("docker-config"));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"credHelpers\":{\"" + secured.host()
                + "\":\"from-config\",\"other.example.com\":\"missing\"}}");

        ImageResult result = publish(request().build(), Map.of("PATH", bin + ":" + SYSTEM_PATH,
                "DOCKER_CONFIG", config.toString(), "HOME", dir.toString()));

        assertThat(secured.digest("orders", "1.0.0")).isEqualTo(result.digest());
        assertThat(Files.readAllLines(calls)).isNotEmpty().allMatch(line -> line.equals("get " + secured.host()));
        assertThat(String.join("\n", logged)).contains("credHelpers of Docker config " + config.resolve("config.json"))
                .doesNotContain(SECRET);
    }

    @Test
    void a_failing_helper_is_refused_with_its_own_message() throws Exception {
        Path helper = script("sealed", """
                #!/bin/sh
                echo "vault is sealed: run vault unseal first" >&2
                exit 1
                """);

        assertThatThrownBy(() -> publish(request("sealed").credentialHelper("sealed").build(), pathWithBin()))
                .isInstanceOf(GantryException.class)
                .hasMessage("Cannot read the credentials for " + secured.host() + " from credential helper sealed: "
                        + helper + " get exited with 1: vault is sealed: run vault unseal first. Fix that credential "
                        + "helper or Docker config, or put a <server> with <id>" + secured.host() + "</id> in settings.xml.");
        assertThat(secured.tags("sealed")).isEmpty();
    }

    @Test
    void a_helper_that_answers_and_then_fails_does_not_show_its_answer() throws Exception {
        script("half", """
                #!/bin/sh
                printf '{"ServerURL":"x","Username":"ci","Secret":"%s"}\\n'
                exit 1
                """.formatted(SECRET));

        assertThatThrownBy(() -> publish(request("half").credentialHelper("half").build(), pathWithBin()))
                .isInstanceOf(GantryException.class)
                .hasMessageContaining("get exited with 1: (its output is not shown: it may hold the credential)")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_helper_missing_from_the_path_is_refused_by_name() {
        assertThatThrownBy(() -> publish(request().credentialHelper("nowhere").build(), pathWithBin()))
                .isInstanceOf(GantryException.class)
                .hasMessage("Cannot read the credentials for " + secured.host() + " from credential helper nowhere: "
                        + "docker-credential-nowhere is not an executable on the PATH. Fix that credential helper or Docker "
                        + "config, or put a <server> with <id>" + secured.host() + "</id> in settings.xml.");
    }

    @Test
    void a_helper_without_credentials_for_the_registry_leads_to_the_401_advice() throws Exception {
        script("empty", """
                #!/bin/sh
                echo "credentials not found in native keychain"
                exit 1
                """);

        assertThatThrownBy(() -> publish(request().credentialHelper("empty").dockerConfig(dir.resolve("none.json")).build(),
                pathWithBin()))
                .isInstanceOf(GantryException.class)
                .hasMessageStartingWith("The registry " + secured.host() + " refused access to " + secured.host()
                        + "/orders (HTTP 401 Unauthorized) and no credentials were found for it.");
    }
}
