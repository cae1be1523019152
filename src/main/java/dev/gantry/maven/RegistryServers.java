package dev.gantry.maven;

import dev.gantry.image.Registries;
import dev.gantry.image.RegistryCredential;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The {@code settings.xml} servers that hold registry credentials, found by registry host and decrypted. */
final class RegistryServers {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    RegistryServers(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** settings.xml servers whose id is the image's or the base image's registry, decrypted (as jib-maven-plugin). */
    Map<String, RegistryCredential> credentials(String image, String from) throws GantryException {
        // the base image often lives in the same registry as the target: one server entry serves both
        Set<String> registries = new HashSet<>(List.of(Registries.of(image), Registries.of(from)));
        if (registries.contains("registry-1.docker.io")) {
            registries.add("docker.io");
        }
        Map<String, RegistryCredential> credentials = new LinkedHashMap<>();
        for (Server server : settings.getServers()) {
            if (server.getId() == null || !registries.contains(server.getId()) || server.getUsername() == null) {
                continue;
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            checkDecrypted(server, decrypted.getProblems());
            Server clear = decrypted.getServer() == null ? server : decrypted.getServer();
            credentials.put(server.getId(), new RegistryCredential(clear.getUsername(), clear.getPassword()));
        }
        return credentials;
    }

    /**
     * Refuses a server whose password could not be decrypted: Maven then hands back the {@code {…}} text as it is, and
     * sending that as a password would only be refused by the registry with a misleading 401. The message names the
     * server and the problem, never the password (neither the encrypted text nor a clear one).
     */
    static void checkDecrypted(Server server, List<SettingsProblem> problems) throws GantryException {
        Optional<String> problem = firstError(problems, server.getPassword(), server.getPassphrase());
        if (problem.isPresent()) {
            throw Refusals.serverPasswordUndecryptable(server.getId(), problem.get());
        }
    }

    /** The first error of a decryption, each of these secrets (encrypted or clear) replaced by {@code ****}. */
    static Optional<String> firstError(List<SettingsProblem> problems, String... secrets) {
        for (SettingsProblem problem : problems == null ? List.<SettingsProblem>of() : problems) {
            if (problem.getSeverity() == SettingsProblem.Severity.WARNING) {
                continue;
            }
            String message = String.valueOf(problem.getMessage());
            for (String secret : secrets) {
                if (secret != null && !secret.isEmpty()) {
                    message = message.replace(secret, "****");
                }
            }
            return Optional.of(message);
        }
        return Optional.empty();
    }

}
