package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.util.Optional;

/** Image references from the POM, refused with the element and property a person would fix. */
public final class ImageReferences {

    private ImageReferences() {
    }

    /** The reference, or empty when it is invalid (whoever parses it with {@link #parse} then says so). */
    static Optional<ImageReference> tryParse(String text) {
        try {
            return Optional.of(ImageReference.parse(text));
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses the plan's image repository in {@code validate} when no registry would take it (capitals in its path,
     * spaces, a tag where none belongs), rather than after the tests, when the image goal pushes.
     */
    public static void checkRepository(String repository) throws GantryException {
        parse(repository, "<imageRepository>", "gantry.image.repository");
    }

    static ImageReference parse(String text, String element, String property) throws GantryException {
        try {
            return ImageReference.parse(text);
        } catch (InvalidImageReferenceException e) {
            throw Refusals.invalidImageReference(text, element, property);
        }
    }
}
