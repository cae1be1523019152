package dev.gantry.image;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import dev.gantry.release.WholeFile;

import java.io.IOException;
import java.nio.file.Path;

/** {@code target/gantry/image.digest}, written whichever way the image was published. */
final class DigestFile {

    private DigestFile() {
    }

    static void write(ImageRequest request, String digest) throws GantryException {
        Path file = request.outputDirectory().resolve("image.digest");
        try {
            WholeFile.write(file, digest);
        } catch (IOException e) {
            throw Refusals.imageOutputFailed(file.toString(), e.getMessage());
        }
    }
}
