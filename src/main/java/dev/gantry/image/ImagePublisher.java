package dev.gantry.image;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import dev.gantry.aws.Ecr;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;

import java.util.List;
import java.util.Map;

/**
 * Builds the project's image with jib-core and publishes it as the plan says, never moving an
 * immutable tag:
 *
 * <ol>
 *   <li>The embedded default ({@link ImagePlan#local()}): an OCI tar at {@code target/gantry/image.tar}.</li>
 *   <li>Otherwise every tag of the plan is looked up in the registry first. When none of the immutable
 *       tags exists, the image is pushed once with its immutable tags (Jib uploads only the layers the registry
 *       lacks and mounts base layers from the same registry); only then do the mutable tags get its manifest.</li>
 *   <li>When an immutable tag exists, this build's digest is computed without pushing anything (Jib
 *       builds the same image to a throw-away OCI tar: same layers, same config, same manifest). A tag on
 *       another digest is refused before anything is pushed, so no mutable tag moves either. When every
 *       existing immutable tag holds this digest, the image is already in the registry: the missing tags
 *       get the existing manifest's bytes (one small PUT each; nothing rebuilt or uploaded).</li>
 * </ol>
 *
 * Several platforms give a Docker manifest list (jib-core builds no OCI index) that every tag points at; as Jib
 * cannot write it to a tar, an existing immutable tag is judged by the commit its image was built from instead of
 * by digest, and the OCI tar default holds the first platform only (with a warning).
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
        ImagePlan plan = request.image();
        try (Ecr ecr = new Ecr(log, request.repositoryPolicy())) {
            RegistryAuth auth = new RegistryAuth(DefaultCredentialSources.of(request, environment, log,
                    List.of(ecr.credentials()), Ecr::recognises), log);
            JibContainerBuilder builder = ProjectImage.containerBuilder(request, auth, log);
            JibRunner jib = new JibRunner(request, auth, log);
            return plan.local() ? new OciTarPublisher(jib, log).publish(request, builder)
                    : new RegistryPublisher(jib, log).publish(request, builder, auth, new ImageRegistries(request, ecr));
        }
    }
}
