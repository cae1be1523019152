package dev.gantry.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How a file of this build differs from the copy already published: for a jar (any zip), the entries whose content
 * differs, compared by name and CRC-32 as {@code jar}/{@code zip} tools do; for a text file (an SBOM, a POM), the first
 * line that differs; for any other file, just that it differs.
 * A person then sees "git.properties changed" instead of "the jar differs".
 *
 * @param fileName the file's name, such as {@code orders-1.1.0.jar}
 * @param entries  one line per differing entry ({@code BOOT-INF/classes/git.properties (changed)}); for a text file, its
 *                 first differing line ({@code line 42 on (of 1203 lines)}); empty for a binary file, or a zip whose entries are all
 *                 equal (then only the zip's own timestamps or order differ)
 * @param zip      whether both files are zips, so that {@code entries} was compared
 */
public record ContentDifference(String fileName, List<String> entries, boolean zip) {

    private static final int SHOWN = 10;

    public ContentDifference {
        entries = List.copyOf(entries);
    }

    /** Compares this build's file with the published one, which are known to differ in bytes. */
    public static ContentDifference of(String fileName, Path built, Path published) {
        try (ZipFile ours = new ZipFile(built.toFile()); ZipFile theirs = new ZipFile(published.toFile())) {
            Map<String, Long> ourCrcs = crcs(ours);
            Map<String, Long> theirCrcs = crcs(theirs);
            List<String> entries = new ArrayList<>();
            ourCrcs.forEach((name, crc) -> {
                Long their = theirCrcs.get(name);
                if (their == null) {
                    entries.add(name + " (only in this build)");
                } else if (!their.equals(crc)) {
                    entries.add(name + " (changed)");
                }
            });
            theirCrcs.keySet().stream().filter(name -> !ourCrcs.containsKey(name))
                    .forEach(name -> entries.add(name + " (only in the published copy)"));
            return new ContentDifference(fileName, entries, true);
        } catch (IOException notAZip) {
            return new ContentDifference(fileName, firstDifferingLine(built, published).map(List::of).orElse(List.of()),
                    false);
        }
    }

    /** Text files of a few megabytes at most: an SBOM, a POM. Beyond that, or with a NUL byte, not said. */
    private static final int TEXT_LIMIT = 16 * 1024 * 1024;

    /**
     * Where two text files (CycloneDX's {@code bom.json}, a POM) first differ, as "from line 42 on (of 1203 lines)": the
     * line's number only, never its content, which a message should not repeat; or "in its line endings only".
     */
    private static Optional<String> firstDifferingLine(Path built, Path published) {
        try {
            if (Files.size(built) > TEXT_LIMIT || Files.size(published) > TEXT_LIMIT) {
                return Optional.empty();
            }
            byte[] ours = Files.readAllBytes(built);
            byte[] theirs = Files.readAllBytes(published);
            byte[] oursLf = lf(ours);
            byte[] theirsLf = lf(theirs);
            if (!Arrays.equals(ours, theirs) && Arrays.equals(oursLf, theirsLf)) {
                // maven-shade-plugin writes its dependency-reduced POM with the platform's line separator
                return Optional.of("in its line endings only (" + (oursLf.length < ours.length ? "CRLF" : "LF")
                        + " in this build, " + (theirsLf.length < theirs.length ? "CRLF" : "LF") + " in the published copy)");
            }
            int line = 1;
            int newlines = 0;
            int firstDiffering = -1;
            for (int i = 0; i < Math.max(ours.length, theirs.length); i++) {
                byte a = i < ours.length ? ours[i] : -1;
                byte b = i < theirs.length ? theirs[i] : -1;
                if (a == 0 || b == 0) {
                    return Optional.empty(); // binary
                }
                if (firstDiffering < 0 && a != b) {
                    firstDiffering = line;
                }
                if (i < ours.length && a == '\n') {
                    newlines++;
                }
                if (firstDiffering < 0 && a == '\n') {
                    line++;
                }
            }
            int lines = newlines + (ours.length > 0 && ours[ours.length - 1] != '\n' ? 1 : 0);
            return firstDiffering < 0 ? Optional.empty()
                    : Optional.of("from line " + firstDiffering + " on (of " + lines + " lines)");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text with each CRLF made LF. */
    private static byte[] lf(byte[] text) {
        return new String(text, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, Long> crcs(ZipFile zip) {
        Map<String, Long> crcs = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory()) {
                crcs.put(entry.getName(), entry.getCrc());
            }
        }
        return crcs;
    }

    /** For messages: "orders-1.1.0.jar differs in git.properties (changed)". */
    public String describe() {
        if (!zip) {
            return fileName + " differs" + (entries.isEmpty() ? "" : " " + entries.get(0));
        }
        if (entries.isEmpty()) {
            return fileName + " differs only in the zip's timestamps or entry order (every entry is equal)";
        }
        String shown = String.join(", ", entries.subList(0, Math.min(SHOWN, entries.size())))
                + (entries.size() > SHOWN ? " and " + (entries.size() - SHOWN) + " more" : "");
        return fileName + " differs in " + shown;
    }
}
