package dev.gantry.bench;

import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LocalRegistry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Not a test: the image goal's core against {@code jib-maven-plugin:build} 3.5.1 on the same sample service (real
 * Maven project with Central dependencies), each with its own local registry and a base image in it, for a first
 * push and a code-only change. Prints wall times and the bytes each registry stored after the code-only change
 * against the sum of the changed classes layer, the new config and the manifest.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) dev.gantry.bench.ImageBenchmark
 * </pre>
 *
 * Jib runs as a real {@code ./mvnw} subprocess, so its times include Maven's start-up; the baseline line shows that
 * start-up (an {@code mvn validate} of the same project) so it can be subtracted.
 */
public final class ImageBenchmark {

    static final String JIB = "com.google.cloud.tools:jib-maven-plugin:3.5.1";
    /** The version of this plugin installed in the local repository (scripts/bench installs it first). */
    static final String PLUGIN_VERSION = System.getProperty("gantry.version", "0.1.0-SNAPSHOT");
    /**
     * The local repository scripts/bench installed this build into (its own, with ~/.m2 as a read-only tail, so the
     * benchmark never replaces the snapshot other builds resolve from ~/.m2), or null for Maven's default.
     */
    static final String BENCH_REPOSITORY = System.getProperty("gantry.bench.repository");

    public static void main(String[] args) throws Exception {
        Path mvnw = Path.of("mvnw").toAbsolutePath();
        Path work = Files.createTempDirectory("gantry-bench-");
        Path project = writeProject(work.resolve("orders"));
        maven(mvnw, project, "-q", "package", "-DskipTests");
        maven(mvnw, project, "-q", "dependency:build-classpath", "-Dmdep.outputFile=cp.txt", "-Dmdep.includeScope=runtime");
        List<Path> jars = Arrays.stream(Files.readString(project.resolve("cp.txt")).trim().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();

        Files.writeString(project.resolve(".gitignore"), "target/\ncp.txt\nmaven.log\n");
        git(project, "init", "-q", "-b", "main");
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "Release 1.0.0");

        try (LocalRegistry gantryRegistry = LocalRegistry.start(); LocalRegistry jibRegistry = LocalRegistry.start();
                LocalRegistry goalRegistry = LocalRegistry.start()) {
            String gantryBase = BaseImages.push(gantryRegistry, "base", 5_000_000);
            String jibBase = BaseImages.push(jibRegistry, "base", 5_000_000);
            String goalBase = BaseImages.push(goalRegistry, "base", 5_000_000);

            long baseline = time(() -> maven(mvnw, project, "-q", "validate"));

            // --- first push
            long gantryFirst = time(() -> gantry(gantryRegistry, gantryBase, project, jars, "1.0.0",
                    "1111111111111111111111111111111111111111", Instant.parse("2026-11-20T10:00:00Z"), work.resolve("g1")));
            long jibFirst = time(() -> jib(mvnw, project, jibRegistry, jibBase, "1.0.0"));
            long jibFirstMojo = mojoSpan(project, "jib:build");
            long goalFirst = time(() -> imageGoal(mvnw, project, goalRegistry, goalBase));
            long planFirstMojo = mojoSpan(project, "gantry:plan");
            long goalFirstMojo = mojoSpan(project, "gantry:image");

            // --- code-only change
            Files.writeString(project.resolve("src/main/java/bench/Greeting.java"),
                    "package bench;\n\nfinal class Greeting {\n    static final String TEXT = \"changed\";\n}\n");
            Files.writeString(project.resolve("pom.xml"),
                    Files.readString(project.resolve("pom.xml")).replace("<version>1.0.0</version>", "<version>1.0.1</version>"));
            maven(mvnw, project, "-q", "compile");
            git(project, "commit", "-q", "-am", "A code change, released as 1.0.1");
            long gantryBytesBefore = gantryRegistry.storedBlobBytes();
            long jibBytesBefore = jibRegistry.storedBlobBytes();
            long gantrySecond = time(() -> gantry(gantryRegistry, gantryBase, project, jars, "1.0.1",
                    "2222222222222222222222222222222222222222", Instant.parse("2026-11-21T10:00:00Z"), work.resolve("g2")));
            long jibSecond = time(() -> jib(mvnw, project, jibRegistry, jibBase, "1.0.1"));
            long jibSecondMojo = mojoSpan(project, "jib:build");
            long goalSecond = time(() -> imageGoal(mvnw, project, goalRegistry, goalBase));
            long planSecondMojo = mojoSpan(project, "gantry:plan");
            long goalSecondMojo = mojoSpan(project, "gantry:image");

            long gantryReceived = gantryRegistry.storedBlobBytes() - gantryBytesBefore;
            long jibReceived = jibRegistry.storedBlobBytes() - jibBytesBefore;
            long gantryExpected = changedSum(gantryRegistry, "orders", "1.0.1");
            long jibExpected = changedSum(jibRegistry, "orders", "1.0.1");

            System.out.printf("%nImage benchmark (sample service: %d dependency jars, 5 MB base image in each local registry)%n",
                    jars.size());
            System.out.printf("  maven start-up baseline (mvn -q validate):   %6d ms%n", baseline);
            System.out.printf("  first push        gantry core %6d ms   jib-maven-plugin:build %6d ms (%d ms without start-up)%n",
                    gantryFirst, jibFirst, jibFirst - baseline);
            System.out.printf("  code-only change  gantry core %6d ms   jib-maven-plugin:build %6d ms (%d ms without start-up)%n",
                    gantrySecond, jibSecond, jibSecond - baseline);
            System.out.printf("  the goals' own time (mojo start to end, in Maven):%n");
            System.out.printf("    first push        gantry:image %6d ms   jib:build %6d ms   (gantry:plan before it, in validate: %d ms)%n",
                    goalFirstMojo, jibFirstMojo, planFirstMojo);
            System.out.printf("    code-only change  gantry:image %6d ms   jib:build %6d ms   (gantry:plan: %d ms)%n",
                    goalSecondMojo, jibSecondMojo, planSecondMojo);
            System.out.printf("  whole Maven runs: gantry:plan+image %d / %d ms, jib:build %d / %d ms (first push / code-only change)%n",
                    goalFirst, goalSecond, jibFirst, jibSecond);
            System.out.printf("  stored after code-only change: gantry %d bytes vs classes layer+config+manifest %d (%.3fx); "
                    + "jib %d bytes vs %d (%.3fx)%n", gantryReceived, gantryExpected, (double) gantryReceived / gantryExpected,
                    jibReceived, jibExpected, (double) jibReceived / jibExpected);
        }
    }

    static void gantry(LocalRegistry registry, String base, Path project, List<Path> jars, String version, String commit,
            Instant time, Path out) throws Exception {
        List<ImageTag> tags = List.of(new ImageTag(version, false), new ImageTag("sha-" + commit.substring(0, 12), false),
                new ImageTag("latest", true));
        ImageResult result = new ImagePublisher(GantryLog.SILENT, Map.of()).publish(ImageRequest.builder()
                .image(new ImagePlan(registry.host() + "/orders", false, tags))
                .from(base)
                .classesDirectory(project.resolve("target/classes"))
                .dependencies(jars.stream().filter(j -> !j.toString().contains("SNAPSHOT")).toList())
                .snapshotDependencies(jars.stream().filter(j -> j.toString().contains("SNAPSHOT")).toList())
                .mainClass("bench.Main")
                .commit(commit)
                .commitTime(time)
                .version(version)
                .allowInsecureRegistries(true)
                .outputDirectory(out)
                .applicationCache(project.resolve("target/gantry-jib-cache"))
                .build());
        if (result.pushed().size() != 3) {
            throw new IllegalStateException("expected a push: " + result);
        }
    }

    /** The plugin's plan and image goals, run by Maven on the project's main branch, in deploy's order. */
    static void imageGoal(Path mvnw, Path project, LocalRegistry registry, String base) throws Exception {
        String plugin = "dev.gantry:gantry-maven-plugin:" + PLUGIN_VERSION;
        maven(mvnw, project, plugin + ":plan", plugin + ":image", TIMESTAMPS, TIMESTAMP_FORMAT,
                "-Dgantry.image.repository=" + registry.host() + "/orders", "-Dgantry.image.from=" + base,
                "-Dgantry.image.allowInsecureRegistries=true", "-Dgantry.image.mainClass=bench.Main");
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"));
        command.addAll(List.of(args));
        if (new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static void jib(Path mvnw, Path project, LocalRegistry registry, String base, String version) throws Exception {
        maven(mvnw, project, JIB + ":build", TIMESTAMPS, TIMESTAMP_FORMAT, "-Djib.from.image=" + base, "-Dimage=" + registry.host() + "/orders:" + version,
                "-Djib.to.tags=latest", "-Djib.allowInsecureRegistries=true", "-Djib.container.mainClass=bench.Main");
    }

    /**
     * Classes layer + config + manifest of a pushed image: what a code-only change must store, at best. The classes layer
     * is the one holding {@code app/classes/}, found by reading the layers: it is not the last (Jib and Gantry put the JVM
     * argument files after it), which the first version of this sum assumed, counting a ~300-byte layer instead.
     */
    static long changedSum(LocalRegistry registry, String repository, String tag) throws IOException {
        LocalRegistry.Manifest manifest = registry.manifest(repository, tag);
        var json = manifest.json();
        long classes = -1;
        for (var layer : json.path("layers")) {
            if (holdsClasses(registry.blob(repository, layer.path("digest").asText()))) {
                classes = layer.path("size").asLong();
            }
        }
        if (classes < 0) {
            throw new IOException("no layer of " + repository + ":" + tag + " holds app/classes/");
        }
        return classes + json.path("config").path("size").asLong() + manifest.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean holdsClasses(byte[] gzippedTar) throws IOException {
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzippedTar)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().replaceFirst("^/", "").startsWith("app/classes/")) {
                    return true;
                }
            }
            return false;
        }
    }

    static final String TIMESTAMPS = "-Dorg.slf4j.simpleLogger.showDateTime=true";
    static final String TIMESTAMP_FORMAT = "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS";

    /**
     * How long a goal ({@code prefix:goal}) ran in the last Maven run: from its header to the next goal's header or the
     * build's end, read from the timestamped log ({@link GoalSpans}). The goal's own time, without Maven's start-up.
     */
    static long mojoSpan(Path project, String goal) throws IOException {
        Long span = GoalSpans.of(project.resolve("maven.log")).get(goal);
        if (span == null) {
            throw new IllegalStateException("no goal " + goal + " in " + project.resolve("maven.log"));
        }
        return span;
    }

    interface Step {
        void run() throws Exception;
    }

    static long time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void maven(Path mvnw, Path project, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(mvnw.toString());
        if (BENCH_REPOSITORY != null) {
            command.add("-Dmaven.repo.local=" + BENCH_REPOSITORY);
            command.add("-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("maven.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(project.resolve("maven.log")));
        }
    }

    static Path writeProject(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/bench"));
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.createDirectories(dir.resolve(".mvn/wrapper"));
        Files.copy(Path.of(".mvn/wrapper/maven-wrapper.properties"), dir.resolve(".mvn/wrapper/maven-wrapper.properties"));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>orders</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-databind</artifactId>
                      <version>2.17.2</version>
                    </dependency>
                    <dependency>
                      <groupId>org.eclipse.jgit</groupId>
                      <artifactId>org.eclipse.jgit</artifactId>
                      <version>7.8.0.202609011348-r</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        Files.writeString(dir.resolve("src/main/java/bench/Main.java"), """
                package bench;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Greeting.TEXT));
                    }
                }
                """);
        Files.writeString(dir.resolve("src/main/java/bench/Greeting.java"),
                "package bench;\n\nfinal class Greeting {\n    static final String TEXT = \"hello\";\n}\n");
        Files.writeString(dir.resolve("src/main/resources/application.properties"), "server.port=8080\n");
        return dir;
    }
}
