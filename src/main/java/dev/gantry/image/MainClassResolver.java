package dev.gantry.image;

import com.google.cloud.tools.jib.api.MainClassFinder;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image's main class: the configured one, else the jar manifest's, else the single class with a
 * {@code main} method that jib-core's {@link MainClassFinder} finds among the compiled classes.
 */
final class MainClassResolver {

    private MainClassResolver() {
    }

    static String resolve(String configured, String manifest, Path classesDirectory, GantryLog log) throws GantryException {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (manifest != null && !manifest.isBlank()) {
            log.debug("Main class " + manifest + " from the jar manifest configuration.");
            return manifest.strip();
        }
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
                log.info("Main class " + result.getFoundMainClass() + " (found in " + classesDirectory.getFileName() + ").");
                return result.getFoundMainClass();
            case MULTIPLE_MAIN_CLASSES:
                throw Refusals.multipleMainClasses(result.getFoundMainClasses().stream().sorted().toList());
            default:
                throw Refusals.noMainClass(classesDirectory.toString());
        }
    }
}
