package dev.gantry.git;

import java.util.Properties;

/**
 * The user properties a project's {@code .mvn/maven.config} defines ({@code -Dname=value}, {@code --define=name=value}),
 * as Maven reads that file: one argument per line (Maven 3.9 and 4), blank lines and {@code #} comments skipped. A
 * CI-friendly version kept there ({@code -Drevision=1.3.0}) is how a past commit's version can be known: Maven lets
 * these override the POM's {@code <properties>}. Other options in the file are not properties and are ignored.
 */
final class MavenConfigProperties {

    private MavenConfigProperties() {
    }

    static Properties of(String config) {
        Properties properties = new Properties();
        for (String line : config.split("\r?\n")) {
            String argument = line.strip();
            String definition;
            if (argument.startsWith("-D")) {
                definition = argument.substring(2);
            } else if (argument.startsWith("--define=")) {
                definition = argument.substring("--define=".length());
            } else {
                continue;
            }
            int equals = definition.indexOf('=');
            String name = (equals < 0 ? definition : definition.substring(0, equals)).strip();
            if (!name.isEmpty()) {
                // a bare -Dname is "true", as on Maven's command line
                properties.setProperty(name, equals < 0 ? "true" : definition.substring(equals + 1).strip());
            }
        }
        return properties;
    }
}
