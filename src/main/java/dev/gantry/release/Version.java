package dev.gantry.release;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project version as the branch conventions see it: {@code X.Y.Z} (stable), {@code X.Y.Z-SNAPSHOT}
 * (snapshot), or anything else (allowed only where nothing is published). Semantic-version
 * ordering of the {@code X.Y.Z} core is all the decision needs, so this is kept free of Maven's
 * version model (the core imports nothing from Maven).
 */
public final class Version implements Comparable<Version> {

    public static final String SNAPSHOT_SUFFIX = "-SNAPSHOT";
    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-SNAPSHOT)?");

    private final String text;
    private final int[] core; // null when the text is not X.Y.Z[-SNAPSHOT]
    private final boolean snapshot;

    private Version(String text) {
        this.text = text;
        Matcher m = FORM.matcher(text);
        if (m.matches()) {
            core = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            snapshot = m.group(4) != null;
        } else {
            core = null;
            snapshot = text.endsWith(SNAPSHOT_SUFFIX);
        }
    }

    public static Version of(String text) {
        return new Version(Objects.requireNonNull(text, "version").trim());
    }

    /** {@code X.Y.Z} exactly: the only form a stable branch releases. */
    public boolean isStable() {
        return core != null && !snapshot;
    }

    /** {@code X.Y.Z-SNAPSHOT} exactly: the form a snapshot branch publishes. */
    public boolean isSnapshot() {
        return core != null && snapshot;
    }

    /**
     * What keeps a version from the {@code X.Y.Z[-SNAPSHOT]} form, in a few words for a refusal ("a leading 'v'"), or
     * empty when nothing more precise than "not that form" can be said.
     */
    public String problem() {
        String core = withoutSnapshot();
        if (text.toUpperCase(java.util.Locale.ROOT).endsWith(SNAPSHOT_SUFFIX) && !snapshot) {
            return "its snapshot suffix is not spelled -SNAPSHOT, the one Maven knows";
        }
        if (core.matches("[vV]\\d.*")) {
            return "it starts with '" + core.charAt(0) + "', which belongs to the tag (the tag prefix adds it), not the version";
        }
        if (core.matches("\\d+(\\.\\d+)*")) {
            String[] numbers = core.split("\\.");
            if (numbers.length != 3) {
                return "it has " + numbers.length + " number" + (numbers.length == 1 ? "" : "s") + ", not three";
            }
            for (String number : numbers) {
                if (number.length() > 1 && number.startsWith("0")) {
                    return "the number " + number + " has a leading zero";
                }
                if (number.length() > 9) {
                    return "the number " + number + " has more than 9 digits";
                }
            }
        }
        if (core.matches("\\d+(\\.\\d+)*[-.+].*")) {
            return "it carries a qualifier (" + core.replaceFirst("^\\d+(\\.\\d+)*", "") + "), and the branch "
                    + "conventions know X.Y.Z and X.Y.Z-SNAPSHOT only";
        }
        return "";
    }

    /** Ends with {@code -SNAPSHOT}, whatever comes before. */
    public boolean hasSnapshotSuffix() {
        return snapshot;
    }

    /** The {@code X.Y.Z} this version is of, or {@code X.Y.Z-SNAPSHOT} with the suffix removed. */
    public String withoutSnapshot() {
        return snapshot ? text.substring(0, text.length() - SNAPSHOT_SUFFIX.length()) : text;
    }

    /** Compares the numeric cores; a snapshot sorts before the release of the same core. */
    @Override
    public int compareTo(Version other) {
        if (core == null || other.core == null) {
            throw new IllegalStateException("only X.Y.Z[-SNAPSHOT] versions are ordered: " + text + ", " + other.text);
        }
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(core[i], other.core[i]);
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(other.snapshot, snapshot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
