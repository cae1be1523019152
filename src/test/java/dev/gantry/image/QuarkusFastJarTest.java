package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.testing.RecordingLog;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image of a Quarkus service, from a directory laid out as Quarkus's fast-jar. */
class QuarkusFastJarTest {

    @TempDir
    Path dir;

    @Test
    void layers_release_jars_then_snapshot_jars_then_the_application_under_the_app_root() throws Exception {
        Path app = fastJar("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        file(app, "lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.1.jar");
        file(app, "lib/main/io.vertx.vertx-core-4.5.24.jar");
        file(app, "lib/main/com.acme.shared-2.1.0-SNAPSHOT.jar");
        file(app, "app/orders-1.0.0.jar");
        file(app, "quarkus/quarkus-application.dat");
        file(app, "quarkus-app-dependencies.txt");

        List<FileEntriesLayer> layers = new QuarkusFastJar(app).layers(AbsoluteUnixPath.get("/app"));

        assertThat(layers).extracting(FileEntriesLayer::getName)
                .containsExactly("dependencies", "snapshot dependencies", "quarkus application");
        assertThat(targets(layers.get(0))).containsExactly("/app/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.1.jar",
                "/app/lib/main/io.vertx.vertx-core-4.5.24.jar");
        assertThat(targets(layers.get(1))).containsExactly("/app/lib/main/com.acme.shared-2.1.0-SNAPSHOT.jar");
        assertThat(targets(layers.get(2))).containsExactly("/app/app/orders-1.0.0.jar",
                "/app/quarkus-app-dependencies.txt", "/app/quarkus-run.jar", "/app/quarkus/quarkus-application.dat");
        assertThat(layers.get(2).getEntries()).allSatisfy(e -> assertThat(e.getSourceFile()).startsWith(app));
    }

    @Test
    void leaves_the_snapshot_layer_out_when_no_jar_is_a_snapshot() throws Exception {
        Path app = fastJar("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        file(app, "lib/main/io.vertx.vertx-core-4.5.24.jar");

        assertThat(new QuarkusFastJar(app).layers(AbsoluteUnixPath.get("/srv"))).extracting(FileEntriesLayer::getName)
                .containsExactly("dependencies", "quarkus application");
    }

    @Test
    void starts_the_runner_with_quarkus_log_manager_after_the_jvm_flags() {
        QuarkusFastJar quarkus = new QuarkusFastJar(dir);

        assertThat(quarkus.entrypoint(AbsoluteUnixPath.get("/app"), List.of("-Xmx256m")))
                .containsExactly("java", "-Xmx256m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", "/app/quarkus-run.jar");
        assertThat(quarkus.entrypoint(AbsoluteUnixPath.get("/srv"),
                List.of("-Djava.util.logging.manager=java.util.logging.LogManager")))
                .containsExactly("java", "-Djava.util.logging.manager=java.util.logging.LogManager", "-jar",
                        "/srv/quarkus-run.jar");
    }

    @Test
    void reads_the_runner_main_class_and_refuses_a_runner_without_one() throws Exception {
        assertThat(new QuarkusFastJar(fastJar("io.quarkus.bootstrap.runner.QuarkusEntryPoint")).mainClass())
                .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");

        Path without = Files.createDirectories(dir.resolve("without"));
        writeRunner(without, null);
        assertThatThrownBy(() -> new QuarkusFastJar(without).mainClass()).isInstanceOf(GantryException.class)
                .hasMessageContaining(without.resolve("quarkus-run.jar") + " cannot be read as Quarkus's runner (its "
                        + "manifest names no Main-Class). Nothing was pushed.");

        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> new QuarkusFastJar(missing).mainClass()).isInstanceOf(GantryException.class)
                .hasMessageContaining(missing.resolve("quarkus-run.jar") + " cannot be read as Quarkus's runner");
    }

    @Test
    void the_image_starts_quarkus_runner_and_says_so_and_that_a_configured_main_class_is_not_used() throws Exception {
        Path app = fastJar("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        List<String> logged = new ArrayList<>();
        ImageRequest request = ImageRequest.builder().image(new ImagePlan("orders", true, List.of()))
                .classesDirectory(dir.resolve("classes")).quarkusApp(app).mainClass("app.Service")
                .jvmFlags(List.of("-Xmx256m")).commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                .commitTime(Instant.parse("2026-11-20T10:15:30Z")).outputDirectory(dir.resolve("gantry")).build();

        MainClass started = ProjectImage.checkedMainClass(request, new RecordingLog(logged, false));

        assertThat(started.name()).isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        assertThat(logged).containsExactly("Quarkus service: the image holds Quarkus's fast-jar, " + app + ", and starts "
                        + "it with java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar "
                        + "/app/quarkus-run.jar (io.quarkus.bootstrap.runner.QuarkusEntryPoint).",
                "WARN Main class app.Service (<mainClass> of the gantry-maven-plugin or -Dgantry.image.mainClass) is not "
                        + "used: a Quarkus service starts Quarkus's runner, which starts the application as Quarkus built "
                        + "it. Remove the setting, or use @QuarkusMain to give the application a main method of its own.");
    }

    private Path fastJar(String mainClass) throws Exception {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        writeRunner(app, mainClass);
        return app;
    }

    private static void writeRunner(Path app, String mainClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream out = Files.newOutputStream(app.resolve("quarkus-run.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private static void file(Path app, String relative) throws Exception {
        Path file = app.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
    }

    private static List<String> targets(FileEntriesLayer layer) {
        return layer.getEntries().stream().map(FileEntry::getExtractionPath).map(Object::toString).toList();
    }
}
