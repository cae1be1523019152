package dev.gantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.image.InsecureTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The real CNCF distribution registry ({@code docker-registry serve config.yml}, Debian package
 * {@code docker-registry}) on a free loopback port with a temporary storage directory, for tests and
 * invoker ITs (no JUnit in here, so Groovy scripts can use it too).
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start()) {
 *     String image = registry.host() + "/orders";          // 127.0.0.1:PORT/orders
 *     ...
 *     registry.tags("orders");                             // [1.4.0, latest, sha-...]
 *     registry.manifest("orders", "1.4.0").digest();       // from Docker-Content-Digest
 *     registry.config("orders", "1.4.0");                  // the image config as JSON
 * }
 * }</pre>
 *
 * With {@link #startWithBasicAuth(String, String)} the registry serves HTTPS with a self-signed
 * certificate (clients need "allow insecure registries") and requires htpasswd Basic auth: the
 * bcrypt file is made with {@code htpasswd -B} (Debian package {@code apache2-utils}), the certificate
 * with {@code openssl}. Plain registries serve HTTP.
 *
 * <p>{@link #storedBlobBytes()} is the size of every blob the registry stores (layers, configs and
 * manifests, each once): its growth across a push is the content the registry received and kept.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String BINARY = "/usr/bin/docker-registry";

    /** The media types a client accepts when it asks for a manifest by tag. */
    public static final String MANIFEST_TYPES = String.join(",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern ACCESS =
            java.util.regex.Pattern.compile("\\] \"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) ");

    private final Path dir;
    private final Path storage;
    private final int port;
    private final boolean tls;
    private final String authorization;
    private final Process process;
    private final HttpClient http;

    /** A manifest as the registry serves it. */
    public record Manifest(String digest, String mediaType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LocalRegistry(Path dir, int port, boolean tls, String user, String password) throws IOException {
        this.dir = dir;
        this.storage = dir.resolve("storage");
        this.port = port;
        this.tls = tls;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(storage);
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(storage).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
        if (tls) {
            config.append("  tls:\n    certificate: ").append(dir.resolve("cert.pem"))
                    .append("\n    key: ").append(dir.resolve("key.pem")).append('\n');
        }
        if (user != null) {
            config.append("auth:\n  htpasswd:\n    realm: gantry-test\n    path: ").append(dir.resolve("htpasswd")).append('\n');
        }
        Files.writeString(dir.resolve("config.yml"), config.toString());
        // HTTP/1.1 as the registry speaks (the JDK client's default, HTTP/2, asks a plain HTTP server to upgrade)
        this.http = tls ? HttpClient.newBuilder().sslContext(InsecureTls.trustingAnyCertificate()).connectTimeout(Duration.ofSeconds(5)).build()
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.process = new ProcessBuilder(BINARY, "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
    }

    /**
     * A reader of a plain HTTP registry started elsewhere (by an IT's setup script, read by its verify script):
     * {@code tags}, {@code manifest}, {@code digest}, {@code blob} and {@code config} work; the storage and log
     * readers do not.
     */
    public static LocalRegistry attach(String host) throws IOException {
        return new LocalRegistry(host);
    }

    private LocalRegistry(String host) {
        this.dir = null;
        this.storage = null;
        this.port = Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
        this.tls = false;
        this.authorization = null;
        this.process = null;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts a plain HTTP registry without authentication. */
    public static LocalRegistry start() throws IOException {
        return start(null, null);
    }

    /** Starts an HTTPS registry (self-signed) that requires Basic auth with this user and password. */
    public static LocalRegistry startWithBasicAuth(String user, String password) throws IOException {
        return start(user, password);
    }

    /**
     * Starts a registry that requires Basic auth but serves plain HTTP (a registry on a network someone trusts):
     * credentials reach it only with {@code sendCredentialsOverHttp}.
     */
    public static LocalRegistry startWithBasicAuthOverHttp(String user, String password) throws IOException {
        return start(user, password, false);
    }

    private static LocalRegistry start(String user, String password) throws IOException {
        return start(user, password, user != null);
    }

    private static LocalRegistry start(String user, String password, boolean tls) throws IOException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("The CNCF distribution registry is not installed (" + BINARY + " is missing). "
                    + "Install it with: apt-get update && apt-get install -y docker-registry apache2-utils openssl");
        }
        Path dir = Files.createTempDirectory("gantry-registry-");
        if (tls) {
            run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
        }
        if (user != null) {
            String line = run(dir, "htpasswd", "-Bbn", user, password);
            Files.writeString(dir.resolve("htpasswd"), line.strip() + "\n");
        }
        LocalRegistry registry = new LocalRegistry(dir, FreePort.onLoopback(), tls, user, password);
        registry.awaitReady();
        return registry;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return (tls ? "https" : "http") + "://" + host();
    }

    public Path storageDirectory() {
        return storage;
    }

    /** The registry's own log (access log included). */
    public String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"));
    }

    /** Where {@link #log()} is written, for a verify script in another JVM ({@link #requestsIn}). */
    public Path logFile() {
        return dir.resolve("registry.log");
    }

    /** Every request the registry answered, in order, as {@code "METHOD uri status"} (from its access log). */
    public List<String> requests() throws IOException {
        return requestsIn(logFile().toString());
    }

    /** As {@link #requests()}, from the log file of a registry another JVM started. */
    public static List<String> requestsIn(String logFile) throws IOException {
        List<String> requests = new ArrayList<>();
        java.util.regex.Matcher m = ACCESS.matcher(Files.readString(Path.of(logFile)));
        while (m.find()) {
            requests.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return requests;
    }

    /** The requests that wrote (PUT, PATCH, POST) after the first {@code count} requests: a re-run should have none. */
    public List<String> writesSince(int count) throws IOException {
        List<String> all = requests();
        return all.subList(Math.min(count, all.size()), all.size()).stream()
                .filter(r -> r.startsWith("PUT") || r.startsWith("PATCH") || r.startsWith("POST")).toList();
    }

    /** Digests of the blobs uploaded (completed PUT of an upload) into a repository, in order. */
    public List<String> uploadedBlobs(String repository) throws IOException {
        return matching(repository, "PUT", "digest=", "201");
    }

    /** Digests of the blobs mounted from another repository of this registry into a repository. */
    public List<String> mountedBlobs(String repository) throws IOException {
        return matching(repository, "POST", "mount=", "201");
    }

    private List<String> matching(String repository, String method, String parameter, String status) throws IOException {
        List<String> digests = new ArrayList<>();
        for (String request : requests()) {
            String[] parts = request.split(" ");
            if (parts[0].equals(method) && parts[2].equals(status)
                    && parts[1].startsWith("/v2/" + repository + "/blobs/uploads/") && parts[1].contains(parameter)) {
                String value = parts[1].substring(parts[1].indexOf(parameter) + parameter.length());
                value = java.net.URLDecoder.decode(value.split("&")[0], StandardCharsets.UTF_8);
                digests.add(value);
            }
        }
        return digests;
    }

    /** The tags of a repository, sorted; empty when the repository does not exist. */
    public List<String> tags(String repository) throws IOException {
        HttpResponse<String> response = get("/v2/" + repository + "/tags/list", null);
        if (response.statusCode() == 404) {
            return List.of();
        }
        check(response, "tags of " + repository);
        List<String> tags = new ArrayList<>();
        JsonNode node = JSON.readTree(response.body()).path("tags");
        node.forEach(t -> tags.add(t.asText()));
        tags.sort(Comparator.naturalOrder());
        return tags;
    }

    /** The manifest (or index) under a tag or digest, or null when absent. */
    public Manifest manifest(String repository, String reference) throws IOException {
        HttpResponse<String> response = get("/v2/" + repository + "/manifests/" + reference, MANIFEST_TYPES);
        if (response.statusCode() == 404) {
            return null;
        }
        check(response, "manifest " + repository + ":" + reference);
        return new Manifest(response.headers().firstValue("Docker-Content-Digest").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** The digest a tag points at, or null. */
    public String digest(String repository, String tag) throws IOException {
        Manifest manifest = manifest(repository, tag);
        return manifest == null ? null : manifest.digest();
    }

    public byte[] blob(String repository, String digest) throws IOException {
        HttpResponse<byte[]> response = send(request("/v2/" + repository + "/blobs/" + digest, null).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET blob " + repository + "@" + digest + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The image configuration of a single-platform image under a tag or digest. */
    public JsonNode config(String repository, String reference) throws IOException {
        Manifest manifest = manifest(repository, reference);
        if (manifest == null) {
            throw new IOException("No manifest " + repository + ":" + reference);
        }
        String configDigest = manifest.json().path("config").path("digest").asText();
        return JSON.readTree(blob(repository, configDigest));
    }

    /**
     * Puts manifest bytes under a tag (or digest) with their media type, as a client's push does: how a test
     * assembles an image index from single-platform images already in the repository.
     *
     * @return the digest the registry gives the manifest
     */
    public String putManifest(String repository, String reference, String mediaType, String body) throws IOException {
        HttpRequest request = request("/v2/" + repository + "/manifests/" + reference, null)
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("PUT manifest " + repository + ":" + reference + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.headers().firstValue("Docker-Content-Digest").orElse(null);
    }

    /** Total size of the blobs stored (layers, configs, manifests; each content once). */
    public long storedBlobBytes() throws IOException {
        Path blobs = storage.resolve("docker/registry/v2/blobs");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(p -> p.getFileName().toString().equals("data")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return; // attached: the registry belongs to whoever started it
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "LocalRegistry[" + baseUrl() + (authorization != null ? ", basic auth" : "") + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep();
        }
        close();
        throw new IOException("docker-registry did not answer on " + baseUrl() + "/v2/ within 20 s");
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            builder.header("Accept", accept);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> get(String path, String accept) throws IOException {
        return send(request(path, accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void check(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("GET " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String run(Path dir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command[0]) + " failed (" + p.exitValue() + "): " + err
                        + " — install it with: apt-get install -y apache2-utils openssl");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
