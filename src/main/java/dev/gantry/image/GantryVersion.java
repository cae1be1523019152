package dev.gantry.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The plugin's own version, as Maven's jar plugin records it in the jar ({@code pom.properties}): what the image's
 * history names as the tool that built it ({@code created_by: gantry:0.1.0}, as jib-maven-plugin writes its own) and
 * what the registry look-ups' User-Agent says. "unknown" when the classes run outside the jar (the unit tests).
 */
final class GantryVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.gantry/gantry-maven-plugin/pom.properties";
    static final String VERSION = read();

    private GantryVersion() {
    }

    private static String read() {
        try (InputStream in = GantryVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
