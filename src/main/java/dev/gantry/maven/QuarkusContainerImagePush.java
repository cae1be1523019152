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
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
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

    private static final String PROPERTY = "quarkus.container-image.push";
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
        Properties plugin = QuarkusBuild.pluginProperties(module);
        List<Source> sources = List.of(
                new Source(buildProperties::getProperty, (key, value) -> "-D" + key + "=" + value),
                new Source(plugin::getProperty, (key, value) -> "<" + key + ">" + value + "</" + key
                        + "> in quarkus-maven-plugin's configuration"),
                new Source(key -> environment.get(variable(key)), (key, value) -> variable(key) + "=" + value
                        + " in the environment"),
                new Source(application::getProperty, (key, value) -> key + "=" + value + " in "
                        + module.getBasedir().toPath().relativize(file.orElseThrow())),
                new Source(module.getProperties()::getProperty, (key, value) -> "<" + key + ">" + value + "</" + key
                        + "> in the module's <properties>"));
        String profiles = sources.stream().map(source -> source.value().apply(PROFILE))
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse("prod");
        for (Source source : sources) {
            for (String key : keys(profiles)) {
                String value = source.value().apply(key);
                if (value != null) {
                    return Boolean.parseBoolean(value.trim()) ? Optional.of(source.where().apply(key, value.trim()))
                            : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Where Quarkus reads its configuration: a key's value there, and how a message names it set there. */
    private record Source(UnaryOperator<String> value, BinaryOperator<String> where) {
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
