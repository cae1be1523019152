package dev.gantry.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.testing.PlantedSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the invoker ITs (in {@code verify}, see the pom): reads every file they left under {@code target/it} and {@code target/it-maven4} —
 * build logs (some at {@code -X}), {@code plan.json}, {@code release.json}, {@code release.env}, the published files,
 * the git remotes — and fails naming the file and line of any secret the ITs planted ({@link PlantedSecrets}).
 *
 * <p>Not read: the files through which the ITs hand the secrets to the build, as a user's machine would —
 * {@link #HANDED_TO_THE_BUILD}; and, in a log, the list that maven-resources-plugin prints at {@code -X} under
 * {@code [DEBUG] properties used:} — every system property and environment variable of the Maven JVM, the AWS secret
 * key among them (a Maven behaviour that Gantry cannot change: documented in the README's "Secrets"), and Maven 4's
 * echo of the JVM's command line ({@link #MAVEN4_COMMAND_LINE}). Everything else
 * that Gantry, Maven, Jib or the AWS SDK writes is read.
 */
class PlantedSecretsScan {

    /**
     * {@code jvm.config}: the AWS secret key of the stand-ins, as {@code -Daws.secretAccessKey} (a user's environment or
     * {@code ~/.aws/credentials}). {@code interpolated-settings.xml} and {@code settings.xml}: the repository password of
     * {@code src/it/settings.xml} (a user's {@code ~/.m2/settings.xml}). {@code .git/config}: a remote URL with a token
     * (environment-tag), as CI checkouts write it. {@code invoker.properties}: the command line, as a pipeline gives it
     * ({@code -DaltDeploymentRepository} with a token in its URL, alt-deployment-repository); {@code .mvn/maven.config}
     * the same, where the command line needs a port known only once the IT has started its server
     * (publish-with-credentials-in-the-url).
     */
    static final Set<String> HANDED_TO_THE_BUILD = Set.of("jvm.config", "interpolated-settings.xml", "settings.xml",
            ".git/config", "invoker.properties", ".mvn/maven.config");

    /** The main invoker run's projects, and those of the Maven 4 subset that scripts/test adds (-Pmaven4-subset). */
    private static final List<Path> IT_DIRECTORIES = List.of(Path.of("target", "it"), Path.of("target", "it-maven4"));

    /**
     * maven-resources-plugin's (maven-filtering's) debug list of the properties it may filter with, sorted by name, up
     * to the plugin's next {@code [INFO]} line. Other threads log in between (the AWS SDK's, loading beside it): their
     * lines are read, and do not end the list. An entry's name has a dot ({@code aws.secretAccessKey},
     * {@code env.MAVEN_OPTS}), which no HTTP header's has ({@code Authorization: …} is read wherever it is); a value
     * with a line break leaves an empty line.
     */
    private static final String PROPERTIES_USED = "[DEBUG] properties used:";
    private static final Pattern PROPERTY_LINE = Pattern.compile("\\[DEBUG] [^\\s:]*\\.[^\\s:]*:( .*)?");
    /**
     * Maven 4's launcher at {@code -X}: the JVM's command line, with the {@code -D} options of {@code .mvn/jvm.config}
     * (where the ITs hand over the AWS secret key) — Maven's echo of what it was given, like the list above.
     */
    private static final String MAVEN4_COMMAND_LINE = "Command line: ";

    @Test
    void noPlantedSecretReachesAnythingTheItsWrote() throws IOException {
        List<String> leaks = new ArrayList<>();
        long scanned = 0;
        for (Path directory : IT_DIRECTORIES) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> HANDED_TO_THE_BUILD.stream().noneMatch(f::endsWith)).toList();
            }
            for (Path file : files) {
                leaks.addAll(leaksIn(file));
                scanned++;
            }
        }
        System.out.println("PlantedSecretsScan: " + scanned + " files under " + IT_DIRECTORIES + " read, "
                + leaks.size() + " leaks");
        assertThat(leaks).as("planted secrets (" + PlantedSecrets.MARKER + ", plain or base64) in files under "
                + IT_DIRECTORIES + " of " + Path.of("").toAbsolutePath() + "; each is file:line").isEmpty();
    }

    /** {@code file:line: text} for each line holding a planted secret; bytes read as Latin-1, so binaries scan too. */
    static List<String> leaksIn(Path file) throws IOException {
        List<String> leaks = new ArrayList<>();
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1);
        boolean inPropertiesUsed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            inPropertiesUsed = line.equals(PROPERTIES_USED) || inPropertiesUsed && !line.startsWith("[INFO]");
            boolean listed = inPropertiesUsed && (line.isEmpty() || PROPERTY_LINE.matcher(line).matches());
            if (!listed && !line.startsWith(MAVEN4_COMMAND_LINE) && PlantedSecrets.needles().stream().anyMatch(line::contains)) {
                leaks.add(file + ":" + (i + 1) + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line));
            }
        }
        return leaks;
    }
}
