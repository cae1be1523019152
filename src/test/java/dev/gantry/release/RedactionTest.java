package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void takes_the_user_part_and_the_query_out_of_every_url() {
        assertThat(Redaction.text("GET https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/a/b?"
                + "X-Amz-Security-Token=IQo&X-Amz-Signature=5f2: Connection reset; pushing to "
                + "'https://x-access-token:ghs_123@github.com/o/r.git/' failed"))
                .isEqualTo("GET https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/a/b?(query hidden): "
                        + "Connection reset; pushing to 'https://github.com/o/r.git/' failed");
    }

    /** A password with an unencoded {@code @}: all of it goes, not the part before its first {@code @}. */
    @Test
    void takes_out_a_user_part_whose_password_holds_an_at_sign() {
        assertThat(Redaction.text("pushing to https://ci:p@ss@word@git.example.com/o/r.git failed"))
                .isEqualTo("pushing to https://git.example.com/o/r.git failed");
        assertThat(Redaction.text("see https://git.example.com/o/r@main and mail ops@example.com"))
                .isEqualTo("see https://git.example.com/o/r@main and mail ops@example.com");
    }

    @Test
    void leaves_text_without_a_secret_as_it_is() {
        String text = "Cannot talk to the registry of 127.0.0.1:5000/orders: GET http://127.0.0.1:5000/v2/ answered 503.";
        assertThat(Redaction.text(text)).isSameAs(text);
        assertThat(Redaction.text("a ? in a sentence, and no URL")).isEqualTo("a ? in a sentence, and no URL");
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void a_failure_chain_prints_as_before_less_its_secrets() {
        IOException cause = new IOException("GET https://storage.example/blob?sig=SECRET failed");
        GantryException failure = new GantryException("Cannot talk to the registry", cause);

        Throwable shown = Redaction.chain(failure);

        StringWriter printed = new StringWriter();
        shown.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain("SECRET")
                .contains("dev.gantry.release.GantryException: Cannot talk to the registry")
                .contains("Caused by: java.io.IOException: GET https://storage.example/blob?(query hidden) failed")
                .contains("RedactionTest.a_failure_chain_prints_as_before_less_its_secrets");
        assertThat(Redaction.chain(new IOException("no secret"))).isInstanceOf(IOException.class);
    }

    /** A failure no one expected (the SDK's, Jib's unchecked ones) is rethrown by the goal: its secrets go too. */
    @Test
    void an_unexpected_failure_is_rethrown_less_its_secrets() {
        RuntimeException failure = new IllegalStateException("Unable to load from https://ci:hunter2@repo.example/x",
                new IOException("GET https://bucket.example/l?X-Amz-Signature=SECRET failed"));

        RuntimeException shown = Redaction.unchecked(failure);

        StringWriter printed = new StringWriter();
        shown.printStackTrace(new PrintWriter(printed));
        assertThat(shown.getMessage()).isEqualTo("Unable to load from https://repo.example/x");
        assertThat(printed.toString()).doesNotContain("hunter2").doesNotContain("SECRET")
                .contains("java.lang.IllegalStateException: Unable to load from https://repo.example/x")
                .contains("Caused by: java.io.IOException: GET https://bucket.example/l?(query hidden) failed");
        RuntimeException plain = new IllegalStateException("no secret");
        assertThat(Redaction.unchecked(plain)).isSameAs(plain);
    }
}
