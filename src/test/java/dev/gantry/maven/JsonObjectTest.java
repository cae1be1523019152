package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What Gantry's own JSON writer writes must read back, as any consumer of release.json reads it, to what was put. */
class JsonObjectTest {

    @Test
    void aFailureMessageReadsBackExactly() throws Exception {
        String message = "Version \"1.4.0\" on branch 'main':\n\tthe tag v1.4.0 is on C:\\builds\\x \u0001 (déjà vu) ✓";
        JsonObject report = new JsonObject().put("status", "failed").put("dryRun", false).putNull("image");
        report.putObject("failure").put("message", message);
        report.putArray("gitTags").addObject().put("name", "v1.4.0").put("outcome", "pushed");

        JsonNode read = new ObjectMapper().readTree(report.toString());

        assertThat(read.path("failure").path("message").asText()).isEqualTo(message);
        assertThat(read.path("status").asText()).isEqualTo("failed");
        assertThat(read.path("dryRun").isBoolean()).isTrue();
        assertThat(read.path("image").isNull()).isTrue();
        assertThat(read.path("gitTags").get(0).path("outcome").asText()).isEqualTo("pushed");
    }

    @Test
    void emptyObjectsAndArraysAreValidJson() throws Exception {
        JsonObject report = new JsonObject();
        report.putObject("artifacts");
        report.putArray("gitTags");

        JsonNode read = new ObjectMapper().readTree(report.toString());

        assertThat(read.path("artifacts").isObject()).isTrue();
        assertThat(read.path("gitTags").isArray()).isTrue();
        assertThat(read.path("gitTags")).isEmpty();
    }
}
