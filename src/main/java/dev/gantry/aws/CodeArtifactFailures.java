package dev.gantry.aws;

import dev.gantry.release.AwsPartition;
import dev.gantry.release.GantryException;
import dev.gantry.release.VersionTaken;
import java.util.List;

/**
 * Every CodeArtifact refusal and warning, worded in one place (as {@code Refusals} is for the rest of Gantry): what
 * CodeArtifact answered, to which call, on which domain, repository and package, and what to do. Tests assert these
 * messages. No message ever holds a token.
 */
final class CodeArtifactFailures {

    static final String DOCS = "docs/codeartifact.md";

    private CodeArtifactFailures() {
    }

    /** {@code DescribePackageVersion of com.acme:orders:1.4.0 in repository releases in domain acme (…)}. */
    private static String where(String call, CodeArtifactUrl where, CodeArtifactPackage pkg) {
        return call + (pkg == null ? "" : " of " + pkg) + " in " + where.describe();
    }

    /** The resource an IAM action applies to, as a policy names it. */
    static String resource(String action, CodeArtifactUrl where, CodeArtifactPackage pkg) {
        String arn = "arn:" + AwsPartition.of(where.region()) + ":codeartifact:" + where.region() + ":" + where.owner() + ":";
        switch (action) {
            case "sts:GetServiceBearerToken":
                return "* (with the condition sts:AWSServiceName = codeartifact.amazonaws.com)";
            case "codeartifact:GetAuthorizationToken":
                return arn + "domain/" + where.domain();
            case "codeartifact:ReadFromRepository":
            case "codeartifact:GetRepositoryEndpoint":
                return arn + "repository/" + where.domain() + "/" + where.repository();
            default:
                return arn + "package/" + where.domain() + "/" + where.repository() + "/maven/"
                        + (pkg == null ? "*" : pkg.groupId() + "/" + pkg.artifactId());
        }
    }

    /**
     * @param settingsServer the id of the {@code settings.xml} server that gives the repository's credentials, or null:
     *                       with one, only the API calls (release check, clean-up) need AWS credentials
     */
    static GantryException noCredentials(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String detail,
            String settingsServer) {
        String why = settingsServer == null
                ? "Gantry asks CodeArtifact for the repository token with the AWS SDK's default credential chain"
                : "The <server> " + settingsServer + " of settings.xml gives the credentials for uploads, but Gantry "
                + "checks what the repository holds (and cleans up snapshots) with CodeArtifact's API, through the AWS "
                + "SDK's default credential chain";
        String orServer = settingsServer == null
                ? "; or put a <server> with the repository's <id>, <username>aws</username> and a token as <password> in "
                + "settings.xml"
                : "";
        return new GantryException("No AWS credentials for CodeArtifact's " + where(call, where, pkg) + ": " + detail
                + ". " + why + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (after aws sso login "
                + "for SSO), or a web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, as GitHub Actions' "
                + "configure-aws-credentials sets), or run where a container or instance role applies" + orServer
                + ". Nothing was published.");
    }

    static GantryException credentialsRejected(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String code,
            String detail) {
        return new GantryException("AWS rejected the credentials for CodeArtifact's " + where(call, where, pkg) + ": " + code
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ". They are expired or invalid: "
                + "refresh them (aws sso login, a new session token, the CI's role or OIDC set-up) and re-run the "
                + "pipeline; what is published is kept.");
    }

    static GantryException accessDenied(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String action,
            String detail) {
        String also = action.equals("codeartifact:GetAuthorizationToken")
                ? " (the token also needs sts:GetServiceBearerToken on *, with the condition sts:AWSServiceName = "
                + "codeartifact.amazonaws.com)"
                : "";
        return new GantryException("AWS denied " + action + " for CodeArtifact's " + where(call, where, pkg) + " to these credentials"
                + (detail == null || detail.isBlank() ? "" : ": " + detail) + ". Allow " + action + " on "
                + resource(action, where, pkg) + also + " in the IAM policy of the role or user the build runs as ("
                + DOCS + " lists the minimal policy), and check that no domain or repository policy denies it; then "
                + "re-run the pipeline, what is published is kept.");
    }

    /**
     * The Maven endpoint answered 403 to an upload. It names no action, so the message names the one the request needed:
     * {@code PublishPackageVersion} for a file, {@code PutPackageMetadata} for {@code maven-metadata.xml} (which Resolver
     * reads first, with {@code ReadFromRepository}).
     *
     * @param pkg    the package being sent, or null when Resolver's message does not say
     * @param server the settings.xml server whose token was used, or null for a token from GetAuthorizationToken
     */
    static String uploadDenied(CodeArtifactUrl where, CodeArtifactPackage pkg, boolean metadata, String server) {
        String action = metadata ? "codeartifact:PutPackageMetadata" : "codeartifact:PublishPackageVersion";
        String credentials = server == null
                ? "the credentials the build runs with (the token came from GetAuthorizationToken with them)"
                : "the identity that made the token in <server> " + server + " of settings.xml";
        return "CodeArtifact denied the upload to " + where.describe() + " (HTTP 403): " + credentials + " lack "
                + action + " on " + resource(action, where, pkg)
                + (metadata ? " (or codeartifact:ReadFromRepository, to read maven-metadata.xml first)" : "") + ". Allow "
                + "codeartifact:PublishPackageVersion and codeartifact:PutPackageMetadata on the package and "
                + "codeartifact:ReadFromRepository on the repository in the IAM policy of the role or user the build runs "
                + "as (" + DOCS + " lists the minimal policy), and check that no domain or repository policy denies them.";
    }

    /** The Maven endpoint answered 401 to an upload: the token was refused. */
    static String tokenRefused(CodeArtifactUrl where, String server) {
        return server == null
                ? "CodeArtifact refused the token Gantry got from GetAuthorizationToken for " + where.describe()
                + " (HTTP 401): check that the URL's domain and owner are the repository's, and that the credentials "
                + "are not revoked."
                : "CodeArtifact refused the token in <server> " + server + " of settings.xml for " + where.describe()
                + " (HTTP 401): tokens last 12 hours at most. Remove that <server> to let Gantry fetch a token with the "
                + "AWS credentials, or put a fresh one there.";
    }

    static GantryException domainNotFound(CodeArtifactUrl where, String call) {
        return new GantryException("There is no CodeArtifact domain " + where.domain() + " owned by " + where.owner()
                + " in region " + where.region() + " (" + call + " answered ResourceNotFoundException). Check the "
                + "repository URL in <distributionManagement> (" + where.url() + "): it names the domain, its owner and "
                + "the region, and a domain lives in one region only, so a domain in another region needs that "
                + "region's URL (aws codeartifact get-repository-endpoint --domain " + where.domain()
                + " --domain-owner " + where.owner() + " --repository " + where.repository() + " --format maven "
                + "prints it). Nothing was published.");
    }

    static GantryException repositoryNotFound(CodeArtifactUrl where, String call) {
        return new GantryException("There is no repository " + where.repository() + " in the CodeArtifact domain "
                + where.domain() + " (owner " + where.owner() + ", region " + where.region() + "): " + call
                + " answered ResourceNotFoundException. Create it (aws codeartifact create-repository --domain "
                + where.domain() + " --domain-owner " + where.owner() + " --repository " + where.repository()
                + " --region " + where.region() + ") or fix the repository URL in <distributionManagement> ("
                + where.url() + "). Nothing was published.");
    }

    static GantryException wrongRegion(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String detail) {
        return new GantryException("AWS refused CodeArtifact's " + where(call, where, pkg) + " as a request to the wrong region: "
                + detail + ". The region comes from the repository URL (" + where.url() + "); check it against the "
                + "domain's region (aws codeartifact list-domains --region <region>), and that AWS_ENDPOINT_URL_CODEARTIFACT, "
                + "AWS_ENDPOINT_URL or the profile's endpoint_url, if set, point at that same region. Nothing was "
                + "published.");
    }

    static GantryException throttled(CodeArtifactUrl where, CodeArtifactPackage pkg, String call) {
        return new GantryException("CodeArtifact throttled " + where(call, where, pkg) + ", and the AWS SDK's retries "
                + "did not get through: something else in this account and region is calling CodeArtifact heavily. "
                + "Re-run the pipeline later; what is published is kept. If it happens often, allow the SDK more "
                + "attempts with AWS_MAX_ATTEMPTS (or max_attempts in the AWS profile).");
    }

    /**
     * Worded by where the client called the API ({@link CodeArtifactApiEndpoint}): an endpoint of one's own is named as
     * the one to check; under the SDK's dual-stack setting the message says so; only when the client called the IPv4-only
     * API host does a dual-stack repository URL get the paragraph on reaching the API without IPv4 (Gantry does not turn
     * the SDK's dual-stack setting on for it: {@code CodeArtifact#builder}).
     *
     * @param calledAt where the client called the API, or null when unknown (no client was built): the general advice
     */
    static GantryException unreachable(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String detail,
            CodeArtifactApiEndpoint calledAt) {
        String region = where.region();
        String check;
        if (calledAt != null && calledAt.override() != null) {
            check = "Check the network and the endpoint the API was called at, " + calledAt.override() + ": the one set "
                    + "with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL, endpoint_url in the AWS profile or "
                    + "-Daws.endpointUrlCodeartifact (a VPC endpoint of com.amazonaws." + region + ".codeartifact.api, for "
                    + "one); unset them to call the AWS SDK's own endpoint for the region of the URL.";
        } else if (calledAt != null && calledAt.dualStack()) {
            check = "Check the network and the endpoint: the AWS SDK's dual-stack setting is on (AWS_USE_DUALSTACK_ENDPOINT, "
                    + "use_dualstack_endpoint in the AWS profile, or -Daws.useDualstackEndpoint), so the API was called at "
                    + "its dual-stack endpoint for the region of the URL, codeartifact." + region + ".api.aws; to reach it "
                    + "through a VPC endpoint of com.amazonaws." + region + ".codeartifact.api instead, unset that setting "
                    + "and set AWS_ENDPOINT_URL_CODEARTIFACT (or AWS_ENDPOINT_URL, or endpoint_url in the AWS profile).";
        } else {
            check = "Check the network and the endpoint: Gantry uses the AWS SDK's, for the region of the URL, or the one "
                    + "set with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL or endpoint_url in the AWS profile (for a "
                    + "VPC endpoint).";
        }
        String dualStackUrl = calledAt == null || !calledAt.ipv4Only() || !where.dualStack() ? ""
                : " The repository URL is CodeArtifact's dual-stack (IPv4 and IPv6) endpoint, but its API was called at "
                + "codeartifact." + region + ".amazonaws.com, IPv4 only, as the AWS SDK's dual-stack setting is not on "
                + "(AWS_USE_DUALSTACK_ENDPOINT=true, use_dualstack_endpoint = true in the AWS profile, or "
                + "-Daws.useDualstackEndpoint=true in MAVEN_OPTS), which calls codeartifact." + region
                + ".api.aws: on a runner without IPv4, turn it on, or reach the API through a VPC endpoint of "
                + "com.amazonaws." + region + ".codeartifact.api.";
        return new GantryException("Cannot reach CodeArtifact's API for " + where(call, where, pkg) + ": " + detail + ". "
                + check + dualStackUrl + " Nothing was published.");
    }

    /** The SDK takes either its dual-stack setting or an endpoint of one's own, and refuses both before sending. */
    static GantryException dualStackAndEndpoint(CodeArtifactUrl where, CodeArtifactPackage pkg, String call) {
        return new GantryException("The AWS SDK refused to send CodeArtifact's " + where(call, where, pkg) + ": both its "
                + "dual-stack setting (AWS_USE_DUALSTACK_ENDPOINT, use_dualstack_endpoint in the AWS profile, or "
                + "-Daws.useDualstackEndpoint) and an API endpoint of your own (AWS_ENDPOINT_URL_CODEARTIFACT, "
                + "AWS_ENDPOINT_URL, endpoint_url in the AWS profile, or -Daws.endpointUrlCodeartifact) are set, and the "
                + "SDK (\"Dualstack and custom endpoint are not supported\") takes one or the other. Unset the dual-stack "
                + "setting to call the endpoint you set (a VPC endpoint, for one), or unset the endpoint to call "
                + "codeartifact." + where.region() + ".api.aws. Nothing was published.");
    }

    static GantryException failed(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, int status, String code,
            String detail) {
        return new GantryException("CodeArtifact answered " + where(call, where, pkg) + " with HTTP " + status + " "
                + code + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ". Re-run the pipeline; what "
                + "is published is kept. If it persists, check AWS's service health for " + where.region() + ".");
    }

    static GantryException publishBlocked(CodeArtifactUrl where, CodeArtifactPackage pkg) {
        return new GantryException("CodeArtifact blocks publishing " + pkg.withoutVersion() + " to " + where.describe()
                + ": the package's origin controls set publish to BLOCK (usually because the package came from an "
                + "upstream repository or an external connection under that name). Publishing would fail half-way, so "
                + "nothing was published. Either rename the artifact (its groupId or artifactId), or, if this build "
                + "owns the package, allow publishing: aws codeartifact put-package-origin-configuration --domain "
                + where.domain() + " --domain-owner " + where.owner() + " --repository " + where.repository()
                + " --format maven --namespace " + pkg.groupId() + " --package " + pkg.artifactId()
                + " --restrictions publish=ALLOW,upstream=BLOCK.");
    }

    static VersionTaken versionNotPublishable(CodeArtifactUrl where, CodeArtifactPackage pkg, String status) {
        return new VersionTaken(inPom -> pkg + " is " + status + " in " + where.describe() + ": its files cannot be read or "
                + "added, and a release is immutable. Bump the version " + inPom + ", or restore the version (aws "
                + "codeartifact update-package-versions-status --domain " + where.domain() + " --repository "
                + where.repository() + " --format maven --namespace " + pkg.groupId() + " --package "
                + pkg.artifactId() + " --versions " + pkg.version() + " --target-status Published) if it is this "
                + "release. Nothing was published.");
    }

    /** A warning: the snapshot is published, only the clean-up of earlier builds failed. */
    static String cleanUpFailed(CodeArtifactUrl where, CodeArtifactPackage pkg, String call, String problem) {
        // the refusals a failed call is worded with end, for a publish, "Nothing was published": here it was
        String detail = problem.replace(" Nothing was published.", "");
        return "The snapshot " + pkg + " is published, but its earlier builds in " + where.describe() + " were not "
                + "cleaned up: " + call + " failed: " + detail + " They stay as Unlisted versions and are cleaned up by "
                + "the next snapshot publish once this is fixed; set -Dgantry.codeartifact.keepSnapshots=0 to stop "
                + "cleaning up.";
    }

    /** A warning: some builds could not be deleted (DeletePackageVersions answers per version). */
    static String buildsNotDeleted(CodeArtifactUrl where, CodeArtifactPackage pkg, List<String> failures) {
        return "The snapshot " + pkg + " is published, but CodeArtifact did not delete these earlier builds in "
                + where.describe() + ": " + String.join("; ", failures) + ". They stay as they are; the next snapshot "
                + "publish tries again.";
    }
}
