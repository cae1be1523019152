package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.aws.Ecr;

import java.util.Optional;

/** The one place that picks a repository's {@link ImageRegistry} by its host: Amazon ECR, or any OCI registry. */
final class ImageRegistries {

    private final ImageRequest request;
    private final Ecr ecr;

    ImageRegistries(ImageRequest request, Ecr ecr) {
        this.request = request;
        this.ecr = ecr;
    }

    ImageRegistry open(ImageReference target, Optional<FoundCredential> found) {
        RegistryApi api = new RegistryApi(target.getRegistry(), target.getRepository(),
                found.map(FoundCredential::credential).orElse(null), found.map(FoundCredential::source).orElse(null),
                request.allowInsecureRegistries(), request.sendCredentialsOverHttp());
        return ecr.registry(target.getRegistry(), target.getRepository(), api, found)
                .orElseGet(() -> new OciRegistry(api));
    }
}
