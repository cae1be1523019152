package dev.gantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Reads an image's layers back, for tests and invoker ITs' {@code verify.groovy}: unpacked into a directory, as a
 * container's file system would hold them, with the list of files each layer holds.
 */
public final class ImageLayers {

    private ImageLayers() {
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

    /** Unpacks one layer (a tar, gzipped or not) into {@code root}; gives the names of its entries. */
    public static List<String> extract(byte[] layer, Path root) throws IOException {
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

    /** The tar inside: layers are usually gzipped, an OCI tar's outer archive is not. */
    public static InputStream gunzip(byte[] bytes) throws IOException {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes);
    }
}
