package dev.gantry.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /** The image on its base (none: {@code scratch}), the base reached by a route: directly or through a relay. */
    interface ImageOnBase {
        JibContainerBuilder of(Optional<BaseImage> base, JibRunner.Route route) throws GantryException;
    }

    /**
     * @param baseAhead  the base image's look-up, under way: it overlaps with the target's credential, preparation and
     *                   look-up (its registry is often another, far away), and is waited for before anything is pushed
     * @param movesLater whether the mutable tags are left for later ({@link ImageResult#tagsToMove}): the build
     *                   publishes artifacts after the image, and they move once those are in place
     */
    ImageResult publish(ImageRequest request, CompletableFuture<Optional<BaseImage>> baseAhead, ImageOnBase images,
            RegistryAuth auth, ImageRegistries registries, BeforeImageMoves beforeMoves, boolean movesLater)
            throws GantryException {
        ImagePlan plan = request.image();
        ImageReference target = ImageReferences.parse(plan.repository(), "<imageRepository>", "gantry.image.repository");
        Optional<FoundCredential> found;
        ImageRegistry registry;
        ExistingTags existing;
        EarlyPush early = null;
        try {
            found = auth.find(target);
            registry = registries.open(target, found);
            registry.prepare(plan);
            // Jib builds the layers and authenticates during the look-up and the checks; its uploads wait for them
            early = startPush(request, target, found, baseAhead, images);
            existing = ExistingTags.lookUp(plan, request.version(), registry, log);
            if (existing.releaseOfSnapshotInPlace()) {
                log.warn(Refusals.snapshotOfReleasedVersion(request.version(), plan.repository()));
            }
            // the look-up is where the image side learns what the registry holds, and nothing has moved yet
            beforeMoves.check(existing.revisionUnder(request.version()));
        } catch (GantryException | RuntimeException | Error e) { // nothing may leave the push held
            abandon(early);
            Concurrently.join(baseAhead); // a base image that cannot be read is reported first, as when it was looked up first
            throw e;
        }
        Optional<BaseImage> base;
        try {
            base = Concurrently.join(baseAhead);
        } catch (GantryException | RuntimeException | Error e) { // nothing may leave the push held
            abandon(early);
            throw e;
        }
        if (!existing.anyImmutableTaken()) {
            Optional<ImageResult> pushed = pushNew(request, early, target, auth, registry, base.orElse(null),
                    existing.labels(), movesLater);
            if (pushed.isPresent()) {
                return pushed.get();
            }
            // another build took an immutable tag between the look-up and the push: look again and judge what is there
            existing = ExistingTags.lookUp(plan, request.version(), registry, log);
            // the other build's image may be this commit's (a re-run in parallel) or not: ask again, before any tag
            beforeMoves.check(existing.revisionUnder(request.version()));
        } else {
            abandon(early); // the registry holds an image under the tags: no push (another build of Jib's waits for it)
        }
        String digest = existing.releasedDigestOrRefuse(request, images.of(base, JibRunner.Route.DIRECT), target, jib,
                base);
        return tagExisting(request, target, registry, existing, digest, movesLater);
    }

    /**
     * Jib's push of the immutable tags (or of the mutable ones when there is none), started at once on its own thread,
     * every write to the registry held ({@link EarlyPush}). It waits for the base image's look-up, which pins the base.
     */
    private EarlyPush startPush(ImageRequest request, ImageReference target, Optional<FoundCredential> found,
            CompletableFuture<Optional<BaseImage>> baseAhead, ImageOnBase images) {
        HeldLog heldLog = new HeldLog(log);
        JibRunner ahead = jib.withLog(heldLog);
        return EarlyPush.start(ahead, heldLog, hold -> {
            Optional<BaseImage> base = Concurrently.join(baseAhead);
            JibContainerBuilder builder = images.of(base, JibRunner.Route.DIRECT);
            return ahead.containerize(new JibRunner.Build(
                    route -> route == JibRunner.Route.DIRECT ? builder : images.of(base, route),
                    route -> containerizer(request.image(), target, found, route)
                            .setExecutorService(hold.executor())
                            .addEventHandler(TimerEvent.class, hold::hold)));
        });
    }

    private static void abandon(EarlyPush early) {
        if (early != null) {
            early.abandon();
        }
    }

    /** The image is in the registry already: the missing tags get its manifest's bytes, nothing rebuilt or uploaded. */
    private ImageResult tagExisting(ImageRequest request, ImageReference target, ImageRegistry registry,
            ExistingTags existing, String digest, boolean movesLater) throws GantryException {
        ImagePlan plan = request.image();
        RemoteManifest manifest = existing.takenManifest();
        List<String> pushed = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        String image = target.getRegistry() + "/" + target.getRepository();
        TagMoves moves;
        try {
            // every immutable tag in place before a mutable one moves
            for (ImageTag tag : plan.immutableTags()) {
                (existing.holds(tag, digest) || !registry.put(tag, manifest, done(inPlace, pushed)) ? inPlace : pushed)
                        .add(tag.name());
            }
            List<ImageTag> moving = new ArrayList<>();
            for (ImageTag tag : plan.mutableTags()) {
                if (existing.holds(tag, digest)) {
                    inPlace.add(tag.name());
                } else {
                    moving.add(tag);
                }
            }
            moves = new TagMoves(new MovingTags(registry, existing.labels(), log), moving, image, digest,
                    () -> manifest, request, done(inPlace, pushed), log);
            if (!movesLater || moving.isEmpty()) {
                moved(moves.moveNow(), inPlace, pushed, kept);
                moves = null;
            } else {
                moves.lookForNewerSnapshot();
            }
            DigestFile.write(request, digest);
        } catch (GantryException e) {
            throw Refusals.afterImageInPlace(e, image, digest, done(inPlace, pushed));
        }
        log.info("Image " + image + "@" + digest
                + " is already in the registry; tags in place " + inPlace
                + (pushed.isEmpty() ? ", nothing pushed" : ", tagged now " + pushed + " (no layer uploaded)")
                + (moves == null ? "." : "; " + moves.waiting()));
        return new ImageResult(plan.repository(), digest, pushed, inPlace, kept, null, existing.publishedBase(), moves);
    }

    /**
     * The first push of this image. Jib pushes all the tags it is given at once, concurrently: given the mutable ones
     * too, {@code latest} could move although another build took {@code 1.4.0} since the look-up. So Jib pushes the
     * immutable tags only (uploading what the registry lacks), and only once they are in place do the mutable tags get
     * the very manifest, one small PUT each (nothing is uploaded again).
     *
     * @return empty when the registry refused an immutable tag that another build took since the look-up
     */
    private Optional<ImageResult> pushNew(ImageRequest request, EarlyPush early, ImageReference target,
            RegistryAuth auth, ImageRegistry registry, BaseImage base, ImageLabels labels, boolean movesLater)
            throws GantryException {
        ImagePlan plan = request.image();
        List<String> immutable = names(plan.immutableTags());
        List<String> first = firstTags(plan);
        List<String> later = immutable.isEmpty() ? List.of() : names(plan.mutableTags());
        String image = target.getRegistry() + "/" + target.getRepository();
        log.info("Pushing image " + image + " with tags " + first + (later.isEmpty() ? ""
                : ", then tagging it " + later + (movesLater ? " once the artifacts are published" : " once they are in place")));
        String digest;
        try {
            long waited = early.publish();
            log.debug(waited > 0 ? "Jib's push had waited " + waited + " ms for the look-up and checks."
                    : "Jib's push had not reached its first upload when the look-up and checks passed.");
            digest = early.pushed().getDigest().toString();
        } catch (Exception e) {
            early.stopSteps();
            if (registry.refusedExistingTag(e) && anyImmutableTagNow(registry, plan)) {
                log.warn("Another build pushed " + image + " under one of " + immutable + " since the look-up; looking again.");
                return Optional.empty();
            }
            throw early.jib().namingTheRegistry(registry.explain(e)
                    .orElseGet(() -> JibFailures.of(image, e, auth, request.allowInsecureRegistries())));
        }
        List<String> pushed = new ArrayList<>(first);
        List<String> inPlace = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        TagMoves moves = null;
        try {
            if (!later.isEmpty()) {
                // read back while the moving tags are looked at: a move needs the manifest's bytes only for its PUT
                CompletableFuture<RemoteManifest> readBack = Concurrently.start("gantry-manifest-read-back",
                        () -> registry.manifest(digest).orElseThrow(() -> Refusals.registryFailed(image,
                                "the manifest " + digest + " just pushed cannot be read back")));
                moves = new TagMoves(new MovingTags(registry, labels, log), plan.mutableTags(), image, digest,
                        () -> Concurrently.join(readBack), request, first, log);
                if (!movesLater) {
                    moved(moves.moveNow(), inPlace, pushed, kept);
                    moves = null;
                } else {
                    moves.lookForNewerSnapshot();
                }
            }
            DigestFile.write(request, digest);
        } catch (GantryException e) {
            throw Refusals.afterImageInPlace(e, image, digest, first);
        }
        log.info("Image " + image + "@" + digest + (moves == null ? " pushed with tags " + names(plan.tags()) + "."
                : " pushed with tags " + first + "; " + moves.waiting()));
        return Optional.of(new ImageResult(plan.repository(), digest, pushed, inPlace, kept, null, base, moves));
    }

    /** The tags Jib pushes: the immutable ones, or the mutable ones when there is no immutable tag. */
    private static List<String> firstTags(ImagePlan plan) {
        List<String> immutable = names(plan.immutableTags());
        return immutable.isEmpty() ? names(plan.mutableTags()) : immutable;
    }

    /** Jib's destination: the target under its first tags, with its credential, reached by {@code route}. */
    private static Containerizer containerizer(ImagePlan plan, ImageReference target, Optional<FoundCredential> found,
            JibRunner.Route route) {
        List<String> first = firstTags(plan);
        RegistryImage registryImage = RegistryImage.named(route.apply(target.withQualifier(first.get(0))));
        found.ifPresent(f -> registryImage.addCredential(f.credential().username(), f.credential().password()));
        Containerizer containerizer = Containerizer.to(registryImage);
        first.stream().skip(1).forEach(containerizer::withAdditionalTag);
        return containerizer;
    }

    private static void moved(TagMoves.Moved moved, List<String> inPlace, List<String> pushed, Map<String, String> kept) {
        pushed.addAll(moved.moved());
        inPlace.addAll(moved.inPlace());
        kept.putAll(moved.kept());
    }

    /** Whether one of the plan's immutable tags exists now (the look-up found none before the push). */
    private static boolean anyImmutableTagNow(ImageRegistry registry, ImagePlan plan) throws GantryException {
        return !registry.tags(names(plan.immutableTags())).isEmpty();
    }

    private static List<String> done(List<String> inPlace, List<String> pushed) {
        List<String> done = new ArrayList<>(inPlace);
        done.addAll(pushed);
        return done;
    }

    private static List<String> names(List<ImageTag> tags) {
        return tags.stream().map(ImageTag::name).toList();
    }
}
