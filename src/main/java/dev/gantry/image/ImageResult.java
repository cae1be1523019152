package dev.gantry.image;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the image goal did.
 *
 * @param repository the image repository (or the embedded default's name)
 * @param digest     the image's digest ({@code sha256:…}); an index's digest for a multi-platform image
 * @param pushed     the tags pushed or moved by this build
 * @param inPlace    the tags found already on this digest (a re-run): nothing was pushed for them
 * @param kept       the moving tags left on a newer commit's or a higher release's image, each with its word in
 *                   release.json ({@link TagMoves.Moved#kept})
 * @param tarFile    the OCI tar written for the embedded default, or null
 * @param base       the base image the image runs on (for a release found in place: the one it was built on, from its
 *                   labels), or null for {@code scratch} or a released image that does not record it
 * @param tagsToMove the mutable tags left to move once the artifacts are published ({@link TagMoves}), or null when
 *                   every tag is in place
 */
public record ImageResult(String repository, String digest, List<String> pushed, List<String> inPlace,
        Map<String, String> kept, Path tarFile, BaseImage base, TagMoves tagsToMove) {

    public ImageResult {
        pushed = List.copyOf(pushed);
        inPlace = List.copyOf(inPlace);
        kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
    }

    /** Every tag in place, none kept elsewhere. */
    public ImageResult(String repository, String digest, List<String> pushed, List<String> inPlace, Path tarFile,
            BaseImage base) {
        this(repository, digest, pushed, inPlace, Map.of(), tarFile, base, null);
    }

    public boolean local() {
        return tarFile != null;
    }
}
