package dev.gantry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReleaseListingTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    static byte[] metadata(String versioning) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata><groupId>com.acme</groupId><artifactId>orders"
                + "</artifactId><versioning>" + versioning + "</versioning></metadata>").getBytes(StandardCharsets.UTF_8);
    }

    static String listed(byte[] metadata, String version) throws Exception {
        return new String(ReleaseListing.withVersion(metadata, "com.acme", "orders", version, NOW), StandardCharsets.UTF_8);
    }

    @Test
    void tells_a_listed_version_from_one_that_is_not() {
        byte[] metadata = metadata("<versions><version>1.0.0</version><version>1.1.0</version></versions>");

        assertThat(ReleaseListing.lists(metadata, "1.1.0")).isTrue();
        assertThat(ReleaseListing.lists(metadata, "1.1")).isFalse();
        assertThat(ReleaseListing.lists(metadata("<latest>1.2.0</latest>"), "1.2.0")).as("latest is not a listing").isFalse();
        assertThat(ReleaseListing.lists(null, "1.1.0")).isFalse();
        assertThat(ReleaseListing.lists("not xml".getBytes(StandardCharsets.UTF_8), "1.1.0")).isFalse();
    }

    @Test
    void lists_the_newest_version_as_release_and_as_the_latest_the_file_keeps() throws Exception {
        String xml = listed(metadata("<latest>1.0.0</latest><release>1.0.0</release><versions><version>1.0.0</version>"
                + "</versions><lastUpdated>20260101000000</lastUpdated>"), "1.1.0");

        assertThat(xml).contains("<groupId>com.acme</groupId>", "<artifactId>orders</artifactId>",
                "<latest>1.1.0</latest>", "<release>1.1.0</release>",
                "<versions><version>1.0.0</version><version>1.1.0</version></versions>",
                "<lastUpdated>20261127101530</lastUpdated>");
        assertThat(ReleaseListing.lists(xml.getBytes(StandardCharsets.UTF_8), "1.1.0")).isTrue();
    }

    @Test
    void leaves_latest_and_release_on_a_greater_version_already_listed() throws Exception {
        String xml = listed(metadata("<latest>1.2.0</latest><release>1.2.0</release><versions><version>1.2.0</version>"
                + "</versions>"), "1.1.0");

        assertThat(xml).contains("<latest>1.2.0</latest>", "<release>1.2.0</release>",
                "<version>1.2.0</version><version>1.1.0</version>");
    }

    @Test
    void writes_the_file_anew_when_the_repository_has_none() throws Exception {
        String xml = listed(null, "1.1.0");

        assertThat(xml).contains("<metadata><groupId>com.acme</groupId><artifactId>orders</artifactId><versioning>"
                + "<versions><version>1.1.0</version></versions><release>1.1.0</release>"
                + "<lastUpdated>20261127101530</lastUpdated></versioning></metadata>");
    }
}
