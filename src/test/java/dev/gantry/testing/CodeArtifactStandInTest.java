package dev.gantry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.AllowPublish;
import software.amazon.awssdk.services.codeartifact.model.AllowUpstream;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.DeletePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.EndpointType;
import software.amazon.awssdk.services.codeartifact.model.HashAlgorithm;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionErrorCode;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourceType;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

/** The stand-in answers the real AWS SDK and a plain HTTPS client as CodeArtifact documents, whoever calls it. */
class CodeArtifactStandInTest {

    static final String REPO = "releases";
    static final String GROUP = "com.acme";
    static final String LIB = "lib";

    @TempDir
    Path dir;
    CodeArtifactStandIn codeArtifact;
    AwsSdkSettings sdk;
    CodeartifactClient client;
    HttpClient https;
    String token;

    @BeforeEach
    void start() throws Exception {
        codeArtifact = CodeArtifactStandIn.start().createRepository(REPO);
        sdk = AwsSdkSettings.pointAt(codeArtifact, dir);
        client = CodeartifactClient.builder().region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        https = HttpClient.newBuilder().sslContext(codeArtifact.certificate().clientContext()).build();
        token = client.getAuthorizationToken(r -> r.domain("acme").domainOwner("123456789012")).authorizationToken();
    }

    @AfterEach
    void stop() {
        client.close();
        sdk.close();
        codeArtifact.close();
    }

    // --- helpers: what Maven's HTTP transport sends --------------------------------------------------------

    HttpResponse<byte[]> put(String path, byte[] bytes) throws Exception {
        return https.send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> put(String path, String text) throws Exception {
        return put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return https.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(codeArtifact.repositoryUrl(REPO) + path))
                .header("Authorization", basic("aws", token));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String artifactMetadata(String... versions) {
        String listed = java.util.Arrays.stream(versions).map(v -> "<version>" + v + "</version>").collect(Collectors.joining());
        return "<metadata><groupId>" + GROUP + "</groupId><artifactId>" + LIB + "</artifactId><versioning><release>"
                + versions[versions.length - 1] + "</release><versions>" + listed + "</versions></versioning></metadata>";
    }

    static String snapshotMetadata(String timestamp, int build) {
        return "<metadata modelVersion=\"1.1.0\"><groupId>" + GROUP + "</groupId><artifactId>" + LIB + "</artifactId>"
                + "<version>1.0-SNAPSHOT</version><versioning><snapshot><timestamp>" + timestamp + "</timestamp>"
                + "<buildNumber>" + build + "</buildNumber></snapshot></versioning></metadata>";
    }

    String status(String version) {
        return client.describePackageVersion(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue(LIB).packageVersion(version)).packageVersion().statusAsString();
    }

    void publishRelease(String version, String jar) throws Exception {
        assertThat(put("com/acme/lib/" + version + "/lib-" + version + ".jar", jar).statusCode()).isEqualTo(201);
        assertThat(put("com/acme/lib/" + version + "/lib-" + version + ".pom", "<project/>").statusCode()).isEqualTo(201);
        assertThat(put("com/acme/lib/maven-metadata.xml", artifactMetadata(version)).statusCode()).isEqualTo(201);
    }

    void publishSnapshot(String timestamp, int build, String jar) throws Exception {
        String name = "lib-1.0-" + timestamp + "-" + build;
        assertThat(put("com/acme/lib/1.0-SNAPSHOT/" + name + ".jar", jar).statusCode()).isEqualTo(201);
        assertThat(put("com/acme/lib/1.0-SNAPSHOT/" + name + ".pom", "<project/>").statusCode()).isEqualTo(201);
        assertThat(put("com/acme/lib/1.0-SNAPSHOT/maven-metadata.xml", snapshotMetadata(timestamp, build)).statusCode())
                .isEqualTo(201);
    }

    @Nested
    class Tokens {

        @Test
        void getAuthorizationTokenIssuesATokenValidTwelveHoursByDefault() {
            Instant expiration = client.getAuthorizationToken(r -> r.domain("acme")).expiration();
            assertThat(Duration.between(Instant.now(), expiration)).isBetween(Duration.ofHours(11), Duration.ofHours(12));
        }

        @Test
        void theDurationIsHonouredAndValidated() {
            Instant expiration = client.getAuthorizationToken(r -> r.domain("acme").durationSeconds(900L)).expiration();
            assertThat(Duration.between(Instant.now(), expiration)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
            assertThatThrownBy(() -> client.getAuthorizationToken(r -> r.domain("acme").durationSeconds(60L)))
                    .isInstanceOf(CodeartifactException.class).hasMessageContaining("between 900 and 43200");
        }

        @Test
        void anUnknownDomainIsNotFound() {
            assertThatThrownBy(() -> client.getAuthorizationToken(r -> r.domain("other")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.DOMAIN));
        }

        @Test
        void theMavenEndpointChallengesWithoutAToken() throws Exception {
            HttpResponse<byte[]> answer = https.send(HttpRequest.newBuilder(URI.create(codeArtifact.repositoryUrl(REPO)
                    + "com/acme/lib/maven-metadata.xml")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        }

        @Test
        void aWrongTokenOrUserIsRefused() throws Exception {
            for (String authorization : List.of(basic("aws", "eyJwrong"), basic("AWS", token))) {
                HttpResponse<byte[]> answer = https.send(HttpRequest.newBuilder(URI.create(codeArtifact.repositoryUrl(REPO)
                        + "com/acme/lib/maven-metadata.xml")).header("Authorization", authorization).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(answer.statusCode()).isEqualTo(401);
            }
        }

        @Test
        void anExpiredTokenIsRefused() throws Exception {
            codeArtifact.expireTokens();
            HttpResponse<byte[]> answer = put("com/acme/lib/1.0/lib-1.0.jar", "jar");
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("expired");
        }
    }

    @Nested
    class Releases {

        @Test
        void aVersionIsUnfinishedUntilItsMetadataIsUploadedThenPublished() throws Exception {
            put("com/acme/lib/1.0/lib-1.0.jar", "jar one");
            put("com/acme/lib/1.0/lib-1.0.pom", "<project/>");
            assertThat(status("1.0")).isEqualTo("Unfinished");
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar").statusCode()).isEqualTo(404);

            put("com/acme/lib/maven-metadata.xml", artifactMetadata("1.0"));

            assertThat(status("1.0")).isEqualTo("Published");
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar").body()).asString().isEqualTo("jar one");
            assertThat(get("com/acme/lib/maven-metadata.xml").body()).asString().contains("<version>1.0</version>");
        }

        @Test
        void listPackageVersionAssetsGivesEachAssetsSha256() throws Exception {
            publishRelease("1.0", "jar one");
            List<AssetSummary> assets = client.listPackageVersionAssets(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB).packageVersion("1.0")).assets();
            assertThat(assets).extracting(AssetSummary::name)
                    .containsExactly("lib-1.0.jar", "lib-1.0.pom", "maven-metadata.xml");
            assertThat(assets.get(0).hashes()).containsEntry(HashAlgorithm.SHA_256,
                    CodeArtifactPackages.hash("SHA-256", "jar one".getBytes(StandardCharsets.UTF_8)));
            assertThat(assets.get(0).size()).isEqualTo(7L);
        }

        @Test
        void assetsArePagedWhenAskedForFewer() throws Exception {
            publishRelease("1.0", "jar one");
            var first = client.listPackageVersionAssets(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .namespace(GROUP).packageValue(LIB).packageVersion("1.0").maxResults(2));
            assertThat(first.assets()).hasSize(2);
            var rest = client.listPackageVersionAssets(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .namespace(GROUP).packageValue(LIB).packageVersion("1.0").maxResults(2).nextToken(first.nextToken()));
            assertThat(rest.assets()).extracting(AssetSummary::name).containsExactly("maven-metadata.xml");
            assertThat(rest.nextToken()).isNull();
        }

        @Test
        void anAssetWithDifferentBytesIsAConflict() throws Exception {
            publishRelease("1.0", "jar one");
            HttpResponse<byte[]> answer = put("com/acme/lib/1.0/lib-1.0.jar", "jar two");
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar").body()).asString().isEqualTo("jar one");
        }

        @Test
        void theSameBytesAreAcceptedAgain() throws Exception {
            publishRelease("1.0", "jar one");
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "jar one").statusCode()).isEqualTo(200);
            assertThat(status("1.0")).isEqualTo("Published");
        }

        @Test
        void aVersionAnotherBuildPublishedIsThereAsIfUploaded() throws Exception {
            codeArtifact.addVersion(REPO, GROUP, LIB, "1.0", "Published",
                    Map.of("lib-1.0.jar", "their jar".getBytes(StandardCharsets.UTF_8)));
            assertThat(status("1.0")).isEqualTo("Published");
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar").body()).asString().isEqualTo("their jar");
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "our jar").statusCode()).isEqualTo(409);
            assertThat(codeArtifact.calls()).containsExactly("GetAuthorizationToken", "DescribePackageVersion",
                    "GET com/acme/lib/1.0/lib-1.0.jar", "PUT com/acme/lib/1.0/lib-1.0.jar");
        }

        @Test
        void newAssetsCanBeAddedToAPublishedVersion() throws Exception {
            publishRelease("1.0", "jar one");
            assertThat(put("com/acme/lib/1.0/lib-1.0-sources.jar", "sources").statusCode()).isEqualTo(201);
            assertThat(codeArtifact.assets(REPO, GROUP, LIB, "1.0")).containsKey("lib-1.0-sources.jar");
        }

        @Test
        void checksumFilesAreValidatedAndServed() throws Exception {
            put("com/acme/lib/1.0/lib-1.0.jar", "jar one");
            String sha1 = CodeArtifactPackages.hash("SHA-1", "jar one".getBytes(StandardCharsets.UTF_8));
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar.sha1", sha1).statusCode()).isEqualTo(201);
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar.md5", "0123456789abcdef0123456789abcdef").statusCode())
                    .isEqualTo(400);
            put("com/acme/lib/maven-metadata.xml", artifactMetadata("1.0"));
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar.sha1").body()).asString().isEqualTo(sha1);
            assertThat(get("com/acme/lib/1.0/lib-1.0.jar.sha512").body()).asString()
                    .isEqualTo(CodeArtifactPackages.hash("SHA-512", "jar one".getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void describingAMissingVersionIsResourceNotFound() throws Exception {
            publishRelease("1.0", "jar one");
            assertThatThrownBy(() -> status("2.0")).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.resourceType()).isEqualTo(ResourceType.PACKAGE_VERSION);
                assertThat(e.resourceId()).isEqualTo("2.0");
                assertThat(e.awsErrorDetails().errorMessage()).contains("2.0");
            });
            assertThatThrownBy(() -> client.describePackageVersion(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("other").packageVersion("1.0")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.PACKAGE));
        }

        @Test
        void aMissingRepositoryIsResourceNotFound() {
            assertThatThrownBy(() -> client.describePackageVersion(r -> r.domain("acme").repository("nope")
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB).packageVersion("1.0")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.resourceType()).isEqualTo(ResourceType.REPOSITORY);
                        assertThat(e.resourceId()).isEqualTo("nope");
                    });
        }

        @Test
        void getRepositoryEndpointGivesTheMavenUrl() {
            assertThat(client.getRepositoryEndpoint(r -> r.domain("acme").domainOwner("123456789012").repository(REPO)
                    .format(PackageFormat.MAVEN)).repositoryEndpoint()).isEqualTo(codeArtifact.repositoryUrl(REPO));
            assertThat(client.getRepositoryEndpoint(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .endpointType(EndpointType.IPV4)).repositoryEndpoint()).isEqualTo(codeArtifact.repositoryUrl(REPO));
        }

        @Test
        void getRepositoryEndpointForDualStackGivesTheDualStackHostWhichServesTheSameRepository() throws Exception {
            String url = client.getRepositoryEndpoint(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .endpointType(EndpointType.DUALSTACK)).repositoryEndpoint();
            assertThat(url).isEqualTo(codeArtifact.dualStackRepositoryUrl(REPO))
                    .startsWith("https://acme-123456789012.codeartifact.us-east-1.on.aws:");

            HttpResponse<Void> signed = https.send(HttpRequest.newBuilder(URI.create(url + "com/acme/lib/1.0/lib-1.0.jar"))
                    .header("Authorization", basic("aws", token)).PUT(HttpRequest.BodyPublishers.ofString("jar"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> anonymous = https.send(HttpRequest.newBuilder(URI.create(url + "com/acme/lib/1.0/lib-1.0.pom"))
                    .PUT(HttpRequest.BodyPublishers.ofString("<project/>")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(signed.statusCode()).isEqualTo(201);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(codeArtifact.versions(REPO, GROUP, LIB)).containsExactly(Map.entry("1.0", "Unfinished"));
        }

        @Test
        void getRepositoryEndpointRefusesAnotherEndpointType() {
            assertThatThrownBy(() -> client.getRepositoryEndpoint(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).endpointType("ipv6")))
                    .isInstanceOfSatisfying(CodeartifactException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("'endpointType'")
                                .contains("[dualstack, ipv4]");
                    });
        }
    }

    @Nested
    class Snapshots {

        @Test
        void eachPublishAddsABuildAndTheEarlierOnesStayUnlisted() throws Exception {
            publishSnapshot("20210728.194552", 1, "build one");
            publishSnapshot("20210728.194553", 2, "build two");
            publishSnapshot("20210728.194554", 3, "build three");

            assertThat(codeArtifact.versions(REPO, GROUP, LIB)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "1.0-20210728.194552-1", "Unlisted",
                    "1.0-20210728.194553-2", "Unlisted",
                    "1.0-20210728.194554-3", "Unlisted",
                    "1.0-SNAPSHOT", "Published"));
            List<PackageVersionSummary> unlisted = client.listPackageVersions(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB).status(PackageVersionStatus.UNLISTED))
                    .versions();
            assertThat(unlisted).extracting(PackageVersionSummary::version).containsExactly(
                    "1.0-20210728.194552-1", "1.0-20210728.194553-2", "1.0-20210728.194554-3");
            assertThat(get("com/acme/lib/1.0-SNAPSHOT/lib-1.0-20210728.194552-1.jar").body()).asString()
                    .isEqualTo("build one");
            assertThat(get("com/acme/lib/1.0-SNAPSHOT/maven-metadata.xml").body()).asString()
                    .contains("<buildNumber>3</buildNumber>");
        }

        @Test
        void aBuildIsUnfinishedUntilTheVersionMetadataNamesIt() throws Exception {
            put("com/acme/lib/1.0-SNAPSHOT/lib-1.0-20210728.194552-1.jar", "build one");
            assertThat(codeArtifact.versions(REPO, GROUP, LIB)).containsExactly(Map.entry("1.0-20210728.194552-1", "Unfinished"));
            assertThat(get("com/acme/lib/1.0-SNAPSHOT/maven-metadata.xml").statusCode()).isEqualTo(404);
        }

        @Test
        void deletePackageVersionsRemovesTheUnlistedBuildsAndTheSnapshotStays() throws Exception {
            publishSnapshot("20210728.194552", 1, "build one");
            publishSnapshot("20210728.194553", 2, "build two");

            DeletePackageVersionsResponse deleted = client.deletePackageVersions(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB)
                    .versions("1.0-20210728.194552-1", "1.0-SNAPSHOT", "9.9")
                    .expectedStatus(PackageVersionStatus.UNLISTED));

            assertThat(deleted.successfulVersions()).containsOnlyKeys("1.0-20210728.194552-1");
            assertThat(deleted.successfulVersions().get("1.0-20210728.194552-1").status())
                    .isEqualTo(PackageVersionStatus.DELETED);
            assertThat(deleted.failedVersions().get("1.0-SNAPSHOT").errorCode())
                    .isEqualTo(PackageVersionErrorCode.MISMATCHED_STATUS);
            assertThat(deleted.failedVersions().get("9.9").errorCode()).isEqualTo(PackageVersionErrorCode.NOT_FOUND);
            assertThat(codeArtifact.versions(REPO, GROUP, LIB)).containsOnlyKeys("1.0-20210728.194553-2", "1.0-SNAPSHOT");
            assertThat(get("com/acme/lib/1.0-SNAPSHOT/lib-1.0-20210728.194552-1.jar").statusCode()).isEqualTo(404);
            assertThat(get("com/acme/lib/1.0-SNAPSHOT/lib-1.0-20210728.194553-2.jar").body()).asString()
                    .isEqualTo("build two");
        }

        @Test
        void aNonUniqueSnapshotIsRefused() throws Exception {
            assertThat(put("com/acme/lib/1.0-SNAPSHOT/lib-1.0-SNAPSHOT.jar", "jar").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Refusals {

        @Test
        void aPackageFromAnUpstreamRefusesPublishingAndSaysSo() throws Exception {
            codeArtifact.blockPublish(REPO, GROUP, LIB);
            HttpResponse<byte[]> answer = put("com/acme/lib/1.0/lib-1.0.jar", "jar");
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).asString().contains("publish: BLOCK");
            var restrictions = client.describePackage(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .namespace(GROUP).packageValue(LIB)).packageValue().originConfiguration().restrictions();
            assertThat(restrictions.publish()).isEqualTo(AllowPublish.BLOCK);
        }

        @Test
        void putPackageOriginConfigurationBlocksPublishingEvenBeforeAnyVersion() throws Exception {
            client.putPackageOriginConfiguration(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .namespace(GROUP).packageValue(LIB).restrictions(o -> o.publish(AllowPublish.BLOCK)
                            .upstream(AllowUpstream.ALLOW)));
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "jar").statusCode()).isEqualTo(403);
            assertThat(codeArtifact.versions(REPO, GROUP, LIB)).isEmpty();
        }

        @Test
        void aDirectlyPublishedPackageAllowsPublishing() throws Exception {
            publishRelease("1.0", "jar");
            var restrictions = client.describePackage(r -> r.domain("acme").repository(REPO).format(PackageFormat.MAVEN)
                    .namespace(GROUP).packageValue(LIB)).packageValue().originConfiguration().restrictions();
            assertThat(restrictions.publish()).isEqualTo(AllowPublish.ALLOW);
        }

        @Test
        void aDeniedApiActionIsAccessDeniedNamingIt() {
            codeArtifact.deny("DescribePackageVersion");
            assertThatThrownBy(() -> status("1.0")).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("codeartifact:DescribePackageVersion")
                        .contains("arn:aws:codeartifact:us-east-1:123456789012:repository/acme/releases");
            });
        }

        @Test
        void theTokenNeedsStsGetServiceBearerTokenToo() {
            codeArtifact.deny("sts:GetServiceBearerToken");
            assertThatThrownBy(() -> client.getAuthorizationToken(r -> r.domain("acme")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("sts:GetServiceBearerToken");
        }

        @Test
        void aDeniedUploadIsForbidden() throws Exception {
            codeArtifact.deny("codeartifact:PublishPackageVersion");
            HttpResponse<byte[]> answer = put("com/acme/lib/1.0/lib-1.0.jar", "jar");
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).asString().contains("codeartifact:PublishPackageVersion");
        }

        @Test
        void expiredOrUnknownCredentialsAreRefused() {
            codeArtifact.expireCredentials(CodeArtifactStandIn.ACCESS_KEY_ID);
            assertThatThrownBy(() -> status("1.0")).isInstanceOfSatisfying(CodeartifactException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
        }
    }

    @Nested
    class Faults {

        CodeartifactClient noRetries() {
            return CodeartifactClient.builder().region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
        }

        @Test
        void throttlingIs429ThrottlingExceptionAndTheSdkRetriesIt() throws Exception {
            publishRelease("1.0", "jar");
            codeArtifact.throttleNext("DescribePackageVersion", 1);
            try (CodeartifactClient once = noRetries()) {
                assertThatThrownBy(() -> once.describePackageVersion(r -> r.domain("acme").repository(REPO)
                        .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB).packageVersion("1.0")))
                        .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(429);
                            assertThat(e.retryAfterSeconds()).isEqualTo(1);
                        });
            }
            codeArtifact.throttleNext("DescribePackageVersion", 1);
            assertThat(status("1.0")).isEqualTo("Published");
            assertThat(codeArtifact.count("DescribePackageVersion")).isEqualTo(3);
        }

        @Test
        void aServerErrorIsInternalServerException() {
            codeArtifact.failNext("GetAuthorizationToken");
            try (CodeartifactClient once = noRetries()) {
                assertThatThrownBy(() -> once.getAuthorizationToken(r -> r.domain("acme")))
                        .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            }
        }

        @Test
        void anyAwsErrorCanBeAnsweredAndTheSdkTypesIt() {
            codeArtifact.errorNext("DeletePackageVersions", 409, "ConflictException", "Another operation is in progress");
            assertThatThrownBy(() -> client.deletePackageVersions(r -> r.domain("acme").repository(REPO)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(LIB).versions("1.0")))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Another operation is in progress");
                    });
        }

        @Test
        void aResetConnectionIsAClientError() {
            codeArtifact.resetNext("GetRepositoryEndpoint", 2);
            try (CodeartifactClient once = noRetries()) {
                assertThatThrownBy(() -> once.getRepositoryEndpoint(r -> r.domain("acme").repository(REPO)
                        .format(PackageFormat.MAVEN))).isInstanceOf(SdkClientException.class);
            }
        }

        @Test
        void aMavenCallCanBeReset() {
            codeArtifact.resetNext("PUT", 2);
            assertThatThrownBy(() -> put("com/acme/lib/1.0/lib-1.0.jar", "jar")).isInstanceOf(java.io.IOException.class);
        }

        @Test
        void mavenCallsFailByMethodAndPathPrefix() throws Exception {
            codeArtifact.failNext("PUT com/acme/lib/1.0/", 2);
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "jar").statusCode()).isEqualTo(500);
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "jar").statusCode()).isEqualTo(500);
            assertThat(put("com/acme/lib/1.0/lib-1.0.jar", "jar").statusCode()).isEqualTo(201);
            codeArtifact.throttleNext("GET", 1);
            HttpResponse<byte[]> throttled = get("com/acme/lib/maven-metadata.xml");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Nested
    class Records {

        @Test
        void callsAndStateAreRecordedForAVerifyScript() throws Exception {
            Path calls = dir.resolve("calls.txt");
            Path state = dir.resolve("state.json");
            codeArtifact.recordCallsTo(calls);
            codeArtifact.recordStateTo(state);
            publishRelease("1.0", "jar one");
            status("1.0");
            assertThat(Files.readAllLines(calls)).containsExactly("PUT com/acme/lib/1.0/lib-1.0.jar",
                    "PUT com/acme/lib/1.0/lib-1.0.pom", "PUT com/acme/lib/maven-metadata.xml", "DescribePackageVersion");
            assertThat(Files.readString(state)).contains("\"com.acme:lib\"").contains("\"Published\"")
                    .contains(CodeArtifactPackages.hash("SHA-256", "jar one".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
