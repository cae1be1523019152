package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the AWS refusals tell a person to do, and the partition their ARNs name. */
class AwsRefusalsTest {

    /** A 4xx that is no denial, no credential and no throttling is the request refused: a re-run sends it again. */
    @Test
    void an_ecr_client_error_is_not_worded_as_a_passing_fault() {
        String refused = Refusals.ecrFailed("orders__api", "123456789012", "us-east-1", "CreateRepository", 400,
                "InvalidParameterException", "Invalid parameter at 'repositoryName'").getMessage();
        assertThat(refused).startsWith("ECR answered CreateRepository on ECR repository orders__api (account 123456789012, "
                + "region us-east-1) with HTTP 400 InvalidParameterException (Invalid parameter at 'repositoryName'). ECR "
                + "refused a value Gantry sent: check the repository name").endsWith("A re-run alone gets the same "
                + "answer; what is done is kept.").doesNotContain("service health");
        assertThat(Refusals.ecrFailed("orders", "123456789012", "us-east-1", "PutImage", 503, "ServiceUnavailable", null)
                .getMessage()).contains("Re-run the pipeline; what is done is kept. If it persists, check AWS's service "
                + "health for us-east-1.");
    }


    @Test
    void names_the_partition_of_a_region_as_arns_do() {
        assertThat(AwsPartition.of("eu-west-1")).isEqualTo("aws");
        assertThat(AwsPartition.of("cn-north-1")).isEqualTo("aws-cn");
        assertThat(AwsPartition.of("us-gov-west-1")).isEqualTo("aws-us-gov");
    }

    /** The advice to grant an action names a resource the policy can match: in China and GovCloud, not arn:aws:. */
    @Test
    void the_ecr_refusals_name_the_resource_in_its_partition() {
        assertThat(Refusals.ecrAccessDenied("orders", "123456789012", "cn-north-1", "PutImage", "ecr:PutImage", null)
                .getMessage()).contains("Allow ecr:PutImage on arn:aws-cn:ecr:cn-north-1:123456789012:repository/orders ");
        assertThat(Refusals.provisioningDenied("orders", "123456789012", "us-gov-west-1", "ecr:CreateRepository", "denied")
                .getMessage()).contains("ecr:CreateRepository on arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/orders ");
    }
}
