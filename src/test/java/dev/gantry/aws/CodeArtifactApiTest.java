package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;

/** How AWS's answers, as the SDK gives them, become refusals; without AWS (the SDK's own exception types). */
class CodeArtifactApiTest {

    static final CodeArtifactUrl RELEASES = CodeArtifactUrl.parse(
            "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/").orElseThrow();
    static final CodeArtifactPackage ORDERS = new CodeArtifactPackage("com.acme", "orders", "1.4.0");

    final CodeArtifactApi api = new CodeArtifactApi(RELEASES, () -> {
        throw new AssertionError("no call");
    }, null);

    static SdkException answer(int status, String code, String message) {
        return CodeartifactException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    String refusal(SdkException answer) {
        return api.refusal("DescribePackageVersion", "codeartifact:DescribePackageVersion", ORDERS, answer,
                CodeArtifactApiEndpoint.IPV4).getMessage();
    }

    @Test
    void access_denied_names_the_action_aws_names() {
        assertThat(refusal(answer(403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not "
                + "authorized to perform: codeartifact:ListPackageVersionAssets on resource: …")))
                .startsWith("AWS denied codeartifact:ListPackageVersionAssets for CodeArtifact's DescribePackageVersion");
    }

    @Test
    void access_denied_without_a_named_action_names_the_call_s_action() {
        assertThat(refusal(answer(403, "AccessDeniedException", "Access denied")))
                .startsWith("AWS denied codeartifact:DescribePackageVersion for CodeArtifact's DescribePackageVersion");
    }

    @Test
    void a_signature_for_another_region_is_the_wrong_region() {
        assertThat(refusal(answer(403, "InvalidSignatureException", "Credential should be scoped to a valid region.")))
                .startsWith("AWS refused CodeArtifact's DescribePackageVersion of com.acme:orders:1.4.0 in repository "
                        + "releases in domain acme (owner 123456789012, region us-east-1) as a request to the wrong "
                        + "region: InvalidSignatureException (Credential should be scoped to a valid region.)");
    }

    @Test
    void expired_and_unknown_keys_are_rejected_credentials() {
        assertThat(refusal(answer(403, "ExpiredTokenException", "The security token included in the request is expired")))
                .startsWith("AWS rejected the credentials");
        assertThat(refusal(answer(403, "UnrecognizedClientException", "The security token included in the request is "
                + "invalid"))).startsWith("AWS rejected the credentials");
    }

    @Test
    void throttling_after_the_sdk_retries() {
        assertThat(refusal(answer(429, "ThrottlingException", "Rate exceeded")))
                .startsWith("CodeArtifact throttled DescribePackageVersion of com.acme:orders:1.4.0");
    }

    @Test
    void anything_else_with_its_status_and_code() {
        assertThat(refusal(answer(500, "InternalServerException", "boom")))
                .startsWith("CodeArtifact answered DescribePackageVersion of com.acme:orders:1.4.0 in repository releases "
                        + "in domain acme (owner 123456789012, region us-east-1) with HTTP 500 InternalServerException "
                        + "(boom).");
    }

    @Test
    void no_credentials_in_the_chain() {
        assertThat(refusal(SdkClientException.create("Unable to load credentials from any of the providers in the chain")))
                .startsWith("No AWS credentials for CodeArtifact's DescribePackageVersion")
                .contains("or put a <server> with the repository's <id>");
    }

    @Test
    void no_credentials_with_a_settings_server_says_what_needs_them() {
        CodeArtifactApi withServer = new CodeArtifactApi(RELEASES, () -> {
            throw new AssertionError("no call");
        }, "company");
        assertThat(withServer.refusal("DescribePackageVersion", "codeartifact:DescribePackageVersion", ORDERS,
                SdkClientException.create("Unable to load credentials from any of the providers"),
                CodeArtifactApiEndpoint.IPV4).getMessage())
                .contains("The <server> company of settings.xml gives the credentials for uploads, but Gantry checks")
                .doesNotContain("or put a <server>");
    }

    @Test
    void a_network_failure_is_unreachable() {
        assertThat(refusal(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .isEqualTo("Cannot reach CodeArtifact's API for DescribePackageVersion of com.acme:orders:1.4.0 in "
                        + "repository releases in domain acme (owner 123456789012, region us-east-1): Unable to execute "
                        + "HTTP request: Connection refused. Check the network and the endpoint: Gantry uses the AWS "
                        + "SDK's, for the region of the URL, or the one set with AWS_ENDPOINT_URL_CODEARTIFACT, "
                        + "AWS_ENDPOINT_URL or endpoint_url in the AWS profile (for a VPC endpoint). Nothing was "
                        + "published.");
    }

    @Test
    void an_unknown_host_is_named_from_the_sdk_s_cause() {
        assertThat(refusal(SdkClientException.create("Received an UnknownHostException when attempting to interact with "
                + "a service. See cause for the exact endpoint that is failing to resolve.", SdkClientException.create(
                "Unable to execute HTTP request: codeartifact.us-east-1.amazonaws.com (SDK Attempt Count: 3)"))))
                .contains(": Received an UnknownHostException when attempting to interact with a service. See cause for "
                        + "the exact endpoint that is failing to resolve. (Unable to execute HTTP request: "
                        + "codeartifact.us-east-1.amazonaws.com (SDK Attempt Count: 3)). Check the network");
    }

    /**
     * An unreachable API from the dual-stack repository URL, worded by where the client called the API
     * ({@link CodeArtifactApiEndpoint}): only at the IPv4-only API host does it say to turn the SDK's dual-stack setting on.
     */
    @Nested
    class UnreachableFromADualStackUrl {

        final CodeArtifactApi dualStack = new CodeArtifactApi(CodeArtifactUrl.parse(
                "https://acme-123456789012.codeartifact.us-east-1.on.aws/maven/releases/").orElseThrow(), () -> {
            throw new AssertionError("no call");
        }, null);

        String refusal(CodeArtifactApiEndpoint calledAt) {
            return dualStack.refusal("GetAuthorizationToken", "codeartifact:GetAuthorizationToken", null,
                    SdkClientException.create("Unable to execute HTTP request: Network is unreachable"), calledAt)
                    .getMessage();
        }

        @Test
        void at_the_ipv4_only_api_host_says_to_turn_the_sdk_s_dual_stack_setting_on() {
            assertThat(refusal(CodeArtifactApiEndpoint.IPV4))
                    .isEqualTo("Cannot reach CodeArtifact's API for GetAuthorizationToken in repository releases in "
                            + "domain acme (owner 123456789012, region us-east-1): Unable to execute HTTP request: Network "
                            + "is unreachable. Check the network and the endpoint: Gantry uses the AWS SDK's, for the "
                            + "region of the URL, or the one set with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL or "
                            + "endpoint_url in the AWS profile (for a VPC endpoint). The repository URL is CodeArtifact's "
                            + "dual-stack (IPv4 and IPv6) endpoint, but its API was called at "
                            + "codeartifact.us-east-1.amazonaws.com, IPv4 only, as the AWS SDK's dual-stack setting is not "
                            + "on (AWS_USE_DUALSTACK_ENDPOINT=true, use_dualstack_endpoint = true in the AWS profile, or "
                            + "-Daws.useDualstackEndpoint=true in MAVEN_OPTS), which calls codeartifact.us-east-1.api.aws: "
                            + "on a runner without IPv4, turn it on, or reach the API through a VPC endpoint of "
                            + "com.amazonaws.us-east-1.codeartifact.api. Nothing was published.");
        }

        @Test
        void under_the_sdk_s_dual_stack_setting_says_it_is_on_and_not_to_turn_it_on() {
            assertThat(refusal(new CodeArtifactApiEndpoint(null, true)))
                    .isEqualTo("Cannot reach CodeArtifact's API for GetAuthorizationToken in repository releases in "
                            + "domain acme (owner 123456789012, region us-east-1): Unable to execute HTTP request: Network "
                            + "is unreachable. Check the network and the endpoint: the AWS SDK's dual-stack setting is on "
                            + "(AWS_USE_DUALSTACK_ENDPOINT, use_dualstack_endpoint in the AWS profile, or "
                            + "-Daws.useDualstackEndpoint), so the API was called at its dual-stack endpoint for the region "
                            + "of the URL, codeartifact.us-east-1.api.aws; to reach it through a VPC endpoint of "
                            + "com.amazonaws.us-east-1.codeartifact.api instead, unset that setting and set "
                            + "AWS_ENDPOINT_URL_CODEARTIFACT (or AWS_ENDPOINT_URL, or endpoint_url in the AWS profile). "
                            + "Nothing was published.");
        }

        @Test
        void at_an_endpoint_of_one_s_own_names_that_endpoint() {
            assertThat(refusal(new CodeArtifactApiEndpoint(URI.create(
                    "https://vpce-0123456789abcdef0-abcdefgh.api.codeartifact.us-east-1.vpce.amazonaws.com"), false)))
                    .isEqualTo("Cannot reach CodeArtifact's API for GetAuthorizationToken in repository releases in "
                            + "domain acme (owner 123456789012, region us-east-1): Unable to execute HTTP request: Network "
                            + "is unreachable. Check the network and the endpoint the API was called at, "
                            + "https://vpce-0123456789abcdef0-abcdefgh.api.codeartifact.us-east-1.vpce.amazonaws.com: the "
                            + "one set with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL, endpoint_url in the AWS "
                            + "profile or -Daws.endpointUrlCodeartifact (a VPC endpoint of "
                            + "com.amazonaws.us-east-1.codeartifact.api, for one); unset them to call the AWS SDK's own "
                            + "endpoint for the region of the URL. Nothing was published.");
        }

        @Test
        void without_a_client_gives_the_general_advice_only() {
            assertThat(refusal(null))
                    .isEqualTo("Cannot reach CodeArtifact's API for GetAuthorizationToken in repository releases in "
                            + "domain acme (owner 123456789012, region us-east-1): Unable to execute HTTP request: Network "
                            + "is unreachable. Check the network and the endpoint: Gantry uses the AWS SDK's, for the "
                            + "region of the URL, or the one set with AWS_ENDPOINT_URL_CODEARTIFACT, AWS_ENDPOINT_URL or "
                            + "endpoint_url in the AWS profile (for a VPC endpoint). Nothing was published.");
        }
    }

    @Test
    void the_sdk_s_dual_stack_setting_with_an_endpoint_of_one_s_own_says_to_keep_one() {
        assertThat(refusal(SdkClientException.create("Invalid Configuration: Dualstack and custom endpoint are not "
                + "supported"))).isEqualTo("The AWS SDK refused to send CodeArtifact's DescribePackageVersion of "
                + "com.acme:orders:1.4.0 in repository releases in domain acme (owner 123456789012, region us-east-1): "
                + "both its dual-stack setting (AWS_USE_DUALSTACK_ENDPOINT, use_dualstack_endpoint in the AWS profile, "
                + "or -Daws.useDualstackEndpoint) and an API endpoint of your own (AWS_ENDPOINT_URL_CODEARTIFACT, "
                + "AWS_ENDPOINT_URL, endpoint_url in the AWS profile, or -Daws.endpointUrlCodeartifact) are set, and the "
                + "SDK (\"Dualstack and custom endpoint are not supported\") takes one or the other. Unset the "
                + "dual-stack setting to call the endpoint you set (a VPC endpoint, for one), or unset the endpoint to "
                + "call codeartifact.us-east-1.api.aws. Nothing was published.");
    }
}
