package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the credential for a registry by asking the {@link CredentialSource}s in order, first found wins
 * ({@link DefaultCredentialSources} builds the list). Asks once per registry host and build, and remembers where the
 * credential came from for messages. Logs that source, never the secret.
 */
final class RegistryAuth {

    private final List<CredentialSource> sources;
    private final GantryLog log;
    /** What {@link #find} found or is finding, by registry host: asked once per build, named again in messages. */
    private final Map<String, CompletableFuture<Optional<FoundCredential>>> cache = new ConcurrentHashMap<>();

    RegistryAuth(List<CredentialSource> sources, GantryLog log) {
        this.sources = List.copyOf(sources);
        this.log = log;
    }

    /**
     * Starts looking the credential up on a thread of its own, so that a slow source overlaps with other work: ECR's
     * token comes through the AWS SDK, whose first client and call take seconds in a fresh JVM, while the base image
     * look-up and the layers need none of it. {@link #find} then waits for it; a failure is reported there, as if
     * {@link #find} had looked up itself. The sources are still asked in order, so a {@code settings.xml} server for
     * the host still wins and ECR is then not called at all.
     */
    void findAhead(ImageReference reference) {
        if (reference.isScratch()) {
            return;
        }
        // the caller's context class loader goes with it: the plugin's class realm, where the SDK looks its parts up
        cache.computeIfAbsent(reference.getRegistry(), registry ->
                Concurrently.start("gantry-credentials-" + registry, () -> lookUp(reference, registry)));
    }

    Optional<FoundCredential> find(ImageReference reference) throws GantryException {
        if (reference.isScratch()) {
            return Optional.empty();
        }
        String registry = reference.getRegistry();
        CompletableFuture<Optional<FoundCredential>> found = cache.get(registry);
        if (found == null) {
            found = new CompletableFuture<>();
            CompletableFuture<Optional<FoundCredential>> earlier = cache.putIfAbsent(registry, found);
            if (earlier == null) {
                try {
                    found.complete(lookUp(reference, registry));
                } catch (GantryException | RuntimeException e) {
                    found.completeExceptionally(e);
                }
            } else {
                found = earlier;
            }
        }
        return Concurrently.join(found);
    }

    /** Where the credential for a registry came from, if {@link #find} found one. */
    Optional<String> sourceOf(String registry) {
        CompletableFuture<Optional<FoundCredential>> found = cache.get(registry);
        if (found == null || !found.isDone() || found.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return found.join().map(FoundCredential::source);
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
