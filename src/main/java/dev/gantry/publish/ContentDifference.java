package dev.gantry.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How a file of this build differs from the copy already published: for a jar (any zip), the entries whose content
 * differs, compared by name and CRC-32 as {@code jar}/{@code zip} tools do; for any other file, just that it differs.
 * A person then sees "git.properties changed" instead of "the jar differs".
 *
 * @param fileName the file's name, such as {@code orders-1.1.0.jar}
 * @param entries  one line per differing entry ({@code BOOT-INF/classes/git.properties (changed)}); empty for a file that is
 *                 not a zip, or a zip whose entries are all equal (then only the zip's own timestamps or order differ)
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
            return new ContentDifference(fileName, List.of(), false);
        }
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
            return fileName + " differs";
        }
        if (entries.isEmpty()) {
            return fileName + " differs only in the zip's timestamps or entry order (every entry is equal)";
        }
        String shown = String.join(", ", entries.subList(0, Math.min(SHOWN, entries.size())))
                + (entries.size() > SHOWN ? " and " + (entries.size() - SHOWN) + " more" : "");
        return fileName + " differs in " + shown;
    }
}
