package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.testing.CompiledClasses;
import dev.gantry.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which main class the image starts, and the check that it can start it, on classes and jars compiled by javac. */
class MainClassTest {

    // compiled once for the class: javac is the slow part
    @TempDir
    static Path dir;
    static Path classes;
    static Path library;
    List<String> logged = new ArrayList<>();

    @BeforeAll
    static void compile() throws Exception {
        Path libraryClasses = CompiledClasses.compile(dir.resolve("lib-classes"), 17, Map.of(
                "lib.Launcher", "package lib; public class Launcher { public static void main(String[] args) {} }",
                "lib.Util", "package lib; public final class Util { }"));
        library = CompiledClasses.jar(dir.resolve("libs/launcher-1.0.jar"), libraryClasses, Map.of());
        classes = CompiledClasses.compile(dir.resolve("classes"), 17, Map.of(
                "app.Service", "package app; public class Service { public static void main(String[] args) {} }",
                "app.Helper", "package app; public class Helper { static void help() {} }",
                "app.InstanceMain", "package app; public class InstanceMain { public void main(String[] args) {} }",
                "app.PackageMain", "package app; public class PackageMain { static void main(String[] args) {} }",
                "app.Outer", "package app; public class Outer { public static class Inner { "
                        + "public static void main(String[] args) {} } }",
                "app.FromLibrary", "package app; public class FromLibrary extends lib.Launcher { }",
                "app.FromService", "package app; public class FromService extends Service { }",
                "app.FromHelper", "package app; public class FromHelper extends Helper { }"), List.of(library));
    }

    ImageRequest.Builder request() {
        return ImageRequest.builder().image(new ImagePlan("orders", true, List.of())).classesDirectory(classes)
                .dependencies(List.of(library)).commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                .commitTime(Instant.parse("2026-11-20T10:15:30Z")).outputDirectory(dir.resolve("target/gantry"));
    }

    MainClass resolve(ImageRequest.Builder request) throws GantryException {
        return MainClassResolver.resolve(request.build(), new RecordingLog(logged, false));
    }

    @Nested
    class Comes_in_order_from {

        @Test
        void gantrys_own_setting_first() throws Exception {
            assertThat(resolve(request().mainClass("app.Service").startClass("app.Helper").manifestMainClass("app.Outer")))
                    .isEqualTo(new MainClass("app.Service", "<mainClass> of the gantry-maven-plugin or -Dgantry.image.mainClass"));
        }

        @Test
        void the_start_class_property_before_the_jar_plugin() throws Exception {
            assertThat(resolve(request().startClass("lib.Launcher").manifestMainClass("app.Service")))
                    .isEqualTo(new MainClass("lib.Launcher", "the start-class property, Spring Boot's convention"));
        }

        @Test
        void the_jar_plugin_before_the_finder() throws Exception {
            assertThat(resolve(request().manifestMainClass("app.Outer$Inner")))
                    .isEqualTo(new MainClass("app.Outer$Inner", "<archive><manifest><mainClass> of the maven-jar-plugin"));
        }

        @Test
        void the_jar_plugin_before_exec_main_class() throws Exception {
            assertThat(resolve(request().manifestMainClass("app.Outer$Inner").execMainClass("app.Service")))
                    .isEqualTo(new MainClass("app.Outer$Inner", MainClass.JAR_PLUGIN));
        }

        @Test
        void exec_main_class_before_the_finder() throws Exception {
            // Micronaut's generated projects name the application so, and may hold other classes with a main method
            assertThat(resolve(request().execMainClass("lib.Launcher")))
                    .isEqualTo(new MainClass("lib.Launcher", "the exec.mainClass property, exec-maven-plugin's and "
                            + "Micronaut's convention"));
            assertThat(logged).containsExactly("Main class lib.Launcher (from the exec.mainClass property, "
                    + "exec-maven-plugin's and Micronaut's convention).");
        }

        @Test
        void jib_cores_finder_last() throws Exception {
            Path single = CompiledClasses.compile(dir.resolve("single"), 17, Map.of(
                    "one.Main", "package one; public class Main { public static void main(String[] args) {} }"));

            assertThat(resolve(request().classesDirectory(single))).isEqualTo(new MainClass("one.Main",
                    "the one class with a main method in " + single + ", found by jib-core's MainClassFinder"));
        }
    }

    /** Gantry cannot choose among several, and a jib-maven-plugin left in the module names one: that is the fix. */
    @Test
    void names_jibs_main_class_when_gantry_cannot_choose_one() {
        JibPluginSettings jib = new JibPluginSettings(null, List.of(), "app.Service", List.of(), List.of(), Map.of(),
                List.of(), Map.of(), null, null, List.of(), Map.of());

        assertThatThrownBy(() -> new ImagePublisher(new RecordingLog(logged, false), Map.of())
                .check(request().jibPlugin(jib).module("it.gantry:orders").build()))
                .isInstanceOf(GantryException.class)
                .hasMessageContaining("<container><mainClass> (jib.container.mainClass) is app.Service; Gantry's is none "
                        + "(Several main classes found: ")
                .hasMessageContaining("): set Gantry's <mainClass>app.Service</mainClass>. Nothing was pushed.");
    }

    /** A branch that builds no image judges only what Jib left behind: a main class Gantry cannot choose is no refusal. */
    /**
     * A library on a parent that configures an image repository is asked for an image too; a main class is the wrong fix
     * there, and the refusal names the one that fits.
     */
    @Nested
    class A_library_asked_for_an_image {

        @Test
        void with_several_main_classes_is_told_how_to_skip_its_image() {
            assertThatThrownBy(() -> new ImagePublisher(new RecordingLog(logged, false), Map.of())
                    .check(request().module("com.example:money").build()))
                    .hasMessage("Several main classes found: app.Outer$Inner, app.Service. Choose one with <mainClass> "
                            + "in the gantry-maven-plugin configuration or -Dgantry.image.mainClass=app.Outer$Inner. If module com.example:money is a library, not a "
                            + "service, it needs no image: set <gantry.image.skip>true</gantry.image.skip> in the "
                            + "<properties> of its POM (a parent POM's image settings, such as its <imageRepository>, "
                            + "reach libraries that inherit them too). If no module of the reactor is a service, set it in the "
                            + "<properties> of the top-level POM instead, which every module inherits: the next module would "
                            + "be asked for the image otherwise.");
        }

        @Test
        void with_no_main_class_is_told_how_to_skip_its_image() throws Exception {
            Path none = CompiledClasses.compile(dir.resolve("library"), 17, Map.of("x.Y", "package x; class Y {}"));

            assertThatThrownBy(() -> resolve(request().classesDirectory(none).module("com.example:money")))
                    .hasMessageEndingWith("(exec-maven-plugin's and Micronaut's convention). If module "
                            + "com.example:money is a library, not a service, it needs no image: set "
                            + "<gantry.image.skip>true</gantry.image.skip> in the <properties> of its POM (a parent POM's "
                            + "image settings, such as its <imageRepository>, reach libraries that inherit them too). If no module of "
                            + "the reactor is a service, set it in the <properties> of the top-level POM instead, which every "
                            + "module inherits: the next module would be asked for the image otherwise.");
        }
    }

    @Test
    void a_branch_without_an_image_leaves_the_main_class_to_the_branch_that_builds_one() throws Exception {
        ImagePublisher publisher = new ImagePublisher(new RecordingLog(logged, false), Map.of());
        JibPluginSettings unrelated = new JibPluginSettings(null, List.of(), null, List.of(), List.of(), Map.of(),
                List.of(), Map.of(), null, null, List.of(), Map.of());

        publisher.checkJibSettings(request().jibPlugin(unrelated).module("it.gantry:orders").build());
        assertThatThrownBy(() -> publisher.check(request().jibPlugin(unrelated).module("it.gantry:orders").build()))
                .hasMessageStartingWith("Several main classes found: ");
    }

    @Nested
    class An_unresolved_expression {

        @Test
        void is_skipped_and_named_where_the_main_class_is_named_without_a_warning() throws Exception {
            // Spring Boot's parent sets the jar plugin's <mainClass>${start-class}</mainClass>, and many services never
            // define start-class: nothing to fix, so no warning on every build
            Path single = CompiledClasses.compile(dir.resolve("single"), 17, Map.of(
                    "one.Main", "package one; public class Main { public static void main(String[] a) {} }"));
            MainClass main = resolve(request().startClass("${app.main}").manifestMainClass("${start-class}")
                    .mainClass(null).classesDirectory(single));

            assertThat(main.name()).isEqualTo("one.Main");
            assertThat(logged).containsExactly("Main class one.Main (from the one class with a main method in " + single
                    + ", found by jib-core's MainClassFinder). Passed over, their expressions unresolved: ${app.main} (the "
                    + "start-class property, Spring Boot's convention), ${start-class} (<archive><manifest><mainClass> of "
                    + "the maven-jar-plugin).");
        }

        @Test
        void is_skipped_for_the_next_setting() throws Exception {
            MainClass main = resolve(request().startClass("${app.main}").manifestMainClass("com.example.App")
                    .mainClass(null));

            assertThat(main).isEqualTo(new MainClass("com.example.App", MainClass.JAR_PLUGIN));
            assertThat(logged).containsExactly("Main class com.example.App (from <archive><manifest><mainClass> of the "
                    + "maven-jar-plugin). Passed over, its expression unresolved: ${app.main} (the start-class property, "
                    + "Spring Boot's convention).");
        }

        @Test
        void with_no_main_class_to_find_is_refused_naming_it() throws Exception {
            Path none = CompiledClasses.compile(dir.resolve("none"), 17, Map.of("x.Y", "package x; class Y {}"));

            assertThatThrownBy(() -> resolve(request().manifestMainClass("${start-class}").classesDirectory(none)))
                    .hasMessage("No main class found in " + none + ": the image needs one to start. Passed over, its "
                            + "expression unresolved: ${start-class} (<archive><manifest><mainClass> of the maven-jar-plugin). Set "
                            + "<mainClass> in the gantry-maven-plugin configuration (or -Dgantry.image.mainClass="
                            + "com.example.Main), or the start-class property (Spring Boot's convention), or "
                            + "<archive><manifest><mainClass> in the maven-jar-plugin configuration, or the exec.mainClass "
                            + "property (exec-maven-plugin's and Micronaut's convention). If this module is a library, "
                            + "not a service, it needs no image: set <gantry.image.skip>true</gantry.image.skip> in the "
                            + "<properties> of its POM (a parent POM's image settings, such as its <imageRepository>, "
                            + "reach libraries that inherit them too). If no module of the reactor is a service, set it in the "
                            + "<properties> of the top-level POM instead, which every module inherits: the next module would "
                            + "be asked for the image otherwise.");
        }
    }

    @Nested
    class The_check_before_building {

        void check(String name) throws GantryException {
            check(name, "registry.example.com/base:1");
        }

        void check(String name, String from) throws GantryException {
            MainClassCheck.check(new MainClass(name, "the start-class property, Spring Boot's convention"), classes,
                    List.of(library), from);
        }

        /** macOS and Windows find app/service.class for app/Service; the container's file system does not. */
        @Test
        void refuses_a_name_whose_case_differs_from_the_class_found() throws Exception {
            Path wrongCase = dir.resolve("wrong-case/app/service.class");
            Files.createDirectories(wrongCase.getParent());
            Files.copy(classes.resolve("app/Service.class"), wrongCase);
            MainClass main = new MainClass("app.service", "<mainClass> of the gantry-maven-plugin or -Dgantry.image.mainClass");

            assertThatThrownBy(() -> MainClassCheck.check(main, dir.resolve("wrong-case"), List.of(), "scratch"))
                    .hasMessage("Main class app.service (from <mainClass> of the gantry-maven-plugin or "
                            + "-Dgantry.image.mainClass) is app.Service in " + wrongCase + ": the names differ in case, "
                            + "which this file system ignores and the container's does not, so the container could not "
                            + "start. Nothing was pushed. Set the class's name as it is written: app.Service.");
        }

        /**
         * A Dropwizard application started with no arguments prints its usage and exits: warned of, since a deployment
         * may pass the command (the superclass is dropwizard-core's name, in a jar of the classpath, as the JVM finds it).
         */
        @Test
        void warns_of_a_dropwizard_application_given_no_command() throws Exception {
            Path frameworkClasses = CompiledClasses.compile(dir.resolve("dropwizard-classes"), 17, Map.of(
                    "io.dropwizard.core.Application", "package io.dropwizard.core; public abstract class Application {}"));
            Path framework = CompiledClasses.jar(dir.resolve("libs/dropwizard-core-4.0.16.jar"), frameworkClasses, Map.of());
            Path app = CompiledClasses.compile(dir.resolve("dropwizard-app"), 17, Map.of(
                    "app.HelloApplication", "package app; public class HelloApplication extends Base {"
                            + " public static void main(String[] args) {} }",
                    "app.Base", "package app; public abstract class Base extends io.dropwizard.core.Application {}"),
                    List.of(framework));
            ImageRequest.Builder request = request().classesDirectory(app).dependencies(List.of(library, framework))
                    .mainClass("app.HelloApplication");

            ProjectImage.checkedMainClass(request.build(), new RecordingLog(logged, false));
            ProjectImage.checkedMainClass(request.arguments(List.of("server", "/app/resources/config.yml")).build(),
                    new RecordingLog(logged, false));
            ProjectImage.checkedMainClass(request().mainClass("app.Service").build(), new RecordingLog(logged, false));

            assertThat(logged.stream().filter(l -> l.startsWith("WARN"))).containsExactly("WARN The main class "
                    + "app.HelloApplication is a Dropwizard application, which serves only when its command line names a "
                    + "command and a configuration file (server config.yml); the image gives it no arguments, so it prints "
                    + "its usage and exits unless the deployment passes them. Set <args><arg>server</arg><arg>"
                    + "/app/resources/config.yml</arg></args> in the gantry-maven-plugin's <configuration> (a configuration file in src/main/resources is "
                    + "in the image under /app/resources), or pass the arguments where the image is deployed.");
        }

        @Test
        void refuses_a_working_directory_that_is_not_absolute() {
            JibPluginSettings jib = new JibPluginSettings(null, List.of(), "app.Service", List.of(), List.of(), Map.of(),
                    List.of(), Map.of(), null, null, List.of(), Map.of());
            assertThatThrownBy(() -> new ImagePublisher(new RecordingLog(logged, false)).check(request()
                    .mainClass("app.Service").jibPlugin(jib).workingDirectory("config").build()))
                    .hasMessage("The image's <workingDirectory> 'config' is not an absolute path: the container starts in a "
                            + "directory of its own file system, named from its root. Set an absolute path "
                            + "(<workingDirectory>/app/resources</workingDirectory>, or -Dgantry.image.workingDirectory="
                            + "/app/resources), or leave it unset for the base image's. Nothing was pushed.");
        }

        /** The classpath file is an @argfile, split on whitespace by the launcher. */
        @Test
        void refuses_an_app_root_with_a_space() {
            assertThatThrownBy(() -> ProjectImage.checkedMainClass(request().mainClass("app.Service").appRoot("/opt/my app")
                    .build(), new RecordingLog(logged, false)))
                    .hasMessageStartingWith("The image's <appRoot> '/opt/my app' holds whitespace: the classpath file the "
                            + "entrypoint reads (java -cp @/opt/my app/jib-classpath-file) is split on whitespace");
        }

        /** A service compiled for Java 21 on a base image of Java 17 fails at start: refused before anything moves. */
        @Test
        void refuses_a_class_compiled_for_a_later_java_than_the_base_image_runs() throws Exception {
            Path java21 = dir.resolve("java21/app/Service.class");
            Files.createDirectories(java21.getParent());
            byte[] bytes = Files.readAllBytes(classes.resolve("app/Service.class"));
            bytes[7] = 65; // the class file's major version: 65 is Java 21
            Files.write(java21, bytes);
            MainClass main = new MainClass("app.Service", "the start-class property, Spring Boot's convention");

            assertThatThrownBy(() -> MainClassCheck.check(main, dir.resolve("java21"), List.of(), "eclipse-temurin:17-jre"))
                    .hasMessage("Main class app.Service is compiled for Java 21 (class file version 65), and the base image "
                            + "eclipse-temurin:17-jre runs Java 17: the container could not start it "
                            + "(UnsupportedClassVersionError). Nothing was pushed. Set the Java the project is built for "
                            + "(maven.compiler.release; Spring Boot: java.version), which the default base image follows, "
                            + "or set <from> (-Dgantry.image.from) to a base image with Java 21 or later.");
            MainClassCheck.check(main, dir.resolve("java21"), List.of(), "eclipse-temurin:21-jre");
            MainClassCheck.check(main, dir.resolve("java21"), List.of(), "registry.example.com/base:1"); // says no Java
            check("app.Service", "eclipse-temurin:17-jre");
        }

        @Test
        void accepts_a_class_of_the_project_or_of_a_dependency_jar() throws Exception {
            check("app.Service");
            check("app.Outer$Inner");
            check("lib.Launcher");
        }

        /** {@code java app.FromService} starts: the launcher's {@code getMethod} finds an inherited public static main. */
        @Test
        void accepts_a_class_that_inherits_its_main_from_the_project_or_a_dependency() throws Exception {
            check("app.FromService");
            check("app.FromLibrary");
            assertThatThrownBy(() -> check("app.FromHelper")).hasMessageContaining("has no public static void main");
        }

        @Test
        void refuses_a_class_that_is_nowhere_naming_where_it_came_from() {
            assertThatThrownBy(() -> check("app.Missing"))
                    .hasMessage("Main class app.Missing (from the start-class property, Spring Boot's convention) is not in the "
                            + "image: neither " + classes + " nor any of the 1 dependency jars holds app/Missing.class, so the "
                            + "container could not start. Nothing was pushed. Set the class that starts the service with "
                            + "<mainClass> in the gantry-maven-plugin configuration (or -Dgantry.image.mainClass="
                            + "com.example.Main).");
        }

        @Test
        void refuses_a_class_without_main_naming_where_it_was_found() {
            assertThatThrownBy(() -> check("lib.Util"))
                    .hasMessage("Main class lib.Util (from the start-class property, Spring Boot's convention, found in "
                            + "launcher-1.0.jar) has no public static void main(String[]) method, so the container could not "
                            + "start. Nothing was pushed. Set the class that starts the service with <mainClass> in the "
                            + "gantry-maven-plugin configuration (or -Dgantry.image.mainClass=com.example.Main).");
        }

        @Test
        void refuses_a_main_that_java_17_cannot_launch() {
            assertThatThrownBy(() -> check("app.Helper")).hasMessageContaining("has no public static void main(String[])");
            assertThatThrownBy(() -> check("app.InstanceMain")).hasMessageContaining("has no public static void main");
            assertThatThrownBy(() -> check("app.PackageMain")).hasMessageContaining("has no public static void main");
        }
    }
}
