package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JibPreloadTest {

    @Test
    void buildsItsThrowAwayImageAndLeavesNothingBehind() throws Exception {
        List<Path> before = leftovers();

        // false would mean the loading fails quietly in every build (a Jib upgrade, a class missing from the plugin jar)
        assertThat(JibPreload.buildThrowAwayImage()).isTrue();

        assertThat(leftovers()).isEqualTo(before);
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("gantry-jib-loading")).sorted().toList();
        }
    }
}
