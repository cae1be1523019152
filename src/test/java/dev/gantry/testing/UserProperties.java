package dev.gantry.testing;

import java.util.Properties;

/** A build's user properties as {@code -Dname=value} options give them, for tests of what Gantry reads from them. */
public final class UserProperties {

    private UserProperties() {
    }

    /** @param nameValues name, value, name, value … */
    public static Properties of(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + nameValues.length + " strings given");
        }
        Properties properties = new Properties();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.setProperty(nameValues[i], nameValues[i + 1]);
        }
        return properties;
    }
}
