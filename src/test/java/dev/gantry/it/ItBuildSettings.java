package dev.gantry.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings of an invoker IT's forked Maven that the IT helpers ({@link ItEcr}, {@link ItCodeArtifact},
 * {@link ItRegistry}, {@link ItMavenRepository}) give it, written so that they compose: each {@code -Dkey=value} goes
 * into {@code .mvn/jvm.config} (JVM system properties: the AWS SDK's settings, the trust store, the hosts file) or
 * {@code .mvn/maven.config} (Maven user properties), replacing an earlier line of the same key and keeping the others;
 * host names are added to one hosts file ({@code -Djdk.net.hosts.file}), loopback only.
 */
public final class ItBuildSettings {

    private static final String HOSTS = "hosts";

    private final Path dir;

    private ItBuildSettings(Path dir) {
        this.dir = dir;
    }

    public static ItBuildSettings of(File basedir) {
        return new ItBuildSettings(basedir.toPath());
    }

    /** JVM system properties of the forked Maven ({@code .mvn/jvm.config}). */
    public ItBuildSettings jvm(Map<String, String> properties) throws IOException {
        properties.forEach((key, value) -> {
            if (value != null) {
                set("jvm.config", key, value);
            }
        });
        return this;
    }

    public ItBuildSettings jvm(String key, String value) throws IOException {
        return jvm(Map.of(key, value));
    }

    /** A Maven user property ({@code .mvn/maven.config}). */
    public ItBuildSettings maven(String key, String value) {
        set("maven.config", key, value);
        return this;
    }

    /** These host names resolve to 127.0.0.1 in the forked Maven, and nothing else but {@code localhost} resolves. */
    public ItBuildSettings loopbackHosts(String... hosts) throws IOException {
        Path file = dir.resolve(HOSTS);
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        if (lines.isEmpty()) {
            lines.add("127.0.0.1 localhost");
        }
        for (String host : hosts) {
            if (!lines.contains("127.0.0.1 " + host)) {
                lines.add("127.0.0.1 " + host);
            }
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
        return jvm("jdk.net.hosts.file", file.toString());
    }

    private void set(String configFile, String key, String value) {
        try {
            Path mvn = dir.resolve(".mvn");
            Files.createDirectories(mvn);
            Path file = mvn.resolve(configFile);
            List<String> lines = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("-D" + key + "=")) {
                        lines.add(line);
                    }
                }
            }
            lines.add("-D" + key + "=" + value);
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write " + key + " into " + dir.resolve(".mvn")
                    .resolve(configFile) + ": " + e.getMessage(), e);
        }
    }
}
