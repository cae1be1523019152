package dev.gantry.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The commit a published jar says it was built from: the full commit id in its {@code git.properties}, which
 * git-commit-id-maven-plugin writes ({@code git.commit.id.full}, or {@code git.commit.id} in its default full form),
 * under any name that ends so ({@code BOOT-INF/classes/git.properties}, {@code apollo-git.properties}). For a library,
 * which has no image whose revision label would tell, it is how a re-run knows that a release it finds published with
 * other bytes (its {@code git.build.time}) is its own commit's, left untagged by a failed tag push.
 */
final class PublishedCommit {

    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}");
    /** {@code git.properties}, alone or after a directory or a prefix ({@code apollo-git.properties}). */
    private static final Pattern GIT_PROPERTIES = Pattern.compile("(^|[/._-])git\\.properties$");

    private PublishedCommit() {
    }

    /**
     * The one commit the file's {@code git.properties} name; empty for a file that is no jar, names none or several, or
     * says it was built from a tree with uncommitted changes ({@code git.dirty=true}).
     */
    static Optional<String> of(Path file) {
        Set<String> named = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && GIT_PROPERTIES.matcher(entry.getName()).find()) {
                    Properties properties = new Properties();
                    try (InputStream in = zip.getInputStream(entry)) {
                        properties.load(in);
                    }
                    if (Boolean.parseBoolean(properties.getProperty("git.dirty", "false").trim())) {
                        return Optional.empty(); // built from changes on top of the commit: no evidence of it
                    }
                    String id = properties.getProperty("git.commit.id.full", properties.getProperty("git.commit.id", ""));
                    if (FULL_ID.matcher(id.trim()).matches()) {
                        named.add(id.trim());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException notAJar) {
            return Optional.empty();
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }
}
