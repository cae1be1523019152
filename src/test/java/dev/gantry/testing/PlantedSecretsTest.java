package dev.gantry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlantedSecretsTest {

    @Test
    void aPlantedSecretIsFoundInABasicHeaderWhateverPrecedesIt() {
        for (String user : new String[] {"AWS", "aws", "deployer", "x"}) {
            String header = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    (user + ":eyJ0a1b2-" + PlantedSecrets.MARKER).getBytes(StandardCharsets.UTF_8));
            assertThat(PlantedSecrets.needles()).as(user).anyMatch(header::contains);
        }
    }

    @Test
    void ordinaryBase64IsNotMistakenForOne() {
        String text = Base64.getEncoder().encodeToString("AWS:eyJ0123456789abcdef-gantry-stand-in".getBytes(StandardCharsets.UTF_8));
        assertThat(PlantedSecrets.needles()).noneMatch(text::contains);
    }
}
