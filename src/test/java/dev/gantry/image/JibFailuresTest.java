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
}
