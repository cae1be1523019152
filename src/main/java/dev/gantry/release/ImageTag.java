package dev.gantry.release;

import java.util.regex.Pattern;

/** An image tag the plan asks for; a mutable one moves to each new build, an immutable one never moves. */
public record ImageTag(String name, boolean mutable) {

    /** The distribution spec's tag: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
