package dev.gantry.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * Which module the reactor's image is built from when {@code <imageModule>} does not say: the last module with packaging
 * {@code jar} or {@code quarkus} (the application, which depends on the others) that has source code of its own. A module of integration
 * or end-to-end tests, often listed after the application and depending on it, has only test sources: its image would
 * hold no class of its own, and its build would find no main class. When no module has main sources (all generated,
 * say), the last one is chosen, as before.
 *
 * <p>Every module's image goal asks, each at its own point of the build, so the answer must not depend on what is built
 * yet: only the source directories the POM and Maven's layout name are read, never {@code target/} nor the source roots
 * that plugins add while the build runs (generated sources).
 */
final class ImageModule {

    /** Where a module keeps its main sources by Maven's layout, for the JVM languages that build with Maven plugins. */
    private static final String SKIP_PROPERTY = "gantry.image.skip";
    private static final List<String> MAIN_SOURCES = List.of("src/main/java", "src/main/kotlin", "src/main/groovy",
            "src/main/scala");

    private ImageModule() {
    }

    /**
     * Whether {@code <imageModule>} names the module: its artifactId, or its groupId:artifactId (as the image's
     * {@code dev.gantry.module} label and Maven's {@code -pl} name it; {@code :artifactId} too).
     */
    static boolean named(MavenProject project, String name) {
        String wanted = name.trim();
        int colon = wanted.lastIndexOf(':');
        String groupId = wanted.substring(0, Math.max(colon, 0));
        return project.getArtifactId().equals(wanted.substring(colon + 1))
                && (groupId.isEmpty() || project.getGroupId().equals(groupId));
    }

    /**
     * Whether an image can be built from the module: packaging {@code jar}, or Quarkus's own {@code quarkus}, whose
     * lifecycle runs Quarkus's build at {@code package} ({@link QuarkusBuild}).
     */
    static boolean packagedForImage(MavenProject project) {
        return "jar".equals(project.getPackaging()) || QuarkusBuild.PACKAGING.equals(project.getPackaging());
    }

    /**
     * The modules that would build the image but cannot, by their packaging ({@code war}, {@code ear}, an OSGi
     * {@code bundle}…), each named with it: {@code petclinic (packaging war)}. A {@code pom} module has nothing to build
     * an image from and is no such module; nor is one left out of the release or skipping its image.
     *
     * @param taking the modules whose image goal runs in this build
     */
    static List<String> packagedOtherwise(List<MavenProject> taking, Properties userProperties,
            Properties systemProperties) {
        return taking.stream()
                .filter(p -> !packagedForImage(p) && !"pom".equals(p.getPackaging()) && !GantrySettings.skipped(p)
                        && !skipsImage(p, userProperties, systemProperties))
                .map(p -> p.getArtifactId() + " (packaging " + p.getPackaging() + packagingFrom(p, userProperties) + ")")
                .toList();
    }

    /**
     * Where a packaging written as an expression took its value: Micronaut's POMs write
     * {@code <packaging>${packaging}</packaging>}, for {@code mvn package -Dpackaging=docker}. Empty otherwise.
     */
    private static String packagingFrom(MavenProject project, Properties userProperties) {
        String written = project.getOriginalModel() == null ? null : project.getOriginalModel().getPackaging();
        if (written == null || !written.strip().startsWith("${") || !written.strip().endsWith("}")) {
            return "";
        }
        String property = written.strip().substring(2, written.strip().length() - 1);
        return userProperties.containsKey(property) ? ", from -D" + property + "=" + userProperties.getProperty(property)
                + " on the command line" : ", from the property " + property;
    }

    /**
     * Whether the module's image goal skips its image: {@code gantry.image.skip} as the goal's parameter reads it (a user
     * or system property, {@code -D}, before the module's properties: {@code -Dgantry.image.skip=false} builds the image
     * of a module whose POM sets it), or {@code <skipImage>true</skipImage>} in the plugin's configuration of the module
     * (its own or an execution's). Asked by the plan, so that it promises no image that will not be built.
     */
    static boolean skipsImage(MavenProject project, Properties userProperties, Properties systemProperties) {
        if (Stream.of(userProperties, systemProperties, project.getProperties())
                .map(properties -> properties.getProperty(SKIP_PROPERTY)).filter(Objects::nonNull).findFirst()
                .map(Boolean::parseBoolean).orElse(false)) {
            return true;
        }
        Plugin plugin = project.getPlugin(GantryMojo.PLUGIN_KEY);
        if (plugin == null) {
            return false;
        }
        return Stream.concat(Stream.of(plugin.getConfiguration()), plugin.getExecutions().stream()
                        .filter(e -> e.getGoals().contains("image")).map(PluginExecution::getConfiguration))
                .anyMatch(c -> GantrySettings.setting(c, "skipImage").map(Boolean::parseBoolean).orElse(false));
    }

    /**
     * @param candidates the reactor's jar modules that take part in the image goal, in reactor order
     * @return the last one with main sources of its own, else the last one; null when there is none
     */
    static MavenProject chosenFrom(List<MavenProject> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        // from the last: every module's image goal asks, and usually the last module answers
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (hasMainSources(candidates.get(i))) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /**
     * Whether the module is packaged as a runnable service of its own: Spring Boot's plugin declared in its build (it
     * repackages the jar into an executable one), or Quarkus's packaging. Only said of the other modules of a reactor
     * whose one image is built from another: their being services is what a team would expect to ship.
     */
    static boolean isServiceOfItsOwn(MavenProject module) {
        return QuarkusBuild.PACKAGING.equals(module.getPackaging()) || "jar".equals(module.getPackaging())
                && module.getBuildPlugins().stream().anyMatch(p -> "org.springframework.boot".equals(p.getGroupId())
                        && "spring-boot-maven-plugin".equals(p.getArtifactId()));
    }

    /** Whether a file lies under the module's {@code <sourceDirectory>} or one of Maven's main source directories. */
    static boolean hasMainSources(MavenProject module) {
        Path basedir = ProjectDirectory.of(module);
        Stream<Path> configured = Stream.ofNullable(module.getBuild().getSourceDirectory()).map(basedir::resolve);
        return Stream.concat(configured, MAIN_SOURCES.stream().map(basedir::resolve)).distinct()
                .anyMatch(ImageModule::holdsAFile);
    }

    private static boolean holdsAFile(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.anyMatch(Files::isRegularFile);
        } catch (IOException | UncheckedIOException e) {
            return true; // unreadable: counted as sources rather than passed over on a guess
        }
    }
}
