package dev.gantry.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file that a later step reads (release.env, release.json, plan.json, image.digest) so that it is
 * either there whole or not there: the text goes to a file beside it, which then takes its name. A job killed while
 * writing leaves no cut file for a step that runs {@code if: always()} to read.
 */
public final class WholeFile {

    private WholeFile() {
    }

    public static void write(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // a fixed name, not createTempFile: its random name costs a fresh JVM's SecureRandom set-up, and one build
        // writes each of these files from one thread
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
