package dev.gantry.release;

/** An image tag the plan asks for; a mutable one moves to each new build, an immutable one never moves. */
public record ImageTag(String name, boolean mutable) {
}
