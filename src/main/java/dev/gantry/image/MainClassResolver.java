package dev.gantry.image;

import com.google.cloud.tools.jib.api.MainClassFinder;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image's main class, the first of: Gantry's {@code <mainClass>}, the {@code start-class} property (Spring Boot's
 * convention), the maven-jar-plugin's manifest {@code mainClass}, the {@code exec.mainClass} property (exec-maven-plugin's
 * and Micronaut's), and the single class with a {@code main} method that
 * jib-core's {@link MainClassFinder} finds among the compiled classes. A setting that still holds a {@code ${…}}
 * expression (Spring Boot's parent sets the jar plugin's {@code mainClass} to {@code ${start-class}}, which many services
 * never define) is skipped, as jib-maven-plugin does: starting {@code java … ${start-class}} cannot work. The line that
 * names the main class says so, and so does the refusal when none is found; not a warning, which every Spring Boot
 * service that leaves {@code start-class} to Boot would print on every build with nothing to fix.
 */
final class MainClassResolver {

    private MainClassResolver() {
    }

    static MainClass resolve(ImageRequest request, GantryLog log) throws GantryException {
        List<MainClass> settings = List.of(new MainClass(request.mainClass(), MainClass.CONFIGURED),
                new MainClass(request.startClass(), MainClass.START_CLASS),
                new MainClass(request.manifestMainClass(), MainClass.JAR_PLUGIN),
                new MainClass(request.shadeMainClass(), MainClass.SHADE_PLUGIN),
                new MainClass(request.execMainClass(), MainClass.EXEC_MAIN_CLASS));
        List<String> ignored = new ArrayList<>();
        for (MainClass setting : settings) {
            if (setting.name() == null || setting.name().isBlank()) {
                continue;
            }
            String name = setting.name().strip();
            if (name.contains("${")) {
                ignored.add(name + " (" + setting.source() + ")");
                continue;
            }
            MainClass chosen = new MainClass(name, setting.source());
            log.info(chosen(chosen, ignored));
            return chosen;
        }
        return find(request.classesDirectory(), ignored, request.module(), log);
    }

    private static String chosen(MainClass main, List<String> ignored) {
        return "Main class " + main.name() + " (from " + main.source() + ")."
                + (ignored.isEmpty() ? "" : Refusals.passedOver(ignored));
    }

    private static MainClass find(Path classesDirectory, List<String> ignored, String module, GantryLog log)
            throws GantryException {
        List<Path> classFiles;
        if (Files.isDirectory(classesDirectory)) {
            try (Stream<Path> files = Files.walk(classesDirectory)) {
                classFiles = files.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw Refusals.imageOutputFailed(classesDirectory.toString(), e.getMessage());
            }
        } else {
            classFiles = List.of();
        }
        MainClassFinder.Result result = MainClassFinder.find(classFiles, event -> log.debug(event.getMessage()));
        switch (result.getType()) {
            case MAIN_CLASS_FOUND:
                MainClass found = new MainClass(result.getFoundMainClass(), MainClass.found(classesDirectory.toString()));
                log.info(chosen(found, ignored));
                return found;
            case MULTIPLE_MAIN_CLASSES:
                throw Refusals.multipleMainClasses(result.getFoundMainClasses().stream().sorted().toList(), module);
            default:
                throw Refusals.noMainClass(classesDirectory.toString(), ignored, module);
        }
    }
}
