package dev.gantry.image;

import dev.gantry.release.Concurrently;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.RepositoryPolicy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the image goal needs, as plain values (no Maven types): made once by the mojo from its
 * parameters and the project, then handed to {@link ImagePublisher}. Immutable; build it with
 * {@link #builder()}.
 *
 * @param image                   the plan's image: repository, local or not, tags
 * @param from                    the base image reference ({@code scratch} for none); none: {@link #defaultFrom} of a
 *                                project whose Java release is not known
 * @param classesDirectory        the project's output directory: {@code .class} files go to the classes
 *                                layer, every other file to the resources layer (as jib-maven-plugin does)
 * @param dependencies            release dependency jars (runtime classpath)
 * @param snapshotDependencies    snapshot dependency jars
 * @param projectDependencies     jars of modules of the same reactor
 * @param classpath               every dependency jar above in Maven's dependency order: the order of the image's
 *                                classpath file; empty means releases, snapshots, then modules
 * @param mainClass               the configured main class, or null
 * @param startClass              the {@code start-class} property (Spring Boot's convention), or null
 * @param manifestMainClass       the jar plugin's manifest main class, or null
 * @param shadeMainClass          the Main-Class maven-shade-plugin writes into the shaded jar's manifest, or null
 * @param execMainClass           the {@code exec.mainClass} property (exec-maven-plugin's, Micronaut's), or null
 * @param jvmFlags                JVM flags put before {@code -cp} in the entrypoint
 * @param arguments               program arguments (the image's CMD)
 * @param environment             environment variables; an empty value ({@code <X/>} in the POM, which Maven gives
 *                                as null) is the empty string, {@code X=} as Docker's {@code ENV X=}
 * @param ports                   exposed ports: {@code 8080}, {@code 8080/tcp}, {@code 53/udp}, {@code 7000-7002}
 * @param user                    the user to run as, or null for the base image's
 * @param workingDirectory        the directory the container starts in, absolute, or null for the base image's
 * @param labels                  extra labels, added after the OCI labels (a user label wins); empty values as above
 * @param extraDirectory          a directory whose files are copied to {@code /} in a last layer, or null
 * @param platforms               {@code os/arch} platforms; empty means the base image's default (linux/amd64)
 * @param appRoot                 where the application goes in the image, {@code /app} by default
 * @param commit                  the full commit id: label {@code org.opencontainers.image.revision}
 * @param commitTime              the commit time: the image's creation time (reproducible digests)
 * @param version                 the project version: label {@code org.opencontainers.image.version}
 * @param module                  the module the image is built from, {@code groupId:artifactId}: label
 *                                {@code dev.gantry.module}, which tells two modules' images of one commit apart; or null
 * @param sourceUrl               the repository's web address, {@code org.opencontainers.image.source} (the Maven glue passes
 *                                {@code GitRepository.sourceUrl()}: one spelling; credentials are stripped anyway), or null
 * @param allowInsecureRegistries allow plain HTTP and unverified TLS registries
 * @param sendCredentialsOverHttp send credentials to a registry that serves plain HTTP (Jib's
 *                                {@code sendCredentialsOverHttp}); without it they go over HTTPS only
 * @param credentials             known credentials by registry host (settings.xml servers), may be empty
 * @param credentialHelper        a Docker credential helper name ({@code pass}) or path, or null
 * @param dockerConfig            the Docker config file to read, or null for the usual places
 * @param outputDirectory         {@code target/gantry}: the OCI tar and {@code image.digest} go there
 * @param applicationCache        Jib's cache of application layers, or null for a temporary one
 * @param baseImageCache          Jib's cache of base image layers, or null for Jib's default (shared)
 * @param repositoryPolicy        what a registry that provisions its repositories (ECR) sets up before the first push,
 *                                or null to leave the repository as it is
 * @param quarkusApp              Quarkus's fast-jar ({@code target/quarkus-app}) when the module is a Quarkus service:
 *                                the image is built from it ({@link QuarkusFastJar}), not from the classes; else null
 * @param jibPlugin               the image settings of a jib-maven-plugin declared in the module, or null: the image is
 *                                refused where they differ from Gantry's ({@link JibPluginSettings})
 * @param buildsBranchTip         whether this build's commit is its branch's tip on the remote, asked only when a moving
 *                                tag holds a newer commit's image: the branch's tip takes its tags and publishes its
 *                                snapshot whatever the times say (a branch reset back to it); false when not known
 */
public record ImageRequest(ImagePlan image, String from, Path classesDirectory, List<Path> dependencies,
        List<Path> snapshotDependencies, List<Path> projectDependencies, List<Path> classpath, String mainClass,
        String startClass, String manifestMainClass, String shadeMainClass, String execMainClass,
        List<String> jvmFlags, List<String> arguments, Map<String, String> environment, List<String> ports, String user,
        String workingDirectory, Map<String, String> labels, Path extraDirectory, List<String> platforms, String appRoot, String commit,
        Instant commitTime, String version, String module, String sourceUrl, boolean allowInsecureRegistries,
        boolean sendCredentialsOverHttp, Map<String, RegistryCredential> credentials, String credentialHelper, Path dockerConfig, Path outputDirectory,
        Path applicationCache, Path baseImageCache, RepositoryPolicy repositoryPolicy, Path quarkusApp,
        JibPluginSettings jibPlugin, Concurrently.Call<Boolean> buildsBranchTip) {

    public static final String DEFAULT_APP_ROOT = "/app";

    /** The base image when none is configured, for a project compiled for this Java release (0: not known). */
    public static String defaultFrom(int javaRelease) {
        return BaseJava.defaultFor(javaRelease);
    }

    public ImageRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(commitTime, "commitTime");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        from = from == null || from.isBlank() ? defaultFrom(0) : from.strip();
        appRoot = appRoot == null || appRoot.isBlank() ? DEFAULT_APP_ROOT : appRoot;
        dependencies = List.copyOf(dependencies);
        snapshotDependencies = List.copyOf(snapshotDependencies);
        projectDependencies = List.copyOf(projectDependencies);
        List<Path> layered = concat(dependencies, snapshotDependencies, projectDependencies);
        classpath = classpath.isEmpty() ? layered : List.copyOf(classpath);
        if (!new java.util.HashSet<>(classpath).equals(new java.util.HashSet<>(layered))) {
            // the classpath file must name exactly the jars the layers put into the image
            throw new IllegalArgumentException("classpath " + classpath + " is not the layers' jars " + layered);
        }
        jvmFlags = List.copyOf(jvmFlags);
        arguments = List.copyOf(arguments);
        // in the POM's order, as the labels: jib-core keeps it for variables that share a hash bucket, so an order that
        // differs from JVM to JVM (Map.copyOf's) would give the same commit another digest
        environment = java.util.Collections.unmodifiableMap(emptyForNull(environment));
        ports = List.copyOf(ports);
        labels = java.util.Collections.unmodifiableMap(emptyForNull(labels));
        platforms = List.copyOf(platforms);
        credentials = Map.copyOf(credentials);
    }

    @SafeVarargs
    private static List<Path> concat(List<Path>... lists) {
        List<Path> all = new ArrayList<>();
        for (List<Path> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    /** Maven gives {@code <X/>} and {@code <X></X>} as null: that is the empty value, the only way to write one. */
    private static Map<String, String> emptyForNull(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        return copy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; lists and maps default to empty. */
    public static final class Builder {
        private ImagePlan image;
        private String from;
        private Path classesDirectory;
        private List<Path> dependencies = new ArrayList<>();
        private List<Path> snapshotDependencies = new ArrayList<>();
        private List<Path> projectDependencies = new ArrayList<>();
        private List<Path> classpath = new ArrayList<>();
        private String mainClass;
        private String startClass;
        private String manifestMainClass;
        private String shadeMainClass;
        private String execMainClass;
        private List<String> jvmFlags = new ArrayList<>();
        private List<String> arguments = new ArrayList<>();
        private Map<String, String> environment = new LinkedHashMap<>();
        private List<String> ports = new ArrayList<>();
        private String user;
        private String workingDirectory;
        private Map<String, String> labels = new LinkedHashMap<>();
        private Path extraDirectory;
        private List<String> platforms = new ArrayList<>();
        private String appRoot;
        private String commit;
        private Instant commitTime;
        private String version;
        private String module;
        private String sourceUrl;
        private boolean allowInsecureRegistries;
        private boolean sendCredentialsOverHttp;
        private Map<String, RegistryCredential> credentials = new LinkedHashMap<>();
        private String credentialHelper;
        private Path dockerConfig;
        private Path outputDirectory;
        private Path applicationCache;
        private Path baseImageCache;
        private RepositoryPolicy repositoryPolicy;
        private Path quarkusApp;
        private JibPluginSettings jibPlugin;
        private Concurrently.Call<Boolean> buildsBranchTip = () -> false;

        private Builder() {
        }

        public Builder image(ImagePlan value) { image = value; return this; }
        public Builder from(String value) { from = value; return this; }
        public Builder classesDirectory(Path value) { classesDirectory = value; return this; }
        public Builder dependencies(List<Path> value) { dependencies = nn(value); return this; }
        public Builder snapshotDependencies(List<Path> value) { snapshotDependencies = nn(value); return this; }
        public Builder projectDependencies(List<Path> value) { projectDependencies = nn(value); return this; }
        public Builder classpath(List<Path> value) { classpath = nn(value); return this; }
        public Builder mainClass(String value) { mainClass = value; return this; }
        public Builder startClass(String value) { startClass = value; return this; }
        public Builder manifestMainClass(String value) { manifestMainClass = value; return this; }
        public Builder shadeMainClass(String value) { shadeMainClass = value; return this; }
        public Builder execMainClass(String value) { execMainClass = value; return this; }
        public Builder jvmFlags(List<String> value) { jvmFlags = nn(value); return this; }
        public Builder arguments(List<String> value) { arguments = nn(value); return this; }
        public Builder environment(Map<String, String> value) { environment = value == null ? Map.of() : value; return this; }
        public Builder ports(List<String> value) { ports = nn(value); return this; }
        public Builder user(String value) { user = value; return this; }
        public Builder workingDirectory(String value) { workingDirectory = value; return this; }
        public Builder labels(Map<String, String> value) { labels = value == null ? Map.of() : value; return this; }
        public Builder extraDirectory(Path value) { extraDirectory = value; return this; }
        public Builder platforms(List<String> value) { platforms = nn(value); return this; }
        public Builder appRoot(String value) { appRoot = value; return this; }
        public Builder commit(String value) { commit = value; return this; }
        public Builder commitTime(Instant value) { commitTime = value; return this; }
        public Builder version(String value) { version = value; return this; }
        public Builder module(String value) { module = value; return this; }
        public Builder sourceUrl(String value) { sourceUrl = value; return this; }
        public Builder allowInsecureRegistries(boolean value) { allowInsecureRegistries = value; return this; }
        public Builder sendCredentialsOverHttp(boolean value) { sendCredentialsOverHttp = value; return this; }
        public Builder credentials(Map<String, RegistryCredential> value) { credentials = value == null ? Map.of() : value; return this; }
        public Builder credential(String registry, RegistryCredential value) {
            credentials = new LinkedHashMap<>(credentials);
            credentials.put(registry, value);
            return this;
        }
        public Builder credentialHelper(String value) { credentialHelper = value; return this; }
        public Builder dockerConfig(Path value) { dockerConfig = value; return this; }
        public Builder outputDirectory(Path value) { outputDirectory = value; return this; }
        public Builder applicationCache(Path value) { applicationCache = value; return this; }
        public Builder baseImageCache(Path value) { baseImageCache = value; return this; }
        public Builder repositoryPolicy(RepositoryPolicy value) { repositoryPolicy = value; return this; }
        public Builder quarkusApp(Path value) { quarkusApp = value; return this; }
        public Builder jibPlugin(JibPluginSettings value) { jibPlugin = value; return this; }
        public Builder buildsBranchTip(Concurrently.Call<Boolean> value) { buildsBranchTip = value; return this; }

        public ImageRequest build() {
            return new ImageRequest(image, from, classesDirectory, dependencies, snapshotDependencies, projectDependencies,
                    classpath, mainClass, startClass, manifestMainClass, shadeMainClass, execMainClass, jvmFlags, arguments, environment, ports, user,
                    workingDirectory, labels, extraDirectory, platforms, appRoot, commit, commitTime, version, module, sourceUrl, allowInsecureRegistries, sendCredentialsOverHttp,
                    credentials,
                    credentialHelper, dockerConfig, outputDirectory, applicationCache, baseImageCache, repositoryPolicy,
                    quarkusApp, jibPlugin, buildsBranchTip);
        }

        private static <T> List<T> nn(List<T> value) {
            return value == null ? List.of() : value;
        }
    }
}
