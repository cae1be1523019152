package dev.gantry.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.aws.CodeArtifactUrl;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.EndpointType;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The real-AWS smoke test, run only by {@code ./mvnw verify -Paws-smoke} (docs/testing.md). Real CodeArtifact's
 * repository URLs, IPv4 and dual-stack, are read as Gantry reads them; and a service whose image goes
 * to a real ECR repository and whose artifacts go to a real CodeArtifact repository is released by a real {@code mvn
 * deploy} with the plugin under test, then the same commit is deployed again, which must find everything in place. The
 * account and repositories come from {@code GANTRY_SMOKE_*} environment variables and the credentials from the AWS
 * SDK's default chain; without the variables the test is skipped, saying which are missing. Each run releases a new
 * version ({@code 1.<epoch seconds>.0}): the repositories' own clean-up (an ECR lifecycle policy, CodeArtifact's
 * {@code delete-package-versions}) removes them.
 */
class AwsSmoke {

    private static final List<String> VARIABLES = List.of("GANTRY_SMOKE_ACCOUNT", "GANTRY_SMOKE_REGION",
            "GANTRY_SMOKE_ECR_REPOSITORY", "GANTRY_SMOKE_CODEARTIFACT_DOMAIN", "GANTRY_SMOKE_CODEARTIFACT_REPOSITORY");
    private static final long BUILD_MINUTES = 15;

    private static Map<String, String> env;

    @BeforeAll
    static void configuredFromTheEnvironment() {
        List<String> missing = VARIABLES.stream().filter(v -> blank(System.getenv(v))).toList();
        if (!missing.isEmpty()) {
            String message = "AWS smoke test skipped: set " + String.join(", ", missing)
                    + " (and AWS credentials for the SDK's default chain) to run it against a real account; see docs/testing.md.";
            System.out.println("[WARNING] " + message);
            Assumptions.abort(message);
        }
        env = new LinkedHashMap<>();
        VARIABLES.forEach(v -> env.put(v, System.getenv(v).trim()));
    }

    @Test
    void aServiceIsReleasedToEcrAndCodeArtifactAndTheReRunOfItsCommitFindsEverythingInPlace() throws Exception {
        String version = "1." + Instant.now().getEpochSecond() + ".0";
        String account = env.get("GANTRY_SMOKE_ACCOUNT");
        String region = env.get("GANTRY_SMOKE_REGION");
        String imageRepository = account + ".dkr.ecr." + region + ".amazonaws.com/" + env.get("GANTRY_SMOKE_ECR_REPOSITORY");
        String codeArtifactUrl = "https://" + env.get("GANTRY_SMOKE_CODEARTIFACT_DOMAIN") + "-" + account + ".d.codeartifact."
                + region + ".amazonaws.com/maven/" + env.get("GANTRY_SMOKE_CODEARTIFACT_REPOSITORY") + "/";
        Path project = copyProject(Path.of("target", "smoke", "aws-release-" + version).toAbsolutePath(), Map.of(
                "@artifactId@", "gantry-smoke", "@version@", version, "@pluginVersion@", System.getProperty("gantry.smoke.pluginVersion"),
                "@imageRepository@", imageRepository, "@codeArtifactUrl@", codeArtifactUrl));
        ItProject git = ItProject.at(project.toFile()).init("main").commit("Release " + version).push();

        assertThat(deploy(project, "first")).as("first mvn deploy, log in " + log(project, "first")).isZero();
        JsonNode first = releaseJson(project);
        assertThat(first.path("status").asText()).isEqualTo("succeeded");
        assertThat(first.path("image").path("digest").asText()).startsWith("sha256:");

        assertThat(deploy(project, "rerun")).as("re-run of the released commit, log in " + log(project, "rerun")).isZero();
        JsonNode rerun = releaseJson(project);
        assertThat(rerun.path("status").asText()).isEqualTo("succeeded");
        assertThat(rerun.path("image").path("digest").asText()).isEqualTo(first.path("image").path("digest").asText());
        assertThat(outcomes(rerun.path("image").path("tags"))).containsOnly("already-in-place");
        assertThat(outcomes(rerun.path("artifacts").path("files"))).containsOnly("already-published");
        assertThat(outcomes(rerun.path("gitTags"))).containsExactly("already-in-place");
        assertThat(git.remoteTags()).contains("v" + version + "=" + git.head());
    }

    /**
     * The URLs real CodeArtifact gives for the smoke repository ({@code GetRepositoryEndpoint}, {@code endpointType}
     * {@code ipv4} and {@code dualstack}) are read as CodeArtifact's, the dual-stack one as dual-stack. The stand-in answers
     * with the form {@link CodeArtifactUrl} assumes, and no AWS page documents the dual-stack host: only this can show a
     * wrong form. Needs {@code codeartifact:GetRepositoryEndpoint} on the repository.
     */
    @Test
    void theRepositoryEndpointsCodeArtifactGivesAreReadAsCodeArtifactsIpv4AndDualStack() {
        String account = env.get("GANTRY_SMOKE_ACCOUNT");
        String region = env.get("GANTRY_SMOKE_REGION");
        String domain = env.get("GANTRY_SMOKE_CODEARTIFACT_DOMAIN");
        String repository = env.get("GANTRY_SMOKE_CODEARTIFACT_REPOSITORY");
        try (CodeartifactClient codeArtifact = CodeartifactClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            for (EndpointType type : List.of(EndpointType.IPV4, EndpointType.DUALSTACK)) {
                String url = codeArtifact.getRepositoryEndpoint(r -> r.domain(domain).domainOwner(account)
                        .repository(repository).format(PackageFormat.MAVEN).endpointType(type)).repositoryEndpoint();
                assertThat(CodeArtifactUrl.parse(url)).as("GetRepositoryEndpoint (endpointType %s) gave %s", type, url)
                        .contains(new CodeArtifactUrl(url, domain, account, region, repository,
                                type == EndpointType.DUALSTACK));
            }
        }
    }

    /** {@code mvn -B deploy} in the project, with the Maven of {@code gantry.smoke.mavenHome} and the plugin from the
     * local repository the invoker installed it into. */
    private static int deploy(Path project, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("gantry.smoke.mavenHome"), "bin/mvn").getPath(), "-B", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("gantry.smoke.localRepository"), "deploy"));
        Process mvn = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log(project, name).toFile()).start();
        if (!mvn.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            throw new AssertionError("mvn deploy did not end within " + BUILD_MINUTES + " minutes: see " + log(project, name));
        }
        return mvn.exitValue();
    }

    /** Beside the project, not in it: a file in its work tree would make the release refuse a dirty tree. */
    private static Path log(Path project, String name) {
        return project.resolveSibling(project.getFileName() + "-" + name + ".log");
    }

    private static Path copyProject(Path target, Map<String, String> values) throws IOException {
        Path source = Path.of("src", "smoke", "aws-release");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(file);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Files.writeString(copy, text);
            }
        }
        return target;
    }

    private static JsonNode releaseJson(Path project) throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/gantry/release.json").toFile());
    }

    private static List<String> outcomes(JsonNode entries) {
        List<String> outcomes = new ArrayList<>();
        entries.forEach(e -> outcomes.add(e.path("outcome").asText()));
        return outcomes;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
