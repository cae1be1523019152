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

import java.io.IOException;
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
 * ({@code $DOCKER_CONFIG/config.json}, {@code ~/.docker/config.json}: the registry's {@code credHelpers} entry, its
 * {@code auths} entry, the {@code credsStore}), then Jib's well-known helpers. Helpers run with the environment
 * Gantry was given ({@link CredentialHelper}); one that fails is refused with its own message rather than skipped.
 * Logs where a credential came from, never the secret.
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
    /** What {@link #find} found, by registry host: asked once per build, named again in messages. */
    private final Map<String, Optional<Found>> cache = new java.util.HashMap<>();

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
        Optional<Found> cached = cache.get(registry);
        if (cached == null) {
            cached = lookUp(reference, registry);
            cache.put(registry, cached);
        }
        return cached;
    }

    /** Where the credential for a registry came from, if {@link #find} found one. */
    Optional<String> sourceOf(String registry) {
        return cache.getOrDefault(registry, Optional.empty()).map(Found::source);
    }

    private Optional<Found> lookUp(ImageReference reference, String registry) throws GantryException {
        RegistryCredential server = known.get(registry);
        if (server == null && "registry-1.docker.io".equals(registry)) {
            server = known.get("docker.io");
        }
        if (server != null) {
            return found(registry, server, "settings.xml server '" + registry + "'");
        }
        String serverUrl = DockerConfigFile.serverUrl(registry);
        if (credentialHelper != null && !credentialHelper.isBlank()) {
            Optional<Found> fromHelper = fromHelper(credentialHelper, registry, serverUrl, "credential helper "
                    + credentialHelper, true);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        for (Path path : dockerConfigs()) {
            Optional<Found> fromConfig = fromDockerConfig(path, registry, serverUrl);
            if (fromConfig.isPresent()) {
                return fromConfig;
            }
        }
        Consumer<LogEvent> jibLog = event -> log.debug(event.getMessage());
        CredentialRetriever wellKnown = CredentialRetrieverFactory.forImage(reference, jibLog, environment)
                .wellKnownCredentialHelpers();
        try {
            Optional<Credential> credential = wellKnown.retrieve();
            if (credential.isPresent()) {
                return found(registry, new RegistryCredential(credential.get().getUsername(), credential.get().getPassword()),
                        "a well-known credential helper");
            }
        } catch (CredentialRetrievalException e) {
            throw Refusals.credentialsUnreadable(registry, "a well-known credential helper", String.valueOf(e.getMessage()));
        }
        log.debug("No credentials found for " + registry + "; trying anonymous access.");
        return Optional.empty();
    }

    /** A Docker config, as Docker reads it: the registry's credHelpers entry, its auths entry, the credsStore. */
    private Optional<Found> fromDockerConfig(Path path, String registry, String serverUrl) throws GantryException {
        DockerConfigFile config;
        try {
            config = DockerConfigFile.read(path);
        } catch (IOException e) {
            throw Refusals.credentialsUnreadable(registry, "Docker config " + path, "it is not valid JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
        Optional<String> helper = config.credentialHelper(registry);
        if (helper.isPresent()) {
            Optional<Found> fromHelper = fromHelper(helper.get(), registry, serverUrl, "credential helper " + helper.get()
                    + " (credHelpers of Docker config " + path + ")", true);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        Optional<RegistryCredential> auth = config.auth(registry);
        if (auth.isPresent()) {
            return found(registry, auth.get(), "Docker config " + path);
        }
        Optional<String> store = config.credentialStore();
        if (store.isPresent()) {
            // the store is global (Docker Desktop's, the OS keychain): one missing on this machine is not this registry's
            // problem, so it is skipped rather than refused
            return fromHelper(store.get(), registry, serverUrl, "credential helper " + store.get()
                    + " (credsStore of Docker config " + path + ")", false);
        }
        return Optional.empty();
    }

    private Optional<Found> fromHelper(String name, String registry, String serverUrl, String source, boolean required)
            throws GantryException {
        Optional<CredentialHelper> helper = CredentialHelper.find(name, environment);
        if (helper.isEmpty()) {
            if (required) {
                throw Refusals.credentialsUnreadable(registry, source, CredentialHelper.executableName(name)
                        + (name.contains("/") ? " is not an executable file" : " is not an executable on the PATH"));
            }
            log.debug("Skipping " + source + ": " + CredentialHelper.executableName(name) + " is not on the PATH.");
            return Optional.empty();
        }
        Optional<RegistryCredential> credential = helper.get().get(registry, serverUrl, source);
        if (credential.isEmpty()) {
            log.debug(source + " has no credentials for " + registry + ".");
            return Optional.empty();
        }
        return found(registry, credential.get(), source);
    }

    private Optional<Found> found(String registry, RegistryCredential credential, String source) {
        log.debug("Using credentials for " + registry + " from " + source + ".");
        return Optional.of(new Found(credential, source));
    }

    private List<Path> dockerConfigs() {
        if (dockerConfig != null) {
            return Files.isRegularFile(dockerConfig) ? List.of(dockerConfig) : List.of();
        }
        List<Path> configs = new ArrayList<>();
        String env = environment.get("DOCKER_CONFIG");
        if (env != null) {
            configs.add(Path.of(env, "config.json"));
        }
        configs.add(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
        return configs.stream().filter(Files::isRegularFile).toList();
    }

}
