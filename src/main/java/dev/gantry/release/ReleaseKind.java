package dev.gantry.release;

import java.util.Locale;

/** What a branch publishes: an immutable release, an overwritable snapshot, or nothing. */
public enum ReleaseKind {
    STABLE,
    SNAPSHOT,
    NONE;

    /** The lower-case name used in the POM and in {@code plan.json}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReleaseKind parse(String text) throws GantryException {
        for (ReleaseKind kind : values()) {
            if (kind.id().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw Refusals.unknownReleaseKind(text);
    }
}
