package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.global.JibSystemProperties;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the project's image with jib-core and publishes it as the plan says, never moving an
 * immutable tag:
 *
 * <ol>
 *   <li>The embedded default ({@link ImagePlan#local()}): an OCI tar at {@code target/gantry/image.tar}.</li>
 *   <li>Otherwise every tag of the plan is looked up in the registry first. When none of the immutable
 *       tags exists, the image is pushed once with its immutable tags (Jib uploads only the layers the registry
 *       lacks and mounts base layers from the same registry); only then do the mutable tags get its manifest.</li>
 *   <li>When an immutable tag exists, this build's digest is computed without pushing anything (Jib
 *       builds the same image to a throw-away OCI tar: same layers, same config, same manifest). A tag on
 *       another digest is refused before anything is pushed, so no mutable tag moves either. When every
 *       existing immutable tag holds this digest, the image is already in the registry: the missing tags
 *       get the existing manifest's bytes (one small PUT each; nothing rebuilt or uploaded).</li>
 * </ol>
 *
 * Several platforms give a Docker manifest list (jib-core builds no OCI index) that every tag points at; as Jib
 * cannot write it to a tar, an existing immutable tag is judged by the commit its image was built from instead of
 * by digest, and the OCI tar default holds the first platform only (with a warning).
 *
 * In every case {@code target/gantry/image.digest} holds the digest.
 */
public final class ImagePublisher {

    static final String LABEL_VERSION = "org.opencontainers.image.version";
    static final String LABEL_REVISION = "org.opencontainers.image.revision";
    static final String LABEL_SOURCE = "org.opencontainers.image.source";
    static final String LABEL_CREATED = "org.opencontainers.image.created";
    static final String LABEL_REF_NAME = "org.opencontainers.image.ref.name";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** jib-core's {@code JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP}, read by {@code BuildContext.Builder#build}. */
    static final String JIB_SEND_CREDENTIALS_OVER_HTTP = JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP;
    private static final Object JIB_SYSTEM_PROPERTIES = new Object();
    /** jib-core's reason for a manifest PUT answered 400 MANIFEST_INVALID or TAG_INVALID (ManifestPusher). */
    static final String JIB_MANIFEST_REFUSED = "Registry may not support pushing OCI Manifest";
    private static final Pattern CREDENTIALS_NOT_SENT = Pattern.compile("credentials for (\\S+/\\S+) were not sent");

    private final GantryLog log;
    private final Map<String, String> environment;

    public ImagePublisher(GantryLog log) {
        this(log, System.getenv());
    }

    /** With the environment passed in (Docker config and credential helpers read it). */
    public ImagePublisher(GantryLog log, Map<String, String> environment) {
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    public ImageResult publish(ImageRequest request) throws GantryException {
        ImagePlan plan = request.image();
        RegistryAuth auth = new RegistryAuth(request.credentials(), request.credentialHelper(), request.dockerConfig(),
                environment, log);
        JibContainerBuilder builder = containerBuilder(request, auth);
        return plan.local() ? writeTar(request, builder, auth) : push(request, builder, auth);
    }

    // --- the embedded default: an OCI tar -----------------------------------------------------------

    private ImageResult writeTar(ImageRequest request, JibContainerBuilder builder, RegistryAuth auth) throws GantryException {
        ImagePlan plan = request.image();
        Path tar = request.outputDirectory().resolve("image.tar");
        String name = plan.repository() + ":" + (plan.tags().isEmpty() ? "latest" : plan.tags().get(0).name());
        log.info("Building image " + name + " as an OCI tar (no image repository configured): " + tar);
        String digest = buildTar(request, builder, tar, name, auth);
        writeDigest(request, digest);
        log.info("Image " + name + " written: " + digest);
        return new ImageResult(plan.repository(), digest, plan.tags().stream().map(ImageTag::name).toList(), List.of(), tar);
    }

    private String buildTar(ImageRequest request, JibContainerBuilder builder, Path tar, String name, RegistryAuth auth)
            throws GantryException {
        try {
            Files.createDirectories(tar.getParent());
            if (request.platforms().size() > 1) {
                // Jib writes one image to a tar, never an index: the first platform is the one asked for first
                List<String> platforms = request.platforms();
                builder.setPlatforms(Set.of(platform(platforms.get(0)))).setFormat(ImageFormat.OCI);
                log.warn(Refusals.ociTarOnePlatform(tar.toString(), platforms.get(0), platforms.subList(1, platforms.size())));
            }
            JibContainer container = containerize(builder, Containerizer.to(TarImage.at(tar).named(name)), request);
            return container.getDigest().toString();
        } catch (IOException e) {
            throw Refusals.imageOutputFailed(tar.toString(), e.getMessage());
        } catch (InvalidImageReferenceException e) {
            throw Refusals.invalidImageReference(name, "<imageRepository>", "gantry.image.repository");
        } catch (Exception e) {
            throw failure(name, e, auth);
        }
    }

    // --- a registry -----------------------------------------------------------------------------------

    private ImageResult push(ImageRequest request, JibContainerBuilder builder, RegistryAuth auth) throws GantryException {
        ImagePlan plan = request.image();
        ImageReference target = reference(plan.repository(), "<imageRepository>", "gantry.image.repository");
        String image = target.getRegistry() + "/" + target.getRepository();
        Optional<RegistryAuth.Found> found = auth.find(target);
        RegistryApi api = new RegistryApi(target.getRegistry(), target.getRepository(),
                found.map(RegistryAuth.Found::credential).orElse(null), found.map(RegistryAuth.Found::source).orElse(null),
                request.allowInsecureRegistries(), request.sendCredentialsOverHttp());

        Map<String, RemoteManifest> existing = new LinkedHashMap<>();
        for (ImageTag tag : plan.tags()) {
            api.manifest(tag.name()).ifPresent(m -> existing.put(tag.name(), m));
        }
        List<ImageTag> taken = plan.immutableTags().stream().filter(t -> existing.containsKey(t.name())).toList();
        if (taken.isEmpty()) {
            return pushNew(request, builder, target, found, auth, api);
        }

        String digest = predictDigest(request, builder, image, api, existing, taken, auth);
        for (ImageTag tag : taken) {
            RemoteManifest there = existing.get(tag.name());
            if (!there.digest().equals(digest)) {
                throw Refusals.imageTagTaken(target.getRepository(), tag.name(), there.digest(), revisionOf(api, there),
                        digest, request.commit());
            }
        }
        RemoteManifest manifest = existing.get(taken.get(0).name());
        List<String> pushed = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        for (ImageTag tag : immutableFirst(plan)) {
            RemoteManifest there = existing.get(tag.name());
            if (there != null && there.digest().equals(digest)) {
                inPlace.add(tag.name());
            } else {
                putTag(api, target, tag, manifest, inPlace, pushed);
                pushed.add(tag.name());
            }
        }
        writeDigest(request, digest);
        log.info("Image " + image + "@" + digest + " is already in the registry; tags in place " + inPlace
                + (pushed.isEmpty() ? ", nothing pushed." : ", tagged now " + pushed + " (no layer uploaded)."));
        return new ImageResult(plan.repository(), digest, pushed, inPlace, null);
    }

    /**
     * The first push of this image. Jib pushes all the tags it is given at once, concurrently: given the mutable ones
     * too, {@code latest} could move although another build took {@code 1.4.0} since the look-up. So Jib pushes the
     * immutable tags only (uploading what the registry lacks), and only once they are in place do the mutable tags get
     * the very manifest, one small PUT each (nothing is uploaded again).
     */
    private ImageResult pushNew(ImageRequest request, JibContainerBuilder builder, ImageReference target,
            Optional<RegistryAuth.Found> found, RegistryAuth auth, RegistryApi api) throws GantryException {
        ImagePlan plan = request.image();
        List<String> immutable = names(plan.immutableTags());
        List<String> first = immutable.isEmpty() ? names(plan.mutableTags()) : immutable;
        List<String> later = immutable.isEmpty() ? List.of() : names(plan.mutableTags());
        String image = target.getRegistry() + "/" + target.getRepository();
        log.info("Pushing image " + image + " with tags " + first
                + (later.isEmpty() ? "" : ", then tagging it " + later + " once they are in place"));
        RegistryImage registryImage = RegistryImage.named(target.withQualifier(first.get(0)));
        found.ifPresent(f -> registryImage.addCredential(f.credential().username(), f.credential().password()));
        Containerizer containerizer = Containerizer.to(registryImage);
        first.stream().skip(1).forEach(containerizer::withAdditionalTag);
        String digest;
        try {
            digest = containerize(builder, containerizer, request).getDigest().toString();
        } catch (Exception e) {
            throw tagRefusedByJib(e, target, plan, api).orElseGet(() -> failure(image, e, auth));
        }
        if (!later.isEmpty()) {
            RemoteManifest manifest = api.manifest(digest).orElseThrow(() -> Refusals.registryFailed(image,
                    "the manifest " + digest + " just pushed cannot be read back"));
            List<String> done = new ArrayList<>(first);
            for (ImageTag tag : plan.mutableTags()) {
                putTag(api, target, tag, manifest, done, List.of());
                done.add(tag.name());
            }
        }
        writeDigest(request, digest);
        List<String> tags = names(plan.tags());
        log.info("Image " + image + "@" + digest + " pushed with tags " + tags + ".");
        return new ImageResult(plan.repository(), digest, tags, List.of(), null);
    }

    /** Puts a manifest under a tag; a refusal of the tag as immutable is worded for the tag's role. */
    private static void putTag(RegistryApi api, ImageReference target, ImageTag tag, RemoteManifest manifest,
            List<String> inPlace, List<String> pushed) throws GantryException {
        try {
            api.putManifest(tag.name(), manifest);
        } catch (RegistryApi.TagRefused refused) {
            if (!tag.mutable()) {
                throw Refusals.imageTagTakenDuringPush(target.getRepository(), tag.name());
            }
            List<String> done = new ArrayList<>(inPlace);
            done.addAll(pushed);
            throw Refusals.imageTagImmutable(target.getRepository(), tag.name(), refused.code, done);
        }
    }

    /**
     * Jib reports a manifest PUT answered HTTP 400 {@code TAG_INVALID} or {@code MANIFEST_INVALID} as "Registry may not
     * support pushing OCI Manifest…": what ECR answers for an existing tag of an immutable repository. Jib pushed the
     * immutable tags only, none of which existed at the look-up: if one exists now, another build took it meanwhile.
     */
    private Optional<GantryException> tagRefusedByJib(Exception e, ImageReference target, ImagePlan plan, RegistryApi api) {
        Throwable cause = e;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof RegistryException) || !String.valueOf(cause.getMessage()).contains(JIB_MANIFEST_REFUSED)) {
            return Optional.empty();
        }
        for (ImageTag tag : plan.immutableTags()) {
            try {
                if (api.manifest(tag.name()).isPresent()) {
                    return Optional.of(Refusals.imageTagTakenDuringPush(target.getRepository(), tag.name()));
                }
            } catch (GantryException lookUpFailed) {
                log.debug("Cannot look up " + tag.name() + " after the refused push: " + lookUpFailed.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The plan's tags, the immutable ones first: a mutable tag moves only after every immutable one is in place. */
    private static List<ImageTag> immutableFirst(ImagePlan plan) {
        List<ImageTag> tags = new ArrayList<>(plan.immutableTags());
        tags.addAll(plan.mutableTags());
        return tags;
    }

    private static List<String> names(List<ImageTag> tags) {
        return tags.stream().map(ImageTag::name).toList();
    }

    /**
     * This build's digest, learned without pushing: Jib builds the identical image to a throw-away OCI tar
     * and reports the manifest's digest (the one a push would create). A multi-platform index cannot be
     * written to a tar: then the images are compared by the commit they were built from (reproducible
     * builds make the same commit the same image), and a refusal cannot name the new digest.
     */
    private String predictDigest(ImageRequest request, JibContainerBuilder builder, String image, RegistryApi api,
            Map<String, RemoteManifest> existing, List<ImageTag> taken, RegistryAuth auth) throws GantryException {
        if (request.platforms().size() > 1) {
            RemoteManifest there = existing.get(taken.get(0).name());
            String revision = revisionOf(api, there);
            log.info("Tag " + taken.get(0).name() + " exists; a multi-platform image is compared by commit: " + revision);
            return request.commit().equals(revision) ? there.digest() : null;
        }
        log.info("Tags " + taken.stream().map(ImageTag::name).toList() + " exist in " + image
                + "; computing this build's digest before pushing anything.");
        Path tar = request.outputDirectory().resolve("image-digest-check.tar");
        try {
            return buildTar(request, builder, tar, image + ":" + taken.get(0).name(), auth);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a leftover in target/ is harmless
            }
        }
    }

    /** The commit an image in the registry was built from (its revision label), or null. */
    private String revisionOf(RegistryApi api, RemoteManifest manifest) {
        try {
            JsonNode json = manifest.json();
            if (manifest.isIndex()) {
                JsonNode first = json.path("manifests").path(0);
                Optional<RemoteManifest> child = api.manifest(first.path("digest").asText());
                if (child.isEmpty()) {
                    return null;
                }
                json = child.get().json();
            }
            JsonNode config = JSON.readTree(api.blob(json.path("config").path("digest").asText()));
            JsonNode revision = config.path("config").path("Labels").path(LABEL_REVISION);
            return revision.isTextual() ? revision.asText() : null;
        } catch (IOException | GantryException e) {
            log.debug("Cannot read the revision label of " + manifest.digest() + ": " + e.getMessage());
            return null;
        }
    }

    // --- the image from the project ------------------------------------------------------------------

    JibContainerBuilder containerBuilder(ImageRequest request, RegistryAuth auth) throws GantryException {
        String mainClass = MainClassResolver.resolve(request.mainClass(), request.manifestMainClass(),
                request.classesDirectory(), log);
        ImageReference base = reference(request.from(), "<from>", "gantry.image.from");
        try {
            JavaContainerBuilder java;
            if (base.isScratch()) {
                java = JavaContainerBuilder.from(ImageReference.scratch());
            } else {
                RegistryImage baseImage = RegistryImage.named(base);
                auth.find(base).ifPresent(f -> baseImage.addCredential(f.credential().username(), f.credential().password()));
                java = JavaContainerBuilder.from(baseImage);
            }
            java.setAppRoot(request.appRoot());
            // the classpath follows the order of these calls (resources, classes, libs, as jib-maven-plugin);
            // the layers follow Jib's fixed order (release, snapshot, project dependencies, resources, classes)
            Path classes = request.classesDirectory();
            if (Files.isDirectory(classes)) {
                java.addResources(classes, p -> !p.toString().endsWith(".class"));
                java.addClasses(classes, p -> p.toString().endsWith(".class"));
            }
            if (!request.dependencies().isEmpty()) {
                java.addDependencies(request.dependencies());
            }
            if (!request.snapshotDependencies().isEmpty()) {
                java.addSnapshotDependencies(request.snapshotDependencies());
            }
            if (!request.projectDependencies().isEmpty()) {
                java.addProjectDependencies(request.projectDependencies());
            }
            java.addJvmFlags(request.jvmFlags());
            java.setMainClass(mainClass);
            JibContainerBuilder builder = java.toContainerBuilder();
            if (request.extraDirectory() != null && Files.isDirectory(request.extraDirectory())) {
                builder.addFileEntriesLayer(FileEntriesLayer.builder().setName("extra files")
                        .addEntryRecursive(request.extraDirectory(), AbsoluteUnixPath.get("/")).build());
            }
            if (!request.arguments().isEmpty()) {
                builder.setProgramArguments(request.arguments());
            }
            if (!request.environment().isEmpty()) {
                builder.setEnvironment(request.environment());
            }
            Set<Port> ports = new LinkedHashSet<>();
            for (String port : request.ports()) {
                ports.addAll(ports(port));
            }
            builder.setExposedPorts(ports);
            if (request.user() != null && !request.user().isBlank()) {
                builder.setUser(request.user());
            }
            builder.setLabels(labels(request));
            builder.setCreationTime(request.commitTime());
            // jib-core builds an index only in Docker format ("Build an OCI image index is not yet supported"):
            // several platforms give a Docker manifest list of Docker manifests, one platform an OCI manifest
            builder.setFormat(request.platforms().size() > 1 ? ImageFormat.Docker : ImageFormat.OCI);
            if (!request.platforms().isEmpty()) {
                Set<Platform> platforms = new LinkedHashSet<>();
                for (String platform : request.platforms()) {
                    platforms.add(platform(platform));
                }
                builder.setPlatforms(platforms);
            }
            return builder;
        } catch (IOException e) {
            throw Refusals.imageBuildFailed(request.image().repository(), "cannot read the project's files: " + e.getMessage());
        }
    }

    static Map<String, String> labels(ImageRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (request.version() != null) {
            labels.put(LABEL_VERSION, request.version());
            labels.put(LABEL_REF_NAME, request.version());
        }
        labels.put(LABEL_REVISION, request.commit());
        labels.put(LABEL_CREATED, request.commitTime().toString());
        if (request.sourceUrl() != null && !request.sourceUrl().isBlank()) {
            labels.put(LABEL_SOURCE, withoutCredentials(request.sourceUrl()));
        }
        labels.putAll(request.labels());
        return labels;
    }

    /** A remote URL without user info: {@code https://user:token@host/x.git} → {@code https://host/x.git}. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    static List<Port> ports(String text) throws GantryException {
        String spec = text.strip();
        String protocol = "tcp";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1).toLowerCase();
            spec = spec.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw Refusals.invalidPort(text);
            }
        }
        try {
            String[] range = spec.split("-", -1);
            int low = Integer.parseInt(range[0]);
            int high = range.length == 2 ? Integer.parseInt(range[1]) : low;
            if (range.length > 2 || low < 1 || high > 65535 || high < low) {
                throw Refusals.invalidPort(text);
            }
            List<Port> ports = new ArrayList<>();
            for (int p = low; p <= high; p++) {
                ports.add(Port.parseProtocol(p, protocol));
            }
            return ports;
        } catch (NumberFormatException e) {
            throw Refusals.invalidPort(text);
        }
    }

    static Platform platform(String text) throws GantryException {
        String[] parts = text.strip().split("/");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw Refusals.invalidPlatform(text);
        }
        return new Platform(parts[1], parts[0]);
    }

    // --- Jib plumbing ---------------------------------------------------------------------------------

    private Containerizer configure(Containerizer containerizer, ImageRequest request) {
        containerizer.setAllowInsecureRegistries(request.allowInsecureRegistries())
                .setToolName("gantry")
                .addEventHandler(LogEvent.class, this::jibLog);
        if (request.applicationCache() != null) {
            containerizer.setApplicationLayersCache(request.applicationCache());
        }
        if (request.baseImageCache() != null) {
            containerizer.setBaseImageLayersCache(request.baseImageCache());
        }
        return containerizer;
    }

    /**
     * Runs Jib with its {@code sendCredentialsOverHttp} system property set to the request's setting, so that Jib sends
     * credentials over plain HTTP exactly when Gantry's own registry calls do: never, unless asked (a
     * {@code -DsendCredentialsOverHttp=true} meant for jib-maven-plugin does not count). Jib reads the property when a
     * build starts; it is JVM-wide, so builds here take turns and the previous value is restored.
     */
    private JibContainer containerize(JibContainerBuilder builder, Containerizer containerizer, ImageRequest request)
            throws Exception {
        configure(containerizer, request);
        synchronized (JIB_SYSTEM_PROPERTIES) {
            String previous = System.getProperty(JIB_SEND_CREDENTIALS_OVER_HTTP);
            System.setProperty(JIB_SEND_CREDENTIALS_OVER_HTTP, String.valueOf(request.sendCredentialsOverHttp()));
            try {
                return builder.containerize(containerizer);
            } finally {
                if (previous == null) {
                    System.clearProperty(JIB_SEND_CREDENTIALS_OVER_HTTP);
                } else {
                    System.setProperty(JIB_SEND_CREDENTIALS_OVER_HTTP, previous);
                }
            }
        }
    }

    /** Jib's lifecycle messages (a few lines per build) at info; its details and progress at debug. */
    private void jibLog(LogEvent event) {
        switch (event.getLevel()) {
            case ERROR, WARN -> log.warn("Jib: " + event.getMessage());
            case LIFECYCLE -> {
                String message = event.getMessage();
                if (!message.isBlank() && !message.startsWith("Executing tasks")) {
                    log.info("Jib: " + message.strip());
                }
            }
            default -> log.debug("Jib: " + event.getMessage());
        }
    }

    private static ImageReference reference(String text, String element, String property) throws GantryException {
        try {
            return ImageReference.parse(text);
        } catch (InvalidImageReferenceException e) {
            throw Refusals.invalidImageReference(text, element, property);
        }
    }

    /** One place that turns Jib's failures into messages a person can act on. */
    private static GantryException failure(String image, Exception e, RegistryAuth auth) {
        Throwable cause = e;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return Refusals.imageBuildFailed(image, "interrupted");
        }
        if (cause instanceof RegistryUnauthorizedException unauthorized) {
            String registry = unauthorized.getImageReference();
            int slash = registry.indexOf('/');
            String host = slash > 0 ? registry.substring(0, slash) : registry;
            // the cause is google-http-client's HttpResponseException, whose message starts with the status
            int status = String.valueOf(unauthorized.getCause() == null ? null : unauthorized.getCause().getMessage())
                    .startsWith("403") ? 403 : 401;
            String source = auth.sourceOf(host).orElse(null);
            return status == 403 ? Refusals.registryForbidden(registry, host, source)
                    : Refusals.registryUnauthorized(registry, host, source);
        }
        if (cause instanceof RegistryCredentialsNotSentException) {
            // "Required credentials for <registry>/<repository> were not sent because the connection was over HTTP"
            Matcher m = CREDENTIALS_NOT_SENT.matcher(String.valueOf(cause.getMessage()));
            if (m.find()) {
                String reference = m.group(1);
                String host = reference.substring(0, reference.indexOf('/'));
                Optional<String> source = auth.sourceOf(host);
                if (source.isPresent()) {
                    return Refusals.credentialsNotSentOverHttp(reference, host, source.get());
                }
            }
        }
        if (cause instanceof InsecureRegistryException) {
            return Refusals.registryFailed(image, "the registry does not offer a verified HTTPS connection");
        }
        if (cause instanceof RegistryException || cause instanceof IOException) {
            return new GantryException(Refusals.registryFailed(image, String.valueOf(cause.getMessage())).getMessage(), cause);
        }
        if (cause instanceof CacheDirectoryCreationException) {
            return Refusals.imageOutputFailed("Jib's cache directory", String.valueOf(cause.getMessage()));
        }
        return new GantryException(Refusals.imageBuildFailed(image, cause.getClass().getSimpleName() + ": "
                + cause.getMessage()).getMessage(), cause);
    }

    private static void writeDigest(ImageRequest request, String digest) throws GantryException {
        Path file = request.outputDirectory().resolve("image.digest");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, digest);
        } catch (IOException e) {
            throw Refusals.imageOutputFailed(file.toString(), e.getMessage());
        }
    }
}
