package dev.gantry.maven;

import dev.gantry.git.MavenProjectConfig;
import dev.gantry.release.VersionSetting;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * How the top-level POM writes the project's version: a plain {@code <version>}, or a CI-friendly one
 * ({@code ${revision}${changelist}}) whose properties come from the command line, a file of {@code .mvn}, or
 * {@code <properties>}.
 */
final class WrittenVersion {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private WrittenVersion() {
    }

    /**
     * Read when a refusal needs it: the POM file is parsed again, as Maven 4 keeps no model with the version unresolved.
     * {@code pom} is the top-level POM as the plan found it: by deploy, flatten-maven-plugin has made the project's file
     * its flattened POM, the version resolved.
     */
    static VersionSetting of(File pom, MavenProject top, Properties userProperties, MavenProjectConfig config) {
        Optional<Model> read = read(pom);
        if (read.isEmpty()) {
            return VersionSetting.IN_POM; // the plain advice is no worse
        }
        Model written = read.get();
        String version = written.getVersion() != null ? written.getVersion()
                : written.getParent() != null ? written.getParent().getVersion() : null;
        if (version == null || !REFERENCE.matcher(version).find()) {
            return VersionSetting.IN_POM;
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(version);
        while (m.find()) {
            names.add(m.group(1));
        }
        List<VersionSetting.Property> properties = new ArrayList<>();
        for (String name : names) {
            String value = userProperties.getProperty(name, top.getProperties().getProperty(name));
            properties.add(new VersionSetting.Property(name, value, source(name, top, written, userProperties, config)));
        }
        return new VersionSetting(version.trim(), properties);
    }

    /**
     * A POM file as written, not interpolated; empty when it cannot be read, which Maven, having read it already, would
     * have refused.
     */
    static Optional<Model> read(File pom) {
        try (InputStream in = Files.newInputStream(pom.toPath())) {
            return Optional.of(new MavenXpp3Reader().read(in, false));
        } catch (IOException | XmlPullParserException e) {
            return Optional.empty();
        }
    }

    private static String source(String name, MavenProject top, Model written, Properties userProperties,
            MavenProjectConfig config) {
        if (userProperties.containsKey(name)) {
            try {
                return config.fileGiving(name, userProperties).map(file -> "given in .mvn/" + file)
                        .orElse("given with -D" + name + " on the command line");
            } catch (IOException e) {
                return "given with -D" + name + " (on the command line or in .mvn/maven.config)";
            }
        }
        if (written.getProperties().containsKey(name)) {
            return "from the <properties> of pom.xml";
        }
        if (top.getProperties().containsKey(name)) {
            return "from the <properties> of a parent POM or of a profile";
        }
        return "set nowhere";
    }
}
