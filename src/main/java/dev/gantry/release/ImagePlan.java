package dev.gantry.release;

import java.util.List;

/**
 * The image a release pushes.
 *
 * @param repository the image reference without tag ({@code registry/name}), or the embedded
 *                   default's name when the image goes to a local OCI tar
 * @param local      true for the embedded default: an OCI tar under {@code target/gantry/}
 * @param tags       the tags, immutable ones first
 */
public record ImagePlan(String repository, boolean local, List<ImageTag> tags) {

    public ImagePlan {
        tags = List.copyOf(tags);
    }

    public List<ImageTag> immutableTags() {
        return tags.stream().filter(t -> !t.mutable()).toList();
    }

    public List<ImageTag> mutableTags() {
        return tags.stream().filter(ImageTag::mutable).toList();
    }
}
