package dev.gantry.release;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the project's version is set, for a refusal to say what to change: {@code <version>} in pom.xml, or, for a
 * CI-friendly version ({@code <version>${revision}</version>}), the properties it is made of and where each one comes
 * from. "Set <version>1.2.3</version> in pom.xml" misleads a project whose version is {@code -Drevision=1.2.3} in its
 * pipeline: editing pom.xml would break it.
 *
 * @param written    the top-level POM's {@code <version>} as written, or null when it is a plain version
 * @param properties the properties {@code written} refers to, in its order; empty for a plain version
 */
public record VersionSetting(String written, List<Property> properties) {

    /** The plain case: a version written in pom.xml. */
    public static final VersionSetting IN_POM = new VersionSetting(null, List.of());

    /**
     * @param name   the property's name ({@code revision})
     * @param value  its value in this build, or null when it has none
     * @param source where the build takes it from, as a user would find it ("-Drevision on the command line")
     */
    public record Property(String name, String value, String source) {
    }

    public VersionSetting {
        properties = List.copyOf(properties);
    }

    /** "in pom.xml", or how the version is made: "(pom.xml's <version> is ${revision}: revision is 1.2.3, …)". */
    public String where() {
        if (properties.isEmpty()) {
            return "in pom.xml";
        }
        return "(pom.xml's <version> is " + written + ": " + properties.stream()
                .map(p -> p.name() + (p.value() == null ? " has no value" : " is '" + p.value() + "'") + ", " + p.source())
                .collect(Collectors.joining("; ")) + ")";
    }

    /**
     * "Set <version>1.4.0</version> in pom.xml"; for a CI-friendly version, the one property to change when one is
     * enough ("Set changelist to '' for the version to read 1.4.0 (pom.xml's <version> is …)"), else "Set the version to
     * 1.4.0 (…)".
     */
    public String setTo(String version) {
        if (properties.isEmpty()) {
            return "Set <version>" + version + "</version> in pom.xml";
        }
        for (Property property : properties) {
            Optional<String> value = valueGiving(property, version);
            if (value.isPresent()) {
                return "Set " + property.name() + " to '" + value.get() + "'"
                        + (value.get().equals(version) ? "" : " for the version to read " + version) + " " + where();
            }
        }
        return "Set the version to " + version + " " + where();
    }

    /** The value of this property, the others as they are, that makes the version read so; empty when none does. */
    private Optional<String> valueGiving(Property property, String version) {
        String[] around = written.split(Pattern.quote("${" + property.name() + "}"), -1);
        if (around.length != 2) {
            return Optional.empty(); // named twice, or not at all
        }
        Optional<String> before = resolved(around[0]);
        Optional<String> after = resolved(around[1]);
        if (before.isEmpty() || after.isEmpty() || version.length() < before.get().length() + after.get().length()
                || !version.startsWith(before.get()) || !version.endsWith(after.get())) {
            return Optional.empty();
        }
        String value = version.substring(before.get().length(), version.length() - after.get().length());
        return value.equals(property.value()) ? Optional.empty() : Optional.of(value);
    }

    /** The text with each property's value in place of its reference; empty when one has none. */
    private Optional<String> resolved(String text) {
        String result = text;
        for (Property property : properties) {
            String reference = "${" + property.name() + "}";
            if (result.contains(reference)) {
                if (property.value() == null) {
                    return Optional.empty();
                }
                result = result.replace(reference, property.value());
            }
        }
        return result.contains("${") ? Optional.empty() : Optional.of(result);
    }

    /** "Set <version> in pom.xml to the form X.Y.Z", or "Set the version (…) to the form X.Y.Z". */
    public String setToThe(String form) {
        return properties.isEmpty() ? "Set <version> in pom.xml to " + form : "Set the version " + where() + " to " + form;
    }
}
