package dev.gantry.maven;

import dev.gantry.aws.Ecr;
import dev.gantry.image.ImageDependencies;
import dev.gantry.image.ImagePublisher;
import dev.gantry.image.JibPluginSettings;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.LifecyclePolicy;
import dev.gantry.release.MutableTagFilters;
import dev.gantry.release.RepositoryPolicy;
import dev.gantry.release.Plan;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * Builds the module's container image with jib-core (no Docker daemon) and pushes it with the plan's tags,
 * never moving an immutable tag; with no image repository configured, writes it as an OCI tar to
 * {@code target/gantry/image.tar}. Runs in {@code deploy}, before {@code publish}. Modules with packaging
 * {@code pom} have no image.
 *
 * @since 0.1.0
 */
@Mojo(name = "image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ImageMojo extends GantryMojo {

    /**
     * The base image. By default Eclipse Temurin's JRE of the first long-term-support Java at or above the one the
     * project is compiled for ({@code maven.compiler.release}, else {@code maven.compiler.target}, as the compiler
     * plugin is configured): {@code eclipse-temurin:17-jre} (also when it says none), {@code 21-jre} or {@code 25-jre}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.from")
    private String from;

    /**
     * The main class; by default the {@code start-class} property (Spring Boot's convention), else the
     * {@code maven-jar-plugin}'s {@code <archive><manifest><mainClass>}, else the {@code exec.mainClass} property
     * (exec-maven-plugin's and Micronaut's convention), else the one class with a {@code main} method.
     * A setting with an unresolved {@code ${…}} is ignored, and the log says so. The image goal fails, before anything is
     * pushed, when the class is not in the image or has no {@code public static void main(String[])}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.mainClass")
    private String mainClass;

    /**
     * Dependencies to leave out of the image, each {@code groupId:artifactId} (such as {@code org.projectlombok:lombok}),
     * besides those Spring Boot leaves out of its runnable jar, which are always left out: {@code spring-boot-devtools},
     * {@code spring-boot-docker-compose}, optional and {@code provided} dependencies, and annotation processors.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludes = new ArrayList<>();

    /**
     * JVM flags, put before {@code -cp} in the entrypoint.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> jvmFlags = new ArrayList<>();

    /**
     * Program arguments (the image's CMD).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> args = new ArrayList<>();

    /**
     * Environment variables of the container; an empty element ({@code <X/>}) sets {@code X} to the empty string.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> environment = new LinkedHashMap<>();

    /**
     * Exposed ports: {@code 8080}, {@code 8080/tcp}, {@code 53/udp}, {@code 7000-7002}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> ports = new ArrayList<>();

    /**
     * The user (name or uid[:gid]) to run as; by default the base image's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.user")
    private String user;

    /**
     * The directory the container starts in, an absolute path; by default the base image's (the root, {@code /}, for
     * the default base image). For an application that reads files by relative path (a Dropwizard configuration's
     * {@code keyStorePath: example.keystore}), with the files put there by {@code <extraDirectory>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.workingDirectory")
    private String workingDirectory;

    /**
     * Extra labels; the OCI labels (version, revision, source, created, ref.name) are always set.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> labels = new LinkedHashMap<>();

    /**
     * A directory whose files are copied to the image's root, in a last layer (Jib's default place).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.extraDirectory", defaultValue = "${project.basedir}/src/main/jib")
    private File extraDirectory;

    /**
     * Platforms ({@code linux/amd64}, {@code linux/arm64}); more than one pushes a multi-platform image, a Docker
     * manifest list (jib-core builds no OCI index), and the base image must offer them. Empty: the base image's
     * {@code linux/amd64}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> platforms = new ArrayList<>();

    /**
     * Where the application goes in the image.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.appRoot", defaultValue = ImageRequest.DEFAULT_APP_ROOT)
    private String appRoot;

    /**
     * Allows registries over plain HTTP or with unverified certificates.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.allowInsecureRegistries", defaultValue = "false")
    private boolean allowInsecureRegistries;

    /**
     * Sends registry credentials over plain HTTP too. Without it (the default) credentials go over HTTPS only, and a
     * registry that serves plain HTTP and asks for them is refused with a message, as Jib does without its
     * {@code sendCredentialsOverHttp} system property. Only for a registry on a network you trust.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.sendCredentialsOverHttp", defaultValue = "false")
    private boolean sendCredentialsOverHttp;

    /**
     * A Docker credential helper for the image repository: a name ({@code pass} runs
     * {@code docker-credential-pass}) or a path. Without one: settings.xml servers, then the Docker config.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.credentialHelper")
    private String credentialHelper;

    /**
     * Skips the image of this module only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.skip", defaultValue = "false")
    private boolean skipImage;

    /**
     * Readies an Amazon ECR repository before the first push: creates it when missing, with tag mutability
     * {@code IMMUTABLE_WITH_EXCLUSION} (release versions and commit tags can never be overwritten, the moving tags of
     * every branch rule can), scan on push, encryption and a lifecycle policy; an existing repository that differs is
     * reported. {@code false}: the repository is used as it is (it must exist). Other registries are never provisioned.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.provision", defaultValue = "true")
    private boolean ecrProvision;

    /**
     * Changes an existing ECR repository whose tag mutability, scan on push or lifecycle policy differs from what
     * provisioning sets. Off: the differences are only logged (encryption can never be changed).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.updateSettings", defaultValue = "false")
    private boolean ecrUpdateSettings;

    /**
     * Scans each image pushed to a provisioned ECR repository for vulnerabilities (ECR's basic scanning).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.scanOnPush", defaultValue = "true")
    private boolean ecrScanOnPush;

    /**
     * The KMS key (id, ARN or alias) that a created ECR repository is encrypted with; none: AES256. ECR fixes the
     * encryption when it creates a repository.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.kmsKey")
    private String ecrKmsKey;

    /**
     * The lifecycle policy of a provisioned ECR repository expires images pushed more than this many days ago, except
     * those with a protected tag and released versions.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.expireAfterDays", defaultValue = "60")
    private int ecrExpireAfterDays;

    /**
     * Tags (or ECR tag patterns with {@code *}) whose images the lifecycle policy never expires.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.protectedTags", defaultValue = "latest,dev-latest")
    private List<String> ecrProtectedTags = new ArrayList<>();

    /**
     * Whether the lifecycle policy keeps the images of released versions ({@code X.Y.Z} tags) however old they are.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.ecr.keepReleases", defaultValue = "true")
    private boolean ecrKeepReleases;

    private final RepositorySystem repositorySystem;

    @Inject
    public ImageMojo(SettingsDecrypter decrypter, RepositorySystem repositorySystem, LifecycleExecutor lifecycleExecutor) {
        super(lifecycleExecutor, decrypter);
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run(ReactorRelease release) throws GantryException {
        Plan plan = release.plan;
        ImagePlan image = plan.image();
        if (image == null) {
            // said once, not by every module of a reactor: by the first that runs the image goal
            List<MavenProject> taking = gate().participants(goal());
            if (!taking.isEmpty() && taking.get(0) == project) {
                getLog().info("No image: " + plan.noImage());
            }
            refuseJibLeftBehindWithoutAnImage(release);
            return;
        }
        if (skipImage) {
            getLog().info("No image for " + project.getArtifactId() + ": gantry.image.skip is true.");
            return;
        }
        MavenProject imageProject = imageProject();
        if (imageProject == null) {
            getLog().info("No image: the reactor has no module with packaging jar.");
            return;
        }
        if (imageProject != project) {
            // the plan named the image's module already
            getLog().debug("No image for " + project.getArtifactId() + ": the reactor's image is built from module "
                    + imageProject.getArtifactId() + ".");
            return;
        }
        ReleaseGate gate = gate();
        Optional<String> heldBack = gate.imageHeldBack();
        if (heldBack.isPresent()) {
            getLog().warn(heldBack.get());
            return;
        }
        RepositoryPolicy repositoryPolicy = repositoryPolicy(image);
        if (release.dryRun) {
            new ImagePublisher(log()).check(request(release, image, repositoryPolicy));
            getLog().info("Dry run: would build " + image.repository() + " with tags " + names(image.tags()));
            if (repositoryPolicy != null) {
                getLog().info("Dry run: would create the ECR repository " + image.repository() + " if it is missing (or "
                        + "compare it with these settings" + (ecrUpdateSettings ? " and update it" : "") + "):");
                repositoryPolicy.describe().forEach(line -> getLog().info("  " + line));
            }
            release.report.image(image.repository(), null, image.tags().stream()
                    .map(t -> new ReleaseReport.Outcome(t.name(), "would-push")).toList());
            return;
        }
        ImageRequest request = request(release, image, repositoryPolicy);
        GantryLog log = log();
        // pushed once every module of the release has reached this goal, after their tests (a module of integration
        // tests after the application, any module under -T): a module that fails later must not leave the version's
        // image pushed and its moving tags moved for a release that never comes
        String imageModule = project.getArtifactId();
        release.deferImage(byModule -> {
            if (!byModule.equals(imageModule)) {
                log.info((image.local() ? "Writing" : "Pushing") + " the image of " + imageModule + ", now that every "
                        + "module of the release has reached the image goal.");
            }
            push(release, request, gate, log);
        });
        if (gate.othersToCome(goal(), project)) {
            getLog().info("The image of " + project.getArtifactId() + " is " + (image.local() ? "written" : "pushed")
                    + " once every module of the release has reached the image goal.");
        }
    }

    /**
     * On a branch that builds no image (a feature branch, a pull request), a team that pushes images
     * ({@code <imageRepository>} set) learns of a jib-maven-plugin left in the image's module now, before the branch
     * is merged, rather than at the first deploy of develop. Only that: the main class is judged where an image is built.
     */
    private void refuseJibLeftBehindWithoutAnImage(ReactorRelease release) throws GantryException {
        String repository = settings().imageRepository();
        if (repository == null || skipImage || imageProject() != project) {
            return;
        }
        Optional<JibPluginSettings> jib = jibLeftInTheModule();
        if (jib.isPresent()) {
            new ImagePublisher(log()).checkJibSettings(request(release, new ImagePlan(repository, false, List.of()), null,
                    jib.get()));
        }
    }

    /** A jib-maven-plugin's image settings in this module ({@link JibPluginConfiguration}), if it declares one. */
    private Optional<JibPluginSettings> jibLeftInTheModule() {
        return JibPluginConfiguration.settings(project, session.getProjects(), Deployers.buildProperties(session));
    }

    /** The end of the reactor: the image the image module prepared, unless a module failed since. */
    @Override
    protected void finish(ReactorRelease release) throws GantryException {
        Optional<ReactorRelease.ImageJob> job = release.takeImage();
        if (job.isPresent()) {
            Optional<String> heldBack = gate().imageHeldBack();
            if (heldBack.isPresent()) {
                getLog().warn(heldBack.get());
                return;
            }
            job.get().push(project.getArtifactId());
        }
    }

    private void push(ReactorRelease release, ImageRequest request, ReleaseGate gate, GantryLog log)
            throws GantryException {
        // asked before the image moves (artifacts that publish refuses later would leave the image half-published), yet
        // after the registry look-up: this commit's image under the version makes the published artifacts this commit's
        ImageResult result = new ImagePublisher(log).publish(request, releasedRevision ->
                gate.checkBeforeImageMoves(release, release.origin(releasedRevision), repositorySystem, log),
                gate.publishesAfterTheImage(release));
        List<ReleaseReport.Outcome> outcomes = new ArrayList<>();
        result.inPlace().forEach(t -> outcomes.add(new ReleaseReport.Outcome(t, "already-in-place")));
        result.pushed().forEach(t -> outcomes.add(new ReleaseReport.Outcome(t, result.local() ? "written" : "pushed")));
        result.kept().forEach((t, outcome) -> outcomes.add(new ReleaseReport.Outcome(t, outcome)));
        release.report.image(result.repository(), result.digest(), result.base(), outcomes);
        if (result.tagsToMove() != null) {
            switch (release.deferTagMoves(result.tagsToMove())) {
                case TO_COME -> { } // the publish goal moves them
                // a parallel build's publish ended while the image was pushed
                case PUBLISHED -> PublishMojo.move(release, result.tagsToMove(), true);
                case FAILED -> result.tagsToMove().close();
            }
        }
    }

    /**
     * What an ECR repository is provisioned with, for every branch rule of the configuration; null when provisioning
     * is off or the repository is not ECR's (nothing else is provisioned).
     */
    private RepositoryPolicy repositoryPolicy(ImagePlan image) throws GantryException {
        if (!ecrProvision || image.local() || !Ecr.recognises(image.repository())) {
            return null;
        }
        return new RepositoryPolicy(MutableTagFilters.of(settings().effectiveRules()), ecrScanOnPush, ecrKmsKey,
                LifecyclePolicy.of(ecrExpireAfterDays, ecrProtectedTags, ecrKeepReleases), ecrUpdateSettings);
    }

    private ImageRequest request(ReactorRelease release, ImagePlan image, RepositoryPolicy repositoryPolicy)
            throws GantryException {
        return request(release, image, repositoryPolicy, jibLeftInTheModule().orElse(null));
    }

    /** @param jib the image settings of a jib-maven-plugin declared in the module, or null */
    private ImageRequest request(ReactorRelease release, ImagePlan image, RepositoryPolicy repositoryPolicy,
            JibPluginSettings jib) throws GantryException {
        Plan plan = release.plan;
        Path quarkusApp = QuarkusBuild.fastJar(project, session.getRequest().getStartTime()).orElse(null);
        // a Quarkus service's image holds the jars Quarkus packaged: the project's own choice is neither made nor logged
        ProjectClasspath classpath = quarkusApp != null ? ProjectClasspath.NONE
                : ProjectClasspath.of(project, session.getProjects(), new ImageDependencies(excludes), log());
        String base = from == null || from.isBlank() ? ImageRequest.defaultFrom(JavaRelease.of(project)) : from.strip();
        return ImageRequest.builder()
                .image(image)
                .from(base)
                .classesDirectory(Path.of(project.getBuild().getOutputDirectory()))
                .dependencies(classpath.releases())
                .snapshotDependencies(classpath.snapshots())
                .projectDependencies(classpath.modules())
                .classpath(classpath.ordered())
                .mainClass(mainClass)
                .startClass(MainClassSettings.startClass(project, session))
                .manifestMainClass(MainClassSettings.jarPluginMainClass(project, session))
                .shadeMainClass(MainClassSettings.shadePluginMainClass(project, session, log()))
                .execMainClass(MainClassSettings.execMainClass(project, session))
                .jvmFlags(jvmFlags)
                .arguments(args)
                .environment(environment)
                .ports(ports)
                .user(user)
                .workingDirectory(workingDirectory)
                .labels(labels)
                .extraDirectory(extraDirectory == null ? null : ProjectDirectory.rebased(project, extraDirectory.toPath()))
                .platforms(platforms)
                .appRoot(appRoot)
                .commit(plan.commit())
                .commitTime(release.commitTime)
                .version(plan.version())
                .module(project.getGroupId() + ":" + project.getArtifactId())
                .sourceUrl(release.sourceUrl)
                .allowInsecureRegistries(allowInsecureRegistries)
                .sendCredentialsOverHttp(sendCredentialsOverHttp)
                .credentials(new RegistryServers(session.getSettings(), decrypter).credentials(image.repository(), base))
                .credentialHelper(credentialHelper)
                .outputDirectory(gantryDirectory())
                .applicationCache(Path.of(project.getBuild().getDirectory(), "jib-cache"))
                .repositoryPolicy(repositoryPolicy)
                .quarkusApp(quarkusApp)
                .jibPlugin(jib)
                .buildsBranchTip(new BranchTip(session, release, gitRemote, log()))
                .build();
    }

    private static List<String> names(List<ImageTag> tags) {
        return tags.stream().map(ImageTag::name).toList();
    }

    @Override
    protected String goal() {
        return "image";
    }
}
