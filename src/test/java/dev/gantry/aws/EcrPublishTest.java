package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.EcrRepository;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.LoopbackServer;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image goal's core against Amazon ECR: the real AWS SDK and Jib against the ECR stand-in, in front of the real
 * distribution registry, reached under a real ECR host name.
 */
class EcrPublishTest {

    static final String COMMIT_A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String COMMIT_B = "b2c3d4e5f60718293a4b5c6d7e8f901234567890";
    static final Instant TIME_A = Instant.parse("2026-11-20T10:15:30Z");
    static final Instant TIME_B = Instant.parse("2026-11-21T11:00:00Z");
    static final List<String> MOVING = List.of("latest", "develop", "dev-latest", "*-SNAPSHOT");

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    EcrStandIn ecr;
    AwsSdkSettings sdk;
    SampleService service;
    List<String> logged;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = BaseImages.push(registry, "base", 100_000);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void start() throws IOException {
        ecr = EcrStandIn.start(registry);
        sdk = AwsSdkSettings.pointAt(ecr, dir);
        service = SampleService.create(dir.resolve("service"));
        logged = new ArrayList<>();
    }

    @AfterEach
    void stop() {
        sdk.close();
        ecr.close();
    }

    static List<ImageTag> releaseTags(String version, String commit) {
        return List.of(new ImageTag(version, false), new ImageTag("sha-" + commit.substring(0, 12), false),
                new ImageTag("latest", true));
    }

    static List<ImageTag> developTags(String version, String commit) {
        return List.of(new ImageTag("sha-" + commit.substring(0, 12), false), new ImageTag(version, true),
                new ImageTag("develop", true), new ImageTag("dev-latest", true));
    }

    ImageRequest request(String repository, List<ImageTag> tags, String commit, Instant time) {
        return request(repository, tags, commit, time, base);
    }

    ImageRequest request(String repository, List<ImageTag> tags, String commit, Instant time, String from) {
        return ImageRequest.builder()
                .image(new ImagePlan(ecr.host() + "/" + repository, false, tags))
                .from(from)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(commit)
                .commitTime(time)
                .version(tags.get(0).name())
                .allowInsecureRegistries(true)
                .sendCredentialsOverHttp(true)
                .outputDirectory(dir.resolve("target/gantry"))
                .applicationCache(dir.resolve("target/jib-cache"))
                .baseImageCache(dir.resolve("base-cache"))
                .build();
    }

    ImageResult publish(ImageRequest request) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, true), Map.of()).publish(request);
    }

    /** The registry passwords the stand-in saw, decoded from the Basic headers. */
    List<String> passwordsSeen() {
        return ecr.received().stream().map(LoopbackServer.Received::authorization).filter(Objects::nonNull)
                .filter(a -> a.startsWith("Basic ")).map(a -> new String(Base64.getDecoder().decode(a.substring(6)),
                        StandardCharsets.UTF_8)).map(a -> a.substring(a.indexOf(':') + 1)).distinct().toList();
    }

    @Nested
    class A_release {

        @Test
        void pushes_with_a_token_from_ecr_after_one_round_of_look_ups() throws Exception {
            ecr.createRepository("release", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));

            ImageResult result = publish(request("release", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(registry.tags("release")).containsExactly("1.4.0", "latest", "sha-a1b2c3d4e5f6");
            assertThat(registry.digest("release", "latest")).isEqualTo(result.digest());
            assertThat(ecr.count("GetAuthorizationToken")).isEqualTo(1);
            assertThat(ecr.count("BatchGetImage")).isEqualTo(1);
            assertThat(passwordsSeen()).hasSize(1);
            String password = passwordsSeen().get(0);
            assertThat(logged).noneMatch(line -> line.contains(password));
        }
    }

    @Nested
    class A_rerun {

        @Test
        void finds_every_tag_in_place_and_provokes_no_tag_invalid() throws Exception {
            ecr.createRepository("rerun", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            ImageResult first = publish(request("rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));
            int before = ecr.calls().size();

            ImageResult again = publish(request("rerun", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.pushed()).isEmpty();
            assertThat(again.inPlace()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(ecr.calls().subList(before, ecr.calls().size())).noneMatch(c -> c.startsWith("PUT "));
        }

        @Test
        void completes_the_missing_tags_without_touching_the_existing_ones() throws Exception {
            ecr.createRepository("completes", "IMMUTABLE");
            List<ImageTag> versionOnly = List.of(new ImageTag("1.4.0", false));
            ImageResult first = publish(request("completes", versionOnly, COMMIT_A, TIME_A));

            ImageResult again = publish(request("completes", List.of(new ImageTag("1.4.0", false),
                    new ImageTag("sha-a1b2c3d4e5f6", false)), COMMIT_A, TIME_A));

            assertThat(again.inPlace()).containsExactly("1.4.0");
            assertThat(again.pushed()).containsExactly("sha-a1b2c3d4e5f6");
            assertThat(registry.digest("completes", "sha-a1b2c3d4e5f6")).isEqualTo(first.digest());
            assertThat(ecr.count("PUT manifests/1.4.0")).isEqualTo(1);
        }
    }

    @Nested
    class Develop {

        @Test
        void moves_develop_and_dev_latest_while_release_tags_stay_put() throws Exception {
            ecr.createRepository("develop", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            ImageResult release = publish(request("develop", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));
            service.changeCode("2");

            ImageResult snapshot = publish(request("develop", developTags("1.5.0-SNAPSHOT", COMMIT_B), COMMIT_B, TIME_B));
            service.changeCode("3");
            ImageResult next = publish(request("develop", developTags("1.5.0-SNAPSHOT",
                    "c3d4e5f60718293a4b5c6d7e8f90123456789012"), "c3d4e5f60718293a4b5c6d7e8f90123456789012", TIME_B));

            assertThat(next.digest()).isNotEqualTo(snapshot.digest());
            assertThat(registry.digest("develop", "develop")).isEqualTo(next.digest());
            assertThat(registry.digest("develop", "dev-latest")).isEqualTo(next.digest());
            assertThat(registry.digest("develop", "1.5.0-SNAPSHOT")).isEqualTo(next.digest());
            assertThat(registry.digest("develop", "sha-b2c3d4e5f607")).isEqualTo(snapshot.digest());
            assertThat(registry.digest("develop", "1.4.0")).isEqualTo(release.digest());
            assertThat(registry.digest("develop", "latest")).isEqualTo(release.digest());
        }
    }

    @Nested
    class A_changed_image_under_a_released_version {

        @Test
        void is_refused_before_anything_is_pushed_and_latest_stays() throws Exception {
            ecr.createRepository("changed", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            ImageResult release = publish(request("changed", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));
            service.changeCode("2");
            int before = ecr.calls().size();

            assertThatThrownBy(() -> publish(request("changed", releaseTags("1.4.0", COMMIT_B), COMMIT_B, TIME_B)))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("changed:1.4.0 is already released as " + release.digest()
                            + " (built from commit a1b2c3d); this build (commit b2c3d4e) would produce sha256:");
            assertThat(registry.digest("changed", "latest")).isEqualTo(release.digest());
            assertThat(ecr.calls().subList(before, ecr.calls().size())).noneMatch(c -> c.startsWith("PUT "));
        }
    }

    @Nested
    class An_immutable_repository {

        @Test
        void refusing_a_moving_tag_is_explained_not_passed_on_raw() throws Exception {
            ecr.createRepository("moving", "IMMUTABLE");
            publish(request("moving", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));
            service.changeCode("2");

            assertThatThrownBy(() -> publish(request("moving", releaseTags("1.5.0", COMMIT_B), COMMIT_B, TIME_B)))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("ECR refused to move moving:latest (HTTP 400 TAG_INVALID): the tag mutability of ECR "
                            + "repository moving (account 123456789012, region us-east-1) makes latest immutable, but "
                            + "latest is a moving tag that goes to every new image. Exclude the moving tags with "
                            + "IMMUTABLE_WITH_EXCLUSION and a wildcard filter for each (aws ecr put-image-tag-mutability "
                            + "--repository-name moving --image-tag-mutability IMMUTABLE_WITH_EXCLUSION "
                            + "--image-tag-mutability-exclusion-filters filterType=WILDCARD,filter=latest), or remove "
                            + "latest from the moving tags of the <branches><branch> rule. The image is in place under "
                            + "1.5.0, sha-b2c3d4e5f607; re-run the pipeline once fixed: what is done is kept.");
            assertThat(registry.tags("moving")).contains("1.5.0", "sha-b2c3d4e5f607");
        }

        @Test
        void refusing_a_moving_tag_on_a_rerun_is_explained_too() throws Exception {
            List<ImageTag> first = List.of(new ImageTag("1.4.0", false), new ImageTag("latest", true));
            EcrRepository repository = ecr.createRepository("moving-rerun", "MUTABLE");
            // latest on an older commit's image; then 1.4.0 pushed without it (its pipeline lost before latest moved)
            service.changeCode("0.9");
            publish(request("moving-rerun", List.of(new ImageTag("0.9.0", false), new ImageTag("latest", true)), COMMIT_B,
                    TIME_A.minusSeconds(3600)));
            service.changeCode("1");
            publish(request("moving-rerun", first.subList(0, 1), COMMIT_A, TIME_A));
            // an administrator makes every tag immutable afterwards
            repository.setMutabilityForTest("IMMUTABLE");

            // re-running the 1.4.0 pipeline: 1.4.0 is in place, latest is refused
            assertThatThrownBy(() -> publish(request("moving-rerun", first, COMMIT_A, TIME_A)))
                    .hasMessageStartingWith("ECR refused to move moving-rerun:latest (HTTP 400 TAG_INVALID): ")
                    .hasMessageEndingWith("The image is in place under 1.4.0; re-run the pipeline once fixed: what is "
                            + "done is kept.");
        }
    }

    @Nested
    class A_race_lost_to_another_build {

        @Test
        void of_the_same_image_is_judged_in_place() throws Exception {
            ecr.createRepository("race-same", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            ecr.raceOn("1.4.0");

            ImageResult result = publish(request("race-same", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(registry.digest("race-same", "1.4.0")).isEqualTo(result.digest());
            assertThat(registry.digest("race-same", "latest")).isEqualTo(result.digest());
            assertThat(result.inPlace()).contains("1.4.0");
            assertThat(logged).anyMatch(l -> l.startsWith("WARN Another build pushed "));
        }

        @Test
        void of_another_commit_is_refused_and_latest_does_not_move() throws Exception {
            ecr.createRepository("race-other", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            List<String> foreign = new ArrayList<>();
            ecr.raceOn("1.4.0", () -> foreign.add(pushForeign("race-other", "1.4.0")));

            assertThatThrownBy(() -> publish(request("race-other", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("race-other:1.4.0 is already released as " + foreign.get(0) + " (built from an "
                            + "unknown commit: the image has no org.opencontainers.image.revision label); this build "
                            + "(commit a1b2c3d) would produce sha256:");
            assertThat(registry.tags("race-other")).doesNotContain("latest");
            assertThat(ecr.calls()).doesNotContain("PUT manifests/latest");
        }
    }

    @Nested
    class A_base_image_in_ecr {

        @Test
        void is_pulled_with_the_token_of_the_push_and_recorded_under_its_ecr_name() throws Exception {
            ecr.createRepository("base-images", "IMMUTABLE");
            BaseImages.push(registry, "base-images", "17-jre", 100_000); // an administrator published it beforehand
            ecr.createRepository("with-ecr-base", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            String from = ecr.host() + "/base-images:17-jre";

            ImageResult result = publish(request("with-ecr-base", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A, from));

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(result.base().name()).isEqualTo(from);
            assertThat(result.base().digest()).isEqualTo(registry.digest("base-images", "17-jre"));
            assertThat(ecr.calls()).contains("HEAD manifests/17-jre");
            assertThat(ecr.count("GetAuthorizationToken")).isEqualTo(1);
            assertThat(passwordsSeen()).hasSize(1);
            assertThat(ecr.received()).filteredOn(r -> r.uri().startsWith("/v2/base-images/"))
                    .anyMatch(r -> r.authorization() != null && r.authorization().startsWith("Basic "));
        }

        @Test
        void that_is_missing_is_refused_naming_it() {
            ecr.createRepository("base-images-empty", "IMMUTABLE");
            ecr.createRepository("missing-base", "MUTABLE");
            String from = ecr.host() + "/base-images-empty:17-jre";

            assertThatThrownBy(() -> publish(request("missing-base", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A,
                    from))).isInstanceOf(GantryException.class).hasMessageContaining(from);
            assertThat(ecr.calls()).noneMatch(c -> c.startsWith("PUT "));
        }
    }

    @Nested
    class Registry_faults {

        @Test
        void a_server_error_on_a_layer_check_is_retried() throws Exception {
            ecr.createRepository("fault-blob", "MUTABLE");
            ecr.failNext("HEAD blobs");

            ImageResult result = publish(request("fault-blob", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(logged).anyMatch(line -> line.startsWith("WARN The registry failed a request of Jib's (503 "
                    + "Service Unavailable, HEAD http://" + ecr.host() + "/v2/fault-blob/blobs/sha256:")
                    && line.endsWith("); trying again (2 of 4), each request retried by Gantry's relay."));
        }

        @Test
        void that_lasts_beyond_the_retries_is_refused_and_a_rerun_completes() throws Exception {
            ecr.createRepository("fault-lasting", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            List<ImageTag> tags = List.of(new ImageTag("1.4.0", false), new ImageTag("latest", true));
            // Jib's first build, then 3 through Gantry's relay, which sends the PUT 5 times in each
            for (int i = 0; i < 1 + 3 * 5; i++) {
                ecr.failNext("PUT manifests/1.4.0");
            }

            assertThatThrownBy(() -> publish(request("fault-lasting", tags, COMMIT_A, TIME_A)))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The registry of " + ecr.host() + "/fault-lasting kept failing: 503 Service "
                            + "Unavailable, PUT http://" + ecr.host() + "/v2/fault-lasting/manifests/1.4.0")
                    .hasMessageContaining("; tried 4 times, pausing 500 ms and more between attempts. After the first, "
                            + "each failed request was sent up to 5 times.");
            assertThat(registry.tags("fault-lasting")).isEmpty(); // latest waits for the release tag

            ImageResult rerun = publish(request("fault-lasting", tags, COMMIT_A, TIME_A));
            assertThat(rerun.pushed()).containsExactly("1.4.0", "latest");
        }

        @Test
        void a_reset_connection_on_a_layer_upload_is_retried() throws Exception {
            ecr.createRepository("fault-upload", "MUTABLE");
            ecr.resetNext("POST blobs/uploads");

            ImageResult result = publish(request("fault-upload", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
        }

        @Test
        void a_server_error_when_moving_latest_is_retried() throws Exception {
            ecr.createRepository("fault-latest", "MUTABLE");
            ecr.failNext("PUT manifests/latest");

            ImageResult result = publish(request("fault-latest", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(registry.digest("fault-latest", "latest")).isEqualTo(result.digest());
        }

        @Test
        void a_reset_connection_on_the_manifest_push_is_retried() throws Exception {
            ecr.createRepository("fault-manifest", "IMMUTABLE_WITH_EXCLUSION", MOVING.toArray(String[]::new));
            ecr.resetNext("PUT manifests/1.4.0");

            ImageResult result = publish(request("fault-manifest", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(registry.digest("fault-manifest", "1.4.0")).isEqualTo(result.digest());
        }
    }

    @Nested
    class Loading_the_sdk_ahead {

        @Test
        void sends_nothing_to_aws() throws Exception {
            Ecr.loadSdkInBackground(ecr.host() + "/orders");

            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("gantry-aws-sdk-loading")) {
                    thread.join(60_000);
                }
            }
            assertThat(ecr.calls()).isEmpty();
            assertThat(ecr.received()).isEmpty();
        }
    }

    /** Another build's image, pushed straight to the registry behind the stand-in. */
    static String pushForeign(String repository, String tag) {
        try {
            return Jib.fromScratch().addLabel("built-by", "another build")
                    .containerize(Containerizer.to(RegistryImage.named(registry.host() + "/" + repository + ":" + tag))
                            .setAllowInsecureRegistries(true)).getDigest().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Endpoints {

        /**
         * A FIPS host reached through an endpoint of the user's own (AWS_ENDPOINT_URL_ECR, here the stand-in's): the SDK
         * refuses FIPS together with a custom endpoint, so Gantry asks for FIPS only when no endpoint is given.
         */
        @Test
        void a_fips_host_with_an_endpoint_of_the_users_own_gets_its_token() {
            EcrHost fips = EcrHost.parse("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com").orElseThrow();
            try (software.amazon.awssdk.services.ecr.EcrClient client = EcrApi.builder(fips).build()) {
                assertThat(client.getAuthorizationToken().authorizationData()).isNotEmpty();
            }
        }
    }

    @Nested
    class Credentials {

        @Test
        void missing_are_refused_naming_where_the_sdk_looks() {
            sdk.close();
            sdk = AwsSdkSettings.withoutCredentials(ecr, dir);
            ecr.createRepository("no-credentials", "MUTABLE");

            assertThatThrownBy(() -> publish(request("no-credentials", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("No AWS credentials for ECR's GetAuthorizationToken on ECR repository "
                            + "no-credentials (account 123456789012, region us-east-1): the default credential chain found "
                            + "none: SystemPropertyCredentialsProvider(): Unable to load credentials from system settings.")
                    // why each source gave none is the diagnosis (a web identity STS refused, an expired SSO session)
                    .hasMessageContaining(", WebIdentityTokenCredentialsProvider(): Either the environment variable "
                            + "AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile must be set.")
                    .hasMessageContaining("IMDS credentials have been disabled by environment variable or system "
                            + "property. Gantry asks ECR for the registry token with the AWS SDK's default credential chain")
                    .hasMessageEndingWith("or put a <server> with <id>" + ecr.host() + "</id> and a token in settings.xml.")
                    .hasMessageNotContaining("AwsCredentialsProviderChain(");
            assertThat(ecr.calls()).isEmpty();
        }

        @Test
        void expired_are_refused_with_what_to_refresh() {
            ecr.createRepository("expired", "MUTABLE");
            ecr.expireCredentials(EcrStandIn.ACCESS_KEY_ID);

            assertThatThrownBy(() -> publish(request("expired", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessage("AWS rejected the credentials for ECR's GetAuthorizationToken on ECR repository expired "
                            + "(account 123456789012, region us-east-1): ExpiredTokenException (The security token included "
                            + "in the request is expired). They are expired or invalid: refresh them (aws sso login, a new "
                            + "session token, the CI's role or OIDC set-up) and re-run the pipeline; what is done is kept.");
        }

        @Test
        void denied_a_token_name_the_iam_action_on_every_resource() {
            ecr.createRepository("denied-token", "MUTABLE");
            ecr.deny("ecr:GetAuthorizationToken");

            assertThatThrownBy(() -> publish(request("denied-token", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessage("AWS denied ecr:GetAuthorizationToken (ECR's GetAuthorizationToken) on ECR repository "
                            + "denied-token (account 123456789012, region us-east-1) to these credentials: User: "
                            + "arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on "
                            + "resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action. "
                            + "Allow ecr:GetAuthorizationToken on * in the IAM policy of the role or user the build runs as "
                            + "(docs/ecr.md lists the minimal policy), and re-run the pipeline; what is done is kept.");
        }

        @Test
        void denied_a_look_up_name_the_iam_action_on_the_repository() {
            ecr.createRepository("denied-lookup", "MUTABLE");
            ecr.deny("ecr:BatchGetImage");

            assertThatThrownBy(() -> publish(request("denied-lookup", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessageStartingWith("AWS denied ecr:BatchGetImage (ECR's BatchGetImage) on ECR repository "
                            + "denied-lookup (account 123456789012, region us-east-1) to these credentials: ")
                    .hasMessageEndingWith("Allow ecr:BatchGetImage on "
                            + "arn:aws:ecr:us-east-1:123456789012:repository/denied-lookup in the IAM policy of the role or "
                            + "user the build runs as (docs/ecr.md lists the minimal policy), and re-run the pipeline; what "
                            + "is done is kept.");
        }

        @Test
        void denied_a_layer_upload_name_the_iam_action_of_the_registry() {
            ecr.createRepository("denied-upload", "MUTABLE");
            ecr.deny("ecr:InitiateLayerUpload");

            assertThatThrownBy(() -> publish(request("denied-upload", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessage("AWS denied ecr:InitiateLayerUpload (ECR's InitiateLayerUpload) on ECR repository "
                            + "denied-upload (account 123456789012, region us-east-1) to these credentials. Allow "
                            + "ecr:InitiateLayerUpload on arn:aws:ecr:us-east-1:123456789012:repository/denied-upload in "
                            + "the IAM policy of the role or user the build runs as (docs/ecr.md lists the minimal policy), "
                            + "and re-run the pipeline; what is done is kept.");
        }

        @Test
        void from_a_settings_server_win_and_look_ups_go_through_the_registry() throws Exception {
            ecr.createRepository("settings", "MUTABLE");
            String password;
            try (EcrApi api = new EcrApi(EcrHost.parse(ecr.host()).orElseThrow())) {
                password = api.authorizationToken("settings").password();
            }
            ImageRequest request = ImageRequest.builder().image(new ImagePlan(ecr.host() + "/settings", false,
                    releaseTags("1.4.0", COMMIT_A))).from(base).classesDirectory(service.classes())
                    .mainClass(SampleService.MAIN_CLASS).commit(COMMIT_A).commitTime(TIME_A).allowInsecureRegistries(true)
                    .sendCredentialsOverHttp(true).outputDirectory(dir.resolve("target/gantry"))
                    .credential(ecr.host(), new dev.gantry.image.RegistryCredential("AWS", password)).build();

            publish(request);

            assertThat(ecr.count("GetAuthorizationToken")).isEqualTo(1); // the test's own
            assertThat(ecr.count("BatchGetImage")).isZero();
            assertThat(ecr.calls()).contains("GET manifests/1.4.0");
            assertThat(logged).contains("DEBUG Using credentials for " + ecr.host() + " from settings.xml server '"
                    + ecr.host() + "'.");
        }

        @Test
        void are_fetched_again_only_when_about_to_expire() throws Exception {
            ecr.createRepository("renewed", "MUTABLE");
            MutableClock clock = new MutableClock(Instant.now());
            com.google.cloud.tools.jib.api.ImageReference reference =
                    com.google.cloud.tools.jib.api.ImageReference.parse(ecr.host() + "/renewed");
            try (Ecr session = new Ecr(new RecordingLog(logged, true), clock)) {
                String first = session.credentials().find(reference).orElseThrow().credential().password();
                clock.advance(java.time.Duration.ofHours(11));
                assertThat(session.credentials().find(reference).orElseThrow().credential().password()).isEqualTo(first);
                clock.advance(java.time.Duration.ofMinutes(50));
                assertThat(session.credentials().find(reference).orElseThrow().credential().password()).isNotEqualTo(first);
            }
            assertThat(ecr.count("GetAuthorizationToken")).isEqualTo(2);
            assertThat(String.join("\n", logged)).doesNotContain(passwordsSeen().isEmpty() ? "eyJ" : passwordsSeen().get(0));
        }
    }

    @Nested
    class Ecr_failures {

        @Test
        void a_missing_repository_is_refused_with_what_to_do() {
            assertThatThrownBy(() -> publish(request("missing", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessage("There is no ECR repository missing in account 123456789012, region us-east-1 "
                            + "(BatchGetImage answered RepositoryNotFoundException), and Gantry does not create it "
                            + "(-Dgantry.ecr.provision=false). Create it (aws ecr create-repository --repository-name missing "
                            + "--region us-east-1), let Gantry create it (-Dgantry.ecr.provision=true), or fix "
                            + "<imageRepository> / -Dgantry.image.repository: its host names the account and region, so a "
                            + "repository in another region needs that region's host.");
        }

        @Test
        void throttling_beyond_the_sdk_retries_is_refused() {
            ecr.createRepository("throttled", "MUTABLE");
            ecr.throttleNext("BatchGetImage", 10);

            assertThatThrownBy(() -> publish(request("throttled", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A)))
                    .hasMessage("ECR throttled BatchGetImage on ECR repository throttled (account 123456789012, region "
                            + "us-east-1) and the AWS SDK's retries did not get through: something else in this account "
                            + "and region is calling ECR heavily. Re-run the pipeline later; what is done is kept. If it "
                            + "happens often, allow the SDK more attempts with AWS_MAX_ATTEMPTS (or max_attempts in the AWS "
                            + "profile).");
        }

        @Test
        void a_server_error_a_reset_and_a_throttle_are_retried_by_the_sdk() throws Exception {
            ecr.createRepository("retried", "MUTABLE");
            ecr.failNext("GetAuthorizationToken");
            ecr.resetNext("BatchGetImage");
            ecr.throttleNext("BatchGetImage", 1);

            ImageResult result = publish(request("retried", releaseTags("1.4.0", COMMIT_A), COMMIT_A, TIME_A));

            assertThat(result.pushed()).containsExactly("1.4.0", "sha-a1b2c3d4e5f6", "latest");
            assertThat(ecr.count("GetAuthorizationToken")).isEqualTo(2);
            assertThat(ecr.count("BatchGetImage")).isEqualTo(3);
        }
    }

    @Nested
    class Over_plain_http {

        @Test
        void the_ecr_token_is_not_sent_unless_asked() {
            ecr.createRepository("plain-http", "MUTABLE");
            ImageRequest request = ImageRequest.builder().image(new ImagePlan(ecr.host() + "/plain-http", false,
                    releaseTags("1.4.0", COMMIT_A))).from(base).classesDirectory(service.classes())
                    .mainClass(SampleService.MAIN_CLASS).commit(COMMIT_A).commitTime(TIME_A).allowInsecureRegistries(true)
                    .outputDirectory(dir.resolve("target/gantry")).build();

            assertThatThrownBy(() -> publish(request))
                    .hasMessageStartingWith("The registry " + ecr.host() + " refused access to " + ecr.host()
                            + "/plain-http (HTTP 401 Unauthorized): it serves plain HTTP, so the credentials from ECR "
                            + "GetAuthorizationToken (AWS SDK default credential chain) were not sent");
            assertThat(passwordsSeen()).isEmpty();
        }
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
