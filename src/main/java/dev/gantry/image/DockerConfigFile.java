package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker {@code config.json} as {@code docker login} writes it, read for one registry: a {@code credHelpers}
 * entry (the helper named for that registry), an {@code auths} entry with its base64 {@code auth}, the global
 * {@code credsStore}. Keys are matched as Docker does, by host: {@code https://registry.example.com/v1/} and
 * {@code registry.example.com} are the same registry, and Docker Hub has several names.
 *
 * <p>Read here rather than by Jib so that helpers named in it run as {@link CredentialHelper} runs them (see there).
 */
final class DockerConfigFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonNode json;

    private DockerConfigFile(Path file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    static DockerConfigFile read(Path file) throws IOException {
        return new DockerConfigFile(file, JSON.readTree(file.toFile()));
    }

    Path file() {
        return file;
    }

    /** The credential helper {@code credHelpers} names for this registry. */
    Optional<String> credentialHelper(String registry) {
        return entry(json.path("credHelpers"), registry).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(name -> !name.isBlank());
    }

    /** The user and password of the registry's {@code auths} entry, when it holds them (not just {@code {}}). */
    Optional<RegistryCredential> auth(String registry) {
        Optional<JsonNode> entry = entry(json.path("auths"), registry);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String auth = entry.get().path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon > 0 ? Optional.of(new RegistryCredential(decoded.substring(0, colon), decoded.substring(colon + 1)))
                    : Optional.empty();
        }
        String username = entry.get().path("username").asText("");
        String password = entry.get().path("password").asText("");
        return username.isEmpty() || password.isEmpty() ? Optional.empty()
                : Optional.of(new RegistryCredential(username, password));
    }

    /** The credential store that holds every login ({@code credsStore}), if one is set. */
    Optional<String> credentialStore() {
        String store = json.path("credsStore").asText("");
        return store.isBlank() ? Optional.empty() : Optional.of(store);
    }

    /** What a helper is asked for this registry: its host, or Docker Hub's historical URL as {@code docker login} stores it. */
    static String serverUrl(String registry) {
        return Registries.DOCKER_HUB.contains(registry) ? "https://index.docker.io/v1/" : registry;
    }

    private static Optional<JsonNode> entry(JsonNode map, String registry) {
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (sameRegistry(host(field.getKey()), registry)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /** {@code https://registry.example.com/v1/} → {@code registry.example.com}. */
    static String host(String key) {
        String host = key.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    private static boolean sameRegistry(String a, String b) {
        return a.equalsIgnoreCase(b) || Registries.DOCKER_HUB.contains(a.toLowerCase())
                && Registries.DOCKER_HUB.contains(b.toLowerCase());
    }
}
