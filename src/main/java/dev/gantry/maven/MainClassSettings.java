package dev.gantry.maven;

import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The main class settings a Maven project carries besides Gantry's own, after interpolation: the {@code start-class}
 * property (Spring Boot's convention), the maven-jar-plugin's {@code <archive><manifest><mainClass>}, the Main-Class
 * maven-shade-plugin writes, and the
 * {@code exec.mainClass} property (exec-maven-plugin's, Micronaut's convention). Maven
 * interpolates the model when it reads it; a {@code ${…}} left over may name a property set later in the build (as the jar
 * plugin would see it at {@code package}), so it is resolved again here from the user, project and system properties.
 * What stays unresolved is passed on as is: the image core ignores it, and its log says so.
 */
final class MainClassSettings {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    private MainClassSettings() {
    }

    static String startClass(MavenProject project, MavenSession session) {
        return interpolate(project.getProperties().getProperty("start-class"), properties(project, session));
    }

    /**
     * The {@code exec.mainClass} property: the class exec-maven-plugin's {@code exec:java} runs, which Micronaut's
     * parent and generated projects (and many others run with {@code mvn exec:java}) name the application by; given on
     * the command line ({@code -Dexec.mainClass}) or in the POM.
     */
    static String execMainClass(MavenProject project, MavenSession session) {
        return execMainClass(properties(project, session));
    }

    /** @param sources the user, project and system properties, in that order */
    static String execMainClass(Properties... sources) {
        return interpolate(lookup("exec.mainClass", sources[0], sources[1]), sources);
    }

    /** {@code <archive><manifest><mainClass>} of the maven-jar-plugin, as jib-maven-plugin reads it. */
    static String jarPluginMainClass(MavenProject project, MavenSession session) {
        Plugin jar = project.getPlugin("org.apache.maven.plugins:maven-jar-plugin");
        if (jar == null || !(jar.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom archive = configuration.getChild("archive");
        Xpp3Dom manifest = archive == null ? null : archive.getChild("manifest");
        Xpp3Dom main = manifest == null ? null : manifest.getChild("mainClass");
        return main == null ? null : interpolate(main.getValue(), properties(project, session));
    }

    /**
     * The Main-Class maven-shade-plugin writes into the shaded jar's manifest: its ManifestResourceTransformer's
     * {@code <mainClass>}, or {@code <manifestEntries><Main-Class>}, in the configuration of an execution of its
     * {@code shade} goal (or the plugin's own). What {@code java -jar} runs, so what the image starts. The other
     * entries the transformer adds (vert.x's {@code Main-Verticle}, {@code Add-Opens}) are not in the image, which is
     * built from the classes, not from the shaded jar: said with a warning, as a launcher that reads them would not
     * find them.
     */
    static String shadePluginMainClass(MavenProject project, MavenSession session, GantryLog log) {
        return shadePluginMainClass(project, log, properties(project, session));
    }

    /** @param sources the user, project and system properties, in that order */
    static String shadePluginMainClass(MavenProject project, GantryLog log, Properties... sources) {
        Plugin shade = project.getPlugin("org.apache.maven.plugins:maven-shade-plugin");
        if (shade == null) {
            return null;
        }
        // each execution's, in which Maven's model has merged the plugin's own; the plugin's only when none binds shade
        List<Object> configurations = new ArrayList<>();
        shade.getExecutions().stream().filter(e -> e.getGoals().contains("shade"))
                .forEach(e -> configurations.add(e.getConfiguration()));
        if (configurations.isEmpty()) {
            configurations.add(shade.getConfiguration());
        }
        for (Object configuration : configurations) {
            Xpp3Dom transformers = configuration instanceof Xpp3Dom dom ? dom.getChild("transformers") : null;
            for (Xpp3Dom transformer : transformers == null ? new Xpp3Dom[0] : transformers.getChildren()) {
                String implementation = transformer.getAttribute("implementation");
                if (implementation == null || !implementation.endsWith(".ManifestResourceTransformer")) {
                    continue;
                }
                Xpp3Dom main = transformer.getChild("mainClass");
                Xpp3Dom entries = transformer.getChild("manifestEntries");
                Xpp3Dom entry = entries == null ? null : entries.getChild("Main-Class");
                List<String> others = entries == null ? List.of() : Arrays
                        .stream(entries.getChildren()).map(Xpp3Dom::getName).filter(n -> !n.equals("Main-Class")).toList();
                if (!others.isEmpty()) {
                    log.warn(Refusals.shadeManifestEntriesNotInImage(project.getArtifactId(), others));
                }
                String value = main != null ? main.getValue() : entry == null ? null : entry.getValue();
                if (value != null && !value.isBlank()) {
                    return interpolate(value, sources);
                }
            }
        }
        return null;
    }

    /** Where a property is looked up, first found wins, as Maven does: user (-D), project, then system properties. */
    private static Properties[] properties(MavenProject project, MavenSession session) {
        return new Properties[] {session.getUserProperties(), project.getProperties(), session.getSystemProperties()};
    }

    /** The value with each {@code ${name}} that a source defines replaced; null for a blank value. */
    static String interpolate(String value, Properties... sources) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(value.strip());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = lookup(m.group(1), sources);
            m.appendReplacement(out, Matcher.quoteReplacement(resolved == null ? m.group() : resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lookup(String name, Properties... sources) {
        for (Properties source : sources) {
            String value = source.getProperty(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
