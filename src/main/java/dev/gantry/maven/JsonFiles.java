package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import dev.gantry.release.WholeFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes Gantry's JSON reports, pretty-printed, creating the folder. */
final class JsonFiles {

    private JsonFiles() {
    }

    static JsonObject object() {
        return new JsonObject();
    }

    static void write(JsonObject json, Path file) throws GantryException {
        try {
            WholeFile.write(file, json + "\n");
        } catch (IOException e) {
            throw Refusals.cannotWrite(String.valueOf(file), e);
        }
    }
}
