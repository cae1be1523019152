package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.aws.EcrRepositoryProvisioner.Outcome;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryException;
import dev.gantry.release.LifecyclePolicy;
import dev.gantry.release.MutableTagFilters;
import dev.gantry.release.RepositoryPolicy;
import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.EcrRepository;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository provisioning through the real AWS SDK against the ECR stand-in, read back from the stand-in. */
class EcrProvisioningTest {

    static final String REPOSITORY = "orders";
    static final String NOT_AS_CONFIGURED_POLICY = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"any\","
            + "\"countType\":\"imageCountMoreThan\",\"countNumber\":10},\"action\":{\"type\":\"expire\"}}]}";

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    EcrStandIn ecr;
    AwsSdkSettings sdk;
    EcrApi api;
    List<String> logged = new ArrayList<>();

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = BaseImages.push(registry, "base", 10_000);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        ecr = EcrStandIn.start(registry);
        sdk = AwsSdkSettings.pointAt(ecr, dir);
        api = new EcrApi(EcrHost.parse(ecr.host()).orElseThrow());
    }

    @AfterEach
    void stop() {
        api.close();
        sdk.close();
        ecr.close();
    }

    static RepositoryPolicy policy(String kmsKey, boolean updateExisting) throws GantryException {
        return new RepositoryPolicy(MutableTagFilters.of(Flow.GITFLOW.behind(List.of())), true, kmsKey,
                LifecyclePolicy.of(60, LifecyclePolicy.DEFAULT_PROTECTED_TAGS, true), updateExisting);
    }

    Outcome provision(RepositoryPolicy policy) throws GantryException {
        return new EcrRepositoryProvisioner(api, new RecordingLog(logged, false)).provision(REPOSITORY, policy);
    }

    static void assertSameJson(String actual, String expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(actual)).isEqualTo(json.readTree(expected));
    }

    @Nested
    class AMissingRepository {

        @Test
        void isCreatedWithReleasesImmutableTheMovingTagsExcludedScanningAndTheLifecyclePolicy() throws Exception {
            RepositoryPolicy policy = policy(null, false);

            assertThat(provision(policy)).isEqualTo(Outcome.CREATED);

            EcrRepository created = ecr.repository(REPOSITORY);
            assertThat(created.mutability()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
            assertThat(created.exclusionFilters()).containsExactlyInAnyOrder("latest", "*-SNAPSHOT", "develop", "dev-latest");
            assertThat(created.scanOnPush()).isTrue();
            assertThat(created.encryptionType()).isEqualTo("AES256");
            assertSameJson(created.lifecyclePolicyText(), policy.lifecycle().toJson());
            assertThat(ecr.calls()).containsExactly("DescribeRepositories", "CreateRepository", "PutLifecyclePolicy");
            assertThat(logged).containsExactly(
                    "Created the ECR repository orders (account 123456789012, region us-east-1):",
                    "  tag mutability: IMMUTABLE_WITH_EXCLUSION latest, *-SNAPSHOT, develop, dev-latest",
                    "  scan on push: on",
                    "  encryption: AES256",
                    "  lifecycle policy: expire images after 60 days, except those tagged latest, dev-latest or released "
                            + "versions (*.*.*); snapshot versions (*-SNAPSHOT) expire too");
        }

        @Test
        void isEncryptedWithTheConfiguredKmsKey() throws Exception {
            provision(policy("alias/gantry-images", false));

            assertThat(ecr.repository(REPOSITORY).encryptionType()).isEqualTo("KMS");
            assertThat(ecr.repository(REPOSITORY).kmsKey()).isEqualTo("alias/gantry-images");
        }

        @Test
        void isFoundInPlaceByTheNextBuild() throws Exception {
            provision(policy(null, false));
            logged.clear();

            assertThat(provision(policy(null, false))).isEqualTo(Outcome.IN_PLACE);
            assertThat(logged).containsExactly("The ECR repository orders is set up as configured.");
            assertThat(ecr.count("CreateRepository")).isEqualTo(1);
            assertThat(ecr.count("PutLifecyclePolicy")).isEqualTo(1);
        }

        @Test
        void withoutCreateRepositoryPermissionIsRefusedNamingThePermissionAndTheSwitch() {
            ecr.deny("ecr:CreateRepository");

            assertThatThrownBy(() -> provision(policy(null, false))).isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("AWS denied ecr:CreateRepository on the ECR repository orders (account "
                            + "123456789012, region us-east-1): ")
                    .hasMessageEndingWith(". Gantry creates and configures the repository before the first push. Grant the "
                            + "build's role the IAM action ecr:CreateRepository on "
                            + "arn:aws:ecr:us-east-1:123456789012:repository/orders (see docs/ecr.md for all "
                            + "the actions), or create the repository yourself and turn provisioning off with "
                            + "<ecrProvision>false</ecrProvision> in the gantry-maven-plugin configuration or "
                            + "-Dgantry.ecr.provision=false.");
            assertThat(ecr.repository(REPOSITORY)).isNull();
        }
    }

    @Nested
    class ARepositoryAnotherPipelineCreatesMeanwhile {

        @Test
        void isJudgedAsAnExistingOne() throws Exception {
            ecr.beforeNext("CreateRepository", () -> ecr.createRepository(REPOSITORY, "MUTABLE"));

            assertThat(provision(policy(null, false))).isEqualTo(Outcome.DIFFERS);

            assertThat(ecr.calls()).containsExactly("DescribeRepositories", "CreateRepository", "DescribeRepositories",
                    "GetLifecyclePolicy");
            assertThat(ecr.repository(REPOSITORY).mutability()).isEqualTo("MUTABLE");
        }

        @Test
        void andDeletesAgainBeforeTheLookUpIsRefusedSayingSoAndThatNothingWasPushed() {
            ecr.beforeNext("CreateRepository", () -> {
                ecr.createRepository(REPOSITORY, "MUTABLE");
                ecr.beforeNext("DescribeRepositories", () -> ecr.deleteRepository(REPOSITORY));
            });

            assertThatThrownBy(() -> provision(policy(null, false))).isInstanceOf(GantryException.class)
                    .hasMessage("The ECR repository orders (account 123456789012, region us-east-1) was created by "
                            + "someone else while Gantry was about to create it, then deleted again before Gantry could "
                            + "look at it. Nothing was pushed. Find out what creates and deletes it (another pipeline, "
                            + "an infrastructure job), then re-run.");
        }
    }

    @Nested
    class ARepositoryCreatedWhoseLifecyclePolicyIsDenied {

        @Test
        void saysTheRepositoryExistsWithoutItAndHowAReRunSetsIt() throws Exception {
            ecr.deny("ecr:PutLifecyclePolicy");

            assertThatThrownBy(() -> provision(policy(null, false))).isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The ECR repository orders (account 123456789012, region us-east-1) was "
                            + "created, but its lifecycle policy could not be set: AWS denied ecr:PutLifecyclePolicy")
                    .hasMessageEndingWith("The repository stays, without a lifecycle policy, and nothing was pushed. Once "
                            + "that is fixed, re-run the pipeline once with -Dgantry.ecr.updateSettings=true to set it (a "
                            + "plain re-run finds the repository and only warns that its lifecycle policy differs), or set "
                            + "it yourself with aws ecr put-lifecycle-policy.");
            assertThat(ecr.repository(REPOSITORY)).isNotNull();

            ecr.allow("ecr:PutLifecyclePolicy");
            assertThat(provision(policy(null, true))).isEqualTo(Outcome.UPDATED);
            assertSameJson(ecr.repository(REPOSITORY).lifecyclePolicyText(), policy(null, true).lifecycle().toJson());
        }
    }

    @Nested
    class AnExistingRepositoryThatDiffers {

        @BeforeEach
        void createdByAnAdministrator() {
            ecr.createRepository(REPOSITORY, "MUTABLE");
        }

        @Test
        void isReportedAndLeftAsItIs() throws Exception {
            assertThat(provision(policy(null, false))).isEqualTo(Outcome.DIFFERS);

            assertThat(logged).containsExactly("WARN The ECR repository orders differs from what Gantry would set: tag "
                    + "mutability is MUTABLE, Gantry sets IMMUTABLE_WITH_EXCLUSION latest, *-SNAPSHOT, develop, dev-latest; "
                    + "scan on push is off, Gantry sets on; it has no lifecycle policy, Gantry sets: expire images after 60 "
                    + "days, except those tagged latest, dev-latest or released versions (*.*.*); snapshot versions "
                    + "(*-SNAPSHOT) expire too. Left as it is; pass -Dgantry.ecr.updateSettings=true "
                    + "(<ecrUpdateSettings>true</ecrUpdateSettings>) to apply Gantry's settings, or "
                    + "-Dgantry.ecr.provision=false to stop comparing.");
            EcrRepository repository = ecr.repository(REPOSITORY);
            assertThat(repository.mutability()).isEqualTo("MUTABLE");
            assertThat(repository.scanOnPush()).isFalse();
            assertThat(repository.lifecyclePolicyText()).isNull();
            assertThat(ecr.calls()).containsExactly("DescribeRepositories", "GetLifecyclePolicy");
        }

        @Test
        void isUpdatedWhenConfigurationSaysSo() throws Exception {
            RepositoryPolicy policy = policy(null, true);

            assertThat(provision(policy)).isEqualTo(Outcome.UPDATED);

            EcrRepository repository = ecr.repository(REPOSITORY);
            assertThat(repository.mutability()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
            assertThat(repository.exclusionFilters()).containsExactlyInAnyOrder("latest", "*-SNAPSHOT", "develop", "dev-latest");
            assertThat(repository.scanOnPush()).isTrue();
            assertSameJson(repository.lifecyclePolicyText(), policy.lifecycle().toJson());
            assertThat(ecr.calls()).containsExactly("DescribeRepositories", "GetLifecyclePolicy", "PutImageTagMutability",
                    "PutImageScanningConfiguration", "PutLifecyclePolicy");
            assertThat(logged).hasSize(1).first().asString().startsWith("Updated the ECR repository orders "
                    + "(gantry.ecr.updateSettings): tag mutability is MUTABLE, Gantry sets IMMUTABLE_WITH_EXCLUSION");
        }

        @Test
        void changesOnlyWhatDiffers() throws Exception {
            ecr.repository(REPOSITORY).setMutabilityForTest("IMMUTABLE_WITH_EXCLUSION", "dev-latest", "develop", "latest",
                    "*-SNAPSHOT");

            provision(policy(null, true));

            assertThat(ecr.calls()).containsExactly("DescribeRepositories", "GetLifecyclePolicy",
                    "PutImageScanningConfiguration", "PutLifecyclePolicy");
        }

        @Test
        void withAnotherLifecyclePolicyKeepsItUnlessToldOtherwise() throws Exception {
            new EcrRepositoryProvisioner(api, new RecordingLog(new ArrayList<>(), false)).provision(REPOSITORY,
                    policy(null, true));
            api.client().putLifecyclePolicy(r -> r.repositoryName(REPOSITORY).lifecyclePolicyText(NOT_AS_CONFIGURED_POLICY));

            assertThat(provision(policy(null, false))).isEqualTo(Outcome.DIFFERS);

            assertThat(logged).singleElement().asString().contains("its lifecycle policy is another, Gantry sets: expire "
                    + "images after 60 days");
            assertSameJson(ecr.repository(REPOSITORY).lifecyclePolicyText(), NOT_AS_CONFIGURED_POLICY);
        }

        @Test
        void withAnotherEncryptionIsReportedSinceEcrCannotChangeIt() throws Exception {
            provision(policy("alias/gantry-images", true));

            assertThat(logged).first().isEqualTo("WARN The ECR repository orders is encrypted with AES256, not KMS key "
                    + "alias/gantry-images as configured; ECR cannot change the encryption of an existing repository. Set "
                    + "<ecrKmsKey> (-Dgantry.ecr.kmsKey) to match it (none for AES256), or create a new repository and push "
                    + "there.");
        }
    }

    @Nested
    class ThroughTheImageGoal {

        ImageResult publish(String version, String commit, ImageTag... tags) throws Exception {
            SampleService service = SampleService.create(dir.resolve("service-" + commit));
            service.changeCode(commit);
            return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(ImageRequest.builder()
                    .image(new ImagePlan(ecr.host() + "/" + REPOSITORY, false, List.of(tags)))
                    .from(base).classesDirectory(service.classes()).mainClass(SampleService.MAIN_CLASS)
                    .commit(commit).commitTime(Instant.parse("2026-11-20T10:15:30Z")).version(version)
                    .allowInsecureRegistries(true).sendCredentialsOverHttp(true)
                    .outputDirectory(dir.resolve("target-" + commit)).repositoryPolicy(policy(null, false))
                    .build());
        }

        @Test
        void theFirstReleaseCreatesTheRepositoryAndTheMovingTagsMoveWhileReleasesStayImmutable() throws Exception {
            String a = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
            String b = "b2c3d4e5f60718293a4b5c6d7e8f901234567890";
            String c = "c3d4e5f60718293a4b5c6d7e8f90123456789012";
            ImageResult first = publish("1.4.0", a, new ImageTag("1.4.0", false), new ImageTag("sha-a1b2c3d4e5f6", false),
                    new ImageTag("latest", true));
            ImageResult snapshot = publish("1.5.0-SNAPSHOT", b, new ImageTag("sha-b2c3d4e5f607", false),
                    new ImageTag("1.5.0-SNAPSHOT", true), new ImageTag("develop", true), new ImageTag("dev-latest", true));
            ImageResult next = publish("1.5.0", c, new ImageTag("1.5.0", false), new ImageTag("sha-c3d4e5f60718", false),
                    new ImageTag("latest", true));

            EcrRepository created = ecr.repository(REPOSITORY);
            assertThat(created.mutability()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
            assertThat(created.isImmutable("1.4.0")).isTrue();
            assertThat(created.isImmutable("sha-a1b2c3d4e5f6")).isTrue();
            assertThat(created.isImmutable("latest")).isFalse();
            assertThat(created.isImmutable("1.6.0-SNAPSHOT")).isFalse();
            assertThat(ecr.count("CreateRepository")).isEqualTo(1);
            assertThat(registry.digest(REPOSITORY, "1.4.0")).isEqualTo(first.digest());
            assertThat(registry.digest(REPOSITORY, "dev-latest")).isEqualTo(snapshot.digest());
            assertThat(registry.digest(REPOSITORY, "latest")).isEqualTo(next.digest());
        }
    }
}
