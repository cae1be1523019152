package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeArtifactUrlTest {

    @Nested
    class Recognises {

        @Test
        void domain_owner_region_and_repository_from_the_url() {
            String url = "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
            assertThat(CodeArtifactUrl.parse(url)).contains(
                    new CodeArtifactUrl(url, "acme", "123456789012", "us-east-1", "releases", false));
        }

        @Test
        void a_domain_with_hyphens_whose_owner_is_the_last_twelve_digits() {
            assertThat(CodeArtifactUrl.parse(
                    "https://my-team-2-123456789012.d.codeartifact.eu-west-1.amazonaws.com/maven/libs-snapshots"))
                    .hasValueSatisfying(u -> {
                        assertThat(u.domain()).isEqualTo("my-team-2");
                        assertThat(u.owner()).isEqualTo("123456789012");
                        assertThat(u.region()).isEqualTo("eu-west-1");
                        assertThat(u.repository()).isEqualTo("libs-snapshots");
                    });
        }

        @Test
        void a_domain_ending_in_digits() {
            assertThat(CodeArtifactUrl.parse(
                    "https://team42-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/"))
                    .hasValueSatisfying(u -> assertThat(u.domain()).isEqualTo("team42"));
        }

        @Test
        void a_china_region() {
            assertThat(CodeArtifactUrl.parse(
                    "https://acme-123456789012.d.codeartifact.cn-north-1.amazonaws.com.cn/maven/releases/"))
                    .hasValueSatisfying(u -> assertThat(u.region()).isEqualTo("cn-north-1"));
        }

        @Test
        void a_port() {
            assertThat(CodeArtifactUrl.recognises(
                    "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com:8443/maven/releases/")).isTrue();
        }

        @Test
        void an_upper_case_host_but_keeps_the_repository_as_written() {
            assertThat(CodeArtifactUrl.parse(
                    "HTTPS://ACME-123456789012.D.CODEARTIFACT.US-EAST-1.AMAZONAWS.COM/maven/Releases/"))
                    .hasValueSatisfying(u -> {
                        assertThat(u.domain()).isEqualTo("acme");
                        assertThat(u.repository()).isEqualTo("Releases");
                    });
        }

        @Test
        void a_vpc_endpoint_without_private_dns_as_aws_documents_it() {
            assertThat(CodeArtifactUrl.parse("https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce"
                    + ".amazonaws.com/maven/d/acme-corp-123456789012/releases/"))
                    .contains(new CodeArtifactUrl("https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce"
                            + ".amazonaws.com/maven/d/acme-corp-123456789012/releases/", "acme-corp", "123456789012",
                            "us-west-2", "releases", false));
        }

        @Test
        void the_dual_stack_endpoint_as_get_repository_endpoint_gives_it_with_endpoint_type_dualstack() {
            String url = "https://acme-123456789012.codeartifact.us-east-1.on.aws/maven/releases/";
            assertThat(CodeArtifactUrl.parse(url)).contains(
                    new CodeArtifactUrl(url, "acme", "123456789012", "us-east-1", "releases", true));
            assertThat(CodeArtifactUrl.parse("https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/"
                    + "releases/").orElseThrow().dualStack()).isFalse();
        }

        @Test
        void a_dual_stack_endpoint_with_a_hyphenated_domain_a_port_and_no_trailing_slash() {
            assertThat(CodeArtifactUrl.parse(
                    "https://my-team-2-123456789012.codeartifact.eu-west-1.on.aws:8443/maven/libs-snapshots"))
                    .hasValueSatisfying(u -> {
                        assertThat(u.domain()).isEqualTo("my-team-2");
                        assertThat(u.owner()).isEqualTo("123456789012");
                        assertThat(u.region()).isEqualTo("eu-west-1");
                        assertThat(u.repository()).isEqualTo("libs-snapshots");
                        assertThat(u.dualStack()).isTrue();
                    });
        }

        @Test
        void a_dual_stack_endpoint_with_an_upper_case_host_but_keeps_the_repository_as_written() {
            assertThat(CodeArtifactUrl.parse(" HTTPS://ACME-123456789012.CodeArtifact.US-EAST-1.ON.AWS/maven/Releases/ "))
                    .hasValueSatisfying(u -> {
                        assertThat(u.domain()).isEqualTo("acme");
                        assertThat(u.region()).isEqualTo("us-east-1");
                        assertThat(u.repository()).isEqualTo("Releases");
                        assertThat(u.dualStack()).isTrue();
                    });
        }

        @Test
        void describes_where_it_is_for_messages() {
            assertThat(CodeArtifactUrl.parse(
                    "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/").orElseThrow()
                    .describe()).isEqualTo("repository releases in domain acme (owner 123456789012, region us-east-1)");
        }
    }

    @Nested
    class DoesNotRecognise {

        @ParameterizedTest
        @ValueSource(strings = {
                "https://repo.maven.apache.org/maven2/",
                "http://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-12345678901.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-1234567890123x.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://1acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme--123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/npm/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/com/acme/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com.evil.example/maven/releases/",
                "https://acme-123456789012.d.codeartifact.useast1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.dkr.ecr.us-east-1.amazonaws.com/maven/releases/",
                "https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/acme-123456789012/releases/",
                "https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/npm/d/acme-123456789012/releases/",
                "https://vpce-0dc4daf7fca331ed6.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-123456789012/releases/",
                // dual-stack look-alikes: the IPv4 host's d label with the dual-stack zone and the other way round,
                // the API's dual-stack zone, http, another zone after it, a path below the repository, no domain, npm
                "https://acme-123456789012.d.codeartifact.us-east-1.on.aws/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.api.aws/maven/releases/",
                "http://acme-123456789012.codeartifact.us-east-1.on.aws/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.on.aws.evil.example/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.on.aws/maven/releases/com/acme/",
                "https://123456789012.codeartifact.us-east-1.on.aws/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.on.aws/npm/releases/",
                "https://acme-123456789012.codeartifact.useast1.on.aws/maven/releases/",
                "file:///tmp/repo",
                ""})
        void other_urls(String url) {
            assertThat(CodeArtifactUrl.recognises(url)).isFalse();
        }

        @Test
        void a_domain_longer_than_fifty_characters() {
            String domain = "a".repeat(51);
            assertThat(CodeArtifactUrl.recognises("https://" + domain
                    + "-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/")).isFalse();
            assertThat(CodeArtifactUrl.recognises("https://" + domain.substring(1)
                    + "-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/")).isTrue();
        }

        @Test
        void nothing() {
            assertThat(CodeArtifactUrl.parse(null)).isEmpty();
            assertThat(CodeArtifact.recognises(null)).isFalse();
        }
    }

    /** A URL that names a CodeArtifact host in a form {@code parse} does not accept: warned of, and its 401 explained. */
    @Nested
    class NamesACodeArtifactHostUnrecognised {

        @ParameterizedTest
        @ValueSource(strings = {
                "http://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/npm/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com:8443/maven/releases/com/acme/",
                "https://acme-12345678901.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.d.codeartifact.us-east-1.on.aws/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://aws:token@ACME-123456789012.D.CODEARTIFACT.US-EAST-1.AMAZONAWS.COM/repository/releases/",
                "https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/acme-123456789012/releases/"})
        void a_codeartifact_label_in_the_host_of_a_url_it_does_not_parse(String url) {
            assertThat(CodeArtifactUrl.recognises(url)).isFalse();
            assertThat(CodeArtifactUrl.namesCodeArtifactHostUnrecognised(url)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/releases/",
                "https://acme-123456789012.codeartifact.us-east-1.on.aws/maven/releases/",
                "https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-123456789012/releases/",
                "https://repo.maven.apache.org/maven2/",
                "https://nexus.example.com/repository/codeartifact.mirror/",
                "https://mycodeartifact.example.com/maven/releases/",
                "https://codeartifact:secret@nexus.example.com/repository/releases/",
                "file:///tmp/codeartifact.repo/",
                "not a url",
                ""})
        void not_a_recognised_url_nor_another_host(String url) {
            assertThat(CodeArtifactUrl.namesCodeArtifactHostUnrecognised(url)).isFalse();
        }

        @Test
        void nothing() {
            assertThat(CodeArtifactUrl.namesCodeArtifactHostUnrecognised(null)).isFalse();
        }
    }
}
