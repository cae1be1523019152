package dev.gantry.image;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * Which of a module's runtime dependencies (Maven's runtime classpath, as jib-maven-plugin's image holds: no
 * {@code provided} one, which Spring Boot's {@code repackage} would keep) go into its image: the ones Boot puts into
 * its runnable jar, less the configured {@code <excludes>}. Left out, as Boot's {@code AbstractPackagerMojo} and
 * {@code JarTypeFilter} leave them out:
 * <ul>
 *   <li>{@code spring-boot-devtools} and {@code spring-boot-docker-compose} (development-time only);</li>
 *   <li>optional dependencies, and any scope but {@code compile} and {@code runtime} ({@code system}, {@code test});</li>
 *   <li>jars whose manifest says {@code Spring-Boot-Jar-Type: annotation-processor}, {@code dependencies-starter} or
 *       {@code development-tool} (such as {@code spring-boot-configuration-processor} and
 *       {@code spring-boot-autoconfigure-processor}).</li>
 * </ul>
 * The order of the dependencies is kept: it is the classpath's. A dependency that is itself a Spring Boot executable jar
 * (a reactor module that {@code repackage} rewrote) is refused: its classes are under {@code BOOT-INF/}, where no
 * classpath finds them, and the image is built from classes and plain jars only.
 */
public final class ImageDependencies {

    private static final Set<String> DEVELOPMENT_ONLY = Set.of("org.springframework.boot:spring-boot-devtools",
            "org.springframework.boot:spring-boot-docker-compose");
    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
    private static final Set<String> EXCLUDED_JAR_TYPES = Set.of("annotation-processor", "dependencies-starter",
            "development-tool");
    private static final Attributes.Name JAR_TYPE = new Attributes.Name("Spring-Boot-Jar-Type");
    private static final Attributes.Name BOOT_CLASSES = new Attributes.Name("Spring-Boot-Classes");

    /**
     * A resolved dependency as the build tool gives it.
     *
     * @param groupId    the group id
     * @param artifactId the artifact id
     * @param scope      the Maven scope ({@code compile}, {@code runtime}, …); null counts as {@code compile}
     * @param optional   declared {@code <optional>true</optional>}
     * @param file       the jar
     */
    public record Dependency(String groupId, String artifactId, String scope, boolean optional, Path file) {

        String key() {
            return groupId + ":" + artifactId;
        }
    }

    private static final String STARTER = "Spring-Boot-Jar-Type dependencies-starter";

    private final Set<String> excludes;

    /** @param excludes more dependencies to leave out, each {@code groupId:artifactId} */
    public ImageDependencies(List<String> excludes) throws GantryException {
        Set<String> parsed = new LinkedHashSet<>();
        for (String exclude : excludes) {
            String[] parts = exclude == null ? new String[0] : exclude.strip().split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw Refusals.invalidExclude(exclude);
            }
            parsed.add(parts[0].strip() + ":" + parts[1].strip());
        }
        this.excludes = Set.copyOf(parsed);
    }

    /**
     * The dependencies that go into the image: the given objects, in their (classpath) order. Each one left out is logged
     * with why.
     */
    public List<Dependency> select(List<Dependency> dependencies, GantryLog log) throws GantryException {
        List<Dependency> kept = new ArrayList<>();
        int starters = 0;
        for (Dependency dependency : dependencies) {
            Manifest manifest = manifest(dependency.file());
            String reason = exclusionReason(dependency, manifest);
            if (STARTER.equals(reason)) {
                // a Boot service has a dozen starters, all empty jars: one line for them all, each at debug
                starters++;
                log.debug("Left out of the image: " + dependency.key() + " (" + reason + ").");
                continue;
            }
            if (reason != null) {
                log.info("Left out of the image: " + dependency.key() + " (" + reason + ").");
                continue;
            }
            if (manifest != null && manifest.getMainAttributes().containsKey(BOOT_CLASSES)) {
                throw Refusals.repackagedDependency(dependency.key(), dependency.file().toString());
            }
            kept.add(dependency);
        }
        if (starters > 0) {
            log.info("Left out of the image: " + starters + " Spring Boot starter" + (starters == 1 ? "" : "s")
                    + " (empty jars, " + STARTER + "; -X lists them).");
        }
        return List.copyOf(kept);
    }

    private String exclusionReason(Dependency dependency, Manifest manifest) {
        if (excludes.contains(dependency.key())) {
            return "in <excludes>";
        }
        if (DEVELOPMENT_ONLY.contains(dependency.key())) {
            return "development only, as Spring Boot leaves it out of its jar";
        }
        if (dependency.optional()) {
            return "optional";
        }
        String scope = dependency.scope() == null ? "compile" : dependency.scope();
        if (!RUNTIME_SCOPES.contains(scope)) {
            return "scope " + scope;
        }
        String jarType = manifest == null ? null : manifest.getMainAttributes().getValue(JAR_TYPE);
        if (jarType != null && EXCLUDED_JAR_TYPES.contains(jarType)) {
            return "Spring-Boot-Jar-Type " + jarType;
        }
        return null;
    }

    /**
     * The jar's manifest, or null when it has none or cannot be read (then it is an ordinary jar to Boot too). Read from
     * the jar's first entries, where the jar tool, Maven and Gradle write it: opening the jar as a {@link JarFile} reads
     * its whole central directory first, ~0.8 ms a jar in the image goal's fresh JVM (40 ms for a service's 50 jars,
     * before anything is pushed). A jar that keeps its manifest further in is read whole.
     */
    private static Manifest manifest(Path jar) {
        try (JarInputStream start = new JarInputStream(new BufferedInputStream(Files.newInputStream(jar)), false)) {
            Manifest manifest = start.getManifest();
            if (manifest != null) {
                return manifest;
            }
        } catch (IOException e) {
            // unreadable as a stream: JarFile, which reads the central directory, says the last word
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            return null;
        }
    }
}
