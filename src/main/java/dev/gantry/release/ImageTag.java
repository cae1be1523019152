package dev.gantry.release;

/** An image tag the plan asks for; a mutable one moves to each new build, an immutable one never moves. */
public record ImageTag(String name, boolean mutable) {

    /** The distribution spec's tag: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
