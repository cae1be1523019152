package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {

    @TempDir
    Path dir;

    @Test
    void replaces_an_earlier_file_and_leaves_nothing_beside_it() throws Exception {
        Path file = dir.resolve("gantry/release.env");
        WholeFile.write(file, "GANTRY_RELEASED=true\nGANTRY_VERSION=1.4.0\n");
        WholeFile.write(file, "GANTRY_RELEASED=false\n");

        assertThat(file).hasContent("GANTRY_RELEASED=false");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_cut_write_of_an_earlier_run_does_not_stand_in_for_the_file() throws Exception {
        Path file = dir.resolve("release.json");
        Files.writeString(dir.resolve(".release.json.partial"), "{\"status\": \"succ");
        WholeFile.write(file, "{}\n");

        assertThat(file).hasContent("{}");
        assertThat(dir.resolve(".release.json.partial")).doesNotExist();
    }
}
