package dev.gantry.aws;

import dev.gantry.release.GantryException;

/**
 * A CodeArtifact token that could not be had when Resolver asked for the repository's password. Resolver's
 * {@code Authentication.fill} takes no checked exception, so the refusal travels as this through the transport; Resolver
 * wraps it in its transfer failure, whose message repeats this one. A caller that finds it among the causes of a deploy
 * failure can report {@link #refusal()} alone.
 */
public final class CodeArtifactTokenUnavailable extends RuntimeException {

    private final GantryException refusal;

    CodeArtifactTokenUnavailable(GantryException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** The refusal, worded for the person reading the build log: what AWS answered and what to do. */
    public GantryException refusal() {
        return refusal;
    }
}
