package dev.gantry.git;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ReleaseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The project version written in one pom.xml, read without building the model (the POM of a past commit has no
 * reactor, no parent on disk, no settings): {@code <version>}, else {@code <parent><version>}, with
 * {@code ${property}} references resolved as Maven resolves CI-friendly versions ({@code ${revision}}): from the
 * user properties of that commit's {@code .mvn/maven.config} first, then from the POM's own {@code <properties>}. A
 * version that still holds an unresolved reference is unknown.
 */
public final class PomVersion {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_DEPTH = 10;

    private PomVersion() {
    }

    /** The {@code -D} properties of the commit the POM is read from, read only for a version that refers to one. */
    @FunctionalInterface
    interface UserProperties {
        Properties read() throws GantryException;
    }

    /**
     * @return the version, or empty when the POM has none or it cannot be resolved from the POM and user properties
     * @throws IOException when the bytes are not a readable POM
     */
    static Optional<String> read(byte[] pom, UserProperties userProperties) throws IOException, GantryException {
        Model model;
        try {
            model = new MavenXpp3Reader().read(new ByteArrayInputStream(pom), false);
        } catch (XmlPullParserException e) {
            throw new IOException(e.getMessage(), e);
        }
        String version = model.getVersion();
        if (version == null && model.getParent() != null) {
            version = model.getParent().getVersion();
        }
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        version = version.trim();
        if (!REFERENCE.matcher(version).find()) {
            return Optional.of(version);
        }
        Properties user = userProperties.read();
        Properties pomProperties = model.getProperties();
        return resolve(version, name -> user.getProperty(name, pomProperties.getProperty(name)));
    }

    /**
     * The version at the commit's first parent, which the plan only reports and compares with ({@code previousVersion}):
     * when that POM does not parse (the commit being built may be the one that repairs it), there is none, as in a
     * shallow clone, and a warning says why; refusing would fail the very commit that fixes the POM.
     */
    static Optional<String> atFirstParent(byte[] pom, String path, String commit, UserProperties userProperties,
            GantryLog log) throws GantryException {
        try {
            return read(pom, userProperties);
        } catch (IOException e) {
            log.warn(path + " at the parent commit " + ReleaseContext.shorten(commit) + " is not a readable POM ("
                    + e.getMessage() + "): there is no previous version to compare with (plan.json's previousVersion "
                    + "is null).");
            return Optional.empty();
        }
    }

    /** {@code text} with its {@code ${name}} references resolved, nested ones too; empty when one has no value. */
    static Optional<String> resolve(String text, UnaryOperator<String> properties) {
        return resolve(text, properties, 0);
    }

    private static Optional<String> resolve(String text, UnaryOperator<String> properties, int depth) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.find()) {
            return Optional.of(text);
        }
        if (depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        StringBuilder resolved = new StringBuilder();
        m.reset();
        while (m.find()) {
            String value = properties.apply(m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value.trim()));
        }
        m.appendTail(resolved);
        return resolve(resolved.toString(), properties, depth + 1);
    }
}
