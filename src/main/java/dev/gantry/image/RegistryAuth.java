package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credential for a registry by asking the {@link CredentialSource}s in order, first found wins
 * ({@link DefaultCredentialSources} builds the list). Asks once per registry host and build, and remembers where the
 * credential came from for messages. Logs that source, never the secret.
 */
final class RegistryAuth {

    private final List<CredentialSource> sources;
    private final GantryLog log;
    /** What {@link #find} found, by registry host: asked once per build, named again in messages. */
    private final Map<String, Optional<FoundCredential>> cache = new HashMap<>();

    RegistryAuth(List<CredentialSource> sources, GantryLog log) {
        this.sources = List.copyOf(sources);
        this.log = log;
    }

    Optional<FoundCredential> find(ImageReference reference) throws GantryException {
        if (reference.isScratch()) {
            return Optional.empty();
        }
        String registry = reference.getRegistry();
        Optional<FoundCredential> cached = cache.get(registry);
        if (cached == null) {
            cached = lookUp(reference, registry);
            cache.put(registry, cached);
        }
        return cached;
    }

    /** Where the credential for a registry came from, if {@link #find} found one. */
    Optional<String> sourceOf(String registry) {
        return cache.getOrDefault(registry, Optional.empty()).map(FoundCredential::source);
    }

    private Optional<FoundCredential> lookUp(ImageReference reference, String registry) throws GantryException {
        for (CredentialSource source : sources) {
            Optional<FoundCredential> found = source.find(reference);
            if (found.isPresent()) {
                log.debug("Using credentials for " + registry + " from " + found.get().source() + ".");
                return found;
            }
        }
        log.debug("No credentials found for " + registry + "; trying anonymous access.");
        return Optional.empty();
    }
}
