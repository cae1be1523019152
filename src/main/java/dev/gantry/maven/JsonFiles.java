package dev.gantry.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes Gantry's JSON reports, pretty-printed, creating the folder. */
final class JsonFiles {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(ObjectNode json, Path file) throws GantryException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw Refusals.cannotWrite(String.valueOf(file), e);
        }
    }
}
