package dev.gantry.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes to a registry, never moving an immutable tag: the image is pushed once when none of its immutable tags is
 * taken, and otherwise only the missing tags get the manifest already there ({@link ExistingTags} says which case it is).
 */
final class RegistryPublisher {

    private final JibRunner jib;
    private final GantryLog log;

    RegistryPublisher(JibRunner jib, GantryLog log) {
        this.jib = jib;
        this.log = log;
    }

    ImageResult publish(ImageRequest request, JibContainerBuilder builder, RegistryAuth auth, Optional<BaseImage> base)
            throws GantryException {
        ImagePlan plan = request.image();
        ImageReference target = ImageReferences.parse(plan.repository(), "<imageRepository>", "gantry.image.repository");
        Optional<RegistryAuth.Found> found = auth.find(target);
        RegistryApi api = new RegistryApi(target.getRegistry(), target.getRepository(),
                found.map(RegistryAuth.Found::credential).orElse(null), found.map(RegistryAuth.Found::source).orElse(null),
                request.allowInsecureRegistries(), request.sendCredentialsOverHttp());

        ExistingTags existing = ExistingTags.lookUp(plan, api, log);
        if (!existing.anyImmutableTaken()) {
            return pushNew(request, builder, target, found, auth, api, base.orElse(null));
        }
        String digest = existing.releasedDigestOrRefuse(request, builder, target, jib, base);
        return tagExisting(request, target, api, existing, digest);
    }

    /** The image is in the registry already: the missing tags get its manifest's bytes, nothing rebuilt or uploaded. */
    private ImageResult tagExisting(ImageRequest request, ImageReference target, RegistryApi api, ExistingTags existing,
            String digest) throws GantryException {
        ImagePlan plan = request.image();
        RemoteManifest manifest = existing.takenManifest();
        List<String> pushed = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        for (ImageTag tag : immutableFirst(plan)) {
            if (existing.holds(tag, digest)) {
                inPlace.add(tag.name());
            } else {
                putTag(api, target, tag, manifest, inPlace, pushed);
                pushed.add(tag.name());
            }
        }
        DigestFile.write(request, digest);
        log.info("Image " + target.getRegistry() + "/" + target.getRepository() + "@" + digest
                + " is already in the registry; tags in place " + inPlace
                + (pushed.isEmpty() ? ", nothing pushed." : ", tagged now " + pushed + " (no layer uploaded)."));
        return new ImageResult(plan.repository(), digest, pushed, inPlace, null, existing.publishedBase());
    }

    /**
     * The first push of this image. Jib pushes all the tags it is given at once, concurrently: given the mutable ones
     * too, {@code latest} could move although another build took {@code 1.4.0} since the look-up. So Jib pushes the
     * immutable tags only (uploading what the registry lacks), and only once they are in place do the mutable tags get
     * the very manifest, one small PUT each (nothing is uploaded again).
     */
    private ImageResult pushNew(ImageRequest request, JibContainerBuilder builder, ImageReference target,
            Optional<RegistryAuth.Found> found, RegistryAuth auth, RegistryApi api, BaseImage base) throws GantryException {
        ImagePlan plan = request.image();
        List<String> immutable = names(plan.immutableTags());
        List<String> first = immutable.isEmpty() ? names(plan.mutableTags()) : immutable;
        List<String> later = immutable.isEmpty() ? List.of() : names(plan.mutableTags());
        String image = target.getRegistry() + "/" + target.getRepository();
        log.info("Pushing image " + image + " with tags " + first
                + (later.isEmpty() ? "" : ", then tagging it " + later + " once they are in place"));
        RegistryImage registryImage = RegistryImage.named(target.withQualifier(first.get(0)));
        found.ifPresent(f -> registryImage.addCredential(f.credential().username(), f.credential().password()));
        Containerizer containerizer = Containerizer.to(registryImage);
        first.stream().skip(1).forEach(containerizer::withAdditionalTag);
        String digest;
        try {
            digest = jib.containerize(builder, containerizer).getDigest().toString();
        } catch (Exception e) {
            throw tagRefusedByJib(e, target, plan, api).orElseGet(() -> JibFailures.of(image, e, auth));
        }
        if (!later.isEmpty()) {
            RemoteManifest manifest = api.manifest(digest).orElseThrow(() -> Refusals.registryFailed(image,
                    "the manifest " + digest + " just pushed cannot be read back"));
            List<String> done = new ArrayList<>(first);
            for (ImageTag tag : plan.mutableTags()) {
                putTag(api, target, tag, manifest, done, List.of());
                done.add(tag.name());
            }
        }
        DigestFile.write(request, digest);
        List<String> tags = names(plan.tags());
        log.info("Image " + image + "@" + digest + " pushed with tags " + tags + ".");
        return new ImageResult(plan.repository(), digest, tags, List.of(), null, base);
    }

    /** Puts a manifest under a tag; a refusal of the tag as immutable is worded for the tag's role. */
    private static void putTag(RegistryApi api, ImageReference target, ImageTag tag, RemoteManifest manifest,
            List<String> inPlace, List<String> pushed) throws GantryException {
        try {
            api.putManifest(tag.name(), manifest);
        } catch (RegistryApi.TagRefused refused) {
            if (!tag.mutable()) {
                throw Refusals.imageTagTakenDuringPush(target.getRepository(), tag.name());
            }
            List<String> done = new ArrayList<>(inPlace);
            done.addAll(pushed);
            throw Refusals.imageTagImmutable(target.getRepository(), tag.name(), refused.code, done);
        }
    }

    /**
     * A manifest PUT refused as Jib reports it ({@link JibFailures#isManifestRefused}) is what ECR answers for an
     * existing tag of an immutable repository. Jib pushed the immutable tags only, none of which existed at the
     * look-up: if one exists now, another build took it meanwhile.
     */
    private Optional<GantryException> tagRefusedByJib(Exception e, ImageReference target, ImagePlan plan, RegistryApi api) {
        if (!JibFailures.isManifestRefused(e)) {
            return Optional.empty();
        }
        for (ImageTag tag : plan.immutableTags()) {
            try {
                if (api.manifest(tag.name()).isPresent()) {
                    return Optional.of(Refusals.imageTagTakenDuringPush(target.getRepository(), tag.name()));
                }
            } catch (GantryException lookUpFailed) {
                log.debug("Cannot look up " + tag.name() + " after the refused push: " + lookUpFailed.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The plan's tags, the immutable ones first: a mutable tag moves only after every immutable one is in place. */
    private static List<ImageTag> immutableFirst(ImagePlan plan) {
        List<ImageTag> tags = new ArrayList<>(plan.immutableTags());
        tags.addAll(plan.mutableTags());
        return tags;
    }

    private static List<String> names(List<ImageTag> tags) {
        return tags.stream().map(ImageTag::name).toList();
    }
}
