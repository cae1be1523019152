package dev.gantry.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.testing.LocalRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a pushed image back for an invoker IT's {@code verify.groovy}: its layers unpacked into a directory, as a
 * container's file system would hold them, and the list of files each layer holds.
 */
public final class ItImage {

    private ItImage() {
    }

    /** Unpacks every layer of {@code repository:reference}, in order, into {@code root}; gives the layers' file lists. */
    public static List<List<String>> unpack(LocalRegistry registry, String repository, String reference, Path root)
            throws IOException {
        List<List<String>> layers = new ArrayList<>();
        for (JsonNode layer : registry.manifest(repository, reference).json().path("layers")) {
            layers.add(extract(registry.blob(repository, layer.path("digest").asText()), root));
        }
        return layers;
    }

    private static List<String> extract(byte[] layer, Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gunzip(layer))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                names.add(name);
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("Layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return names;
    }

    private static InputStream gunzip(byte[] bytes) throws IOException {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes);
    }
}
