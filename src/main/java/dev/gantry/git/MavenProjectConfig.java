package dev.gantry.git;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of a project's {@code .mvn} directory that give the build user properties, where a CI-friendly version
 * ({@code revision}) may be kept, lowest precedence first: under Maven 4, {@code maven-user.properties} and
 * {@code maven.properties} (which its {@code conf/maven-user.properties} includes from the project); under Maven 3.9
 * and 4, the {@code -D} lines of {@code maven.config}. The command line's {@code -D} overrides them all.
 *
 * @param directory the {@code .mvn} directory of the build's root
 * @param maven4    whether the build runs on Maven 4, which reads the two properties files (Maven 3.9 does not)
 */
public record MavenProjectConfig(Path directory, boolean maven4) {

    static final String MAVEN_CONFIG = "maven.config";

    /** The files, lowest precedence first. */
    List<String> files() {
        return maven4 ? List.of("maven-user.properties", "maven.properties", MAVEN_CONFIG) : List.of(MAVEN_CONFIG);
    }

    /** The user properties one of {@link #files} gives, read from its text. */
    static Properties parse(String file, String text) throws IOException {
        if (file.equals(MAVEN_CONFIG)) {
            return MavenConfigProperties.of(text);
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        // Maven's own keys (${includes}, ${optionals}) name files, not properties
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("${")).forEach(properties::remove);
        return properties;
    }

    /**
     * The build's user properties that did not come from these files as they are now: those given on the command line
     * ({@code -Dchangelist=}, {@code MAVEN_ARGS}), which Maven applies over the files'. A property the command line
     * gives with a file's own value is the file's; Maven hands a properties file's values over with their
     * {@code ${…}} resolved, so they are compared resolved.
     */
    Properties commandLineOnly(Properties userProperties) throws IOException {
        Properties files = new Properties();
        for (String file : files()) {
            Path path = directory.resolve(file);
            if (Files.isRegularFile(path)) {
                files.putAll(parse(file, Files.readString(path)));
            }
        }
        Properties commandLine = new Properties();
        for (String name : userProperties.stringPropertyNames()) {
            String value = userProperties.getProperty(name);
            String fromFiles = files.getProperty(name);
            if (fromFiles == null || !value.equals(PomVersion.resolve(fromFiles, files::getProperty).orElse(fromFiles))) {
                commandLine.setProperty(name, value);
            }
        }
        return commandLine;
    }

    /**
     * The file of {@link #files} whose value of the user property {@code name} this build has (the last one that gives
     * it); empty when the command line gives it, or no file does.
     */
    public Optional<String> fileGiving(String name, Properties userProperties) throws IOException {
        if (!userProperties.containsKey(name) || commandLineOnly(userProperties).containsKey(name)) {
            return Optional.empty();
        }
        Optional<String> giving = Optional.empty();
        for (String file : files()) {
            Path path = directory.resolve(file);
            if (Files.isRegularFile(path) && parse(file, Files.readString(path)).containsKey(name)) {
                giving = Optional.of(file);
            }
        }
        return giving;
    }
}
