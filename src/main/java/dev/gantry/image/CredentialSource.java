package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.release.GantryException;

import java.util.Optional;

/**
 * One place a registry credential may come from, asked in order by {@link RegistryAuth} until one has it (as
 * jib-plugins-common's {@code CredentialRetriever} list). The list is built in one place,
 * {@link DefaultCredentialSources}.
 */
@FunctionalInterface
public interface CredentialSource {

    /**
     * The credential for the reference's registry, or empty when this source has none (the next one is asked).
     *
     * @throws GantryException when the source exists but fails (a helper that errs, an unreadable config): a refusal
     *                         that says what to fix, rather than a silent fall-through to anonymous access
     */
    Optional<FoundCredential> find(ImageReference reference) throws GantryException;
}
