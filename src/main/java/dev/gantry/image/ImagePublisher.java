package dev.gantry.image;

import dev.gantry.aws.Ecr;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.Refusals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the project's image with jib-core and publishes it as the plan says, never moving an
 * immutable tag:
 *
 * <ol>
 *   <li>The embedded default ({@link ImagePlan#local()}): an OCI tar at {@code target/gantry/image.tar}.</li>
 *   <li>Otherwise every tag of the plan is looked up in the registry first. When none of the immutable
 *       tags exists, the image is pushed once with its immutable tags (Jib uploads only the layers the registry
 *       lacks and mounts base layers from the same registry); only then do the mutable tags get its manifest.</li>
 *   <li>When an immutable tag exists, the image under it is judged by the commit it was built from (its
 *       {@code org.opencontainers.image.revision} label): this commit's is this release, already pushed, completed as
 *       it was published even if a rebuild would differ (a base image tag that moved), with a warning that says what
 *       differs; the missing tags get the existing manifest's bytes (one small PUT each; nothing rebuilt or uploaded).
 *       Another commit's is refused before anything is pushed, so no mutable tag moves either. An image without the
 *       label is compared by digest: Jib builds this one to a throw-away OCI tar to learn it ({@link ExistingTags}).</li>
 * </ol>
 *
 * The base image is looked up first and pinned to its digest ({@link BaseImage}); the image records both in its labels.
 * Several platforms give a Docker manifest list (jib-core builds no OCI index) that every tag points at; Jib cannot
 * write it to a tar, so the OCI tar default holds the first platform only (with a warning).
 *
 * In every case {@code target/gantry/image.digest} holds the digest.
 */
public final class ImagePublisher {

    private final GantryLog log;
    private final Map<String, String> environment;

    public ImagePublisher(GantryLog log) {
        this(log, System.getenv());
    }

    /** With the environment passed in (Docker config and credential helpers read it). */
    public ImagePublisher(GantryLog log, Map<String, String> environment) {
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    public ImageResult publish(ImageRequest request) throws GantryException {
        return publish(request, BeforeImageMoves.NOTHING);
    }

    /**
     * The checks of {@link #publish} that need no registry (the main class, what a jib-maven-plugin left in the module
     * would build otherwise), for a dry run: it moves nothing, yet must not say "would build" of an image a real run
     * refuses.
     */
    public void check(ImageRequest request) throws GantryException {
        ProjectImage.refuseRelativeWorkingDirectory(request);
        warnOfScratch(request);
        refuseWhatJibWouldBuildOtherwise(request, checkedMainClass(request));
    }

    /**
     * An image built on {@code scratch} holds no Java for its {@code java} entrypoint: said, not refused, since a file of
     * the image may bring a runtime (a jlink'd one under {@code src/main/jib}). An invalid {@code <from>} is left to the
     * base image's look-up, which refuses it.
     */
    private void warnOfScratch(ImageRequest request) {
        try {
            if (ImageReferences.parse(request.from(), "<from>", "gantry.image.from").isScratch()) {
                log.warn(Refusals.noJavaOnScratch());
            }
        } catch (GantryException invalid) {
            log.debug("The base image is checked with its look-up: " + invalid.getMessage());
        }
    }

    /**
     * Only what a jib-maven-plugin left in the module would build otherwise, for a branch that builds no image: the
     * main class is compared where Gantry can choose it, and its problems are left to a branch that builds the image.
     */
    public void checkJibSettings(ImageRequest request) throws GantryException {
        MainClass mainClass = null;
        try {
            mainClass = ProjectImage.checkedMainClass(request, log);
        } catch (GantryException cannotChoose) {
            refuseWithJibsMainClass(request, cannotChoose);
        }
        refuseWhatJibWouldBuildOtherwise(request, mainClass);
    }

    /**
     * The main class, checked; when Gantry cannot choose one and a jib-maven-plugin left in the module names it, the
     * refusal names Jib's (with every other setting left behind): that is the setting to carry over.
     */
    private MainClass checkedMainClass(ImageRequest request) throws GantryException {
        try {
            return ProjectImage.checkedMainClass(request, log);
        } catch (GantryException cannotChoose) {
            refuseWithJibsMainClass(request, cannotChoose);
            throw cannotChoose;
        }
    }

    private static void refuseWithJibsMainClass(ImageRequest request, GantryException cannotChoose)
            throws GantryException {
        JibPluginSettings jib = request.jibPlugin();
        if (jib != null && jib.mainClass() != null && request.quarkusApp() == null) {
            String why = cannotChoose.getMessage();
            int end = why.indexOf(". ");
            refuseWhatJibWouldBuildOtherwise(request, new MainClass("none", end > 0 ? why.substring(0, end) : why));
        }
    }

    /**
     * Publishes, asking {@code beforeMoves} once the registry's tags are looked up and before anything is pushed or
     * tagged (for the OCI tar default, before it is written): a refusal from it leaves the registry as it was.
     */
    public ImageResult publish(ImageRequest request, BeforeImageMoves beforeMoves) throws GantryException {
        return publish(request, beforeMoves, false);
    }

    /**
     * As {@link #publish(ImageRequest, BeforeImageMoves)}; with {@code movesLater}, for a build that publishes artifacts
     * after the image, the mutable tags of an image that has immutable ones are left to {@link ImageResult#tagsToMove}
     * (which then holds the registry's clients until its moves are done or closed).
     */
    public ImageResult publish(ImageRequest request, BeforeImageMoves beforeMoves, boolean movesLater)
            throws GantryException {
        Ecr ecr = new Ecr(log, request.repositoryPolicy());
        ImageResult result = null;
        try {
            result = publish(request, beforeMoves, movesLater, ecr);
            return result;
        } finally {
            if (result != null && result.tagsToMove() != null) {
                result.tagsToMove().closing(ecr);
            } else {
                ecr.close();
            }
        }
    }

    private ImageResult publish(ImageRequest request, BeforeImageMoves beforeMoves, boolean movesLater, Ecr ecr)
            throws GantryException {
        ImagePlan plan = request.image();
        RegistryAuth auth = new RegistryAuth(DefaultCredentialSources.of(request, environment, log,
                List.of(ecr.credentials()), Ecr::recognises), log);
        if (!plan.local()) {
            // the target's credential (ECR's token through the SDK: seconds in a fresh JVM) is looked up meanwhile
            ImageReferences.tryParse(plan.repository()).ifPresent(auth::findAhead);
        }
        // side by side with the main class's check and, for a registry, the target's look-ups
        CompletableFuture<Optional<BaseImage>> baseAhead = Concurrently.start("gantry-base-image",
                () -> BaseImage.lookUp(request, auth));
        // before anything is pushed or written
        ProjectImage.refuseRelativeWorkingDirectory(request);
        warnOfScratch(request);
        MainClass mainClass;
        try {
            mainClass = ProjectImage.checkedMainClass(request, log);
        } catch (GantryException e) {
            // before the base image's look-up, which may fail too: a module without a main class (a library) needs no
            // base image, and a local answer is the one to act on first
            refuseWithJibsMainClass(request, e);
            throw e;
        }
        // before the base image's look-up is waited for: Jib's <from> may be the registry this runner can reach
        refuseWhatJibWouldBuildOtherwise(request, mainClass);
        RegistryPublisher.ImageOnBase images = (base, route) -> ProjectImage.containerBuilder(request, base, auth,
                mainClass, route);
        JibRunner jib = new JibRunner(request, auth, log);
        if (plan.local()) {
            Optional<BaseImage> base = Concurrently.join(baseAhead);
            return new OciTarPublisher(jib, log).publish(request, images.of(base, JibRunner.Route.DIRECT),
                    base.orElse(null), beforeMoves);
        }
        return new RegistryPublisher(jib, log).publish(request, baseAhead, images, auth, new ImageRegistries(request, ecr),
                beforeMoves, movesLater);
    }

    /**
     * A team moving from jib-maven-plugin often leaves its configuration in the module; Gantry reads none of it, so an
     * image without its base image, flags or environment would be pushed with BUILD SUCCESS. Refused where they differ.
     */
    private static void refuseWhatJibWouldBuildOtherwise(ImageRequest request, MainClass mainClass)
            throws GantryException {
        if (request.jibPlugin() == null) {
            return;
        }
        List<String> differences = request.jibPlugin()
                .differencesFrom(request, request.quarkusApp() != null ? null : mainClass);
        if (!differences.isEmpty()) {
            throw Refusals.jibSettingsNotCarriedOver(request.module(), differences, request.jibPlugin().hasUnmatched());
        }
    }
}
