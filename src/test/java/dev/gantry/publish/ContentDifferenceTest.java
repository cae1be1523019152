package dev.gantry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDifferenceTest {

    @TempDir
    Path dir;

    @Nested
    class Jars {

        @Test
        void nameTheEntriesThatChangedAppearedOrVanished() throws IOException {
            Path built = jar("built.jar", Map.of("it/App.class", "same", "git.properties", "git.tags=v1.0.0", "new.txt", "x"));
            Path published = jar("published.jar", Map.of("it/App.class", "same", "git.properties", "git.tags=", "old.txt", "y"));

            ContentDifference difference = ContentDifference.of("orders-1.0.0.jar", built, published);

            assertThat(difference.entries()).containsExactlyInAnyOrder("git.properties (changed)", "new.txt (only in this build)",
                    "old.txt (only in the published copy)");
            assertThat(difference.describe()).startsWith("orders-1.0.0.jar differs in ");
        }

        @Test
        void withEqualEntriesSayThatOnlyTheZipItselfDiffers() throws IOException {
            Path built = jar("built.jar", Map.of("a.txt", "a", "b.txt", "b"));
            Path published = jar("published.jar", Map.of("b.txt", "b", "a.txt", "a"));

            assertThat(ContentDifference.of("orders-1.0.0.jar", built, published).describe())
                    .isEqualTo("orders-1.0.0.jar differs only in the zip's timestamps or entry order (every entry is equal)");
        }

        @Test
        void listAtMostTenEntries() throws IOException {
            Map<String, String> ours = new LinkedHashMap<>();
            Map<String, String> theirs = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                ours.put("e" + i, "ours");
                theirs.put("e" + i, "theirs");
            }
            String described = ContentDifference.of("x.jar", jar("a.jar", ours), jar("b.jar", theirs)).describe();

            assertThat(described).endsWith("e9 (changed) and 2 more");
        }
    }

    @Test
    void aBinaryFileThatIsNotAZipIsNamedAsAWhole() throws IOException {
        Path built = Files.write(dir.resolve("built.bin"), new byte[] {1, 0, 2});
        Path published = Files.write(dir.resolve("published.bin"), new byte[] {1, 0, 3});

        ContentDifference difference = ContentDifference.of("orders-1.0.0.bin", built, published);

        assertThat(difference.zip()).isFalse();
        assertThat(difference.describe()).isEqualTo("orders-1.0.0.bin differs");
    }

    /** CycloneDX's bom.json differs in its jars' hashes: the line says where to look, its content is not repeated. */
    @Test
    void aTextFileSaysTheFirstLineThatDiffers() throws IOException {
        Path built = Files.writeString(dir.resolve("built.json"), "{\n  \"a\": 1,\n  \"hash\": \"abc\"\n}\n");
        Path published = Files.writeString(dir.resolve("published.json"), "{\n  \"a\": 1,\n  \"hash\": \"abd\"\n}\n");

        assertThat(ContentDifference.of("orders-1.0.0-cyclonedx.json", built, published).describe())
                .isEqualTo("orders-1.0.0-cyclonedx.json differs from line 3 on (of 4 lines)")
                .doesNotContain("abc");
    }

    /** A shaded module's dependency-reduced POM written on Windows (CRLF) against the published one (LF). */
    @Test
    void aTextFileThatDiffersInItsLineEndingsOnlySaysSo() throws IOException {
        Path built = Files.writeString(dir.resolve("built.pom"), "<project>\r\n  <version>1.1.0</version>\r\n</project>\r\n");
        Path published = Files.writeString(dir.resolve("published.pom"), "<project>\n  <version>1.1.0</version>\n</project>\n");

        assertThat(ContentDifference.of("orders-1.1.0.pom", built, published).describe()).isEqualTo(
                "orders-1.1.0.pom differs in its line endings only (CRLF in this build, LF in the published copy)");
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
