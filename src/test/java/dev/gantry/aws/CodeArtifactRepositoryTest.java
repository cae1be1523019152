package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.PublishedFiles;
import dev.gantry.publish.PublishedFiles.PublishedCopy;
import dev.gantry.release.GantryException;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.CodeArtifactStandIn;
import dev.gantry.testing.FreePort;
import dev.gantry.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.EndpointType;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The CodeArtifact implementation of the repository port through the real AWS SDK against the CodeArtifact stand-in:
 * its API over loopback (the SDK's standard {@code aws.endpointUrlCodeartifact}) and its HTTPS Maven endpoint under a
 * real CodeArtifact host name ({@code src/test/hosts}). What a repository holds is put there as Maven's HTTP transport
 * puts it: PUTs with the token.
 */
class CodeArtifactRepositoryTest {

    static final String GROUP = "com.acme";
    static final String ORDERS = "orders";

    @TempDir
    Path dir;
    CodeArtifactStandIn standIn;
    AwsSdkSettings sdk;
    HttpClient https;
    List<String> logged;
    MovableClock clock;
    CodeArtifact codeArtifact;
    /** The test's own token for putting files, as a consumer would fetch it. */
    String token;

    @BeforeEach
    void start() throws IOException {
        standIn = CodeArtifactStandIn.start().createRepository("releases").createRepository("snapshots");
        sdk = AwsSdkSettings.pointAt(standIn, dir);
        https = HttpClient.newBuilder().sslContext(standIn.certificate().clientContext()).build();
        logged = new ArrayList<>();
        clock = new MovableClock();
        codeArtifact = new CodeArtifact(new RecordingLog(logged, true), 1, clock);
    }

    @AfterEach
    void stop() {
        codeArtifact.close();
        sdk.close();
        standIn.close();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    ArtifactRepository repository(String name) {
        return repositoryAt(standIn.repositoryUrl(name));
    }

    ArtifactRepository repositoryAt(String url) {
        return codeArtifact.repository(new RemoteRepository.Builder("company", "default", url).build()).orElseThrow();
    }

    /** One module's files; the only place that knows how {@link ModuleArtifacts} is made. */
    ModuleArtifacts module(String url, Artifact... artifacts) {
        return new ModuleArtifacts(GROUP + ":" + artifacts[0].getArtifactId(), List.of(artifacts), repositoryAt(url));
    }

    Artifact artifact(String artifactId, String version, String classifier, String extension, byte[] bytes)
            throws IOException {
        Path file = Files.createTempFile(dir, artifactId, "." + extension);
        Files.write(file, bytes);
        return new DefaultArtifact(GROUP, artifactId, classifier, extension, version).setFile(file.toFile());
    }

    /** A jar whose entries are these names and contents. */
    static byte[] jar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static final byte[] POM = "<project/>".getBytes(StandardCharsets.UTF_8);

    /** Puts files as Maven's transport does, with a token of the stand-in. */
    void put(String repository, String path, byte[] bytes) throws Exception {
        if (token == null) {
            try (CodeartifactClient client = CodeartifactClient.builder().region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                token = client.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
            }
        }
        HttpResponse<Void> response = https.send(HttpRequest.newBuilder(URI.create(standIn.repositoryUrl(repository) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("aws:" + token)
                        .getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("PUT " + path).isBetween(200, 201);
    }

    /** A release published as Maven publishes it: its files, then the artifact's maven-metadata.xml. */
    void publishRelease(String artifactId, String version, Map<String, byte[]> files, boolean finished) throws Exception {
        String base = GROUP.replace('.', '/') + "/" + artifactId + "/";
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            put("releases", base + version + "/" + file.getKey(), file.getValue());
        }
        if (finished) {
            put("releases", base + "maven-metadata.xml", ("<metadata><groupId>" + GROUP + "</groupId><artifactId>"
                    + artifactId + "</artifactId><versioning><release>" + version + "</release><versions><version>"
                    + version + "</version></versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One snapshot build published as Maven publishes it: its timestamped files, then the version's metadata. */
    void publishSnapshot(String timestamp, int build) throws Exception {
        String base = "com/acme/orders/1.0-SNAPSHOT/";
        String name = "orders-1.0-" + timestamp + "-" + build;
        put("snapshots", base + name + ".jar", jar("build", timestamp));
        put("snapshots", base + name + ".pom", POM);
        put("snapshots", base + "maven-metadata.xml", ("<metadata modelVersion=\"1.1.0\"><groupId>" + GROUP
                + "</groupId><artifactId>orders</artifactId><version>1.0-SNAPSHOT</version><versioning><snapshot>"
                + "<timestamp>" + timestamp + "</timestamp><buildNumber>" + build + "</buildNumber></snapshot>"
                + "</versioning></metadata>").getBytes(StandardCharsets.UTF_8));
    }

    List<String> apiCalls() {
        return standIn.calls().stream().filter(c -> !c.contains(" ")).toList();
    }

    /** The SHA-256 of bytes, as CodeArtifact lists it. */
    static final class Sha256 {
        static String of(byte[] bytes) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // --- release check -------------------------------------------------------------------------------------

    @Nested
    class ARelease {

        Artifact pom;
        Artifact jar;
        Artifact sources;
        ModuleArtifacts module;

        @BeforeEach
        void build() throws Exception {
            pom = artifact(ORDERS, "1.4.0", "", "pom", POM);
            jar = artifact(ORDERS, "1.4.0", "", "jar", jar("com/acme/Orders.class", "v1", "git.properties", "a"));
            sources = artifact(ORDERS, "1.4.0", "sources", "jar", jar("com/acme/Orders.java", "class Orders {}"));
            module = module(standIn.repositoryUrl("releases"), pom, jar, sources);
        }

        void publishThisBuild() throws Exception {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("orders-1.4.0.pom", Files.readAllBytes(pom.getFile().toPath()));
            files.put("orders-1.4.0.jar", Files.readAllBytes(jar.getFile().toPath()));
            files.put("orders-1.4.0-sources.jar", Files.readAllBytes(sources.getFile().toPath()));
            publishRelease(ORDERS, "1.4.0", files, true);
        }

        @Test
        void not_published_yet_is_absent_after_one_call() throws Exception {
            int before = standIn.calls().size();

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.copies()).containsOnlyKeys(pom, jar, sources);
            assertThat(published.copies().values()).containsOnly(PublishedCopy.ABSENT);
            assertThat(published.unfinished()).isFalse();
            assertThat(standIn.calls().subList(before, standIn.calls().size())).containsExactly("DescribePackageVersion");
        }

        @Test
        void published_with_the_same_bytes_is_identical_after_two_calls_no_token_and_no_download() throws Exception {
            publishThisBuild();
            int before = standIn.calls().size();

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.copies().values()).containsOnly(PublishedCopy.IDENTICAL);
            assertThat(published.unfinished()).isFalse();
            assertThat(standIn.calls().subList(before, standIn.calls().size()))
                    .containsExactly("DescribePackageVersion", "ListPackageVersionAssets");
            assertThat(logged).as("the publisher words what was found").isEmpty();
        }

        @Test
        void published_with_other_bytes_names_the_file_and_both_hashes() throws Exception {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("orders-1.4.0.pom", POM);
            files.put("orders-1.4.0.jar", jar("com/acme/Orders.class", "v1", "git.properties", "b"));
            files.put("orders-1.4.0-sources.jar", Files.readAllBytes(sources.getFile().toPath()));
            publishRelease(ORDERS, "1.4.0", files, true);

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.copies().get(pom)).isEqualTo(PublishedCopy.IDENTICAL);
            assertThat(published.copies().get(sources)).isEqualTo(PublishedCopy.IDENTICAL);
            PublishedCopy differing = published.copies().get(jar);
            assertThat(differing.found()).isTrue();
            // the jar entries that differ are named from the one download (GetPackageVersionAsset)
            assertThat(differing.difference()).startsWith("orders-1.4.0.jar of com.acme:orders:1.4.0 differs in ")
                    .contains("git.properties (")
                    .endsWith(" (SHA-256 in CodeArtifact " + Sha256.of(files.get("orders-1.4.0.jar")).substring(0, 12)
                            + "…, this build " + CodeArtifactRepository.sha256(jar.getFile().toPath()).substring(0, 12)
                            + "…)");
        }

        @Test
        void asked_again_in_the_same_build_nothing_is_asked_or_downloaded_again() throws Exception {
            publishRelease(ORDERS, "1.4.0", Map.of("orders-1.4.0.pom", POM,
                    "orders-1.4.0.jar", jar("com/acme/Orders.class", "v1", "git.properties", "b")), true);
            ArtifactRepository releases = repository("releases");
            int before = standIn.calls().size();

            // the image goal asks before its image moves, the publish goal at the end: one answer, one download
            PublishedCopy first = releases.published(module).copies().get(jar);
            PublishedCopy second = releases.published(module).copies().get(jar);

            assertThat(second).isEqualTo(first);
            assertThat(first.difference()).contains("git.properties (");
            List<String> calls = standIn.calls().subList(before, standIn.calls().size());
            assertThat(calls).filteredOn("GetPackageVersionAsset"::equals).hasSize(1);
            assertThat(calls).filteredOn("ListPackageVersionAssets"::equals).hasSize(1);
            // the sources jar is not there, and the version is Published: it is left out, so nothing is sent and the
            // origin controls are not asked
            assertThat(calls).filteredOn("DescribePackage"::equals).isEmpty();
        }

        @Test
        void a_package_that_exists_without_this_version_is_checked_for_origin_controls() throws Exception {
            publishRelease(ORDERS, "1.3.0", Map.of("orders-1.3.0.pom", POM), true);
            int before = standIn.calls().size();

            assertThat(repository("releases").published(module).copies().values()).containsOnly(PublishedCopy.ABSENT);
            assertThat(standIn.calls().subList(before, standIn.calls().size()))
                    .containsExactly("DescribePackageVersion", "DescribePackage");
        }

        @Test
        void a_file_missing_from_the_published_version_is_absent() throws Exception {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("orders-1.4.0.pom", POM);
            files.put("orders-1.4.0.jar", Files.readAllBytes(jar.getFile().toPath()));
            publishRelease(ORDERS, "1.4.0", files, true);

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.copies().get(pom)).isEqualTo(PublishedCopy.IDENTICAL);
            assertThat(published.copies().get(jar)).isEqualTo(PublishedCopy.IDENTICAL);
            assertThat(published.copies().get(sources)).isEqualTo(PublishedCopy.ABSENT);
            assertThat(published.finished()).as("Published: the file is left out of the release").isTrue();
        }

        /** Nothing is sent to a Published version that lacks a file of this build's: its origin controls do not matter. */
        @Test
        void a_file_missing_from_a_published_version_is_not_refused_by_origin_controls_that_block_publishing()
                throws Exception {
            publishRelease(ORDERS, "1.4.0", Map.of("orders-1.4.0.pom", POM,
                    "orders-1.4.0.jar", Files.readAllBytes(jar.getFile().toPath())), true);
            standIn.blockPublish("releases", GROUP, ORDERS);

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.copies().get(sources)).isEqualTo(PublishedCopy.ABSENT);
            assertThat(published.finished()).isTrue();
        }

        @Test
        void a_publish_broken_off_before_its_metadata_is_unfinished() throws Exception {
            publishRelease(ORDERS, "1.4.0", Map.of("orders-1.4.0.pom", POM), false);

            PublishedFiles published = repository("releases").published(module);

            assertThat(published.unfinished()).isTrue();
            assertThat(published.finished()).isFalse();
            assertThat(published.copies().get(pom)).isEqualTo(PublishedCopy.IDENTICAL);
            assertThat(published.copies().get(jar)).isEqualTo(PublishedCopy.ABSENT);
        }

        @Test
        void a_package_whose_origin_controls_block_publishing_is_refused_before_any_upload() {
            standIn.blockPublish("releases", GROUP, ORDERS);

            assertThatThrownBy(() -> repository("releases").published(module))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("CodeArtifact blocks publishing com.acme:orders to repository releases in "
                            + "domain acme (owner 123456789012, region us-east-1): the package's origin controls set "
                            + "publish to BLOCK");
            assertThat(standIn.calls()).noneMatch(c -> c.startsWith("PUT"));
        }

        @Test
        void many_modules_cost_two_calls_each_when_all_are_published() throws Exception {
            List<ModuleArtifacts> modules = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Artifact modulePom = artifact("module" + i, "1.4.0", "", "pom", POM);
                Artifact moduleJar = artifact("module" + i, "1.4.0", "", "jar", jar("M" + i + ".class", "x"));
                publishRelease("module" + i, "1.4.0", Map.of("module" + i + "-1.4.0.pom", POM,
                        "module" + i + "-1.4.0.jar", Files.readAllBytes(moduleJar.getFile().toPath())), true);
                modules.add(module(standIn.repositoryUrl("releases"), modulePom, moduleJar));
            }
            ArtifactRepository releases = repository("releases");
            int before = standIn.calls().size();

            long started = System.nanoTime();
            for (ModuleArtifacts m : modules) {
                assertThat(releases.published(m).copies().values()).containsOnly(PublishedCopy.IDENTICAL);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(standIn.calls().size() - before).isEqualTo(20);
            assertThat(took).isLessThan(Duration.ofSeconds(5)); // a loose bound for a shared machine; the target is 1 s
        }
    }

    // --- refusals --------------------------------------------------------------------------------------------

    @Nested
    class Refusals {

        ModuleArtifacts module;

        @BeforeEach
        void build() throws Exception {
            module = module(standIn.repositoryUrl("releases"), artifact(ORDERS, "1.4.0", "", "pom", POM));
        }

        @Test
        void a_denied_action_is_named_with_its_resource() {
            standIn.deny("DescribePackageVersion");

            assertThatThrownBy(() -> repository("releases").published(module))
                    .hasMessageStartingWith("AWS denied codeartifact:DescribePackageVersion for CodeArtifact's "
                            + "DescribePackageVersion of com.acme:orders:1.4.0 in repository releases in domain acme "
                            + "(owner 123456789012, region us-east-1) to these credentials")
                    .hasMessageContaining("Allow codeartifact:DescribePackageVersion on "
                            + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/orders");
        }

        @Test
        void a_missing_repository() {
            assertThatThrownBy(() -> repository("nowhere").published(module))
                    .hasMessageStartingWith("There is no repository nowhere in the CodeArtifact domain acme (owner "
                            + "123456789012, region us-east-1): DescribePackageVersion answered ResourceNotFoundException.");
        }

        @Test
        void a_missing_domain() {
            String url = standIn.repositoryUrl("releases").replace("https://acme-", "https://other-");

            assertThatThrownBy(() -> repositoryAt(url).published(module))
                    .hasMessageStartingWith("There is no CodeArtifact domain other owned by 123456789012 in region "
                            + "us-east-1 (DescribePackageVersion answered ResourceNotFoundException).");
        }

        @Test
        void expired_credentials() {
            standIn.expireCredentials(CodeArtifactStandIn.ACCESS_KEY_ID);

            assertThatThrownBy(() -> repository("releases").published(module))
                    .hasMessageStartingWith("AWS rejected the credentials for CodeArtifact's DescribePackageVersion of "
                            + "com.acme:orders:1.4.0 in repository releases in domain acme (owner 123456789012, region "
                            + "us-east-1): ExpiredTokenException");
        }

        @Test
        void no_credentials() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");

            assertThatThrownBy(() -> repository("releases").published(module))
                    .hasMessageStartingWith("No AWS credentials for CodeArtifact's DescribePackageVersion of "
                            + "com.acme:orders:1.4.0 in repository releases in domain acme (owner 123456789012, region "
                            + "us-east-1): the default credential chain found none");
        }

        @Test
        void throttling_that_outlasts_the_sdk_retries() {
            standIn.throttleNext("DescribePackageVersion", 5);

            assertThatThrownBy(() -> repository("releases").published(module))
                    .hasMessageStartingWith("CodeArtifact throttled DescribePackageVersion of com.acme:orders:1.4.0 in "
                            + "repository releases in domain acme (owner 123456789012, region us-east-1), and the AWS "
                            + "SDK's retries did not get through");
        }

        @Test
        void server_errors_are_retried_by_the_sdk() throws Exception {
            standIn.failNext("DescribePackageVersion", 2);

            assertThat(repository("releases").published(module).copies().values()).containsOnly(PublishedCopy.ABSENT);
            assertThat(standIn.count("DescribePackageVersion")).isEqualTo(3);
        }
    }

    // --- credentials -------------------------------------------------------------------------------------------

    @Nested
    class Token {

        final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();

        String password(RemoteRepository remote) {
            try (AuthenticationContext context = AuthenticationContext.forRepository(session, remote)) {
                return context.get(AuthenticationContext.PASSWORD);
            }
        }

        @Test
        void is_fetched_once_when_resolver_first_needs_the_password_and_opens_the_repository() throws Exception {
            RemoteRepository remote = repository("releases").remote();
            assertThat(standIn.count("GetAuthorizationToken")).isZero();

            String token = password(remote);
            password(repository("snapshots").remote());

            assertThat(standIn.count("GetAuthorizationToken")).isEqualTo(1);
            HttpResponse<Void> put = https.send(HttpRequest.newBuilder(URI.create(standIn.repositoryUrl("releases")
                            + "com/acme/orders/1.4.0/orders-1.4.0.pom"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("aws:" + token)
                            .getBytes(StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(POM)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(logged).isNotEmpty().noneMatch(l -> l.contains(token));
        }

        @Test
        void is_fetched_again_when_about_to_expire() {
            RemoteRepository remote = repository("releases").remote();
            password(remote);

            clock.now = clock.now.plus(Duration.ofHours(11).plusMinutes(30)); // valid for 30 more minutes: kept
            password(remote);
            clock.now = clock.now.plus(Duration.ofMinutes(20)); // 10 more minutes: renewed
            password(remote);

            assertThat(standIn.count("GetAuthorizationToken")).isEqualTo(2);
        }

        @Test
        void that_cannot_be_had_fails_the_transfer_with_the_refusal() {
            standIn.deny("sts:GetServiceBearerToken");
            RemoteRepository remote = repository("releases").remote();

            assertThatThrownBy(() -> password(remote))
                    .isInstanceOf(CodeArtifactTokenUnavailable.class)
                    .hasMessageStartingWith("AWS denied sts:GetServiceBearerToken for CodeArtifact's "
                            + "GetAuthorizationToken in repository releases in domain acme (owner 123456789012, region "
                            + "us-east-1) to these credentials");
        }
    }

    // --- the dual-stack endpoint ------------------------------------------------------------------------------

    /**
     * A repository URL pasted from {@code get-repository-endpoint --endpoint-type dualstack}: a CodeArtifact repository
     * like the IPv4 one (token, release check), with the API where the SDK's own settings say.
     */
    @Nested
    class DualStack {

        final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        String url;
        ModuleArtifacts module;

        @BeforeEach
        void build() throws Exception {
            try (CodeartifactClient client = CodeartifactClient.builder().region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                url = client.getRepositoryEndpoint(r -> r.domain("acme").domainOwner("123456789012")
                        .repository("releases").format(PackageFormat.MAVEN).endpointType(EndpointType.DUALSTACK))
                        .repositoryEndpoint();
            }
            module = module(url, artifact(ORDERS, "1.4.0", "", "pom", POM));
        }

        /** How the AWS SDK (2.40.2, URLConnection client) reports a host that does not resolve, after its retries. */
        String unknownHost(String host) {
            return "Received an UnknownHostException when attempting to interact with a service. See cause for the exact "
                    + "endpoint that is failing to resolve. If this is happening on an endpoint that previously worked, "
                    + "there may be a network connectivity issue or your DNS cache could be storing endpoints for too "
                    + "long. (Unable to execute HTTP request: " + host + " (SDK Attempt Count: 4))";
        }

        /** How the AWS SDK reports a port where nothing listens, after its retries (the host is not named). */
        String connectionRefused() {
            return "Unable to execute HTTP request: Connection refused (SDK Attempt Count: 4)";
        }

        @Test
        void gets_its_token_from_get_authorization_token_and_the_upload_with_it_succeeds() throws Exception {
            RemoteRepository remote = repositoryAt(url).remote();
            String token;
            try (AuthenticationContext context = AuthenticationContext.forRepository(session, remote)) {
                token = context.get(AuthenticationContext.PASSWORD);
            }

            HttpResponse<Void> put = https.send(HttpRequest.newBuilder(URI.create(url
                            + "com/acme/orders/1.4.0/orders-1.4.0.pom"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("aws:" + token)
                            .getBytes(StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(POM)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(standIn.calls()).containsExactly("GetRepositoryEndpoint", "GetAuthorizationToken",
                    "PUT com/acme/orders/1.4.0/orders-1.4.0.pom");
            assertThat(logged).anyMatch(l -> l.contains("Got a CodeArtifact token for domain acme (owner 123456789012, "
                    + "region us-east-1) from GetAuthorizationToken"));
        }

        @Test
        void is_checked_before_a_release_as_the_ipv4_url_is() throws Exception {
            assertThat(repositoryAt(url).published(module).copies().values()).containsOnly(PublishedCopy.ABSENT);
            assertThat(apiCalls()).containsExactly("GetRepositoryEndpoint", "DescribePackageVersion");
        }

        @Test
        void its_api_calls_go_to_codeartifact_s_dual_stack_api_host_when_the_sdk_s_setting_says_so() {
            System.clearProperty("aws.endpointUrlCodeartifact");
            System.setProperty("aws.useDualstackEndpoint", "true");
            try {
                // codeartifact.us-east-1.api.aws is not in src/test/hosts: it fails to resolve, and nothing leaves the JVM;
                // the setting is on, so the refusal says so and does not say to turn it on
                assertThatThrownBy(() -> repositoryAt(url).published(module))
                        .hasMessage("Cannot reach CodeArtifact's API for DescribePackageVersion of com.acme:orders:1.4.0 "
                                + "in repository releases in domain acme (owner 123456789012, region us-east-1): "
                                + unknownHost("codeartifact.us-east-1.api.aws") + ". Check the network and the endpoint: "
                                + "the AWS SDK's dual-stack setting is on (AWS_USE_DUALSTACK_ENDPOINT, "
                                + "use_dualstack_endpoint in the AWS profile, or -Daws.useDualstackEndpoint), so the API "
                                + "was called at its dual-stack endpoint for the region of the URL, "
                                + "codeartifact.us-east-1.api.aws; to reach it through a VPC endpoint of "
                                + "com.amazonaws.us-east-1.codeartifact.api instead, unset that setting and set "
                                + "AWS_ENDPOINT_URL_CODEARTIFACT (or AWS_ENDPOINT_URL, or endpoint_url in the AWS "
                                + "profile). Nothing was published.");
            } finally {
                System.clearProperty("aws.useDualstackEndpoint");
            }
            assertThat(standIn.calls()).containsExactly("GetRepositoryEndpoint");
        }

        @Test
        void unreachable_at_the_ipv4_only_api_host_says_to_turn_the_sdk_s_dual_stack_setting_on() {
            System.clearProperty("aws.endpointUrlCodeartifact");
            // codeartifact.us-east-1.amazonaws.com is not in src/test/hosts either: the SDK's default, IPv4-only host
            assertThatThrownBy(() -> repositoryAt(url).published(module))
                    .hasMessage("Cannot reach CodeArtifact's API for DescribePackageVersion of com.acme:orders:1.4.0 in "
                            + "repository releases in domain acme (owner 123456789012, region us-east-1): "
                            + unknownHost("codeartifact.us-east-1.amazonaws.com") + ". Check the network and the "
                            + "endpoint: Gantry uses the AWS SDK's, for the region of the URL, or the one set with "
                            + "AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL or endpoint_url in the AWS profile (for a "
                            + "VPC endpoint). The repository URL is CodeArtifact's dual-stack (IPv4 and IPv6) endpoint, "
                            + "but its API was called at codeartifact.us-east-1.amazonaws.com, IPv4 only, as the AWS "
                            + "SDK's dual-stack setting is not on (AWS_USE_DUALSTACK_ENDPOINT=true, use_dualstack_endpoint "
                            + "= true in the AWS profile, or -Daws.useDualstackEndpoint=true in MAVEN_OPTS), which calls "
                            + "codeartifact.us-east-1.api.aws: on a runner without IPv4, turn it on, or reach the API "
                            + "through a VPC endpoint of com.amazonaws.us-east-1.codeartifact.api. Nothing was "
                            + "published.");
            assertThat(standIn.calls()).containsExactly("GetRepositoryEndpoint");
        }

        @Test
        void unreachable_at_an_endpoint_of_one_s_own_names_that_endpoint_and_not_the_dual_stack_setting()
                throws IOException {
            String nowhere = "http://127.0.0.1:" + FreePort.onLoopback();
            System.setProperty("aws.endpointUrlCodeartifact", nowhere);
            assertThatThrownBy(() -> repositoryAt(url).published(module))
                    .hasMessage("Cannot reach CodeArtifact's API for DescribePackageVersion of com.acme:orders:1.4.0 in "
                            + "repository releases in domain acme (owner 123456789012, region us-east-1): "
                            + connectionRefused() + ". Check the network and the endpoint the API was called at, "
                            + nowhere + ": the one set with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL, endpoint_url "
                            + "in the AWS profile or -Daws.endpointUrlCodeartifact (a VPC endpoint of "
                            + "com.amazonaws.us-east-1.codeartifact.api, for one); unset them to call the AWS SDK's own "
                            + "endpoint for the region of the URL. Nothing was published.");
        }

        @Test
        void the_sdk_s_dual_stack_setting_with_an_endpoint_of_one_s_own_is_refused_before_anything_is_sent() {
            System.setProperty("aws.useDualstackEndpoint", "true");
            try {
                assertThatThrownBy(() -> repositoryAt(url).published(module))
                        .hasMessageStartingWith("The AWS SDK refused to send CodeArtifact's DescribePackageVersion of "
                                + "com.acme:orders:1.4.0 in repository releases in domain acme (owner 123456789012, "
                                + "region us-east-1): both its dual-stack setting");
            } finally {
                System.clearProperty("aws.useDualstackEndpoint");
            }
            assertThat(standIn.calls()).containsExactly("GetRepositoryEndpoint");
        }
    }

    // --- snapshots ------------------------------------------------------------------------------------------

    @Nested
    class Snapshots {

        ModuleArtifacts module;

        @BeforeEach
        void build() throws Exception {
            Artifact jar = artifact(ORDERS, "1.0-20261122.080000-3", "", "jar", jar("build", "3"));
            module = module(standIn.repositoryUrl("snapshots"), jar);
        }

        @Test
        void are_always_absent_after_only_the_origin_check() throws Exception {
            publishSnapshot("20261120.101530", 1);
            int before = standIn.calls().size();

            assertThat(repository("snapshots").published(module).copies().values()).containsOnly(PublishedCopy.ABSENT);
            assertThat(standIn.calls().subList(before, standIn.calls().size())).containsExactly("DescribePackage");
        }

        @Test
        void three_publishes_leave_one_build() throws Exception {
            publishSnapshot("20261120.101530", 1);
            publishSnapshot("20261121.110000", 2);
            publishSnapshot("20261122.080000", 3);

            repository("snapshots").afterPublish(module, true, Set.of());

            assertThat(standIn.versions("snapshots", GROUP, ORDERS)).containsOnly(
                    Map.entry("1.0-SNAPSHOT", "Published"), Map.entry("1.0-20261122.080000-3", "Unlisted"));
            assertThat(logged).contains("Deleted 2 earlier builds of com.acme:orders:1.0-SNAPSHOT from CodeArtifact "
                    + "(repository snapshots in domain acme (owner 123456789012, region us-east-1)), keeping the newest "
                    + "1: 1.0-20261120.101530-1, 1.0-20261121.110000-2.");
        }

        /** A pipeline started at 10:05 published build 5 first; this one, started at 10:00, published build 6 last. */
        @Test
        void keep_the_build_this_publish_sent_when_another_pipeline_published_a_later_one_meanwhile() throws Exception {
            publishSnapshot("20261119.090000", 4);
            publishSnapshot("20261120.100500", 5);
            publishSnapshot("20261120.100000", 6);

            repository("snapshots").afterPublish(module, true, Set.of("1.0-20261120.100000-6"));

            assertThat(standIn.versions("snapshots", GROUP, ORDERS)).containsOnlyKeys(
                    "1.0-SNAPSHOT", "1.0-20261120.100500-5", "1.0-20261120.100000-6");
        }

        @Test
        void keep_the_newest_builds_asked_for() throws Exception {
            publishSnapshot("20261120.101530", 1);
            publishSnapshot("20261121.110000", 2);
            publishSnapshot("20261122.080000", 3);
            try (CodeArtifact keepingTwo = new CodeArtifact(new RecordingLog(logged, true), 2)) {
                keepingTwo.repository(new RemoteRepository.Builder("company", "default",
                        standIn.repositoryUrl("snapshots")).build()).orElseThrow().afterPublish(module, true, Set.of());
            }

            assertThat(standIn.versions("snapshots", GROUP, ORDERS)).containsOnlyKeys(
                    "1.0-SNAPSHOT", "1.0-20261121.110000-2", "1.0-20261122.080000-3");
        }

        @Test
        void no_clean_up_when_keeping_zero_and_none_after_a_release() throws Exception {
            publishSnapshot("20261120.101530", 1);
            publishSnapshot("20261121.110000", 2);
            int before = standIn.calls().size();
            try (CodeArtifact keepingAll = new CodeArtifact(new RecordingLog(logged, true), 0)) {
                keepingAll.repository(new RemoteRepository.Builder("company", "default",
                        standIn.repositoryUrl("snapshots")).build()).orElseThrow().afterPublish(module, true, Set.of());
            }
            repository("snapshots").afterPublish(module, false, Set.of());

            assertThat(standIn.calls().size()).isEqualTo(before);
            assertThat(standIn.versions("snapshots", GROUP, ORDERS)).hasSize(3);
        }

        @Test
        void a_clean_up_that_fails_is_a_warning() throws Exception {
            publishSnapshot("20261120.101530", 1);
            publishSnapshot("20261121.110000", 2);
            standIn.deny("DeletePackageVersions");

            repository("snapshots").afterPublish(module, true, Set.of());

            assertThat(logged).anyMatch(l -> l.startsWith("WARN The snapshot com.acme:orders:1.0-SNAPSHOT is published, "
                    + "but its earlier builds in repository snapshots in domain acme (owner 123456789012, region "
                    + "us-east-1) were not cleaned up: DeletePackageVersions failed: AWS denied "
                    + "codeartifact:DeletePackageVersions"))
                    .noneMatch(l -> l.contains("Nothing was published"));
            assertThat(standIn.versions("snapshots", GROUP, ORDERS)).hasSize(3);
        }

        /** The worded failures of a publish end "Nothing was published": not in a warning after the publish. */
        @Test
        void a_clean_up_that_cannot_reach_codeartifact_does_not_say_nothing_was_published() throws Exception {
            publishSnapshot("20261120.101530", 1);
            publishSnapshot("20261121.110000", 2);
            standIn.resetNext("ListPackageVersions", 10);

            repository("snapshots").afterPublish(module, true, Set.of());

            assertThat(logged).anyMatch(l -> l.startsWith("WARN The snapshot com.acme:orders:1.0-SNAPSHOT is published, "
                    + "but its earlier builds in ") && l.contains("were not cleaned up: ListPackageVersions failed: "))
                    .noneMatch(l -> l.contains("Nothing was published"));
        }
    }

    @Nested
    class Loading_the_sdk_ahead {

        @Test
        void sends_nothing_to_aws() throws Exception {
            CodeArtifact.loadSdkInBackground(standIn.repositoryUrl("releases"));

            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(CodeArtifact.SDK_LOADING_THREAD)) {
                    thread.join(60_000);
                }
            }
            assertThat(standIn.calls()).isEmpty();
        }
    }
}
