package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsPartitionTest {

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
