package dev.gantry.image;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The embedded default when no image repository is configured: an OCI tar at {@code target/gantry/image.tar}. */
final class OciTarPublisher {

    private final JibRunner jib;
    private final GantryLog log;

    OciTarPublisher(JibRunner jib, GantryLog log) {
        this.jib = jib;
        this.log = log;
    }

    ImageResult publish(ImageRequest request, JibContainerBuilder builder, BaseImage base, BeforeImageMoves beforeMoves)
            throws GantryException {
        ImagePlan plan = request.image();
        Path tar = request.outputDirectory().resolve("image.tar");
        String name = plan.repository() + ":" + (plan.tags().isEmpty() ? "latest" : plan.tags().get(0).name());
        beforeMoves.check(Optional.empty()); // a tar is no release: nothing under the version to judge by
        log.info("Building image " + name + " as an OCI tar (no image repository configured): " + tar);
        String digest = jib.toTar(builder, tar, name);
        DigestFile.write(request, digest);
        log.info("Image " + name + " written: " + digest);
        return new ImageResult(plan.repository(), digest, plan.tags().stream().map(ImageTag::name).toList(), List.of(), tar,
                base);
    }
}
