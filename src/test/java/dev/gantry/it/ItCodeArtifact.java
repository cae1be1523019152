package dev.gantry.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.CodeArtifactStandIn;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives an invoker IT a CodeArtifact, from its {@code setup.groovy}: the CodeArtifact stand-in for the rest of the Maven
 * run with the repository already there, and the IT's build pointed at it with nothing but standard settings (written
 * through {@link ItBuildSettings}, so an IT can have {@link ItEcr} too):
 * <ul>
 *   <li>{@code .mvn/jvm.config}: {@code -Djdk.net.hosts.file} so that
 *       {@code acme-123456789012.d.codeartifact.us-east-1.amazonaws.com} and its dual-stack twin
 *       {@code acme-123456789012.codeartifact.us-east-1.on.aws} resolve to loopback; the stand-in's trust
 *       store ({@code javax.net.ssl.trustStore}, PKCS12), which Maven 3.9's and Maven 4's HTTP transports both honour;
 *       the AWS SDK's own system properties ({@code aws.endpointUrlCodeartifact}, dummy keys, no profile files, no
 *       instance metadata);</li>
 *   <li>{@code .mvn/maven.config}: {@code -Dcodeartifact.url=https://<host>:<port>/maven/<repo>/} (the dual-stack
 *       host with {@link #startDualStackFor}), for the IT's {@code <distributionManagement>}
 *       ({@code <url>${codeartifact.url}</url>}).</li>
 * </ul>
 * The stand-in appends every call to {@code codeartifact-calls.txt} and rewrites {@code codeartifact-state.json} on
 * every change; the verify script reads them back with {@link #calls} and {@link #versions} / {@link #assetSha256}.
 * Setup scripts use the returned stand-in's switches ({@code blockPublish}, {@code deny}, {@code failNext} …), which
 * last for the IT's build.
 */
public final class ItCodeArtifact {

    private static final String CALLS_FILE = "codeartifact-calls.txt";
    private static final String STATE_FILE = "codeartifact-state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItCodeArtifact() {
    }

    /** Starts the stand-in with this repository, and points the IT's build at it. */
    public static CodeArtifactStandIn startFor(File basedir, String repository) throws Exception {
        CodeArtifactStandIn codeArtifact = start(basedir, repository);
        ItBuildSettings.of(basedir).maven("codeartifact.url", codeArtifact.repositoryUrl(repository));
        return codeArtifact;
    }

    /** As {@link #startFor}, with the dual-stack URL ({@code get-repository-endpoint --endpoint-type dualstack}). */
    public static CodeArtifactStandIn startDualStackFor(File basedir, String repository) throws Exception {
        CodeArtifactStandIn codeArtifact = start(basedir, repository);
        ItBuildSettings.of(basedir).maven("codeartifact.url", codeArtifact.dualStackRepositoryUrl(repository));
        return codeArtifact;
    }

    private static CodeArtifactStandIn start(File basedir, String repository) throws Exception {
        CodeArtifactStandIn codeArtifact = CodeArtifactStandIn.start();
        Runtime.getRuntime().addShutdownHook(new Thread(codeArtifact::close));
        codeArtifact.createRepository(repository);
        Path dir = basedir.toPath();
        Files.deleteIfExists(dir.resolve(CALLS_FILE));
        codeArtifact.recordCallsTo(dir.resolve(CALLS_FILE));
        codeArtifact.recordStateTo(dir.resolve(STATE_FILE));
        ItBuildSettings.of(basedir)
                .loopbackHosts(CodeArtifactStandIn.HOST, CodeArtifactStandIn.DUAL_STACK_HOST)
                .jvm("javax.net.ssl.trustStore", codeArtifact.trustStore().toString())
                .jvm("javax.net.ssl.trustStorePassword", codeArtifact.trustStorePassword())
                .jvm("javax.net.ssl.trustStoreType", "PKCS12")
                .jvm(AwsSdkSettings.settings(codeArtifact, dir, CodeArtifactStandIn.ACCESS_KEY_ID,
                        CodeArtifactStandIn.SECRET_ACCESS_KEY));
        return codeArtifact;
    }

    /** The calls the stand-in got, in order ({@code GetAuthorizationToken}, {@code PUT com/acme/lib/1.0/lib-1.0.jar} …). */
    public static List<String> calls(File basedir) throws Exception {
        Path file = basedir.toPath().resolve(CALLS_FILE);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The versions of a package with their status ({@code Published}, {@code Unlisted} …), in creation order. */
    public static Map<String, String> versions(File basedir, String repository, String groupId, String artifactId)
            throws Exception {
        Map<String, String> versions = new LinkedHashMap<>();
        packageState(basedir, repository, groupId, artifactId).path("versions").fields()
                .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().path("status").asText()));
        return versions;
    }

    /** The assets of a package version, name → SHA-256 (hex). */
    public static Map<String, String> assetSha256(File basedir, String repository, String groupId, String artifactId,
                                                  String version) throws Exception {
        Map<String, String> assets = new LinkedHashMap<>();
        packageState(basedir, repository, groupId, artifactId).path("versions").path(version).path("assets").fields()
                .forEachRemaining(e -> assets.put(e.getKey(), e.getValue().asText()));
        return assets;
    }

    private static JsonNode packageState(File basedir, String repository, String groupId, String artifactId)
            throws Exception {
        JsonNode state = JSON.readTree(basedir.toPath().resolve(STATE_FILE).toFile());
        return state.path("repositories").path(repository).path(groupId + ":" + artifactId);
    }
}
