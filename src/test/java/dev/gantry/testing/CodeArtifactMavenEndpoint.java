package dev.gantry.testing;

import static dev.gantry.testing.CodeArtifactStandIn.ACCOUNT;
import static dev.gantry.testing.CodeArtifactStandIn.DOMAIN;
import static dev.gantry.testing.CodeArtifactStandIn.HOST;
import static dev.gantry.testing.CodeArtifactStandIn.USER;
import static dev.gantry.testing.CodeArtifactStandIn.arn;
import static dev.gantry.testing.CodeArtifactStandIn.text;

import com.sun.net.httpserver.HttpExchange;
import dev.gantry.testing.CodeArtifactPackages.Package;
import dev.gantry.testing.CodeArtifactPackages.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven repository endpoint of the {@link CodeArtifactStandIn} ({@code /maven/<repo>/<path>} over HTTPS): token
 * check, IAM, origin controls, and the package version rules the stand-in's Javadoc lists. Shares the stand-in's state
 * and lock.
 */
final class CodeArtifactMavenEndpoint {

    private static final Set<String> CHECKSUMS = Set.of("md5", "sha1", "sha256", "sha512");

    private final CodeArtifactStandIn standIn;

    CodeArtifactMavenEndpoint(CodeArtifactStandIn standIn) {
        this.standIn = standIn;
    }

    /** A file of the repository: where it belongs. */
    private record MavenFile(String repository, String path, String groupId, String artifactId, String versionDirectory,
                             String fileName) {

        /** {@code <groupId path>/<artifactId>/<version>/<file>}, or null for a path too short to be one. */
        static MavenFile parse(String repository, String path) {
            String[] segments = path.split("/");
            if (segments.length < 4) {
                return null;
            }
            int n = segments.length;
            return new MavenFile(repository, path, String.join(".", Arrays.copyOfRange(segments, 0, n - 3)),
                    segments[n - 3], segments[n - 2], segments[n - 1]);
        }

        boolean snapshot() {
            return versionDirectory.endsWith("-SNAPSHOT");
        }

        /** The package version the file belongs to: the version, or for a snapshot file the build it names (or null). */
        String packageVersion() {
            if (!snapshot()) {
                return versionDirectory;
            }
            if (fileName.equals("maven-metadata.xml")) {
                return versionDirectory;
            }
            String base = versionDirectory.substring(0, versionDirectory.length() - "-SNAPSHOT".length());
            Matcher m = Pattern.compile("^" + Pattern.quote(artifactId + "-" + base + "-") + "(\\d{8}\\.\\d{6}-\\d+)([-.].*)$")
                    .matcher(fileName);
            return m.matches() ? base + "-" + m.group(1) : null;
        }
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getPath();
        Matcher m = Pattern.compile("^/maven/([^/]+)/(.*)$").matcher(rawPath);
        String repository = m.matches() ? m.group(1) : null;
        String path = m.matches() ? m.group(2) : rawPath;
        String call = method + " " + path;
        standIn.record(call);
        if (standIn.fault(exchange, call, false) || !tokenAccepted(exchange)) {
            return;
        }
        CodeArtifactPackages packages = repository == null ? null : standIn.repositories.get(repository);
        if (packages == null) {
            text(exchange, 404, "Repository not found: " + repository + " in domain " + DOMAIN);
            return;
        }
        switch (method) {
            case "GET", "HEAD" -> read(exchange, repository, path, method.equals("HEAD"));
            case "PUT" -> put(exchange, repository, path, body);
            default -> text(exchange, 405, "Method Not Allowed");
        }
    }

    /** Basic {@code aws:<token>} with a token from GetAuthorizationToken that has not expired; else a 401 challenge. */
    private boolean tokenAccepted(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String problem = null;
        if (authorization == null || !authorization.startsWith("Basic ")) {
            problem = "Unauthorized";
        } else {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            Instant expires = colon < 0 ? null : standIn.tokens.get(decoded.substring(colon + 1));
            if (colon < 0 || !decoded.substring(0, colon).equals(USER) || expires == null) {
                problem = "Unauthorized";
            } else if (!expires.isAfter(standIn.clock.instant())) {
                problem = "The security token included in the request is expired";
            }
        }
        if (problem == null) {
            return true;
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + HOST + "\"");
        text(exchange, 401, problem);
        return false;
    }

    private boolean deniedOnMaven(HttpExchange exchange, String action, String resource) {
        if (!standIn.denied.contains(action)) {
            return false;
        }
        text(exchange, 403, "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
        return true;
    }

    private void read(HttpExchange exchange, String repository, String path, boolean head) {
        if (deniedOnMaven(exchange, "codeartifact:ReadFromRepository", arn("repository/" + DOMAIN + "/" + repository))) {
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        boolean checksum = CHECKSUMS.contains(extension);
        String filePath = checksum ? path.substring(0, path.length() - extension.length() - 1) : path;
        byte[] bytes;
        synchronized (standIn) {
            bytes = readable(repository, filePath);
        }
        if (bytes == null) {
            text(exchange, 404, "Not Found");
            return;
        }
        byte[] answer = checksum ? CodeArtifactPackages.hash(algorithm(extension), bytes).getBytes(StandardCharsets.UTF_8)
                : bytes;
        String type = checksum ? "text/plain" : filePath.endsWith(".xml") || filePath.endsWith(".pom")
                ? "application/xml" : "application/octet-stream";
        try {
            exchange.getResponseHeaders().add("Content-Type", type);
            if (head) {
                exchange.getResponseHeaders().add("Content-Length", String.valueOf(answer.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes a GET serves: assets of Published or Unlisted versions, and artifact-level metadata. */
    private byte[] readable(String repository, String path) {
        if (path.endsWith("/maven-metadata.xml") && standIn.artifactMetadata.containsKey(repository + "/" + path)) {
            return standIn.artifactMetadata.get(repository + "/" + path);
        }
        MavenFile file = MavenFile.parse(repository, path);
        if (file == null) {
            return null;
        }
        Package pkg = standIn.repositories.get(repository).find(file.groupId(), file.artifactId());
        if (pkg == null) {
            return null;
        }
        for (String candidate : new String[] {file.packageVersion(), file.versionDirectory()}) {
            Version version = candidate == null ? null : pkg.versions.get(candidate);
            if (version != null && !version.status.equals(CodeArtifactPackages.UNFINISHED)
                    && version.assets.containsKey(file.fileName())) {
                return version.assets.get(file.fileName());
            }
        }
        return null;
    }

    private void put(HttpExchange exchange, String repository, String path, byte[] body) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (CHECKSUMS.contains(extension)) {
            putChecksum(exchange, repository, path, extension, body);
            return;
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        boolean metadata = path.endsWith("maven-metadata.xml");
        boolean snapshotMetadata = metadata && path.contains("-SNAPSHOT/") && xml.contains("<snapshot>");
        MavenFile file = MavenFile.parse(repository, path);
        String groupId;
        String artifactId;
        if (metadata && !snapshotMetadata) {
            groupId = element(xml, "groupId");
            artifactId = element(xml, "artifactId");
        } else if (file == null) {
            text(exchange, 400, "Not a Maven file path: " + path + "; expected <groupId path>/<artifactId>/<version>/<file>");
            return;
        } else {
            groupId = file.groupId();
            artifactId = file.artifactId();
        }
        String packageArn = arn("package/" + DOMAIN + "/" + repository + "/maven/" + groupId + "/" + artifactId);
        if (deniedOnMaven(exchange, metadata ? "codeartifact:PutPackageMetadata" : "codeartifact:PublishPackageVersion",
                packageArn)) {
            return;
        }
        CodeArtifactPackages packages = standIn.repositories.get(repository);
        synchronized (standIn) {
            Package existing = groupId == null || artifactId == null ? null : packages.find(groupId, artifactId);
            if (existing != null && existing.publish.equals("BLOCK")) {
                text(exchange, 403, "Publishing to package " + groupId + ":" + artifactId + " in repository "
                        + repository + " is blocked by its package origin configuration (publish: BLOCK, upstream: "
                        + existing.upstream + ")");
                return;
            }
            if (metadata && !snapshotMetadata) {
                standIn.artifactMetadata.put(repository + "/" + path, body);
                if (groupId != null && artifactId != null) {
                    packages.publishListed(groupId, artifactId, body, standIn.clock.instant());
                }
                stored(exchange, 201);
            } else if (snapshotMetadata) {
                packages.publishSnapshot(groupId, artifactId, file.versionDirectory(), body, standIn.clock.instant());
                stored(exchange, 201);
            } else {
                String version = file.packageVersion();
                if (version == null) {
                    text(exchange, 400, "Non-unique snapshot " + file.fileName() + " is not supported: CodeArtifact "
                            + "accepts timestamped snapshot files only (" + artifactId + "-<version>-<yyyyMMdd.HHmmss>-<build>)");
                    return;
                }
                switch (packages.putAsset(groupId, artifactId, version, file.fileName(), body)) {
                    case CONFLICT -> {
                        text(exchange, 409, "Asset " + file.fileName() + " already exists in package version "
                                + groupId + ":" + artifactId + ":" + version + " with different content");
                        return;
                    }
                    case IDENTICAL -> stored(exchange, 200);
                    default -> stored(exchange, 201);
                }
            }
        }
    }

    /**
     * Answers a stored upload once the state file says so: the client's next call (or a verify script) may read it as
     * soon as the answer arrives.
     */
    private void stored(HttpExchange exchange, int status) {
        standIn.saveState();
        text(exchange, status, "");
    }

    /** A checksum file is not stored: it must match the file it is for, as uploaded before it. */
    private void putChecksum(HttpExchange exchange, String repository, String path, String extension, byte[] body) {
        String filePath = path.substring(0, path.length() - extension.length() - 1);
        byte[] file;
        synchronized (standIn) {
            file = uploaded(repository, filePath);
        }
        if (file == null) {
            text(exchange, 404, "No asset " + filePath + " to check the " + extension + " checksum against; upload the "
                    + "file before its checksum");
            return;
        }
        String given = new String(body, StandardCharsets.UTF_8).trim().split("\\s+")[0].toLowerCase();
        String actual = CodeArtifactPackages.hash(algorithm(extension), file);
        if (!given.equals(actual)) {
            text(exchange, 400, "Checksum mismatch for " + filePath + ": the uploaded " + extension + " is " + given
                    + " but the asset's is " + actual);
            return;
        }
        text(exchange, 201, "");
    }

    /** The bytes uploaded under a path, whatever the status of its version. */
    private byte[] uploaded(String repository, String path) {
        if (standIn.artifactMetadata.containsKey(repository + "/" + path)) {
            return standIn.artifactMetadata.get(repository + "/" + path);
        }
        MavenFile file = MavenFile.parse(repository, path);
        Package pkg = file == null ? null : standIn.repositories.get(repository).find(file.groupId(), file.artifactId());
        if (pkg == null) {
            return null;
        }
        for (String candidate : new String[] {file.packageVersion(), file.versionDirectory()}) {
            Version version = candidate == null ? null : pkg.versions.get(candidate);
            if (version != null && version.assets.containsKey(file.fileName())) {
                return version.assets.get(file.fileName());
            }
        }
        return null;
    }

    private static String algorithm(String extension) {
        return switch (extension) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> "SHA-512";
        };
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
