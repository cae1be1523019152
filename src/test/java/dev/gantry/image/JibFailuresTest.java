package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.NonRepeatableRequestException;
import org.junit.jupiter.api.Test;

class JibFailuresTest {

    @Test
    void a_failure_without_a_message_is_told_by_its_kind_and_its_cause_s_message_never_as_null() {
        // what Jib's Apache client throws for an upload a proxy answered 407 (found behind tinyproxy)
        Exception failure = new ClientProtocolException(
                new NonRepeatableRequestException("Cannot retry request with a non-repeatable request entity"));

        assertThat(JibFailures.detail(failure))
                .isEqualTo("ClientProtocolException: Cannot retry request with a non-repeatable request entity");
        assertThat(JibFailures.detail(new IOException((String) null))).isEqualTo("IOException");
        assertThat(JibFailures.detail(new IOException("Connection refused"))).isEqualTo("Connection refused");
    }

    @Test
    void the_host_of_the_request_a_failure_names_tells_docker_hub_from_a_cache_of_it() {
        assertThat(JibFailures.requestHost("429 Too Many Requests, GET https://registry-1.docker.io/v2/library/"
                + "eclipse-temurin/manifests/sha256:ab")).contains("registry-1.docker.io");
        // an ECR pull-through cache whose prefix is docker.io: not Docker Hub
        assertThat(JibFailures.requestHost("429 , GET https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/"
                + "docker.io/library/eclipse-temurin/manifests/21-jre")).contains("123456789012.dkr.ecr.eu-west-1"
                + ".amazonaws.com");
        assertThat(JibFailures.requestHost("429 , POST http://127.0.0.1:5000/v2/orders/blobs/uploads/"))
                .contains("127.0.0.1:5000");
        assertThat(JibFailures.requestHost("Connection reset")).isEmpty();
    }
}
