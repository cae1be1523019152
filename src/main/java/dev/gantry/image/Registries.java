package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;

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

    /** Whether a registry host ({@code host[:port]}) is Docker Hub's, as Jib and Docker name it. */
    public static boolean isDockerHub(String registry) {
        String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return host.equals("registry-1.docker.io") || host.equals("docker.io") || host.equals("index.docker.io");
    }
}
