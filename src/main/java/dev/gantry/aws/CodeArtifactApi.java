package dev.gantry.aws;

import dev.gantry.release.GantryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.DeletePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.ListPackageVersionAssetsResponse;
import software.amazon.awssdk.services.codeartifact.model.ListPackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourceType;

/**
 * CodeArtifact's control plane for one repository, through the AWS SDK v2 client of its region (made on first use, see
 * {@link CodeArtifact}). Each method is one documented call; every AWS failure becomes a refusal that names the domain,
 * repository, package, call and IAM action, and what to do ({@link CodeArtifactFailures}). A package or version that does
 * not exist is an answer, not a failure; a missing domain or repository is a refusal (told apart by the exception's
 * {@code resourceType}).
 */
final class CodeArtifactApi {

    /** One page of {@code ListPackageVersionAssets} holds every file of a module: one call per module. */
    static final int ASSETS_PAGE = 1000;
    /** {@code DeletePackageVersions} takes at most 100 versions per call. */
    static final int DELETE_BATCH = 100;
    /** Error codes of credentials the caller has but AWS does not accept (expired, unknown, badly signed). */
    private static final Set<String> CREDENTIALS_REJECTED = Set.of("ExpiredTokenException", "ExpiredToken",
            "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId", "IncompleteSignature",
            "MissingAuthenticationTokenException");
    /** How AWS names a denied action: "User: arn:… is not authorized to perform: sts:GetServiceBearerToken on …". */
    private static final Pattern ACTION = Pattern.compile("not authorized to perform: ([a-z0-9-]+:[A-Za-z]+)");
    /** How the SDK's endpoint rules refuse its dual-stack setting together with an endpoint of one's own. */
    private static final String DUAL_STACK_AND_ENDPOINT = "Dualstack and custom endpoint are not supported";
    /** How AWS words a signature made for another region than the endpoint's. */
    private static final Pattern OTHER_REGION = Pattern.compile("(?i)scoped to (a valid|the correct|correct) region"
            + "|region '?[a-z0-9-]+'? is wrong|expecting '[a-z0-9-]+'");

    /** A repository password from {@code GetAuthorizationToken}; {@link #toString()} never shows it. */
    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[****, expires " + expiresAt + "]";
        }
    }

    private final CodeArtifactUrl where;
    private final Supplier<CodeartifactClient> client;
    private final String settingsServer;

    /**
     * @param client         the SDK client of the URL's region, made when first asked for
     * @param settingsServer the id of the {@code settings.xml} server giving the repository's credentials, or null
     */
    CodeArtifactApi(CodeArtifactUrl where, Supplier<CodeartifactClient> client, String settingsServer) {
        this.where = where;
        this.client = client;
        this.settingsServer = settingsServer;
    }

    CodeArtifactUrl where() {
        return where;
    }

    /** {@code GetAuthorizationToken} of the domain: a token for user {@code aws}, valid 12 hours unless said otherwise. */
    Token authorizationToken() throws GantryException {
        GetAuthorizationTokenResponse response = call("GetAuthorizationToken", "codeartifact:GetAuthorizationToken", null,
                c -> c.getAuthorizationToken(b -> b.domain(where.domain()).domainOwner(where.owner())));
        return new Token(response.authorizationToken(), response.expiration());
    }

    /**
     * What {@code DescribePackageVersion} found.
     *
     * @param version       the version, or null when it does not exist
     * @param packageExists whether the package exists (when the version does not, AWS says which of the two is missing)
     */
    record DescribedVersion(PackageVersionDescription version, boolean packageExists) {
    }

    /** {@code DescribePackageVersion}; a missing package or version is an answer, a missing domain or repository not. */
    DescribedVersion describeVersion(CodeArtifactPackage pkg) throws GantryException {
        CodeartifactClient sdk = null;
        try {
            sdk = client.get();
            return new DescribedVersion(sdk.describePackageVersion(b -> b.domain(where.domain())
                    .domainOwner(where.owner()).repository(where.repository()).format(PackageFormat.MAVEN)
                    .namespace(pkg.groupId()).packageValue(pkg.artifactId()).packageVersion(pkg.version()))
                    .packageVersion(), true);
        } catch (ResourceNotFoundException e) {
            if (e.resourceType() == ResourceType.DOMAIN || e.resourceType() == ResourceType.REPOSITORY) {
                throw notFound("DescribePackageVersion", e);
            }
            return new DescribedVersion(null, e.resourceType() != ResourceType.PACKAGE);
        } catch (SdkException e) {
            throw refusal("DescribePackageVersion", "codeartifact:DescribePackageVersion", pkg, e,
                    CodeArtifactApiEndpoint.of(sdk));
        }
    }

    /** {@code ListPackageVersionAssets}: the version's files with their hashes, in as few pages as AWS allows. */
    List<AssetSummary> assets(CodeArtifactPackage pkg) throws GantryException {
        List<AssetSummary> assets = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListPackageVersionAssetsResponse page = call("ListPackageVersionAssets",
                    "codeartifact:ListPackageVersionAssets", pkg, c -> c.listPackageVersionAssets(b -> b
                            .domain(where.domain()).domainOwner(where.owner()).repository(where.repository())
                            .format(PackageFormat.MAVEN).namespace(pkg.groupId()).packageValue(pkg.artifactId())
                            .packageVersion(pkg.version()).maxResults(ASSETS_PAGE).nextToken(token)));
            assets.addAll(page.assets());
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return assets;
    }

    /** {@code DescribePackage}, for its origin controls; empty when the package does not exist yet. */
    Optional<PackageDescription> describePackage(CodeArtifactPackage pkg) throws GantryException {
        return callUnlessAbsent("DescribePackage", "codeartifact:DescribePackage", pkg.withoutVersion(),
                c -> c.describePackage(b -> b.domain(where.domain()).domainOwner(where.owner())
                        .repository(where.repository()).format(PackageFormat.MAVEN).namespace(pkg.groupId())
                        .packageValue(pkg.artifactId())).packageValue());
    }

    /** {@code ListPackageVersions} of one status, every page; empty when the package does not exist. */
    List<PackageVersionSummary> versions(CodeArtifactPackage pkg, PackageVersionStatus status) throws GantryException {
        List<PackageVersionSummary> versions = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            Optional<ListPackageVersionsResponse> page = callUnlessAbsent("ListPackageVersions",
                    "codeartifact:ListPackageVersions", pkg.withoutVersion(), c -> c.listPackageVersions(b -> b
                            .domain(where.domain()).domainOwner(where.owner()).repository(where.repository())
                            .format(PackageFormat.MAVEN).namespace(pkg.groupId()).packageValue(pkg.artifactId())
                            .status(status).nextToken(token)));
            if (page.isEmpty()) {
                return versions;
            }
            versions.addAll(page.get().versions());
            next = page.get().nextToken();
        } while (next != null && !next.isEmpty());
        return versions;
    }

    /** {@code DeletePackageVersions} of versions expected in {@code status}; AWS answers per version. */
    DeletePackageVersionsResponse delete(CodeArtifactPackage pkg, List<String> versions, PackageVersionStatus status)
            throws GantryException {
        return call("DeletePackageVersions", "codeartifact:DeletePackageVersions", pkg.withoutVersion(),
                c -> c.deletePackageVersions(b -> b.domain(where.domain()).domainOwner(where.owner())
                        .repository(where.repository()).format(PackageFormat.MAVEN).namespace(pkg.groupId())
                        .packageValue(pkg.artifactId()).versions(versions).expectedStatus(status)));
    }

    /** {@code GetPackageVersionAsset} into a file that must not exist yet. */
    void download(CodeArtifactPackage pkg, String asset, Path target) throws GantryException {
        call("GetPackageVersionAsset", "codeartifact:GetPackageVersionAsset", pkg,
                c -> c.getPackageVersionAsset(b -> b.domain(where.domain()).domainOwner(where.owner())
                        .repository(where.repository()).format(PackageFormat.MAVEN).namespace(pkg.groupId())
                        .packageValue(pkg.artifactId()).packageVersion(pkg.version()).asset(asset), target));
    }

    /** Runs a call in which a missing package or version is an answer: empty. */
    private <T> Optional<T> callUnlessAbsent(String operation, String action, CodeArtifactPackage pkg,
            Function<CodeartifactClient, T> call) throws GantryException {
        CodeartifactClient sdk = null;
        try {
            sdk = client.get();
            return Optional.of(call.apply(sdk));
        } catch (ResourceNotFoundException e) {
            ResourceType type = e.resourceType();
            if (type == ResourceType.DOMAIN || type == ResourceType.REPOSITORY) {
                throw notFound(operation, e);
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw refusal(operation, action, pkg, e, CodeArtifactApiEndpoint.of(sdk));
        }
    }

    /** Runs a call and turns what AWS answers into a refusal a person can act on. */
    private <T> T call(String operation, String action, CodeArtifactPackage pkg, Function<CodeartifactClient, T> call)
            throws GantryException {
        CodeartifactClient sdk = null;
        try {
            sdk = client.get();
            return call.apply(sdk);
        } catch (ResourceNotFoundException e) {
            throw notFound(operation, e);
        } catch (SdkException e) {
            throw refusal(operation, action, pkg, e, CodeArtifactApiEndpoint.of(sdk));
        }
    }

    private GantryException notFound(String operation, ResourceNotFoundException e) {
        if (e.resourceType() == ResourceType.DOMAIN) {
            return CodeArtifactFailures.domainNotFound(where, operation);
        }
        if (e.resourceType() == ResourceType.REPOSITORY) {
            return CodeArtifactFailures.repositoryNotFound(where, operation);
        }
        return CodeArtifactFailures.failed(where, null, operation, e.statusCode(), "ResourceNotFoundException",
                detail(e) + (e.resourceId() == null ? "" : ", resource " + e.resourceTypeAsString() + " " + e.resourceId()));
    }

    /**
     * An SDK failure, named as AWS names it (AccessDenied and the credential errors are codes, not classes).
     *
     * @param calledAt where the client called the API, or null when no client was built
     */
    GantryException refusal(String operation, String action, CodeArtifactPackage pkg, SdkException failure,
            CodeArtifactApiEndpoint calledAt) {
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            String detail = detail(e);
            if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
                Matcher named = ACTION.matcher(detail);
                return CodeArtifactFailures.accessDenied(where, pkg, operation, named.find() ? named.group(1) : action,
                        detail);
            }
            if (OTHER_REGION.matcher(detail).find()) {
                return CodeArtifactFailures.wrongRegion(where, pkg, operation, code + " (" + detail + ")");
            }
            if (CREDENTIALS_REJECTED.contains(code)) {
                return CodeArtifactFailures.credentialsRejected(where, pkg, operation, code, detail);
            }
            if (e.isThrottlingException()) {
                return CodeArtifactFailures.throttled(where, pkg, operation);
            }
            return CodeArtifactFailures.failed(where, pkg, operation, e.statusCode(), code, detail);
        }
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof SdkClientException && message.startsWith("Unable to load credentials")) {
            return CodeArtifactFailures.noCredentials(where, pkg, operation, "the default credential chain found none "
                    + "(system properties, environment, web identity, profile, container, instance)", settingsServer);
        }
        if (message.contains(DUAL_STACK_AND_ENDPOINT)) {
            return CodeArtifactFailures.dualStackAndEndpoint(where, pkg, operation);
        }
        // for an unknown host the SDK's message says "see cause for the exact endpoint": the cause names the host
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return CodeArtifactFailures.unreachable(where, pkg, operation, message, calledAt);
    }

    private static String detail(AwsServiceException e) {
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return detail == null ? "" : detail;
    }
}
