package dev.gantry.maven;

import dev.gantry.image.JibPluginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The image settings in a module's jib-maven-plugin configuration ({@link JibPluginSettings}), read as Jib reads them:
 * a {@code jib.*} property (given with {@code -D} or in the module's {@code <properties>}) before the configuration,
 * which is what {@code mvn jib:build} uses. Written by hand: no library reads Jib's configuration outside Jib's own mojo.
 */
final class JibPluginConfiguration {

    private JibPluginConfiguration() {
    }

    /**
     * The settings of the module's jib-maven-plugin: declared in its build (in its POM or a parent's), or only in a
     * {@code <pluginManagement>} of the module's POM or of a parent POM in the reactor (the team's own files, where a
     * team configures Jib for its services' {@code mvn jib:build}); empty when neither. A parent from a repository is
     * not read for {@code <pluginManagement>} alone: a framework's parent configures Jib there for every service built
     * on it ({@code micronaut-parent} its extension), whether or not the service ever used Jib.
     *
     * @param reactor the projects of this build
     */
    static Optional<JibPluginSettings> settings(MavenProject module, List<MavenProject> reactor,
            Properties buildProperties) {
        Plugin plugin = module.getPlugin(OtherImagePushers.JIB.key());
        if (plugin == null && managedInTheReactor(module, reactor)) {
            plugin = module.getPluginManagement().getPluginsAsMap().get(OtherImagePushers.JIB.key());
        }
        if (plugin == null) {
            return Optional.empty();
        }
        Settings read = new Settings(configuration(plugin), module, buildProperties);
        Optional<String> from = read.text("jib.from.image", "from", "image");
        return Optional.of(new JibPluginSettings(
                from.filter(f -> !notFromARegistry(f)).orElse(null),
                read.platforms(),
                read.text("jib.container.mainClass", "container", "mainClass").orElse(null),
                read.list("jib.container.jvmFlags", "container", "jvmFlags").orElse(List.of()),
                read.list("jib.container.args", "container", "args").orElse(List.of()),
                read.map("jib.container.environment", "container", "environment"),
                read.list("jib.container.ports", "container", "ports").orElse(List.of()),
                read.map("jib.container.labels", "container", "labels"),
                read.text("jib.container.user", "container", "user").orElse(null),
                read.text("jib.container.workingDirectory", "container", "workingDirectory").orElse(null),
                read.text("jib.container.appRoot", "container", "appRoot").orElse(null),
                read.extraDirectories(),
                withoutEquivalent(read, from)));
    }

    /** Whether the module's POM, or a parent POM of it in the reactor, declares Jib in its {@code <pluginManagement>}. */
    private static boolean managedInTheReactor(MavenProject module, List<MavenProject> reactor) {
        if (module.getPluginManagement() == null) {
            return false;
        }
        for (MavenProject pom = module; pom != null && reactor.contains(pom); pom = pom.getParent()) {
            Build own = pom.getOriginalModel() == null ? null : pom.getOriginalModel().getBuild();
            if (own != null && own.getPluginManagement() != null && own.getPluginManagement().getPlugins().stream()
                    .anyMatch(p -> OtherImagePushers.JIB.key().equals(p.getGroupId() + ":" + p.getArtifactId()))) {
                return true;
            }
        }
        return false;
    }

    /** Jib's base from a Docker daemon or a tar file: Gantry pulls its base from a registry only. */
    private static boolean notFromARegistry(String from) {
        return from.startsWith("docker://") || from.startsWith("tar://");
    }

    /** The settings Gantry has no equivalent of, each named with its property where Jib has one, and what it holds. */
    private static Map<String, String> withoutEquivalent(Settings read, Optional<String> from) {
        Map<String, String> settings = new LinkedHashMap<>();
        from.filter(JibPluginConfiguration::notFromARegistry).ifPresent(v -> settings.put("<from><image> (jib.from.image)",
                v + " (Gantry pulls its base from a registry)"));
        read.list("jib.container.entrypoint", "container", "entrypoint").ifPresent(
                v -> settings.put("<container><entrypoint> (jib.container.entrypoint)", String.join(" ", v)));
        read.list("jib.container.volumes", "container", "volumes").ifPresent(
                v -> settings.put("<container><volumes> (jib.container.volumes)", String.join(", ", v)));
        read.list("jib.container.extraClasspath", "container", "extraClasspath").ifPresent(
                v -> settings.put("<container><extraClasspath> (jib.container.extraClasspath)", String.join(", ", v)));
        read.text("jib.containerizingMode", "containerizingMode").filter(v -> !"exploded".equals(v)).ifPresent(
                v -> settings.put("<containerizingMode> (jib.containerizingMode)", v));
        read.text("jib.container.expandClasspathDependencies", "container", "expandClasspathDependencies")
                .filter(Boolean::parseBoolean).ifPresent(v -> settings.put(
                        "<container><expandClasspathDependencies> (jib.container.expandClasspathDependencies)", v));
        read.permissions().ifPresent(v -> settings.put("<extraDirectories><permissions> (jib.extraDirectories.permissions)",
                v + " (Gantry gives a file of its extraDirectory 755 when git has it executable: git update-index "
                        + "--chmod=+x <file>; every other file 644)"));
        read.filteredExtraDirectories().ifPresent(
                v -> settings.put("<extraDirectories><paths><path><includes>/<excludes>", v));
        read.extensions().ifPresent(v -> settings.put("<pluginExtensions>", v));
        return settings;
    }

    /**
     * The configuration of the plugin's first execution of {@code build}, else of its {@code default-cli} execution
     * (what {@code mvn jib:build} runs with), else the plugin's own. Maven's model has merged the plugin's own into each
     * execution's; a team that bound Jib to a phase often configured the execution, and turned off with phase none it
     * still says what image the team built.
     */
    private static Xpp3Dom configuration(Plugin plugin) {
        Optional<Xpp3Dom> execution = Stream.concat(
                        plugin.getExecutions().stream().filter(e -> e.getGoals().contains("build")),
                        plugin.getExecutions().stream().filter(e -> "default-cli".equals(e.getId())))
                .findFirst().map(PluginExecution::getConfiguration).filter(Xpp3Dom.class::isInstance)
                .map(Xpp3Dom.class::cast);
        return execution.orElse(plugin.getConfiguration() instanceof Xpp3Dom dom ? dom : new Xpp3Dom("configuration"));
    }

    /**
     * Reads one module's settings: a property first (Jib's lists and maps as comma-separated {@code a,b} and
     * {@code k=v,k2=v2}), then the element; a value still holding {@code ${…}} counts as unset: which value Jib would
     * have built with is not known, and a refusal on a guess would be worse than none.
     */
    private record Settings(Xpp3Dom configuration, MavenProject module, Properties buildProperties) {

        Optional<String> text(String property, String... path) {
            Optional<String> fromProperty = property(property);
            if (fromProperty.isPresent()) {
                return fromProperty;
            }
            return element(path).map(Xpp3Dom::getValue).map(String::strip).filter(Settings::resolved);
        }

        Optional<List<String>> list(String property, String... path) {
            Optional<String> fromProperty = property(property);
            if (fromProperty.isPresent()) {
                return Optional.of(items(fromProperty.get()));
            }
            return element(path).map(e -> Arrays.stream(e.getChildren()).map(Xpp3Dom::getValue)
                    .map(v -> v == null ? "" : v.strip()).filter(Settings::resolved).toList())
                    .filter(l -> !l.isEmpty());
        }

        Map<String, String> map(String property, String... path) {
            Map<String, String> map = new LinkedHashMap<>();
            Optional<String> fromProperty = property(property);
            if (fromProperty.isPresent()) {
                for (String entry : items(fromProperty.get())) {
                    int equals = entry.indexOf('=');
                    if (equals > 0) {
                        map.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
                    }
                }
                return map;
            }
            element(path).ifPresent(e -> {
                for (Xpp3Dom child : e.getChildren()) {
                    String value = child.getValue() == null ? "" : child.getValue();
                    if (resolved(value)) {
                        map.put(child.getName(), value);
                    }
                }
            });
            return map;
        }

        /** {@code <from><platforms><platform><os>…</os><architecture>…</architecture>}, as {@code os/architecture}. */
        List<String> platforms() {
            Optional<List<String>> fromProperty = property("jib.from.platforms").map(Settings::items);
            if (fromProperty.isPresent()) {
                return fromProperty.get();
            }
            List<String> platforms = new ArrayList<>();
            element("from", "platforms").ifPresent(e -> {
                for (Xpp3Dom platform : e.getChildren()) {
                    Xpp3Dom os = platform.getChild("os");
                    Xpp3Dom architecture = platform.getChild("architecture");
                    platforms.add((os == null || os.getValue() == null ? "linux" : os.getValue().strip()) + "/"
                            + (architecture == null || architecture.getValue() == null ? "amd64"
                                    : architecture.getValue().strip()));
                }
            });
            return platforms;
        }

        /**
         * {@code <extraDirectories><paths>}: each {@code <path>} a directory, or a {@code <from>} and {@code <into>};
         * relative to the module's directory; those that exist.
         */
        List<JibPluginSettings.ExtraDirectory> extraDirectories() {
            List<JibPluginSettings.ExtraDirectory> directories = new ArrayList<>();
            Optional<String> fromProperty = property("jib.extraDirectories.paths");
            if (fromProperty.isPresent()) {
                for (String path : items(fromProperty.get())) {
                    extraDirectory(path, "/").ifPresent(directories::add);
                }
                return directories;
            }
            element("extraDirectories", "paths").ifPresent(e -> {
                if (e.getChildCount() == 0 && e.getValue() != null) {
                    // <paths>src/main/jib</paths>, as JHipster writes it: Maven splits a list given as text on commas,
                    // and hands Jib each part untrimmed (" conf" is no directory Jib would find)
                    for (String path : e.getValue().split(",", -1)) {
                        if (resolved(path)) {
                            extraDirectory(path, "/").ifPresent(directories::add);
                        }
                    }
                }
                for (Xpp3Dom path : e.getChildren()) {
                    Xpp3Dom from = path.getChild("from");
                    Xpp3Dom into = path.getChild("into");
                    String directory = from != null ? from.getValue() : path.getValue();
                    if (directory != null && resolved(directory.strip())) {
                        extraDirectory(directory.strip(), into == null || into.getValue() == null ? "/"
                                : into.getValue().strip()).ifPresent(directories::add);
                    }
                }
            });
            return directories;
        }

        /** {@code <extraDirectories><permissions>}: each file and its mode, as {@code /file=755}. */
        Optional<String> permissions() {
            Optional<String> fromProperty = property("jib.extraDirectories.permissions");
            if (fromProperty.isPresent()) {
                return fromProperty;
            }
            return element("extraDirectories", "permissions").map(e -> Arrays.stream(e.getChildren())
                            .map(p -> value(p, "file") + "=" + value(p, "mode")).toList())
                    .filter(l -> !l.isEmpty()).map(l -> String.join(", ", l));
        }

        /** The extra directories copied in part ({@code <includes>}, {@code <excludes>}): Gantry copies all of one. */
        Optional<String> filteredExtraDirectories() {
            return element("extraDirectories", "paths").map(e -> Arrays.stream(e.getChildren())
                            .filter(p -> p.getChild("includes") != null || p.getChild("excludes") != null)
                            .map(p -> p.getChild("from") != null ? value(p, "from") : String.valueOf(p.getValue()).strip())
                            .toList())
                    .filter(l -> !l.isEmpty()).map(l -> String.join(", ", l));
        }

        /** {@code <pluginExtensions>}: each extension's implementation class. */
        Optional<String> extensions() {
            return element("pluginExtensions").map(e -> Arrays.stream(e.getChildren())
                            .map(x -> value(x, "implementation")).toList())
                    .filter(l -> !l.isEmpty()).map(l -> String.join(", ", l));
        }

        private static String value(Xpp3Dom parent, String child) {
            return GantrySettings.setting(parent, child).orElse("");
        }

        /**
         * A list property's items as Jib splits them: on each comma, except one escaped as {@code \,} (a JVM flag
         * {@code -Dprofiles=a\,b}), which stays a comma in the item; each item stripped, empty ones dropped.
         */
        static List<String> items(String property) {
            List<String> items = new ArrayList<>();
            StringBuilder item = new StringBuilder();
            for (int i = 0; i < property.length(); i++) {
                char c = property.charAt(i);
                if (c == '\\' && i + 1 < property.length() && property.charAt(i + 1) == ',') {
                    item.append(',');
                    i++;
                } else if (c == ',') {
                    items.add(item.toString());
                    item.setLength(0);
                } else {
                    item.append(c);
                }
            }
            items.add(item.toString());
            return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** A directory that does not exist adds nothing to Jib's image: it is left out, as Jib leaves it. */
        private Optional<JibPluginSettings.ExtraDirectory> extraDirectory(String written, String into) {
            Path path = ProjectDirectory.of(module).resolve(written).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? Optional.of(new JibPluginSettings.ExtraDirectory(path, written, into))
                    : Optional.empty();
        }

        private Optional<String> property(String name) {
            String value = buildProperties.getProperty(name, module.getProperties().getProperty(name));
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty() && resolved(v));
        }

        private Optional<Xpp3Dom> element(String... path) {
            Xpp3Dom at = configuration;
            for (String name : path) {
                at = at.getChild(name);
                if (at == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(at);
        }

        private static boolean resolved(String value) {
            return !value.contains("${");
        }
    }
}
