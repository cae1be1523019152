package dev.gantry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtifactPublisherTest {

    @Test
    void clientErrorsAreNotRetriedButTimeoutsAndServerErrorsAre() {
        String prefix = "Failed to deploy artifacts: Could not transfer artifact a:b:jar:1 from/to r (http://r/): status code: ";
        assertThat(ArtifactPublisher.isClientError(prefix + "401, reason phrase: Unauthorized (401)")).isTrue();
        assertThat(ArtifactPublisher.isClientError(prefix + "409, reason phrase: Conflict (409)")).isTrue();
        assertThat(ArtifactPublisher.isClientError(prefix + "429, reason phrase: Too Many Requests (429)")).isFalse();
        assertThat(ArtifactPublisher.isClientError(prefix + "408, reason phrase: Request Timeout (408)")).isFalse();
        assertThat(ArtifactPublisher.isClientError(prefix + "500, reason phrase: Internal Server Error (500)")).isFalse();
        assertThat(ArtifactPublisher.isClientError("Connection reset")).isFalse();
    }

    @Test
    void maven4sWordingOfAnHttpFailureIsReadToo() {
        String failure = "Failed to deploy artifacts: Could not transfer artifact a:b:pom:1 from/to r (http://r/): HTTP Status: ";
        assertThat(ArtifactPublisher.httpStatus(failure + "403")).isEqualTo(403);
        assertThat(ArtifactPublisher.isClientError(failure + "403")).isTrue();
        assertThat(ArtifactPublisher.isClientError(failure + "503")).isFalse();
        assertThat(ArtifactPublisher.httpStatus("Connection reset")).isEqualTo(-1);
    }
}
