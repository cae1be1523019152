package dev.gantry.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the credential for a registry as Jib users expect, first found wins: a {@code settings.xml}
 * server whose id is the registry host, the configured Docker credential helper, the Docker config
 * ({@code $DOCKER_CONFIG/config.json}, {@code ~/.docker/config.json}, with its {@code credHelpers} and
 * {@code credsStore}), then the well-known helpers. Logs where a credential came from, never the secret.
 */
final class RegistryAuth {

    /** A credential and where it came from (for messages). */
    record Found(RegistryCredential credential, String source) {
    }

    private final Map<String, RegistryCredential> known;
    private final String credentialHelper;
    private final Path dockerConfig;
    private final Map<String, String> environment;
    private final GantryLog log;

    RegistryAuth(Map<String, RegistryCredential> known, String credentialHelper, Path dockerConfig,
            Map<String, String> environment, GantryLog log) {
        this.known = known;
        this.credentialHelper = credentialHelper;
        this.dockerConfig = dockerConfig;
        this.environment = environment;
        this.log = log;
    }

    Optional<Found> find(ImageReference reference) throws GantryException {
        if (reference.isScratch()) {
            return Optional.empty();
        }
        String registry = reference.getRegistry();
        RegistryCredential server = known.get(registry);
        if (server == null && "registry-1.docker.io".equals(registry)) {
            server = known.get("docker.io");
        }
        if (server != null) {
            return found(registry, server, "settings.xml server '" + registry + "'");
        }
        Consumer<LogEvent> jibLog = event -> log.debug(event.getMessage());
        CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(reference, jibLog, environment);
        List<Named> retrievers = new ArrayList<>();
        if (credentialHelper != null && !credentialHelper.isBlank()) {
            retrievers.add(new Named("credential helper " + credentialHelper, credentialHelper.contains("/")
                    ? factory.dockerCredentialHelper(Path.of(credentialHelper))
                    : factory.dockerCredentialHelper(credentialHelper)));
        }
        for (Path config : dockerConfigs()) {
            retrievers.add(new Named("Docker config " + config, factory.dockerConfig(config)));
        }
        retrievers.add(new Named("a well-known credential helper", factory.wellKnownCredentialHelpers()));
        for (Named retriever : retrievers) {
            try {
                Optional<Credential> credential = retriever.retriever().retrieve();
                if (credential.isPresent()) {
                    return found(registry, new RegistryCredential(credential.get().getUsername(),
                            credential.get().getPassword()), retriever.name());
                }
            } catch (CredentialRetrievalException e) {
                throw Refusals.credentialsUnreadable(registry, retriever.name(), String.valueOf(e.getMessage()));
            }
        }
        log.debug("No credentials found for " + registry + "; trying anonymous access.");
        return Optional.empty();
    }

    private Optional<Found> found(String registry, RegistryCredential credential, String source) {
        log.debug("Using credentials for " + registry + " from " + source + ".");
        return Optional.of(new Found(credential, source));
    }

    private List<Path> dockerConfigs() {
        if (dockerConfig != null) {
            return List.of(dockerConfig);
        }
        List<Path> configs = new ArrayList<>();
        String env = environment.get("DOCKER_CONFIG");
        if (env != null) {
            configs.add(Path.of(env, "config.json"));
        }
        configs.add(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
        return configs.stream().filter(Files::isRegularFile).toList();
    }

    private record Named(String name, CredentialRetriever retriever) {
    }
}
