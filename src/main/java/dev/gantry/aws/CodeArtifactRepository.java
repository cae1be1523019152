package dev.gantry.aws;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.ContentDifference;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.PublishedFiles;
import dev.gantry.publish.PublishedFiles.PublishedCopy;
import dev.gantry.publish.ScratchDirectory;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;
import software.amazon.awssdk.services.codeartifact.model.AllowPublish;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.DeletePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.HashAlgorithm;
import software.amazon.awssdk.services.codeartifact.model.PackageDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * A CodeArtifact Maven repository as the publish goal sees it ({@link ArtifactRepository}).
 *
 * <ul>
 * <li>Credentials: user {@code aws} and the domain's token, fetched when Resolver first needs them; a {@code settings.xml}
 * server of the repository's id wins.</li>
 * <li>What it holds of a release: {@code DescribePackageVersion}, then {@code ListPackageVersionAssets} with each asset's
 * SHA-256 — two calls per module and no download when the files are identical. It reports without logging: the publisher
 * words what was found. A file that differs is downloaded to
 * name the jar entries that differ. Before anything is uploaded, the package's origin controls are checked
 * ({@code DescribePackage}): a package whose publishing is blocked is refused before the first file moves.</li>
 * <li>After a snapshot publish: the earlier builds of the snapshot version ({@code Unlisted} versions) are deleted, keeping
 * the newest {@code keepSnapshots}, the one just published included. A failure there is a warning.</li>
 * </ul>
 */
final class CodeArtifactRepository implements ArtifactRepository {

    private static final int SHOWN_HASH = 12;
    /** Resolver's "Could not transfer artifact com.acme:orders:jar:1.4.0" / "… metadata com.acme:orders/maven-metadata.xml". */
    private static final Pattern TRANSFER = Pattern.compile("Could not transfer (artifact|metadata) ([^:\\s]+):([^:/\\s]+)");

    private final RemoteRepository configured;
    private final CodeArtifactApi api;
    private final CodeArtifactTokens tokens;
    private final int keepSnapshots;
    private final GantryLog log;
    /**
     * CodeArtifact's answers about each release version, asked once per build: the image goal asks before its image
     * moves and the publish goal again at the end, and a re-run must cost two calls per module. Nothing of this build
     * is uploaded in between; after a failed upload attempt the publisher asks again and gets these answers, so it
     * re-sends files that may have arrived, which CodeArtifact accepts when the bytes are the same.
     */
    private final Map<CodeArtifactPackage, CodeArtifactApi.DescribedVersion> describedVersions = new ConcurrentHashMap<>();
    private final Map<CodeArtifactPackage, Map<String, AssetSummary>> listedAssets = new ConcurrentHashMap<>();
    /** The packages' origin controls, asked once per build like the version answers above. */
    private final Map<CodeArtifactPackage, Optional<PackageDescription>> describedPackages = new ConcurrentHashMap<>();
    /** How a file of this build that differs from its published copy differs, by package, asset and our SHA-256. */
    private final Map<String, PublishedCopy> comparedFiles = new ConcurrentHashMap<>();

    CodeArtifactRepository(RemoteRepository configured, CodeArtifactApi api, CodeArtifactTokens tokens, int keepSnapshots,
            GantryLog log) {
        this.configured = configured;
        this.api = api;
        this.tokens = tokens;
        this.keepSnapshots = keepSnapshots;
        this.log = log;
    }

    @Override
    public RemoteRepository remote() {
        if (configured.getAuthentication() != null) {
            return configured;
        }
        return new RemoteRepository.Builder(configured)
                .setAuthentication(new CodeArtifactAuthentication(api, tokens))
                .build();
    }

    @Override
    public PublishedFiles published(ModuleArtifacts module) throws GantryException {
        Map<Artifact, PublishedCopy> copies = new LinkedHashMap<>();
        boolean unfinished = false;
        boolean finished = true;
        for (Map.Entry<CodeArtifactPackage, List<Artifact>> entry : byPackage(module.artifacts()).entrySet()) {
            PackageVersionStatus status = compareVersion(entry.getKey(), entry.getValue(), copies);
            unfinished |= status == PackageVersionStatus.UNFINISHED;
            finished &= publishedWhole(status, entry.getValue().stream().anyMatch(a -> copies.get(a).found()));
        }
        return new PublishedFiles(copies, unfinished, finished);
    }

    /**
     * Puts into {@code copies} what the repository holds of each file of one package version, and refuses a version
     * that cannot take them.
     *
     * @return the version's status, or null when the repository does not hold it (nor any snapshot's build)
     */
    private PackageVersionStatus compareVersion(CodeArtifactPackage pkg, List<Artifact> artifacts, Map<Artifact, PublishedCopy> copies)
            throws GantryException {
        if (pkg.version().endsWith("-SNAPSHOT")) {
            // every snapshot publish is a new build: nothing of it can be there already
            artifacts.forEach(a -> copies.put(a, PublishedCopy.ABSENT));
            refuseIfPublishBlocked(pkg);
            return null;
        }
        CodeArtifactApi.DescribedVersion described = describedVersions.get(pkg);
        if (described == null) {
            described = api.describeVersion(pkg);
            describedVersions.put(pkg, described);
        }
        PackageVersionDescription version = described.version();
        if (version == null) {
            artifacts.forEach(a -> copies.put(a, PublishedCopy.ABSENT));
            if (described.packageExists()) {
                // a new package has no origin controls of its own yet: only an existing one can block publishing
                refuseIfPublishBlocked(pkg);
            }
            return null;
        }
        PackageVersionStatus status = version.status();
        if (status == PackageVersionStatus.ARCHIVED || status == PackageVersionStatus.DISPOSED) {
            throw CodeArtifactFailures.versionNotPublishable(api.where(), pkg, version.statusAsString());
        }
        Map<String, AssetSummary> assets = listedAssets.get(pkg);
        if (assets == null) {
            assets = new LinkedHashMap<>();
            for (AssetSummary asset : api.assets(pkg)) {
                assets.put(asset.name(), asset);
            }
            listedAssets.put(pkg, assets);
        }
        boolean anyAbsent = false;
        boolean anyFound = false;
        for (Artifact artifact : artifacts) {
            PublishedCopy copy = compare(pkg, artifact, assets.get(ArtifactPublisher.fileName(artifact)));
            anyAbsent |= !copy.found();
            anyFound |= copy.found();
            copies.put(artifact, copy);
        }
        // the files a Published version lacks are left out (PublishedFiles.finished): nothing is sent to it
        boolean sendsAny = status == PackageVersionStatus.UNFINISHED || anyAbsent && !publishedWhole(status, anyFound);
        if (sendsAny) {
            refuseIfPublishBlocked(pkg);
        }
        return status;
    }

    /**
     * Whether a package version holds this build's files as a whole publish left them: Published once its
     * maven-metadata.xml arrived, which a publish sends after the files, and holding some of them. A file it lacks is then
     * left out of it ({@link PublishedFiles#finished}).
     */
    private static boolean publishedWhole(PackageVersionStatus status, boolean anyFound) {
        return status == PackageVersionStatus.PUBLISHED && anyFound;
    }

    @Override
    public boolean listRelease(ModuleArtifacts module) {
        return false; // a version whose maven-metadata.xml never arrived is Unfinished, and its files are sent again whole
    }

    @Override
    public void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
        if (!snapshot || keepSnapshots <= 0) {
            return;
        }
        for (CodeArtifactPackage pkg : byPackage(module.artifacts()).keySet()) {
            if (pkg.version().endsWith("-SNAPSHOT")) {
                deleteEarlierBuilds(pkg, publishedVersions);
            }
        }
    }

    private void deleteEarlierBuilds(CodeArtifactPackage pkg, Set<String> publishedVersions) {
        String call = "ListPackageVersions";
        try {
            List<SnapshotBuilds.Listed> listed = api.versions(pkg, PackageVersionStatus.UNLISTED).stream()
                    .map(v -> new SnapshotBuilds.Listed(v.version(), v.statusAsString())).toList();
            List<String> delete = SnapshotBuilds.toDelete(pkg.version(), listed, keepSnapshots, publishedVersions);
            if (delete.isEmpty()) {
                log.debug("No earlier builds of " + pkg + " to delete in CodeArtifact (keeping " + keepSnapshots + ").");
                return;
            }
            call = "DeletePackageVersions";
            List<String> deleted = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int from = 0; from < delete.size(); from += CodeArtifactApi.DELETE_BATCH) {
                List<String> batch = delete.subList(from, Math.min(delete.size(), from + CodeArtifactApi.DELETE_BATCH));
                DeletePackageVersionsResponse response = api.delete(pkg, batch, PackageVersionStatus.UNLISTED);
                batch.stream().filter(response.successfulVersions()::containsKey).forEach(deleted::add);
                response.failedVersions().forEach((version, error) -> failed.add(version + ": "
                        + error.errorCodeAsString() + (error.errorMessage() == null ? "" : " (" + error.errorMessage() + ")")));
            }
            if (!deleted.isEmpty()) {
                log.info("Deleted " + deleted.size() + " earlier build" + (deleted.size() == 1 ? "" : "s") + " of " + pkg
                        + " from CodeArtifact (" + api.where().describe() + "), keeping the newest " + keepSnapshots
                        + ": " + String.join(", ", deleted) + ".");
            }
            if (!failed.isEmpty()) {
                log.warn(CodeArtifactFailures.buildsNotDeleted(api.where(), pkg, failed));
            }
        } catch (GantryException | RuntimeException e) {
            // the snapshot is published: a clean-up that fails must not fail the build
            log.warn(CodeArtifactFailures.cleanUpFailed(api.where(), pkg, call, String.valueOf(e.getMessage())));
        }
    }

    /**
     * A 403 on upload is IAM (the origin controls were checked before): the action follows from what Resolver was
     * sending, a file or {@code maven-metadata.xml}. A 401 is the token: the settings.xml one, or one just fetched.
     */
    @Override
    public String whyDeployFailed(String failure) {
        String detail = failure == null ? "" : failure;
        Matcher transfer = TRANSFER.matcher(detail);
        boolean named = transfer.find();
        CodeArtifactPackage pkg = named ? new CodeArtifactPackage(transfer.group(2), transfer.group(3), null) : null;
        String server = configured.getAuthentication() == null ? null : configured.getId();
        int status = ArtifactPublisher.httpStatus(detail);
        if (status == 403) {
            return CodeArtifactFailures.uploadDenied(api.where(), pkg, named && transfer.group(1).equals("metadata"), server);
        }
        if (status == 401) {
            return CodeArtifactFailures.tokenRefused(api.where(), server);
        }
        return null;
    }

    /** Refuses before any upload when the package's origin controls block publishing ({@code DescribePackage}). */
    private void refuseIfPublishBlocked(CodeArtifactPackage pkg) throws GantryException {
        Optional<PackageDescription> described = describedPackages.get(pkg);
        if (described == null) {
            described = api.describePackage(pkg);
            describedPackages.put(pkg, described);
        }
        boolean blocked = described.map(PackageDescription::originConfiguration)
                .map(o -> o.restrictions())
                .map(r -> r.publish() == AllowPublish.BLOCK)
                .orElse(false);
        if (blocked) {
            throw CodeArtifactFailures.publishBlocked(api.where(), pkg);
        }
    }

    /** This build's file against the asset of the same name: absent, identical (same SHA-256), or how it differs. */
    private PublishedCopy compare(CodeArtifactPackage pkg, Artifact artifact, AssetSummary asset) throws GantryException {
        if (asset == null || artifact.getFile() == null) {
            return PublishedCopy.ABSENT;
        }
        Path built = artifact.getFile().toPath();
        String published = asset.hashes().get(HashAlgorithm.SHA_256);
        String ours = sha256(built);
        if (published != null && published.equalsIgnoreCase(ours)) {
            return PublishedCopy.IDENTICAL;
        }
        // the image goal and the publish goal both ask: the published copy is downloaded once per build
        String key = pkg + "/" + asset.name() + "@" + ours;
        PublishedCopy known = comparedFiles.get(key);
        if (known == null) {
            known = difference(pkg, asset.name(), built, published, ours);
            comparedFiles.put(key, known);
        }
        return known;
    }

    /**
     * In words ({@code orders-1.4.0.jar of com.acme:orders:1.4.0 differs in …}): which jar entries differ when the
     * published copy can be read ({@code GetPackageVersionAsset}, the one download, made only for a file known to
     * differ), and both SHA-256 in any case, with the commit the copy names ({@link PublishedCopy#builtFrom}).
     * Identical when the asset came without a SHA-256 and its bytes are this build's.
     */
    private PublishedCopy difference(CodeArtifactPackage pkg, String name, Path built, String published, String ours) {
        // the file name alone does not say the groupId: name the package version as CodeArtifact lists it
        String file = name + " of " + pkg;
        String hashes = " (SHA-256 in CodeArtifact " + (published == null ? "not given" : shorten(published))
                + ", this build " + shorten(ours) + ")";
        try (ScratchDirectory scratch = ScratchDirectory.create("gantry-codeartifact")) {
            Path copy = scratch.path().resolve(name);
            api.download(pkg, name, copy);
            if (published == null && Files.mismatch(copy, built) == -1L) {
                return PublishedCopy.IDENTICAL;
            }
            return PublishedCopy.differing(ContentDifference.of(file, built, copy).describe() + hashes, copy);
        } catch (GantryException | IOException e) {
            log.debug("Could not read the published " + name + " to name what differs: " + e.getMessage());
            return PublishedCopy.differing(file + " differs" + hashes);
        }
    }

    /** A module's artifacts by package version; all of a module share one, but nothing depends on it. */
    private static Map<CodeArtifactPackage, List<Artifact>> byPackage(List<Artifact> artifacts) {
        Map<CodeArtifactPackage, List<Artifact>> byPackage = new LinkedHashMap<>();
        for (Artifact a : artifacts) {
            byPackage.computeIfAbsent(new CodeArtifactPackage(a.getGroupId(), a.getArtifactId(), a.getBaseVersion()),
                    p -> new ArrayList<>()).add(a);
        }
        return byPackage;
    }

    static String sha256(Path file) throws GantryException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw Refusals.cannotReadToCompare(String.valueOf(file), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String shorten(String hash) {
        return hash.length() <= SHOWN_HASH ? hash : hash.substring(0, SHOWN_HASH) + "…";
    }
}
