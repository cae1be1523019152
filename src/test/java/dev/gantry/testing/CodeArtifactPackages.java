package dev.gantry.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven packages of one CodeArtifact repository, as the CodeArtifact stand-in keeps them: package (namespace =
 * groupId, name = artifactId) → its origin restrictions and its versions → status and assets. Not thread-safe on its
 * own: the stand-in synchronises on it.
 */
final class CodeArtifactPackages {

    /** The statuses a package version can have, as CodeArtifact spells them. */
    static final String PUBLISHED = "Published";
    static final String UNFINISHED = "Unfinished";
    static final String UNLISTED = "Unlisted";

    private static final Pattern SNAPSHOT_METADATA = Pattern.compile(
            "<snapshot>\\s*<timestamp>([0-9.]+)</timestamp>\\s*<buildNumber>(\\d+)</buildNumber>");
    private static final Pattern LISTED_VERSION = Pattern.compile("<version>([^<]+)</version>");

    /** One package: its origin restrictions and versions in creation order. */
    static final class Package {
        final String namespace;
        final String name;
        String publish = "ALLOW";
        String upstream = "BLOCK";
        final Map<String, Version> versions = new LinkedHashMap<>();

        Package(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }
    }

    /** One package version: status, revision (changes with every change of its assets) and assets by name. */
    static final class Version {
        final String version;
        String status = UNFINISHED;
        String revision = newRevision();
        Instant publishedTime;
        final Map<String, byte[]> assets = new LinkedHashMap<>();

        Version(String version) {
            this.version = version;
        }
    }

    /** What a PUT of an asset did: created, already there with the same bytes, or refused with a reason. */
    enum Put { CREATED, IDENTICAL, CONFLICT }

    final String repository;
    private final Map<String, Package> packages = new LinkedHashMap<>();

    CodeArtifactPackages(String repository) {
        this.repository = repository;
    }

    static String key(String namespace, String name) {
        return namespace + ":" + name;
    }

    Package find(String namespace, String name) {
        return packages.get(key(namespace, name));
    }

    Package findOrCreate(String namespace, String name) {
        return packages.computeIfAbsent(key(namespace, name), k -> new Package(namespace, name));
    }

    List<Package> all() {
        return new ArrayList<>(packages.values());
    }

    /**
     * Adds an asset to a package version, creating the version {@code Unfinished} when it is new. An asset that exists
     * with other bytes is a conflict (CodeArtifact: "You can't republish a package asset that already exists with
     * different content … HTTP 409"); with the same bytes the PUT is idempotent. New asset names may be added to an
     * existing version at any time.
     */
    Put putAsset(String namespace, String name, String version, String asset, byte[] bytes) {
        Package pkg = findOrCreate(namespace, name);
        Version v = pkg.versions.computeIfAbsent(version, Version::new);
        byte[] existing = v.assets.get(asset);
        if (existing != null) {
            return MessageDigest.isEqual(existing, bytes) ? Put.IDENTICAL : Put.CONFLICT;
        }
        v.assets.put(asset, bytes);
        v.revision = newRevision();
        return Put.CREATED;
    }

    /**
     * An artifact-level {@code maven-metadata.xml} publishes the versions it lists: each {@code Unfinished} one becomes
     * {@code Published} and gets the file as its {@code maven-metadata.xml} asset ("Unfinished … the client uploads one
     * or more assets for a package version but does not publish a maven-metadata.xml file for the package that includes
     * that version"). Snapshot builds are published by the version-level file instead.
     */
    List<String> publishListed(String namespace, String name, byte[] metadata, Instant now) {
        Package pkg = find(namespace, name);
        List<String> published = new ArrayList<>();
        if (pkg == null) {
            return published;
        }
        Matcher m = LISTED_VERSION.matcher(new String(metadata, StandardCharsets.UTF_8));
        while (m.find()) {
            Version v = pkg.versions.get(m.group(1).trim());
            if (v != null && UNFINISHED.equals(v.status) && !v.version.endsWith("-SNAPSHOT")) {
                v.status = PUBLISHED;
                v.publishedTime = now;
                v.assets.put("maven-metadata.xml", metadata);
                v.revision = newRevision();
                published.add(v.version);
            }
        }
        return published;
    }

    /**
     * A version-level {@code <base>-SNAPSHOT/maven-metadata.xml} publishes the build it names
     * ({@code <timestamp>-<buildNumber>}): as "Use Maven snapshots" describes, {@code <base>-SNAPSHOT} becomes (or stays)
     * a {@code Published} version holding that build's assets and this metadata file, and the build's own version
     * ({@code <base>-<timestamp>-<buildNumber>}) becomes {@code Unlisted}, like every earlier build. Returns the build
     * version, or null when the file names no build that was uploaded.
     */
    String publishSnapshot(String namespace, String name, String snapshotVersion, byte[] metadata, Instant now) {
        Package pkg = findOrCreate(namespace, name);
        Matcher m = SNAPSHOT_METADATA.matcher(new String(metadata, StandardCharsets.UTF_8));
        String base = snapshotVersion.substring(0, snapshotVersion.length() - "-SNAPSHOT".length());
        Version build = m.find() ? pkg.versions.get(base + "-" + m.group(1) + "-" + m.group(2)) : null;
        if (build == null) {
            Version snapshot = pkg.versions.get(snapshotVersion);
            if (snapshot != null) {
                snapshot.assets.put("maven-metadata.xml", metadata);
            }
            return null;
        }
        for (Version other : pkg.versions.values()) {
            if (isBuildOf(other.version, base) && !UNLISTED.equals(other.status)) {
                other.status = UNLISTED;
                other.revision = newRevision();
            }
        }
        if (build.publishedTime == null) {
            build.publishedTime = now;
        }
        Version snapshot = new Version(snapshotVersion);
        snapshot.status = PUBLISHED;
        snapshot.publishedTime = now;
        snapshot.assets.putAll(build.assets);
        snapshot.assets.put("maven-metadata.xml", metadata);
        pkg.versions.remove(snapshotVersion);
        pkg.versions.put(snapshotVersion, snapshot);
        return build.version;
    }

    /** Whether a version is a timestamped build ({@code 1.0-20210728.194552-1}) of the base version {@code 1.0}. */
    static boolean isBuildOf(String version, String base) {
        return version.startsWith(base + "-") && version.substring(base.length() + 1).matches("\\d{8}\\.\\d{6}-\\d+");
    }

    static String newRevision() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** The hex digest of the bytes, for the algorithms CodeArtifact lists in an asset's hashes. */
    static String hash(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CodeArtifact's hash names (MD5, SHA-1, SHA-256, SHA-512) with their values. */
    static Map<String, String> hashes(byte[] bytes) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("MD5", hash("MD5", bytes));
        hashes.put("SHA-1", hash("SHA-1", bytes));
        hashes.put("SHA-256", hash("SHA-256", bytes));
        hashes.put("SHA-512", hash("SHA-512", bytes));
        return hashes;
    }
}
