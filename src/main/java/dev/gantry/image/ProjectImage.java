package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's image as Jib is to build it from an {@link ImageRequest}: base image, layers, entrypoint, labels, ports
 * and platforms. Where it goes (tar or registry) is decided elsewhere.
 */
final class ProjectImage {

    static final String LABEL_VERSION = "org.opencontainers.image.version";
    static final String LABEL_REVISION = "org.opencontainers.image.revision";
    static final String LABEL_SOURCE = "org.opencontainers.image.source";
    static final String LABEL_CREATED = "org.opencontainers.image.created";
    static final String LABEL_REF_NAME = "org.opencontainers.image.ref.name";
    static final String LABEL_BASE_NAME = "org.opencontainers.image.base.name";
    static final String LABEL_BASE_DIGEST = "org.opencontainers.image.base.digest";
    /** Gantry's own: the module ({@code groupId:artifactId}) the image is built from; OCI has no label for it. */
    static final String LABEL_MODULE = "dev.gantry.module";

    private ProjectImage() {
    }

    /**
     * The project's main class, checked: an image whose main class cannot start is never published. A Quarkus service
     * starts Quarkus's runner, whose {@code Main-Class} is read instead; a main class configured for it is not used.
     */
    /** A working directory the container could not start in: refused before anything is pushed, Quarkus's image too. */
    static void refuseRelativeWorkingDirectory(ImageRequest request) throws GantryException {
        String workingDirectory = request.workingDirectory();
        if (workingDirectory != null && !workingDirectory.isBlank() && !workingDirectory.strip().startsWith("/")) {
            throw Refusals.workingDirectoryNotAbsolute(workingDirectory.strip());
        }
    }

    static MainClass checkedMainClass(ImageRequest request, GantryLog log) throws GantryException {
        if (request.quarkusApp() != null) {
            QuarkusFastJar quarkus = new QuarkusFastJar(request.quarkusApp());
            MainClass runner = new MainClass(quarkus.mainClass(), "the Main-Class of Quarkus's "
                    + request.quarkusApp().resolve(QuarkusFastJar.RUNNER));
            log.info("Quarkus service: the image holds Quarkus's fast-jar, " + request.quarkusApp() + ", and starts it with "
                    + String.join(" ", quarkus.entrypoint(AbsoluteUnixPath.get(request.appRoot()), request.jvmFlags()))
                    + " (" + runner.name() + ").");
            if (request.mainClass() != null && !request.mainClass().isBlank()) {
                log.warn("Main class " + request.mainClass().strip() + " (" + MainClass.CONFIGURED + ") is not used: a "
                        + "Quarkus service starts Quarkus's runner, which starts the application as Quarkus built it. "
                        + "Remove the setting, or use @QuarkusMain to give the application a main method of its own.");
            }
            return runner;
        }
        if (request.appRoot().chars().anyMatch(Character::isWhitespace)) {
            // the java launcher splits an @argfile's lines on whitespace: -cp would get half a path
            throw Refusals.appRootWithWhitespace(request.appRoot());
        }
        MainClass mainClass = MainClassResolver.resolve(request, log);
        MainClassCheck.check(mainClass, request.classesDirectory(), request.classpath(), request.from());
        if (request.arguments().isEmpty()) {
            // a warning, not a refusal: a deployment may give the command (Kubernetes' args)
            MainClassCheck.needsACommand(mainClass, request.classesDirectory(), request.classpath())
                    .ifPresent(framework -> log.warn(Refusals.applicationNeedsACommand(mainClass.name(), framework)));
        }
        return mainClass;
    }

    /**
     * The image on {@code base} (pinned to the digest looked up; none: {@code scratch}), the base reached by
     * {@code route} (directly, or through a relay: the same image).
     */
    static JibContainerBuilder containerBuilder(ImageRequest request, Optional<BaseImage> base, RegistryAuth auth,
            MainClass mainClass, JibRunner.Route route) throws GantryException {
        try {
            Optional<RegistryImage> baseImage = Optional.empty();
            if (base.isPresent()) {
                ImageReference pinned = base.get().pinned();
                RegistryImage image = RegistryImage.named(route.apply(pinned));
                auth.find(pinned).ifPresent(f -> image.addCredential(f.credential().username(), f.credential().password()));
                baseImage = Optional.of(image);
            }
            AbsoluteUnixPath appRoot = AbsoluteUnixPath.get(request.appRoot());
            JibContainerBuilder builder = request.quarkusApp() != null
                    ? quarkusService(request, baseImage, appRoot)
                    : classesAndDependencies(request, baseImage, appRoot, mainClass);
            if (request.extraDirectory() != null && Files.isDirectory(request.extraDirectory())) {
                builder.addFileEntriesLayer(extraFiles(request.extraDirectory()));
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
            if (request.workingDirectory() != null && !request.workingDirectory().isBlank()) {
                builder.setWorkingDirectory(AbsoluteUnixPath.get(request.workingDirectory().strip())); // checked first
            }
            builder.setLabels(labels(request, base));
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

    /**
     * Jib's Java layout: the classes, resources and dependency jars, started by the main class through the classpath
     * file.
     */
    private static JibContainerBuilder classesAndDependencies(ImageRequest request, Optional<RegistryImage> baseImage,
            AbsoluteUnixPath appRoot, MainClass mainClass) throws IOException {
        JavaContainerBuilder java = baseImage.isPresent() ? JavaContainerBuilder.from(baseImage.get())
                : JavaContainerBuilder.from(ImageReference.scratch());
        java.setAppRoot(appRoot);
        // the layers follow Jib's fixed order (release, snapshot, project dependencies, resources, classes); the
        // classpath is the classpath file's (JvmArgFiles), so no main class is given to jib-core here
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
        JibContainerBuilder builder = java.toContainerBuilder();
        String classpath = JvmArgFiles.classpath(appRoot, request.classpath());
        builder.addFileEntriesLayer(JvmArgFiles.layer(request.outputDirectory().resolve("jvm-arg-files"), appRoot,
                classpath, mainClass.name()));
        builder.setEntrypoint(JvmArgFiles.entrypoint(appRoot, request.jvmFlags(), mainClass.name()));
        return builder;
    }

    /**
     * The extra directory's files at the image's root. Each entry of the directory is added on its own: the directory
     * itself would be an entry for {@code /}, which jib-core's layer builder refuses. A file keeps its executable bit (a
     * start script, a health check), as 755; every other file is 644 and every directory 755, whatever the checkout's
     * umask made them, so that the layer is the same on every machine.
     */
    static FileEntriesLayer extraFiles(Path directory) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("extra files");
        List<Path> entries;
        try (Stream<Path> listed = Files.list(directory)) {
            entries = listed.sorted().toList();
        }
        for (Path entry : entries) {
            layer.addEntryRecursive(entry, AbsoluteUnixPath.get("/" + entry.getFileName()), ProjectImage::permissions);
        }
        return layer.build();
    }

    private static FilePermissions permissions(Path source, AbsoluteUnixPath inImage) {
        if (Files.isDirectory(source)) {
            return FilePermissions.DEFAULT_FOLDER_PERMISSIONS;
        }
        try {
            return Files.getPosixFilePermissions(source).contains(PosixFilePermission.OWNER_EXECUTE)
                    ? FilePermissions.fromOctalString("755") : FilePermissions.DEFAULT_FILE_PERMISSIONS;
        } catch (IOException | UnsupportedOperationException e) {
            return FilePermissions.DEFAULT_FILE_PERMISSIONS; // a file system without POSIX permissions
        }
    }

    /** Quarkus's fast-jar under the app root, started by its runner ({@link QuarkusFastJar}). */
    private static JibContainerBuilder quarkusService(ImageRequest request, Optional<RegistryImage> baseImage,
            AbsoluteUnixPath appRoot) throws IOException {
        JibContainerBuilder builder = baseImage.isPresent() ? Jib.from(baseImage.get()) : Jib.fromScratch();
        QuarkusFastJar quarkus = new QuarkusFastJar(request.quarkusApp());
        for (FileEntriesLayer layer : quarkus.layers(appRoot)) {
            builder.addFileEntriesLayer(layer);
        }
        builder.setEntrypoint(quarkus.entrypoint(appRoot, request.jvmFlags()));
        return builder;
    }

    static Map<String, String> labels(ImageRequest request, Optional<BaseImage> base) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (request.version() != null) {
            labels.put(LABEL_VERSION, request.version());
            labels.put(LABEL_REF_NAME, request.version());
        }
        labels.put(LABEL_REVISION, request.commit());
        labels.put(LABEL_CREATED, request.commitTime().toString());
        if (request.module() != null) {
            labels.put(LABEL_MODULE, request.module());
        }
        if (request.sourceUrl() != null && !request.sourceUrl().isBlank()) {
            labels.put(LABEL_SOURCE, withoutCredentials(request.sourceUrl()));
        }
        base.ifPresent(b -> {
            labels.put(LABEL_BASE_NAME, b.name());
            labels.put(LABEL_BASE_DIGEST, b.digest());
        });
        labels.putAll(request.labels());
        return labels;
    }

    /**
     * A remote URL without user info: {@code https://user:token@host/x.git} → {@code https://host/x.git}. The Maven glue
     * passes the repository's canonical web address ({@code GitRepository.sourceUrl}); this is the last guard that no
     * credential reaches a label whatever a caller passes.
     */
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
}
