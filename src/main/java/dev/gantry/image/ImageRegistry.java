package dev.gantry.image;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to one image repository, as the tag-safe push needs it; {@link ImageRegistries} picks the implementation by
 * host: a plain OCI registry ({@link OciRegistry}) or Amazon ECR ({@code dev.gantry.aws.EcrRegistry}). Layers and the
 * first manifest are pushed by Jib; everything else goes through here, so a registry's own errors and wording stay in
 * its implementation.
 */
public interface ImageRegistry {

    /** {@code registry/repository}, for messages. */
    String image();

    /**
     * Readies the repository before anything is looked up or pushed: nothing for a plain registry (a push creates it);
     * ECR may create it and set its tag mutability.
     */
    void prepare(ImagePlan plan) throws GantryException;

    /** Which of these tags exist, each with the manifest it holds (digest, media type, exact bytes); absent ones are left out. */
    Map<String, RemoteManifest> tags(List<String> tags) throws GantryException;

    /** The manifest under a tag or digest, or empty when there is none. */
    Optional<RemoteManifest> manifest(String reference) throws GantryException;

    /** A blob of this repository, such as an image's config. */
    byte[] blob(String digest) throws GantryException;

    /**
     * Puts a manifest already in this repository under a tag (nothing is uploaded).
     *
     * @param done the tags already in place, named in a refusal
     * @return true when put; false when the tag turned out to hold this very manifest already
     * @throws GantryException when refused, worded for the tag's role
     */
    boolean put(ImageTag tag, RemoteManifest manifest, List<String> done) throws GantryException;

    /**
     * Whether Jib's failed push is this registry refusing a tag that exists meanwhile (another build took it after the
     * look-up): the caller then looks again and judges what it finds. Never for a plain registry.
     */
    boolean refusedExistingTag(Exception jibFailure);

    /** Jib's failed push as this registry explains it, or empty for the general explanation ({@link JibFailures}). */
    Optional<GantryException> explain(Exception jibFailure);
}
