package dev.gantry.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The image's classpath and main class as jib-maven-plugin writes them for Java 9+ (its
 * {@code PluginConfigurationProcessor.computeEntrypoint} and {@code addJvmArgFilesLayer}): the files
 * {@code <appRoot>/jib-classpath-file} and {@code <appRoot>/jib-main-class-file} in a small layer of their own, named
 * "jvm arg files", and the entrypoint {@code java <jvmFlags> -cp @<appRoot>/jib-classpath-file <main class>}. The
 * classpath lists {@code resources}, {@code classes}, then every jar in Maven's dependency order, so that the order is
 * defined (a {@code libs/*} wildcard leaves it to the file system) and tools that read Jib's files work.
 */
final class JvmArgFiles {

    static final String CLASSPATH_FILE = "jib-classpath-file";
    static final String MAIN_CLASS_FILE = "jib-main-class-file";
    static final String LAYER_NAME = "jvm arg files";

    private JvmArgFiles() {
    }

    /**
     * The classpath inside the image. Jars go to {@code libs/} under their file name; two jars of the same name are told
     * apart by their size, {@code name-<bytes>.jar}, as jib-core's {@code JavaContainerBuilder} names them.
     */
    static String classpath(AbsoluteUnixPath appRoot, List<Path> jars) throws IOException {
        Map<String, Integer> names = new HashMap<>();
        for (Path jar : jars) {
            names.merge(jar.getFileName().toString(), 1, Integer::sum);
        }
        List<String> entries = new ArrayList<>(List.of(appRoot.resolve("resources").toString(),
                appRoot.resolve("classes").toString()));
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (names.get(name) > 1) {
                name = name.replaceFirst("\\.jar$", "-" + Files.size(jar)) + ".jar";
            }
            entries.add(appRoot.resolve("libs").resolve(name).toString());
        }
        return String.join(":", entries);
    }

    /** Writes both files into {@code directory} and gives the layer that puts them under {@code appRoot}. */
    static FileEntriesLayer layer(Path directory, AbsoluteUnixPath appRoot, String classpath, String mainClass)
            throws IOException {
        Path classpathFile = directory.resolve(CLASSPATH_FILE);
        Path mainClassFile = directory.resolve(MAIN_CLASS_FILE);
        writeIfChanged(classpathFile, classpath);
        writeIfChanged(mainClassFile, mainClass);
        return FileEntriesLayer.builder().setName(LAYER_NAME)
                .addEntry(classpathFile, appRoot.resolve(CLASSPATH_FILE))
                .addEntry(mainClassFile, appRoot.resolve(MAIN_CLASS_FILE))
                .build();
    }

    static List<String> entrypoint(AbsoluteUnixPath appRoot, List<String> jvmFlags, String mainClass) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        entrypoint.addAll(jvmFlags);
        entrypoint.add("-cp");
        entrypoint.add("@" + appRoot.resolve(CLASSPATH_FILE));
        entrypoint.add(mainClass);
        return entrypoint;
    }

    /**
     * Keeps an unchanged file (and its time stamp) as it is, so that Jib's layer cache recognizes it, as Jib does. A
     * changed one is replaced whole, by a rename: the push started ahead and a build that predicts the digest may write
     * and read it at the same time ({@link EarlyPush}).
     */
    private static void writeIfChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path written = Files.write(Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp"), bytes);
        try {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
