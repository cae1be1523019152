package dev.gantry.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.gantry.publish.ScratchDirectory;
import dev.gantry.release.Concurrently;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads Jib's classes on a thread of its own while the project compiles, so that the image goal does not wait for them
 * at deploy. A fresh Maven JVM loads ~1,300 classes in the image goal (Jib's build steps, Guava's futures, ~700 of
 * Jackson's serializers for the image's JSON): the better part of a second there, on one core, while
 * the compiler leaves the other idle. The thread builds a one-file image on an empty base into a temporary directory,
 * which it deletes: no registry, no network, none of the user's caches. At most once per JVM; a failure here is left for
 * the image goal to meet and report.
 */
public final class JibPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JibPreload() {
    }

    public static void inBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Concurrently.start("gantry-jib-loading", JibPreload::buildThrowAwayImage);
    }

    /** Whether Jib built the image: false if it failed, which only a test wants to know. */
    static boolean buildThrowAwayImage() {
        try (ScratchDirectory scratch = ScratchDirectory.create("gantry-jib-loading")) {
            Path directory = scratch.path();
            Path file = Files.writeString(directory.resolve("loading.txt"), "loading Jib's classes");
            Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder()
                            .addEntry(file, AbsoluteUnixPath.get("/app/loading.txt")).build())
                    .setEntrypoint("java", "-version")
                    .setCreationTime(Instant.EPOCH)
                    .containerize(Containerizer.to(TarImage.at(directory.resolve("image.tar")).named("gantry-loading"))
                            .setBaseImageLayersCache(directory.resolve("base-cache"))
                            .setApplicationLayersCache(directory.resolve("application-cache"))
                            .setToolName("gantry"));
            return true;
        } catch (Exception | LinkageError e) {
            return false; // met again, and reported, by the image goal
        }
    }
}
