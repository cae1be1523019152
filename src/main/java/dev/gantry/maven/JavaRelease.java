package dev.gantry.maven;

import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Java release a module is compiled for, as maven-compiler-plugin is told: its {@code release}, else its
 * {@code target} ({@code 1.8} is 8), in the plugin's configuration or its {@code default-compile} execution's, else the
 * properties it reads ({@code maven.compiler.release}, {@code maven.compiler.target}); 0 when none says. The model is
 * interpolated by then: Spring Boot's {@code ${java.version}} reads as its value.
 */
final class JavaRelease {

    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

    private JavaRelease() {
    }

    static int of(MavenProject project) {
        Plugin compiler = project.getPlugin(COMPILER);
        Stream<Object> configurations = compiler == null ? Stream.empty() : Stream.concat(
                compiler.getExecutions().stream().filter(e -> e.getId().equals("default-compile"))
                        .map(PluginExecution::getConfiguration),
                Stream.of(compiler.getConfiguration()));
        for (Object configuration : configurations.toList()) {
            for (String name : new String[] {"release", "target"}) {
                Xpp3Dom setting = configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
                int release = setting == null ? 0 : parse(setting.getValue());
                if (release > 0) {
                    return release;
                }
            }
        }
        for (String property : new String[] {"maven.compiler.release", "maven.compiler.target"}) {
            int release = parse(project.getProperties().getProperty(property));
            if (release > 0) {
                return release;
            }
        }
        return 0;
    }

    /** {@code 21} is 21, {@code 1.8} is 8; anything else (an unresolved {@code ${…}}) 0. */
    static int parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        return v.matches("\\d{1,3}") ? Integer.parseInt(v) : 0;
    }
}
