package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Docker credential helper ({@code docker-credential-<name>}), run with the docker-credential-helpers
 * protocol: {@code <helper> get}, the server URL on stdin, {@code {"ServerURL","Username","Secret"}} on stdout.
 *
 * <p>Gantry runs helpers itself rather than through Jib because Jib looks a helper up on the JVM's own
 * {@code PATH} (not the environment Gantry was given, so a CI's or a test's {@code PATH} is ignored for
 * {@code credHelpers}) and turns a failing helper into a warning followed by a misleading "no credentials" 401.
 * Here the helper is found on the given environment's {@code PATH}, runs with exactly that environment, and a
 * failure is refused with the helper's own message. The secret is never logged nor put in a message.
 */
final class CredentialHelper {

    static final String PREFIX = "docker-credential-";

    /** What a helper of docker-credential-helpers prints when it has nothing for the server: not an error. */
    private static final String NOT_FOUND = "credentials not found in native keychain";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final Path executable;
    private final Map<String, String> environment;

    private CredentialHelper(String name, Path executable, Map<String, String> environment) {
        this.name = name;
        this.executable = executable;
        this.environment = environment;
    }

    /**
     * The helper named {@code pass} ({@code docker-credential-pass} on the environment's {@code PATH}) or given by
     * a path, or empty when there is no such executable.
     */
    static Optional<CredentialHelper> find(String nameOrPath, Map<String, String> environment) {
        if (nameOrPath.contains("/")) {
            Path path = Path.of(nameOrPath);
            return Files.isExecutable(path) ? Optional.of(new CredentialHelper(nameOrPath, path, environment)) : Optional.empty();
        }
        String file = nameOrPath.startsWith(PREFIX) ? nameOrPath : PREFIX + nameOrPath;
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, file))) {
                return Optional.of(new CredentialHelper(nameOrPath, Path.of(directory, file), environment));
            }
        }
        return Optional.empty();
    }

    /** The executable's file name as looked up, for messages: {@code docker-credential-pass}. */
    static String executableName(String nameOrPath) {
        return nameOrPath.contains("/") || nameOrPath.startsWith(PREFIX) ? nameOrPath : PREFIX + nameOrPath;
    }

    /**
     * The credential the helper holds for a server, or empty when it has none.
     *
     * @param registry  the registry host, for messages
     * @param serverUrl what the helper is asked for (the registry host; Docker Hub's legacy URL for Docker Hub)
     * @param source    where the helper was named, for messages
     */
    Optional<RegistryCredential> get(String registry, String serverUrl, String source) throws GantryException {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "get");
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // a helper may exit without reading stdin: its exit code and output tell what happened
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw Refusals.credentialsUnreadable(registry, source, executable + " get did not answer within "
                        + TIMEOUT_SECONDS + " s");
            }
            String stdout = out.join().strip();
            if (process.exitValue() != 0) {
                if (stdout.contains(NOT_FOUND)) {
                    return Optional.empty();
                }
                String said = err.join().strip();
                // the protocol's helpers tell an error on stdout; an answer there (JSON) may hold the secret itself
                said = !said.isEmpty() ? said : stdout.contains("{") ? "(its output is not shown: it may hold the credential)"
                        : stdout;
                throw Refusals.credentialsUnreadable(registry, source, executable + " get exited with "
                        + process.exitValue() + (said.isEmpty() ? "" : ": " + firstLines(said)));
            }
            return Optional.of(parse(stdout, registry, source));
        } catch (IOException | UncheckedIOException | java.util.concurrent.CompletionException e) {
            throw Refusals.credentialsUnreadable(registry, source, "cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusals.credentialsUnreadable(registry, source, "interrupted");
        }
    }

    String name() {
        return name;
    }

    /** Parses the helper's answer; the output itself never reaches a message (it holds the secret). */
    private RegistryCredential parse(String stdout, String registry, String source) throws GantryException {
        try {
            JsonNode json = JSON.readTree(stdout);
            String username = json.path("Username").asText("");
            String secret = json.path("Secret").asText("");
            if (json.isObject() && !username.isEmpty() && !secret.isEmpty()) {
                return new RegistryCredential(username, secret);
            }
        } catch (IOException notJson) {
            // refused below, without echoing the output
        }
        throw Refusals.credentialsUnreadable(registry, source, executable + " get printed no JSON object with a Username "
                + "and a Secret");
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String firstLines(String text) {
        String oneLine = text.lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
