package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.util.Optional;

/**
 * The image a build starts from, pinned: its name as configured and the digest its tag pointed at when this build
 * looked it up. Both go into the image's labels {@code org.opencontainers.image.base.name} and
 * {@code org.opencontainers.image.base.digest} and into {@code release.json}, so that a deployment knows exactly what it
 * runs on, and a re-run of a released commit can tell that the base image moved since.
 *
 * @param name   the base image's full name, {@code docker.io/library/eclipse-temurin:17-jre}
 * @param digest what that name pointed at ({@code sha256:…}: a manifest, or an index for a multi-platform base)
 */
public record BaseImage(String name, String digest) {

    /**
     * Looks the base image up in its registry, before Jib builds on it. jib-core 0.28.1 does not report the digest it
     * pulled (a {@code JibContainer} only knows the built image; the digest appears in a log line), and labels must be
     * set before the build anyway: so the tag is resolved here and Jib builds on {@code name@digest}, which makes the
     * label true even if the tag moves meanwhile (and lets Jib use its cache without asking the registry again).
     *
     * @return empty for {@code scratch}, which has no base
     */
    static Optional<BaseImage> lookUp(ImageRequest request, RegistryAuth auth) throws GantryException {
        ImageReference from = ImageReferences.parse(request.from(), "<from>", "gantry.image.from");
        if (from.isScratch()) {
            return Optional.empty();
        }
        String name = name(from);
        if (from.getDigest().isPresent()) {
            return Optional.of(new BaseImage(name, from.getDigest().get()));
        }
        Optional<FoundCredential> found = auth.find(from);
        RegistryApi api = new RegistryApi(from.getRegistry(), from.getRepository(),
                found.map(FoundCredential::credential).orElse(null), found.map(FoundCredential::source).orElse(null),
                request.allowInsecureRegistries(), request.sendCredentialsOverHttp()).forBaseImage();
        Optional<String> digest;
        try {
            digest = api.digest(from.getTag().orElse("latest"));
        } catch (GantryException e) {
            throw Refusals.baseImageUnreadable(request.from(), e.getMessage());
        }
        return Optional.of(new BaseImage(name, digest.orElseThrow(() -> Refusals.baseImageNotFound(request.from()))));
    }

    /** The reference Jib builds on: the name pinned to the digest looked up. */
    ImageReference pinned() throws GantryException {
        ImageReference reference = ImageReferences.parse(name, "<from>", "gantry.image.from");
        return ImageReference.of(reference.getRegistry(), reference.getRepository(), reference.getTag().orElse(null), digest);
    }

    /**
     * {@code registry/repository[:tag]}, Docker Hub's as {@code docker.io/library/…}: one spelling whether the POM says
     * {@code eclipse-temurin:17-jre} or {@code docker.io/library/eclipse-temurin:17-jre}, so the label does not depend on it.
     */
    private static String name(ImageReference from) {
        String registry = from.getRegistry().equals("registry-1.docker.io") ? "docker.io" : from.getRegistry();
        return registry + "/" + from.getRepository() + from.getTag().map(t -> ":" + t).orElse("");
    }
}
