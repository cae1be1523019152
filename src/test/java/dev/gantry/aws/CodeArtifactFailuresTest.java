package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CodeArtifactFailuresTest {

    static final CodeArtifactUrl RELEASES = CodeArtifactUrl.parse(
            "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/").orElseThrow();
    static final CodeArtifactPackage ORDERS = new CodeArtifactPackage("com.acme", "orders", "1.4.0");

    @Nested
    class AccessDenied {

        @Test
        void names_the_action_its_resource_and_the_call() {
            assertThat(CodeArtifactFailures.accessDenied(RELEASES, ORDERS, "DescribePackageVersion",
                    "codeartifact:DescribePackageVersion", null).getMessage()).isEqualTo(
                    "AWS denied codeartifact:DescribePackageVersion for CodeArtifact's DescribePackageVersion of "
                            + "com.acme:orders:1.4.0 in repository releases in domain acme (owner 123456789012, region "
                            + "us-east-1) to these credentials. Allow codeartifact:DescribePackageVersion on "
                            + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/orders in "
                            + "the IAM policy of the role or user the build runs as (docs/codeartifact.md lists the minimal "
                            + "policy), and check that no domain or repository policy denies it; then re-run the pipeline, "
                            + "what is published is kept.");
        }

        @Test
        void for_the_token_names_the_bearer_token_action_too() {
            assertThat(CodeArtifactFailures.accessDenied(RELEASES, null, "GetAuthorizationToken",
                    "codeartifact:GetAuthorizationToken", null).getMessage())
                    .contains("Allow codeartifact:GetAuthorizationToken on "
                            + "arn:aws:codeartifact:us-east-1:123456789012:domain/acme (the token also needs "
                            + "sts:GetServiceBearerToken on *, with the condition sts:AWSServiceName = "
                            + "codeartifact.amazonaws.com)");
        }

        @Test
        void reading_a_file_is_a_repository_action() {
            assertThat(CodeArtifactFailures.resource("codeartifact:ReadFromRepository", RELEASES, ORDERS))
                    .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:repository/acme/releases");
        }

        @Test
        void in_china_the_partition_is_aws_cn() {
            CodeArtifactUrl china = CodeArtifactUrl.parse(
                    "https://acme-123456789012.d.codeartifact.cn-north-1.amazonaws.com.cn/maven/releases/").orElseThrow();
            assertThat(CodeArtifactFailures.resource("codeartifact:GetAuthorizationToken", china, null))
                    .isEqualTo("arn:aws-cn:codeartifact:cn-north-1:123456789012:domain/acme");
        }
    }

    @Test
    void a_package_whose_origin_controls_block_publishing() {
        assertThat(CodeArtifactFailures.publishBlocked(RELEASES, ORDERS).getMessage()).isEqualTo(
                "CodeArtifact blocks publishing com.acme:orders to repository releases in domain acme (owner "
                        + "123456789012, region us-east-1): the package's origin controls set publish to BLOCK (usually "
                        + "because the package came from an upstream repository or an external connection under that "
                        + "name). Publishing would fail half-way, so nothing was published. Either rename the artifact "
                        + "(its groupId or artifactId), or, if this build owns the package, allow publishing: aws "
                        + "codeartifact put-package-origin-configuration --domain acme --domain-owner 123456789012 "
                        + "--repository releases --format maven --namespace com.acme --package orders --restrictions "
                        + "publish=ALLOW,upstream=BLOCK.");
    }

    @Test
    void a_missing_domain_points_at_the_region_of_the_url() {
        assertThat(CodeArtifactFailures.domainNotFound(RELEASES, "DescribePackageVersion").getMessage())
                .startsWith("There is no CodeArtifact domain acme owned by 123456789012 in region us-east-1 "
                        + "(DescribePackageVersion answered ResourceNotFoundException).")
                .contains("a domain lives in one region only");
    }
}
