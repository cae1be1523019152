package dev.gantry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilterType;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** The stand-in answers the real AWS SDK as ECR documents, whoever calls it. */
class EcrStandInTest {

    static LocalRegistry registry;

    @TempDir
    Path dir;
    EcrStandIn ecr;
    AwsSdkSettings sdk;
    EcrClient client;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void start() throws Exception {
        ecr = EcrStandIn.start(registry);
        sdk = AwsSdkSettings.pointAt(ecr, dir);
        client = EcrClient.builder().region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sdk.close();
        ecr.close();
    }

    static ImageTagMutabilityExclusionFilter wildcard(String filter) {
        return ImageTagMutabilityExclusionFilter.builder().filterType(ImageTagMutabilityExclusionFilterType.WILDCARD)
                .filter(filter).build();
    }

    @Nested
    class Repositories {

        @Test
        void are_created_with_mutability_exclusions_scanning_and_encryption_and_described_back() {
            client.createRepository(b -> b.repositoryName("team/orders")
                    .imageTagMutability(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .imageTagMutabilityExclusionFilters(wildcard("latest"), wildcard("*-SNAPSHOT"))
                    .imageScanningConfiguration(s -> s.scanOnPush(true))
                    .encryptionConfiguration(e -> e.encryptionType("KMS").kmsKey("alias/ecr")));

            Repository described = client.describeRepositories(b -> b.repositoryNames("team/orders")).repositories().get(0);

            assertThat(described.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION);
            assertThat(described.imageTagMutabilityExclusionFilters()).containsExactly(wildcard("latest"),
                    wildcard("*-SNAPSHOT"));
            assertThat(described.imageScanningConfiguration().scanOnPush()).isTrue();
            assertThat(described.encryptionConfiguration().kmsKey()).isEqualTo("alias/ecr");
            assertThat(described.repositoryUri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders");
            EcrRepository state = ecr.repository("team/orders");
            assertThat(state.isImmutable("1.4.0")).isTrue();
            assertThat(state.isImmutable("latest")).isFalse();
            assertThat(state.isImmutable("1.5.0-SNAPSHOT")).isFalse();
        }

        @Test
        void exist_once() {
            client.createRepository(b -> b.repositoryName("once"));

            assertThatThrownBy(() -> client.createRepository(b -> b.repositoryName("once")))
                    .isInstanceOf(RepositoryAlreadyExistsException.class);
        }

        @Test
        void missing_ones_are_not_found() {
            assertThatThrownBy(() -> client.describeRepositories(b -> b.repositoryNames("nowhere")))
                    .isInstanceOf(RepositoryNotFoundException.class)
                    .hasMessageStartingWith("The repository with name 'nowhere' does not exist in the registry with id "
                            + "'123456789012'");
            assertThatThrownBy(() -> client.describeImages(b -> b.repositoryName("nowhere")))
                    .isInstanceOf(RepositoryNotFoundException.class);
        }

        @Test
        void take_at_most_five_exclusion_filters_of_the_allowed_characters() {
            client.createRepository(b -> b.repositoryName("filters"));

            assertThatThrownBy(() -> client.putImageTagMutability(b -> b.repositoryName("filters")
                    .imageTagMutability(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .imageTagMutabilityExclusionFilters(wildcard("a"), wildcard("b"), wildcard("c"), wildcard("d"),
                            wildcard("e"), wildcard("f"))))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> client.putImageTagMutability(b -> b.repositoryName("filters")
                    .imageTagMutability(ImageTagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .imageTagMutabilityExclusionFilters(wildcard("feature/*"))))
                    .isInstanceOf(InvalidParameterException.class);
            client.putImageTagMutability(b -> b.repositoryName("filters")
                    .imageTagMutability(ImageTagMutability.MUTABLE_WITH_EXCLUSION)
                    .imageTagMutabilityExclusionFilters(wildcard("v*")));
            assertThat(ecr.repository("filters").isImmutable("v1")).isTrue();
            assertThat(ecr.repository("filters").isImmutable("latest")).isFalse();
        }

        @Test
        void keep_scanning_and_lifecycle_policy_as_put() {
            client.createRepository(b -> b.repositoryName("policy"));
            String policy = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"any\","
                    + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":60},"
                    + "\"action\":{\"type\":\"expire\"}}]}";

            assertThatThrownBy(() -> client.getLifecyclePolicy(b -> b.repositoryName("policy")))
                    .isInstanceOf(LifecyclePolicyNotFoundException.class);
            client.putImageScanningConfiguration(b -> b.repositoryName("policy").imageScanningConfiguration(s -> s
                    .scanOnPush(true)));
            client.putLifecyclePolicy(b -> b.repositoryName("policy").lifecyclePolicyText(policy));

            assertThat(client.getLifecyclePolicy(b -> b.repositoryName("policy")).lifecyclePolicyText()).isEqualTo(policy);
            assertThat(ecr.repository("policy").lifecyclePolicyText()).isEqualTo(policy);
            assertThat(ecr.repository("policy").scanOnPush()).isTrue();
            assertThatThrownBy(() -> client.putLifecyclePolicy(b -> b.repositoryName("policy")
                    .lifecyclePolicyText("{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"tagged\","
                            + "\"countType\":\"imageCountMoreThan\",\"countNumber\":5},\"action\":{\"type\":\"expire\"}}]}")))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class Images {

        @Test
        void a_missing_tag_is_image_not_found_for_describe_images_and_a_failure_for_batch_get_image() {
            client.createRepository(b -> b.repositoryName("images"));

            assertThatThrownBy(() -> client.describeImages(b -> b.repositoryName("images").imageIds(i -> i.imageTag("1.0.0"))))
                    .isInstanceOf(ImageNotFoundException.class);
            assertThat(client.batchGetImage(b -> b.repositoryName("images").imageIds(i -> i.imageTag("1.0.0")))
                    .failures()).singleElement().satisfies(f -> assertThat(f.failureCodeAsString()).isEqualTo("ImageNotFound"));
        }

        @Test
        void an_existing_immutable_tag_is_tag_invalid_even_for_the_same_digest() throws Exception {
            client.createRepository(b -> b.repositoryName("tags").imageTagMutability(ImageTagMutability.IMMUTABLE));
            String image = BaseImages.push(registry, "tags", 1_000);
            LocalRegistry.Manifest manifest = registry.manifest("tags", image.substring(image.lastIndexOf(':') + 1));
            String password = new String(Base64.getDecoder().decode(client.getAuthorizationToken().authorizationData()
                    .get(0).authorizationToken()), StandardCharsets.UTF_8);

            HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + ecr.host() + "/v2/tags/manifests/" + image.substring(image.lastIndexOf(':') + 1)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(password.getBytes(
                            StandardCharsets.UTF_8)))
                    .header("Content-Type", manifest.mediaType())
                    .PUT(HttpRequest.BodyPublishers.ofString(manifest.body())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("\"code\":\"TAG_INVALID\"").contains("already exists");
            assertThat(client.describeImages(b -> b.repositoryName("tags")).imageDetails()).singleElement()
                    .satisfies(d -> assertThat(d.imageDigest()).isEqualTo(manifest.digest()));
        }

        @Test
        void the_registry_asks_for_the_ecr_token_with_basic() throws Exception {
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + ecr.host() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Basic realm="));
        }
    }
}
