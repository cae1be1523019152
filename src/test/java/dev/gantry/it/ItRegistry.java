package dev.gantry.it;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LocalRegistry;
import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.nio.file.Path;

/**
 * Gives an invoker IT a real registry, from its {@code setup.groovy}: starts the distribution registry on a free
 * loopback port for the rest of the Maven run, pushes a small base image into it, and points the IT's build at it
 * through {@code .mvn/maven.config}. The verify script reads it back with {@link #of(File)}.
 */
public final class ItRegistry {

    /** The credentials {@link #startSecuredFor} asks, a planted secret: PlantedSecretsScan fails on any log holding it. */
    public static final String SECURED_USER = "ci";
    public static final String SECURED_PASSWORD = "gantry-planted-secret-registry";

    private static final String HOST_FILE = "registry.host";
    private static final String LOG_FILE = "registry.log.path";

    private ItRegistry() {
    }

    /** Starts the registry; the build pushes {@code <registry>/<repository>} on the base image {@code <registry>/base/java:1}. */
    public static String startFor(File basedir, String repository) throws Exception {
        return startFor(basedir, "gantry.image.repository", repository);
    }

    /**
     * As {@link #startFor(File, String)}, the image repository given to the build as another property, for a POM to
     * set where it chooses ({@code <imageRepository>${service.image}</imageRepository>} in one module).
     */
    public static String startFor(File basedir, String property, String repository) throws Exception {
        LocalRegistry registry = LocalRegistry.start();
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        String base = BaseImages.push(registry, "base/java", 64 * 1024);
        ItBuildSettings.of(basedir)
                .maven(property, registry.host() + "/" + repository)
                .maven("gantry.image.from", base)
                .maven("gantry.image.allowInsecureRegistries", "true");
        Files.writeString(basedir.toPath().resolve(HOST_FILE), registry.host());
        Files.writeString(basedir.toPath().resolve(LOG_FILE), registry.logFile().toString());
        return registry.host();
    }

    /** The access log of the registry {@link #startFor} started: each request with its client's User-Agent. */
    public static String log(File basedir) throws Exception {
        return Files.readString(java.nio.file.Path.of(Files.readString(basedir.toPath().resolve(LOG_FILE)).trim()));
    }

    /**
     * Starts an HTTPS registry (self-signed) that asks for Basic credentials, as a company's registry does; the
     * build pushes {@code <registry>/<repository>} on the POM's base image and must be given the credentials (a
     * {@code settings.xml} server). The verify script reads what it answered with {@link #requestsAnswered}.
     */
    public static String startSecuredFor(File basedir, String repository) throws Exception {
        LocalRegistry registry = LocalRegistry.startWithBasicAuth(SECURED_USER, SECURED_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        ItBuildSettings.of(basedir)
                .maven("gantry.image.repository", registry.host() + "/" + repository)
                .maven("gantry.image.allowInsecureRegistries", "true");
        Files.writeString(basedir.toPath().resolve(HOST_FILE), registry.host());
        Files.writeString(basedir.toPath().resolve(LOG_FILE), registry.logFile().toString());
        return registry.host();
    }

    /** The requests the registry of {@link #startSecuredFor} answered, {@code METHOD uri status} each. */
    public static List<String> requestsAnswered(File basedir) throws Exception {
        return LocalRegistry.requestsIn(Files.readString(basedir.toPath().resolve(LOG_FILE)).trim());
    }

    /**
     * Pushes an image that this build did not make under the given tags (as another build of the same version
     * would have), and writes its digest to {@code foreign.digest}.
     */
    public static String pushForeignImage(File basedir, String repository, String... tags) throws Exception {
        LocalRegistry registry = of(basedir);
        String reference = registry.host() + "/" + repository;
        RegistryImage target = RegistryImage.named(reference + ":" + tags[0]);
        Containerizer containerizer = Containerizer.to(target).setAllowInsecureRegistries(true);
        for (int i = 1; i < tags.length; i++) {
            containerizer.withAdditionalTag(tags[i]);
        }
        String digest = Jib.fromScratch().addLabel("built-by", "another build")
                .containerize(containerizer).getDigest().toString();
        Files.writeString(basedir.toPath().resolve("foreign.digest"), digest);
        return digest;
    }

    /**
     * Pushes, under the given tags, the image a newer commit's build of the same version left there, labelled as Gantry
     * labels its images (that commit, its time as the creation time, the version); writes its digest to
     * {@code newer.digest}.
     */
    public static String pushImageOfNewerCommit(File basedir, String repository, String commit, String committed,
            String version, String... tags) throws Exception {
        LocalRegistry registry = of(basedir);
        Containerizer containerizer = Containerizer.to(RegistryImage.named(registry.host() + "/" + repository + ":"
                + tags[0])).setAllowInsecureRegistries(true);
        for (int i = 1; i < tags.length; i++) {
            containerizer.withAdditionalTag(tags[i]);
        }
        String digest = Jib.fromScratch().setCreationTime(Instant.parse(committed))
                .addLabel("org.opencontainers.image.created", committed)
                .addLabel("org.opencontainers.image.revision", commit)
                .addLabel("org.opencontainers.image.version", version)
                .containerize(containerizer).getDigest().toString();
        Files.writeString(basedir.toPath().resolve("newer.digest"), digest);
        return digest;
    }

    /** The registry that {@link #startFor} started for this IT. */
    public static LocalRegistry of(File basedir) throws Exception {
        return LocalRegistry.attach(Files.readString(basedir.toPath().resolve(HOST_FILE)).trim());
    }
}
