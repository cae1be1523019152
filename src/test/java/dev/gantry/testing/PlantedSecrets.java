package dev.gantry.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fake secrets the tests plant (the stand-ins' AWS secret key, the tokens they issue, the registry and repository
 * passwords of {@code src/it/settings.xml}) all contain {@link #MARKER}, so that one scan of everything the build wrote
 * finds any of them: plain, or base64-encoded inside a {@code Basic} header or an ECR token ({@code AWS:<password>}).
 */
public final class PlantedSecrets {

    /** In every planted secret, and in nothing else: letters and dashes, so that URL encoding leaves it as it is. */
    public static final String MARKER = "gantry-planted-secret";

    private PlantedSecrets() {
    }

    /**
     * What to look for: the marker, and the three ways it reads once base64-encoded, depending on where it starts in
     * the encoded text (a base64 character carries 6 bits, so only the characters wholly inside the marker are fixed).
     */
    public static List<String> needles() {
        List<String> needles = new ArrayList<>(List.of(MARKER));
        for (int offset = 0; offset < 3; offset++) {
            byte[] text = ("x".repeat(offset) + MARKER).getBytes(StandardCharsets.US_ASCII);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(text);
            int skip = (offset * 8 + 5) / 6; // characters that hold bits of the bytes before the marker
            int keep = (text.length * 8) / 6; // characters wholly made of the text's bits
            needles.add(encoded.substring(skip, keep));
        }
        return needles;
    }
}
