package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcrHostTest {

    @Nested
    class Recognises {

        @Test
        void the_classic_host_with_account_and_region() {
            assertThat(EcrHost.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com")).contains(
                    new EcrHost("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "123456789012", "eu-west-1", false, false));
        }

        @Test
        void a_repository_reference_by_its_host() {
            assertThat(EcrHost.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders:1.4.0"))
                    .hasValueSatisfying(h -> {
                        assertThat(h.registry()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com");
                        assertThat(h.region()).isEqualTo("us-east-1");
                    });
        }

        @Test
        void the_fips_host() {
            assertThat(EcrHost.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com")).hasValueSatisfying(h -> {
                assertThat(h.fips()).isTrue();
                assertThat(h.region()).isEqualTo("us-gov-west-1");
            });
        }

        @Test
        void a_china_host() {
            assertThat(EcrHost.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/orders"))
                    .hasValueSatisfying(h -> assertThat(h.region()).isEqualTo("cn-north-1"));
        }

        @Test
        void the_dual_stack_host() {
            assertThat(EcrHost.parse("123456789012.dkr-ecr.ap-southeast-2.on.aws/orders")).hasValueSatisfying(h -> {
                assertThat(h.dualStack()).isTrue();
                assertThat(h.fips()).isFalse();
                assertThat(h.account()).isEqualTo("123456789012");
                assertThat(h.region()).isEqualTo("ap-southeast-2");
            });
        }

        @Test
        void the_fips_dual_stack_host() {
            assertThat(EcrHost.parse("123456789012.dkr-ecr-fips.us-east-1.on.aws"))
                    .hasValueSatisfying(h -> assertThat(h.fips() && h.dualStack()).isTrue());
        }

        @Test
        void a_host_with_a_port() {
            assertThat(EcrHost.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com:5443/orders"))
                    .hasValueSatisfying(h -> assertThat(h.registry())
                            .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com:5443"));
        }

        @Test
        void a_host_written_in_capitals() {
            assertThat(EcrHost.parse("123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/orders")).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com/orders", "127.0.0.1:5000/orders", "public.ecr.aws/team/orders",
            "12345.dkr.ecr.us-east-1.amazonaws.com/orders", "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.com/x",
            "123456789012.dkr.ecr.amazonaws.com/orders", "eclipse-temurin:17-jre", ""})
    void other_hosts_are_not_ecr(String reference) {
        assertThat(EcrHost.parse(reference)).isEmpty();
    }
}
