package dev.gantry.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small service as Maven would have built it, for image tests and the benchmark: compiled classes and a
 * resource in {@code classes/}, release and snapshot dependency jars in {@code libs/}. {@link #changeCode}
 * makes a code-only change (one class differs, nothing else).
 */
public final class SampleService {

    public static final String MAIN_CLASS = "sample.Main";

    private final Path dir;

    private SampleService(Path dir) {
        this.dir = dir;
    }

    public static SampleService create(Path dir) throws IOException {
        SampleService service = new SampleService(dir);
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("libs"));
        Files.writeString(dir.resolve("classes/app.properties"), "name=orders\n");
        service.writeJar("libs/commons-data-1.0.jar", "data/commons.bin", 400_000, 1);
        service.writeJar("libs/util-2.3.jar", "data/util.bin", 150_000, 2);
        service.writeJar("libs/client-1.1-SNAPSHOT.jar", "data/client.bin", 50_000, 3);
        service.compile("1");
        return service;
    }

    public Path directory() {
        return dir;
    }

    public Path classes() {
        return dir.resolve("classes");
    }

    public List<Path> dependencies() {
        return List.of(dir.resolve("libs/commons-data-1.0.jar"), dir.resolve("libs/util-2.3.jar"));
    }

    public List<Path> snapshotDependencies() {
        return List.of(dir.resolve("libs/client-1.1-SNAPSHOT.jar"));
    }

    /** Recompiles with another greeting: only {@code sample/Greeting.class} changes. */
    public void changeCode(String revision) throws IOException {
        compile(revision);
    }

    private void compile(String revision) throws IOException {
        Path src = dir.resolve("src/sample");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Main.java"), """
                package sample;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        java.util.Properties p = new java.util.Properties();
                        try (var in = Main.class.getResourceAsStream("/app.properties")) {
                            p.load(in);
                        }
                        System.out.println("Hello from " + p.getProperty("name") + " revision " + Greeting.REVISION
                                + " args " + String.join(",", args));
                    }
                }
                """);
        Files.writeString(src.resolve("Greeting.java"), """
                package sample;

                final class Greeting {
                    static final String REVISION = "%s";
                }
                """.formatted(revision));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, "--release", "17", "-d", classes().toString(),
                src.resolve("Main.java").toString(), src.resolve("Greeting.java").toString());
        if (rc != 0) {
            throw new IOException("javac failed: " + rc);
        }
    }

    private void writeJar(String path, String entry, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        try (OutputStream out = Files.newOutputStream(dir.resolve(path)); JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry e = new JarEntry(entry);
            e.setTime(315532800000L);
            jar.putNextEntry(e);
            jar.write(data);
            jar.closeEntry();
            JarEntry readme = new JarEntry("README.txt");
            readme.setTime(315532800000L);
            jar.putNextEntry(readme);
            jar.write(path.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
