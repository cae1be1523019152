package dev.gantry.testing;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Base images for tests without internet: built from scratch with Jib and pushed into a {@link LocalRegistry}. */
public final class BaseImages {

    private BaseImages() {
    }

    /** Pushes {@code <registry>/<repository>:1}: one layer holding {@code size} random bytes, env {@code BASE=yes}. */
    public static String push(LocalRegistry registry, String repository, int size) throws Exception {
        Path file = Files.createTempFile("base", ".bin");
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        String reference = registry.host() + "/" + repository + ":1";
        try {
            Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/base/os.bin")).build())
                    .addEnvironmentVariable("BASE", "yes")
                    .containerize(Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true));
        } finally {
            Files.delete(file);
        }
        return reference;
    }
}
