package dev.gantry.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What the image goal did.
 *
 * @param repository the image repository (or the embedded default's name)
 * @param digest     the image's digest ({@code sha256:…}); an index's digest for a multi-platform image
 * @param pushed     the tags pushed or moved by this build
 * @param inPlace    the tags found already on this digest (a re-run): nothing was pushed for them
 * @param tarFile    the OCI tar written for the embedded default, or null
 * @param base       the base image the image runs on (for a release found in place: the one it was built on, from its
 *                   labels), or null for {@code scratch} or a released image that does not record it
 * @param tagsToMove the mutable tags left to move once the artifacts are published ({@link TagMoves}), or null when
 *                   every tag is in place
 */
public record ImageResult(String repository, String digest, List<String> pushed, List<String> inPlace, Path tarFile,
        BaseImage base, TagMoves tagsToMove) {

    public ImageResult {
        pushed = List.copyOf(pushed);
        inPlace = List.copyOf(inPlace);
    }

    /** Every tag in place. */
    public ImageResult(String repository, String digest, List<String> pushed, List<String> inPlace, Path tarFile,
            BaseImage base) {
        this(repository, digest, pushed, inPlace, tarFile, base, null);
    }

    public boolean local() {
        return tarFile != null;
    }
}
