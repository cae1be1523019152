package dev.gantry.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java sources compiled by the JDK's own compiler into a directory, and jars made of them: real class files for tests. */
public final class CompiledClasses {

    private CompiledClasses() {
    }

    /**
     * Compiles the sources, by fully qualified class name, into {@code classes}.
     *
     * @param release the {@code --release} to compile for
     */
    public static Path compile(Path classes, int release, Map<String, String> sources) throws IOException {
        return compile(classes, release, sources, List.of());
    }

    /** As {@link #compile(Path, int, Map)}, against the classes of {@code classpath} (directories or jars). */
    public static Path compile(Path classes, int release, Map<String, String> sources, List<Path> classpath)
            throws IOException {
        Path src = Files.createTempDirectory("src");
        List<String> args = new ArrayList<>(List.of("--release", String.valueOf(release), "-d", classes.toString()));
        if (!classpath.isEmpty()) {
            args.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IOException("javac failed for " + sources.keySet());
        }
        return classes;
    }

    /** A jar of every file under {@code classes}, with the given main manifest attributes (may be empty). */
    public static Path jar(Path jar, Path classes, Map<String, String> manifestAttributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
