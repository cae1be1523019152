package dev.gantry.aws;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ECR's API for one registry host, through the AWS SDK v2: the client is made on first use with the host's region,
 * the SDK's default credential chain and its standard endpoint settings ({@code AWS_ENDPOINT_URL_ECR},
 * {@code AWS_ENDPOINT_URL}, a profile's {@code endpoint_url}), and the lean URLConnection HTTP client set explicitly
 * (the SDK would otherwise look one up with {@code ServiceLoader}, which a Maven plugin's class realm may not serve).
 * Every AWS failure becomes a refusal that names the repository, account, region, call and what to do.
 */
public final class EcrApi implements AutoCloseable {

    /** What {@code BatchGetImage} may answer with; ECR converts between Docker and OCI types only when asked. */
    private static final List<String> MANIFEST_TYPES = List.of(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    /** Error codes of credentials the caller has but AWS does not accept (expired, unknown, badly signed). */
    private static final Set<String> CREDENTIALS_REJECTED = Set.of("ExpiredTokenException", "ExpiredToken",
            "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId", "IncompleteSignature",
            "MissingAuthenticationTokenException");

    /** A registry password from {@code GetAuthorizationToken}; {@link #toString()} never shows it. */
    public record Token(String username, String password, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[" + username + ", ****, expires " + expiresAt + "]";
        }
    }

    private final EcrHost host;
    private EcrClient client;

    EcrApi(EcrHost host) {
        this.host = host;
    }

    public EcrHost host() {
        return host;
    }

    /** {@code GetAuthorizationToken}: base64 {@code AWS:<password>}, valid 12 hours. */
    Token authorizationToken(String repository) throws GantryException {
        AuthorizationData data = call("GetAuthorizationToken", "ecr:GetAuthorizationToken", repository,
                c -> c.getAuthorizationToken(b -> { })).authorizationData().get(0);
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new Token(decoded.substring(0, colon), decoded.substring(colon + 1), data.expiresAt());
    }

    /**
     * {@code BatchGetImage} of these tags, one call for all: each tag that exists with the manifest it holds, exactly as
     * pushed (its digest is ECR's image digest). Missing tags are left out.
     */
    Map<String, RemoteManifest> images(String repository, List<String> tags) throws GantryException {
        Map<String, RemoteManifest> byTag = new LinkedHashMap<>();
        if (tags.isEmpty()) {
            return byTag;
        }
        BatchGetImageResponse response = call("BatchGetImage", "ecr:BatchGetImage", repository, c -> c.batchGetImage(b -> b
                .registryId(host.account()).repositoryName(repository).acceptedMediaTypes(MANIFEST_TYPES)
                .imageIds(tags.stream().map(t -> ImageIdentifier.builder().imageTag(t).build()).toList())));
        for (ImageFailure failure : response.failures()) {
            if (failure.failureCode() != ImageFailureCode.IMAGE_NOT_FOUND
                    && failure.failureCode() != ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST) {
                throw Refusals.ecrFailed(repository, host.account(), host.region(), "BatchGetImage", 200,
                        failure.failureCodeAsString(), failure.failureReason());
            }
        }
        for (Image image : response.images()) {
            byTag.put(image.imageId().imageTag(), new RemoteManifest(image.imageId().imageDigest(),
                    image.imageManifestMediaType(), image.imageManifest().getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, RemoteManifest> inOrder = new LinkedHashMap<>();
        tags.stream().filter(byTag::containsKey).forEach(t -> inOrder.put(t, byTag.get(t)));
        return inOrder;
    }

    /** Runs one ECR call and turns what AWS answers into a refusal a person can act on. */
    <T> T call(String operation, String action, String repository, Function<EcrClient, T> call) throws GantryException {
        try {
            return call.apply(client());
        } catch (RepositoryNotFoundException e) {
            throw Refusals.ecrRepositoryNotFound(repository, host.account(), host.region(), operation);
        } catch (AwsServiceException e) {
            throw refusal(operation, action, repository, e);
        } catch (SdkClientException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Unable to load credentials")) {
                // the SDK's message says why each source gave none (a web identity STS refused, an SSO session expired):
                // that is the diagnosis
                throw Refusals.ecrNoCredentials(host.registry(), repository, host.account(), host.region(), operation,
                        "the default credential chain found none: " + eachSourcesReason(message));
            }
            throw Refusals.ecrUnreachable(repository, host.account(), host.region(), operation, message);
        } catch (SdkException e) {
            throw Refusals.ecrUnreachable(repository, host.account(), host.region(), operation, String.valueOf(e.getMessage()));
        }
    }

    /**
     * What the SDK's chain says of each source, without its list of provider objects: {@code Unable to load credentials
     * from any of the providers in the chain AwsCredentialsProviderChain(…) : [source(): reason, …]}.
     */
    static String eachSourcesReason(String chainMessage) {
        int reasons = chainMessage.indexOf(" : [");
        String each = reasons < 0 || !chainMessage.endsWith("]") ? chainMessage
                : chainMessage.substring(reasons + " : [".length(), chainMessage.length() - 1);
        return each.endsWith(".") ? each.substring(0, each.length() - 1) : each;
    }

    /** An AWS service error, named as AWS names it (the SDK has no class for AccessDenied: it is a code). */
    GantryException refusal(String operation, String action, String repository, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
            return Refusals.ecrAccessDenied(repository, host.account(), host.region(), operation, action, detail);
        }
        if (CREDENTIALS_REJECTED.contains(code)) {
            return Refusals.ecrCredentialsRejected(repository, host.account(), host.region(), operation, code, detail);
        }
        if (e.isThrottlingException()) {
            return Refusals.ecrThrottled(repository, host.account(), host.region(), operation);
        }
        return Refusals.ecrFailed(repository, host.account(), host.region(), operation, e.statusCode(), code, detail);
    }

    /** The SDK client, made on first use: nothing on AWS is touched when nothing is to be pushed or looked up. */
    public synchronized EcrClient client() {
        if (client == null) {
            client = builder(host).build();
        }
        return client;
    }

    /**
     * A client builder for the host: its region, FIPS and dual-stack when the host asks for them, the URLConnection
     * client. Only set when asked, so that AWS_USE_FIPS_ENDPOINT or a profile's use_fips_endpoint still apply to a
     * plain host; and not with an endpoint of the user's own (AWS_ENDPOINT_URL_ECR, a VPC endpoint), which the SDK
     * refuses to combine with either.
     */
    static EcrClientBuilder builder(EcrHost host) {
        EcrClientBuilder builder = EcrClient.builder()
                .region(Region.of(host.region()))
                .httpClientBuilder(SdkHttpClient.builder());
        if (!endpointConfigured()) {
            if (host.fips()) {
                builder.fipsEnabled(true);
            }
            if (host.dualStack()) {
                builder.dualstackEnabled(true);
            }
        }
        return builder;
    }

    /** Whether the SDK is given an endpoint for ECR by the environment or a system property (not read: a profile's). */
    private static boolean endpointConfigured() {
        return System.getProperty("aws.endpointUrlEcr") != null || System.getProperty("aws.endpointUrl") != null
                || System.getenv("AWS_ENDPOINT_URL_ECR") != null || System.getenv("AWS_ENDPOINT_URL") != null;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
