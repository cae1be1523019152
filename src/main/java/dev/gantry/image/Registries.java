package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.util.Locale;
import java.util.Set;

/** Image reference helpers for the Maven glue, which must not parse references itself. */
public final class Registries {

    private Registries() {
    }

    /**
     * The registry host of an image reference as Jib reads it ({@code registry-1.docker.io} for Docker Hub
     * names such as {@code eclipse-temurin:17-jre}), or the text itself when it does not parse (the image goal
     * then refuses it with a message).
     */
    public static String of(String image) {
        try {
            return ImageReference.parse(image).getRegistry();
        } catch (InvalidImageReferenceException e) {
            return image;
        }
    }

    /** Docker Hub's names, as Jib, Docker and Docker's config files give them. */
    static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");

    /** Whether a registry host ({@code host[:port]}) is Docker Hub's. */
    public static boolean isDockerHub(String registry) {
        String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return DOCKER_HUB.contains(host.toLowerCase(Locale.ROOT));
    }
}
