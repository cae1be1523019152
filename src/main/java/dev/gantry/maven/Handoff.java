package dev.gantry.maven;

import java.util.List;

/**
 * What a deployment needs from a finished run, the same facts as {@code release.json} in the few values that CI
 * passes between jobs: {@code $GITHUB_OUTPUT}, {@code target/gantry/release.env}.
 *
 * @param released        true when this run ended with the plan's release complete (made now, or found already
 *                        done by a re-run of the same commit); false when there was nothing to release, in a dry run,
 *                        and when {@code superseded}
 * @param superseded      a snapshot whose image's moving tags stayed on a newer commit's image (a re-run of an older
 *                        commit, or pipelines finishing out of order): deploying this one would go back
 * @param version         the project version
 * @param imageRepository where the image is, {@code registry/name}; null without an image
 * @param imageDigest     the image's digest, {@code sha256:…}; null without an image (or in a dry run)
 * @param imageTags       the image's tags
 * @param gitTag          the release tag ({@code v1.2.0}); null for a snapshot or when there was nothing to release
 * @param environmentTag  the environment tag moved to this commit ({@code deploy/dev/current}), or null
 * @param environmentTagKept the environment tag left where a later build put it (not moved to this commit), or null
 * @param artifactCount   how many artifact files were published or found already published
 */
record Handoff(boolean released, boolean superseded, String version, String imageRepository, String imageDigest, List<String> imageTags,
        String gitTag, String environmentTag, String environmentTagKept, int artifactCount) {

    /**
     * The image as a deployment should reference it, by digest: {@code registry/name@sha256:…}, which no tag move can
     * change; null without an image.
     */
    String imageByDigest() {
        return imageRepository == null || imageDigest == null ? null : imageRepository + "@" + imageDigest;
    }

    /** The CI values, in the order they are written; a missing value is the empty string. */
    List<Value> values() {
        return List.of(new Value("released", String.valueOf(released)), new Value("version", orEmpty(version)),
                new Value("image", orEmpty(imageByDigest())), new Value("image-digest", orEmpty(imageDigest)),
                new Value("git-tag", orEmpty(gitTag)), new Value("environment-tag", orEmpty(environmentTag)));
    }

    /** One output: {@code name} as GitHub Actions spells it ({@code image-digest}). */
    record Value(String name, String value) {

        /** The dotenv spelling, which allows letters, digits and underscores only: {@code GANTRY_IMAGE_DIGEST}. */
        String envName() {
            return "GANTRY_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
