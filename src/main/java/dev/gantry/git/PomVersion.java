package dev.gantry.git;

import dev.gantry.release.GantryLog;
import dev.gantry.release.ReleaseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The project version written in one pom.xml, read without building the model (the POM of a past commit has no
 * reactor, no parent on disk, no settings): {@code <version>}, else {@code <parent><version>}, with
 * {@code ${property}} references resolved from the POM's own {@code <properties>} — which covers CI-friendly
 * versions ({@code ${revision}}). A version that still holds an unresolved reference is unknown.
 */
public final class PomVersion {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_DEPTH = 10;

    private PomVersion() {
    }

    /**
     * @return the version, or empty when the POM has none or it cannot be resolved from the POM alone
     * @throws IOException when the bytes are not a readable POM
     */
    public static Optional<String> read(byte[] pom) throws IOException {
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
        return resolve(version.trim(), model.getProperties(), 0);
    }

    /**
     * The version at the commit's first parent, which the plan only reports and compares with ({@code previousVersion}):
     * when that POM does not parse (the commit being built may be the one that repairs it), there is none, as in a
     * shallow clone, and a warning says why; refusing would fail the very commit that fixes the POM.
     */
    static Optional<String> atFirstParent(byte[] pom, String path, String commit, GantryLog log) {
        try {
            return read(pom);
        } catch (IOException e) {
            log.warn(path + " at the parent commit " + ReleaseContext.shorten(commit) + " is not a readable POM ("
                    + e.getMessage() + "): there is no previous version to compare with (plan.json's previousVersion "
                    + "is null).");
            return Optional.empty();
        }
    }

    private static Optional<String> resolve(String text, Properties properties, int depth) {
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
            String value = properties.getProperty(m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value.trim()));
        }
        m.appendTail(resolved);
        return resolve(resolved.toString(), properties, depth + 1);
    }
}
