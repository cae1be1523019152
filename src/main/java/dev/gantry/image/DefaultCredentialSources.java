package dev.gantry.image;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.function.Predicate;

/**
 * The ordered credential sources, built in this one place (as jib-plugins-common's {@code DefaultCredentialRetrievers}),
 * first found wins: a {@code settings.xml} server whose id is the registry host, the configured Docker credential
 * helper, the Docker config's entries for the host ({@code $DOCKER_CONFIG/config.json}, {@code ~/.docker/config.json}:
 * its {@code credHelpers} entry, its {@code auths} entry), then the registry's own sources (for ECR, a token from
 * {@code GetAuthorizationToken}), the Docker config's {@code credsStore}, and Jib's well-known helpers. A registry
 * without sources of its own keeps Docker's order within each config file (credHelpers, auths, credsStore).
 * Helpers run with the environment Gantry was given ({@link CredentialHelper}); one that fails is refused with its own
 * message rather than skipped.
 */
final class DefaultCredentialSources {

    private final ImageRequest request;
    private final Map<String, String> environment;
    private final GantryLog log;

    private DefaultCredentialSources(ImageRequest request, Map<String, String> environment, GantryLog log) {
        this.request = request;
        this.environment = environment;
        this.log = log;
    }

    /**
     * @param registrySources the registry's own sources (ECR's token), asked after the user's explicit entries for the
     *                        host and before the Docker config's global store
     * @param hasOwnSource    the hosts those sources serve
     */
    static List<CredentialSource> of(ImageRequest request, Map<String, String> environment, GantryLog log,
            List<CredentialSource> registrySources, Predicate<String> hasOwnSource) {
        DefaultCredentialSources d = new DefaultCredentialSources(request, environment, log);
        List<CredentialSource> sources = new ArrayList<>();
        sources.add(d::settingsServer);
        sources.add(d::configuredHelper);
        sources.add(reference -> d.dockerConfigs(reference, !hasOwnSource.test(reference.getRegistry())));
        sources.addAll(registrySources);
        sources.add(reference -> hasOwnSource.test(reference.getRegistry()) ? d.dockerStores(reference) : Optional.empty());
        sources.add(d::wellKnownHelpers);
        return List.copyOf(sources);
    }

    private Optional<FoundCredential> settingsServer(ImageReference reference) {
        String registry = reference.getRegistry();
        RegistryCredential server = request.credentials().get(registry);
        if (server == null && "registry-1.docker.io".equals(registry)) {
            server = request.credentials().get("docker.io");
        }
        return server == null ? Optional.empty()
                : Optional.of(new FoundCredential(server, "settings.xml server '" + registry + "'"));
    }

    private Optional<FoundCredential> configuredHelper(ImageReference reference) throws GantryException {
        String helper = request.credentialHelper();
        if (helper == null || helper.isBlank()) {
            return Optional.empty();
        }
        String registry = reference.getRegistry();
        return fromHelper(helper, registry, DockerConfigFile.serverUrl(registry), "credential helper " + helper, true);
    }

    private Optional<FoundCredential> dockerConfigs(ImageReference reference, boolean storesToo) throws GantryException {
        String registry = reference.getRegistry();
        for (Path path : dockerConfigPaths()) {
            DockerConfigFile config = read(path, registry);
            Optional<FoundCredential> found = hostEntries(config, path, registry);
            if (found.isEmpty() && storesToo) {
                found = store(config, path, registry);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<FoundCredential> dockerStores(ImageReference reference) throws GantryException {
        String registry = reference.getRegistry();
        for (Path path : dockerConfigPaths()) {
            Optional<FoundCredential> found = store(read(path, registry), path, registry);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<FoundCredential> wellKnownHelpers(ImageReference reference) throws GantryException {
        Consumer<LogEvent> jibLog = event -> log.debug(event.getMessage());
        CredentialRetriever wellKnown = CredentialRetrieverFactory.forImage(reference, jibLog, environment)
                .wellKnownCredentialHelpers();
        try {
            Optional<Credential> credential = wellKnown.retrieve();
            return credential.map(c -> new FoundCredential(new RegistryCredential(c.getUsername(), c.getPassword()),
                    "a well-known credential helper"));
        } catch (CredentialRetrievalException e) {
            throw Refusals.credentialsUnreadable(reference.getRegistry(), "a well-known credential helper",
                    String.valueOf(e.getMessage()));
        }
    }

    private static DockerConfigFile read(Path path, String registry) throws GantryException {
        try {
            return DockerConfigFile.read(path);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the file, which holds credentials: its kind only
            throw Refusals.credentialsUnreadable(registry, "Docker config " + path, "it is not valid JSON ("
                    + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw Refusals.credentialsUnreadable(registry, "Docker config " + path, "it cannot be read (" + e + ")");
        }
    }

    /** The Docker config's entries for this host, as Docker reads them: its credHelpers entry, then its auths entry. */
    private Optional<FoundCredential> hostEntries(DockerConfigFile config, Path path, String registry)
            throws GantryException {
        String serverUrl = DockerConfigFile.serverUrl(registry);
        Optional<String> helper = config.credentialHelper(registry);
        if (helper.isPresent()) {
            Optional<FoundCredential> fromHelper = fromHelper(helper.get(), registry, serverUrl, "credential helper "
                    + helper.get() + " (credHelpers of Docker config " + path + ")", true);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        return config.auth(registry).map(auth -> new FoundCredential(auth, "Docker config " + path));
    }

    /**
     * The Docker config's credsStore. It is global (Docker Desktop's, the OS keychain): one missing on this machine is
     * not this registry's problem, so it is skipped rather than refused.
     */
    private Optional<FoundCredential> store(DockerConfigFile config, Path path, String registry) throws GantryException {
        Optional<String> store = config.credentialStore();
        if (store.isEmpty()) {
            return Optional.empty();
        }
        return fromHelper(store.get(), registry, DockerConfigFile.serverUrl(registry), "credential helper " + store.get()
                + " (credsStore of Docker config " + path + ")", false);
    }

    private Optional<FoundCredential> fromHelper(String name, String registry, String serverUrl, String source,
            boolean required) throws GantryException {
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
        return Optional.of(new FoundCredential(credential.get(), source));
    }

    private List<Path> dockerConfigPaths() {
        Path dockerConfig = request.dockerConfig();
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
