package dev.gantry.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * A Quarkus build that pushes the module's container image itself: it runs Quarkus's build ({@link QuarkusBuild}), it
 * depends on one of Quarkus's container-image extensions (jib, docker, podman, buildpack…), and
 * {@code quarkus.container-image.push} is true where Quarkus reads it. Read in Quarkus's order: {@code -D}, the
 * environment, {@code application.properties}, the POM's {@code <properties>}; in each, the active profile's
 * {@code %profile.} key before the plain one ({@code prod}, which a packaging build runs, unless {@code quarkus.profile}
 * names others, the last of several first); a {@code -D} given in quarkus-maven-plugin's own {@code <properties>} or
 * {@code <systemProperties>} counts as one. {@code application.yaml} is not read.
 *
 * @param where     where the push is switched on: {@code -Dquarkus.container-image.push=true}, …
 * @param extension the container-image extension the module depends on
 */
record QuarkusContainerImagePush(String where, String extension) {

    static final String PROPERTY = "quarkus.container-image.push";
    private static final String PROFILE = "quarkus.profile";
    private static final String EXTENSIONS = "quarkus-container-image-";

    /** The module's Quarkus build, if it pushes. */
    static Optional<QuarkusContainerImagePush> of(MavenProject module, Properties buildProperties,
            Map<String, String> environment) {
        Optional<String> extension = module.getDependencies().stream().map(Dependency::getArtifactId)
                .filter(a -> a.startsWith(EXTENSIONS)).findFirst();
        if (!QuarkusBuild.runs(module) || extension.isEmpty()) {
            return Optional.empty();
        }
        return switchedOn(module, buildProperties, environment).map(where -> new QuarkusContainerImagePush(where,
                extension.get()));
    }

    private static Optional<String> switchedOn(MavenProject module, Properties buildProperties,
            Map<String, String> environment) {
        Optional<Path> file = applicationProperties(module);
        Properties application = file.map(QuarkusContainerImagePush::read).orElseGet(Properties::new);
        List<String> keys = keys(firstOf(buildProperties.getProperty(PROFILE), environment.get(variable(PROFILE)),
                application.getProperty(PROFILE), module.getProperties().getProperty(PROFILE)));
        for (String key : keys) {
            if (buildProperties.getProperty(key) != null) {
                return pushing(buildProperties.getProperty(key), "-D" + key + "=" + buildProperties.getProperty(key).trim());
            }
        }
        Properties plugins = QuarkusBuild.pluginProperties(module);
        for (String key : keys) {
            if (plugins.getProperty(key) != null) {
                return pushing(plugins.getProperty(key), "<" + key + ">" + plugins.getProperty(key).trim() + "</" + key
                        + "> in quarkus-maven-plugin's configuration");
            }
        }
        for (String key : keys) {
            String value = environment.get(variable(key));
            if (value != null) {
                return pushing(value, variable(key) + "=" + value.trim() + " in the environment");
            }
        }
        for (String key : keys) {
            if (application.getProperty(key) != null) {
                return pushing(application.getProperty(key), key + "=" + application.getProperty(key).trim() + " in "
                        + module.getBasedir().toPath().relativize(file.get()));
            }
        }
        for (String key : keys) {
            String value = module.getProperties().getProperty(key);
            if (value != null) {
                return pushing(value, "<" + key + ">" + value.trim() + "</" + key + "> in the module's <properties>");
            }
        }
        return Optional.empty();
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "prod";
    }

    /** The push's keys, most binding first: each active profile's, the last profile named first, then the plain one. */
    private static List<String> keys(String profiles) {
        List<String> keys = new ArrayList<>();
        for (String profile : profiles.split(",")) {
            if (!profile.isBlank()) {
                keys.add("%" + profile.trim() + "." + PROPERTY);
            }
        }
        Collections.reverse(keys);
        keys.add(PROPERTY);
        return keys;
    }

    /** The environment variable Quarkus reads a key from: {@code %prod.a.b-c} is {@code _PROD_A_B_C}. */
    static String variable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Optional<String> pushing(String value, String where) {
        return Boolean.parseBoolean(value.trim()) ? Optional.of(where) : Optional.empty();
    }

    /** The first {@code application.properties} among the module's resource directories. */
    private static Optional<Path> applicationProperties(MavenProject module) {
        for (Resource resource : module.getBuild().getResources()) {
            Path file = Path.of(resource.getDirectory()).resolve("application.properties");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // unreadable here is unreadable to Quarkus's build too, which then fails and says why
        }
        return properties;
    }
}
