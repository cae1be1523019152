package dev.gantry.image;

import dev.gantry.release.GantryException;

import java.util.Optional;

/**
 * Asked by the image side once it knows what the registry holds and before anything is pushed or tagged. Nothing is
 * half-published (DESIGN.md): the artifacts that publish would refuse later are judged before the image moves, and that
 * judgement needs what the registry holds, since a release is its commit: an image under the release's version that was
 * built from this commit makes the artifacts already published this commit's too, even when today's jar differs. The
 * image side says only what it found; what is checked is the caller's business (the Maven glue asks publish).
 */
@FunctionalInterface
public interface BeforeImageMoves {

    /** Checks nothing. */
    BeforeImageMoves NOTHING = releasedRevision -> { };

    /**
     * @param releasedRevision the {@code org.opencontainers.image.revision} label of the image the registry holds under
     *                         the release's version tag; empty when that tag is not taken, the image has no such label,
     *                         or the image goes to a local OCI tar
     * @throws GantryException to stop before the image moves: no tag is pushed then
     */
    void check(Optional<String> releasedRevision) throws GantryException;
}
