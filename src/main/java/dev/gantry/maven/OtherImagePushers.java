package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Other plugins' goals that push the image gantry:image pushes. A team that moves to Gantry often leaves its former
 * image plugin bound in the service's POM, or named in the pipeline's command ({@code mvn deploy jib:build}), and the
 * image would be pushed a second time, outside the branch's rules: jib-maven-plugin's {@code build}, Spring Boot's
 * {@code build-image} with publishing on, the {@code push} goals of the Dockerfile plugins (Spotify's two, fabric8's
 * two, Eclipse JKube's) and the goals of Spotify's older docker-maven-plugin told to push, Quarkus's {@code image-push}
 * goal, and a Quarkus build told to push its container image ({@link QuarkusContainerImagePush}). Read from
 * the module's model as Maven will run them: each execution with its own configuration (in which Maven's model has merged
 * the plugin's), at its phase or else its goal's default one ({@code @Mojo(defaultPhase)} of each plugin's source). A
 * phase of the lifecycle {@code mvn deploy} runs is known to run; any other (a phase of the clean or site lifecycle, which
 * {@code mvn clean deploy} or {@code mvn deploy site} runs too, a custom lifecycle's, a misspelt one) is asked of Maven's
 * own plan of the module ({@link ModuleSteps#maven}), as is an execution that binds no phase at all.
 */
final class OtherImagePushers {

    /**
     * What builds the other image: each is told apart in the refusal, which says how to turn it off. A Quarkus build
     * pushes when its configuration says so; Quarkus's {@code image-push} goal always does.
     */
    enum Kind { JIB, BUILDPACKS, DOCKERFILE, QUARKUS, QUARKUS_IMAGE_PUSH }

    /**
     * A parameter of the goal, and its property, in the plugin's versions from {@code since} up to, not including,
     * {@code until} (null: no bound).
     */
    record Parameter(String name, String property, String since, String until) {

        Parameter(String name, String property) {
            this(name, property, null, null);
        }

        /**
         * Whether the plugin at this version has it: a parameter a version lacks is not read by its goal (Maven only
         * warns of it). A version not known (none declared, an expression) is taken for the newest.
         */
        boolean in(String version) {
            if (version == null || version.isBlank() || version.contains("${")) {
                return until == null;
            }
            ComparableVersion at = new ComparableVersion(version);
            return (since == null || at.compareTo(new ComparableVersion(since)) >= 0)
                    && (until == null || at.compareTo(new ComparableVersion(until)) < 0);
        }
    }

    /**
     * A goal that pushes an image.
     *
     * @param prefix       its plugin's goal prefix, as a command line names it
     * @param defaultPhase the phase an execution without {@code <phase>} binds it to; null for none
     * @param skips        the parameters that turn its push off: the first turns off the push alone, and is advised
     *                     where the plugin's version has it
     * @param switches     the parameters of which one must be true for the goal to push (Spotify's older plugin builds
     *                     and tags without pushing unless told {@code pushImage}); none: it pushes unless skipped
     */
    record Pusher(Kind kind, String groupId, String artifactId, String prefix, String goal, String defaultPhase,
            List<Parameter> skips, List<Parameter> switches) {

        Pusher(Kind kind, String groupId, String artifactId, String prefix, String goal, String defaultPhase,
                List<Parameter> skips) {
            this(kind, groupId, artifactId, prefix, goal, defaultPhase, skips, List.of());
        }

        /**
         * Whether its goal, named on the command line, first forks the lifecycle up to {@code package}
         * ({@code @Execute}): the plan then runs in that fork, before the goal itself (Spring Boot's build-image).
         */
        boolean forks() {
            return kind == Kind.BUILDPACKS && goal.equals("build-image");
        }

        String key() {
            return groupId + ":" + artifactId;
        }
    }

    /**
     * A pusher in this build, and where it comes from.
     *
     * @param how          where it runs from, for the message: an execution and its phase, or the command line; for
     *                     Quarkus, the container-image extension it pushes with
     * @param named        the goal as the command line names it; null when a POM binds it
     * @param ranBefore    Maven ran it before the plan: the command line names it before {@code deploy}, or it is bound
     *                     to the clean lifecycle
     * @param push         where its push is switched on, and why it is taken for the service's image's
     */
    record Found(Pusher pusher, String how, String named, boolean ranBefore, Push push, MavenProject pushingModule) {

        /** @param imageModule the module gantry:image builds the image of */
        GantryException refusal(MavenProject imageModule) {
            String module = imageModule.getArtifactId();
            return switch (pusher.kind()) {
                case JIB -> Refusals.imagePushedTwice(module, how, named != null, ranBefore);
                case BUILDPACKS -> Refusals.imagePushedTwiceByBuildpacks(module, pusher.goal(), how,
                        push.switchedOnBy(), named, ranBefore);
                case DOCKERFILE -> Refusals.imagePushedTwiceFromDocker(module, pushingModule == imageModule ? null
                        : pushingModule.getArtifactId(), pusher.key(), pusher.goal(), push.advisedSkip(), how,
                        push.switchedOnBy(), push.unread(), named, ranBefore);
                case QUARKUS -> Refusals.imagePushedTwiceByQuarkus(module, push.switchedOnBy(), how);
                case QUARKUS_IMAGE_PUSH -> Refusals.imagePushedTwiceByQuarkusImagePush(module, pusher.key(), how, named,
                        ranBefore);
            };
        }
    }

    /**
     * Why a goal is taken to push the image.
     *
     * @param switchedOnBy where its push is switched on (Spring Boot's publish setting, Spotify's {@code pushImage},
     *                     Quarkus's property); null for a goal that pushes unless skipped
     * @param unread       the name Gantry could not read that makes a Dockerfile plugin's push count as the service's
     *                     image ({@link DockerfileImages#unread}); null when a name says so, and for the other plugins
     * @param advisedSkip  the property that turns the push off in the plugin's version, to set in the module's
     *                     {@code <properties>}; null when it has none
     */
    record Push(String switchedOnBy, String unread, String advisedSkip) {
    }

    private static final String SPRING_BOOT = "org.springframework.boot";
    private static final Parameter SPOTIFY_SKIP_PUSH = new Parameter("skipDockerPush", "skipDockerPush", "0.4.12", null);
    private static final Parameter SPOTIFY_SKIP = new Parameter("skipDocker", "skipDocker", "0.4.12", null);
    private static final Parameter QUARKUS_SKIP = new Parameter("skip", "quarkus.build.skip");
    private static final Parameter QUARKUS_DRY_RUN = new Parameter("dryRun", "quarkus.container-image.dry-run");
    static final Pusher JIB = new Pusher(Kind.JIB, "com.google.cloud.tools", "jib-maven-plugin", "jib", "build", null,
            List.of(new Parameter("skip", "jib.skip")));
    // each plugin's goals, default phases and flags as its released plugin.xml declares them (docs/migrating-from-jib.md)
    static final List<Pusher> PUSHERS = List.of(JIB,
            new Pusher(Kind.BUILDPACKS, SPRING_BOOT, "spring-boot-maven-plugin", "spring-boot", "build-image", "package",
                    List.of(new Parameter("skip", "spring-boot.build-image.skip"))),
            new Pusher(Kind.BUILDPACKS, SPRING_BOOT, "spring-boot-maven-plugin", "spring-boot", "build-image-no-fork",
                    "package", List.of(new Parameter("skip", "spring-boot.build-image.skip"))),
            new Pusher(Kind.DOCKERFILE, "com.spotify", "dockerfile-maven-plugin", "dockerfile", "push", "deploy",
                    List.of(new Parameter("skipPush", "dockerfile.push.skip"), new Parameter("skip", "dockerfile.skip"))),
            new Pusher(Kind.DOCKERFILE, "io.fabric8", "docker-maven-plugin", "docker", "push", "deploy",
                    List.of(new Parameter("skipPush", "docker.skip.push"), new Parameter("skip", "docker.skip"))),
            new Pusher(Kind.DOCKERFILE, "org.eclipse.jkube", "kubernetes-maven-plugin", "k8s", "push", "install",
                    List.of(new Parameter("skipPush", "jkube.skip.push"), new Parameter("skip", "jkube.skip"))),
            new Pusher(Kind.DOCKERFILE, "io.fabric8", "fabric8-maven-plugin", "fabric8", "push", "install",
                    List.of(new Parameter("skipPush", "docker.skip.push", null, "4.4.2"),
                            new Parameter("fabric8SkipPush", "docker.skip.push", "4.4.2", null),
                            new Parameter("skip", "fabric8.skip"))),
            new Pusher(Kind.DOCKERFILE, "com.spotify", "docker-maven-plugin", "docker", "push", null,
                    List.of(SPOTIFY_SKIP_PUSH, SPOTIFY_SKIP)),
            new Pusher(Kind.DOCKERFILE, "com.spotify", "docker-maven-plugin", "docker", "build", null,
                    List.of(SPOTIFY_SKIP_PUSH, new Parameter("skipDockerBuild", "skipDockerBuild"), SPOTIFY_SKIP),
                    List.of(new Parameter("pushImage", "pushImage"),
                            new Parameter("pushImageTag", "pushImageTag", "0.4.0", null))),
            new Pusher(Kind.DOCKERFILE, "com.spotify", "docker-maven-plugin", "docker", "tag", null,
                    List.of(SPOTIFY_SKIP_PUSH, new Parameter("skipDockerTag", "skipDockerTag"), SPOTIFY_SKIP),
                    List.of(new Parameter("pushImage", "pushImage"))),
            new Pusher(Kind.QUARKUS_IMAGE_PUSH, "io.quarkus.platform", "quarkus-maven-plugin", "quarkus", "image-push",
                    "package", List.of(QUARKUS_DRY_RUN, QUARKUS_SKIP)),
            new Pusher(Kind.QUARKUS_IMAGE_PUSH, "io.quarkus", "quarkus-maven-plugin", "quarkus", "image-push",
                    "package", List.of(QUARKUS_DRY_RUN, QUARKUS_SKIP)));
    private static final Pusher QUARKUS = new Pusher(Kind.QUARKUS, "io.quarkus.platform", "quarkus-maven-plugin",
            "quarkus", "build", "package", List.of());

    /**
     * The phases of the lifecycle {@code mvn deploy} runs, as Maven 3 names them and Maven 4 still does; Maven 4's own
     * ({@code before:package}, {@code package[100]}, {@code ready}) are phases Maven 3 does not know, and are asked of
     * Maven's plan.
     */
    private static final Set<String> DEPLOY_LIFECYCLE = Set.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");
    /** The clean lifecycle's phases, which {@code mvn clean deploy} runs in a module before its validate. */
    private static final Set<String> CLEAN_LIFECYCLE = Set.of("pre-clean", "clean", "post-clean");
    /** Maven 4's {@code before:}/{@code after:} and ordering ({@code package[100]}) around a phase's name. */
    private static final Pattern PHASE = Pattern.compile("(?:before:|after:)?([^\\[]+)(?:\\[-?\\d+])?");
    private static final Pattern COMMAND_LINE_GOAL = Pattern.compile("(?:([^:@]+)|([^:@]+):([^:@]+)(?::[^:@]+)?)"
            + ":([^:@]+)(?:@(.+))?");

    private OtherImagePushers() {
    }

    /**
     * The first other pusher of the image module's image in this {@code mvn deploy}: a goal the command line names,
     * else one the module's POM (its own or inherited) binds to a phase {@code mvn deploy} runs, else a Quarkus build
     * told to push, else a Dockerfile plugin's push in a module of the reactor that depends on the image module (a
     * module of its own that packages the service in an image); none that is told to skip, nor a Dockerfile plugin's
     * push of images that are all named for another repository.
     *
     * @param reactor         the build's modules
     * @param goals           the build's goals, as the command line names them
     * @param buildProperties the build's user and system properties ({@link Deployers#buildProperties})
     * @param environment     the build's environment variables (Quarkus reads its configuration there too)
     * @param repository      where gantry:image pushes, or null when not configured
     * @param maven           Maven's own plan of a module, asked about phases outside the one {@code mvn deploy} runs
     * @param planning        the module the plan runs in: Maven has built the modules up to it, not those after it;
     *                        null when Maven builds modules side by side ({@code -T}), and any of them may have run
     */
    static Optional<Found> in(MavenProject imageModule, List<MavenProject> reactor, List<String> goals,
            Properties buildProperties, Map<String, String> environment, String repository, ModuleSteps.MavenPlan maven,
            MavenProject planning) throws GantryException {
        Context context = new Context(buildProperties, repository, maven, reactor, planning);
        for (String goal : goals) {
            Optional<Found> named = namedOnTheCommandLine(goal, goals.indexOf(goal) < goals.indexOf("deploy")
                    && context.reached(imageModule), imageModule, context);
            if (named.isPresent()) {
                return named;
            }
        }
        Optional<Found> bound = boundIn(imageModule, PUSHERS, context);
        if (bound.isPresent()) {
            return bound;
        }
        Optional<QuarkusContainerImagePush> quarkus = QuarkusContainerImagePush.of(imageModule, buildProperties,
                environment);
        if (quarkus.isPresent()) {
            return Optional.of(new Found(QUARKUS, quarkus.get().extension(), null, false,
                    new Push(quarkus.get().where(), null, null), imageModule));
        }
        List<Pusher> dockerfiles = PUSHERS.stream().filter(p -> p.kind() == Kind.DOCKERFILE).toList();
        for (MavenProject module : reactor) {
            if (module != imageModule && dependsOn(module, imageModule)) {
                bound = boundIn(module, dockerfiles, context);
                if (bound.isPresent()) {
                    return bound;
                }
            }
        }
        return Optional.empty();
    }

    /** What every reading of a pusher's settings needs of the build. */
    private record Context(Properties buildProperties, String repository, ModuleSteps.MavenPlan maven,
            List<MavenProject> reactor, MavenProject planning) {

        /**
         * Whether Maven may have started the module's build before the plan's: its goals named before {@code deploy},
         * its clean lifecycle. Building the reactor one module after the other (each with every goal of the command
         * line), Maven has run nothing yet of a module after the plan's.
         */
        boolean reached(MavenProject module) {
            int plan = planning == null ? -1 : reactor.indexOf(planning);
            return plan < 0 || reactor.indexOf(module) <= plan;
        }
    }

    private static Optional<Found> boundIn(MavenProject module, List<Pusher> pushers, Context context)
            throws GantryException {
        for (Pusher pusher : pushers) {
            Plugin plugin = module.getPlugin(pusher.key());
            for (PluginExecution execution : plugin == null ? List.<PluginExecution>of() : plugin.getExecutions()) {
                boolean ownPhase = execution.getPhase() == null || execution.getPhase().isBlank();
                String phase = ownPhase ? pusher.defaultPhase() : execution.getPhase().trim();
                if (!execution.getGoals().contains(pusher.goal()) || ModuleSteps.NO_PHASE.equalsIgnoreCase(phase)) {
                    continue;
                }
                Optional<Push> pushing = pushing(pusher, execution.getConfiguration(), module, context);
                if (pushing.isPresent() && runs(module, pusher, execution, phase, context)) {
                    return Optional.of(new Found(pusher, Refusals.boundBy(execution.getId(),
                            declaredElsewhere(execution, module), phase, ownPhase), null,
                            inTheCleanLifecycle(phase) && context.reached(module),
                            pushing.get(), module));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the execution runs in this build: at a phase of the lifecycle {@code mvn deploy} runs, or else when Maven's
     * plan of the module says it does (the clean lifecycle's phases in {@code mvn clean deploy}, a custom lifecycle's).
     */
    private static boolean runs(MavenProject module, Pusher pusher, PluginExecution execution, String phase,
            Context context) throws GantryException {
        return phase != null && DEPLOY_LIFECYCLE.contains(phase) || context.maven().executionsRun(module)
                .contains(new ModuleSteps.Planned(pusher.key(), pusher.goal(), execution.getId()));
    }

    /** A phase of the clean lifecycle runs in a module before its validate: its push may have happened. */
    private static boolean inTheCleanLifecycle(String phase) {
        return CLEAN_LIFECYCLE.contains(phaseName(phase));
    }

    /**
     * The POM that declares the execution when it is not the module's own (a parent's, which the fix must go to), as
     * Maven's model tracks where each element was read; null when it is the module's or not tracked.
     */
    private static String declaredElsewhere(PluginExecution execution, MavenProject module) {
        InputLocation location = execution.getLocation("");
        String pom = location == null || location.getSource() == null ? null : location.getSource().getModelId();
        return pom == null || pom.equals(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion())
                ? null : pom;
    }

    private static boolean dependsOn(MavenProject module, MavenProject imageModule) {
        return module.getDependencies().stream().anyMatch(d -> d.getGroupId().equals(imageModule.getGroupId())
                && d.getArtifactId().equals(imageModule.getArtifactId()));
    }

    /** The phase's name without Maven 4's {@code before:}/{@code after:} and ordering; "" for none. */
    private static String phaseName(String phase) {
        Matcher name = PHASE.matcher(phase == null ? "" : phase);
        return name.matches() ? name.group(1) : "";
    }

    /**
     * The pusher a goal of the command line runs, if it pushes, with the configuration Maven gives it: that of the
     * execution {@code @id} names, else of {@code default-cli}, else the plugin's (its build's, else its
     * {@code <pluginManagement>}'s). A prefix names a plugin the module declares; one it does not declare only when no
     * other plugin of the module's could carry that prefix ({@code docker} is fabric8's and Spotify's older
     * docker-maven-plugin's).
     */
    private static Optional<Found> namedOnTheCommandLine(String goal, boolean ranBefore, MavenProject module,
            Context context) {
        Matcher m = COMMAND_LINE_GOAL.matcher(goal);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Pusher pusher : PUSHERS) {
            boolean byPrefix = pusher.prefix().equals(m.group(1));
            boolean byCoordinates = pusher.groupId().equals(m.group(2)) && pusher.artifactId().equals(m.group(3));
            if (!pusher.goal().equals(m.group(4)) || !byPrefix && !byCoordinates
                    || byPrefix && !declared(module, pusher) && anotherCarriesThePrefix(module, pusher)) {
                continue;
            }
            Optional<Push> pushing = pushing(pusher, commandLineConfiguration(module, pusher, m.group(5)), module,
                    context);
            if (pushing.isPresent()) {
                return Optional.of(new Found(pusher, Refusals.namedOnTheCommandLine(goal), goal,
                        ranBefore && !pusher.forks(), pushing.get(), module));
            }
        }
        return Optional.empty();
    }

    private static boolean declared(MavenProject module, Pusher pusher) {
        return module.getPlugin(pusher.key()) != null || managed(module, pusher) != null;
    }

    private static boolean anotherCarriesThePrefix(MavenProject module, Pusher pusher) {
        return module.getBuildPlugins().stream().anyMatch(p -> !pusher.key().equals(p.getKey())
                && (p.getArtifactId().equals(pusher.prefix() + "-maven-plugin")
                        || p.getArtifactId().equals("maven-" + pusher.prefix() + "-plugin")));
    }

    private static Plugin managed(MavenProject module, Pusher pusher) {
        return module.getPluginManagement() == null ? null
                : module.getPluginManagement().getPluginsAsMap().get(pusher.key());
    }

    private static Object commandLineConfiguration(MavenProject module, Pusher pusher, String executionId) {
        Plugin plugin = module.getPlugin(pusher.key());
        plugin = plugin != null ? plugin : managed(module, pusher);
        if (plugin == null) {
            return null;
        }
        // an execution's configuration holds the plugin's already: Maven's effective model merges it in
        PluginExecution execution = plugin.getExecutionsAsMap().get(executionId != null ? executionId : "default-cli");
        return execution != null ? execution.getConfiguration() : plugin.getConfiguration();
    }

    /**
     * Whether the goal, given this configuration, pushes the image: none of its skips is true, one of its switches is
     * (if it has any), Spring Boot's publishes, a Dockerfile plugin pushes an image of that repository.
     */
    private static Optional<Push> pushing(Pusher pusher, Object configuration, MavenProject module, Context context) {
        String version = version(module, pusher);
        List<Parameter> skips = pusher.skips().stream().filter(skip -> skip.in(version)).toList();
        for (Parameter skip : skips) {
            if (set(skip, configuration, module, context).isPresent()) {
                return Optional.empty();
            }
        }
        // the first turns off the push alone: advised only where the plugin's version has it
        String advisedSkip = pusher.skips().isEmpty() || !pusher.skips().get(0).in(version) ? null
                : pusher.skips().get(0).property();
        Optional<String> switchedOn = Optional.empty();
        for (Parameter on : pusher.switches()) {
            if (on.in(version)) {
                switchedOn = switchedOn.or(() -> set(on, configuration, module, context).map(Deployers.Setting::where));
            }
        }
        if (!pusher.switches().isEmpty() && switchedOn.isEmpty()) {
            return Optional.empty();
        }
        return switch (pusher.kind()) {
            case BUILDPACKS -> publishing(configuration, module, context.buildProperties())
                    .filter(Deployers.Setting::isTrue).map(on -> new Push(on.where(), null, advisedSkip));
            case DOCKERFILE -> {
                DockerfileImages images = DockerfileImages.pushed(pusher, configuration, module,
                        context.buildProperties());
                yield images.pushes(context.repository()) ? Optional.of(new Push(switchedOn.orElse(null),
                        images.unread(context.repository()), advisedSkip)) : Optional.empty();
            }
            default -> Optional.of(new Push(switchedOn.orElse(null), null, advisedSkip));
        };
    }

    /** The plugin's version the module declares (its build's, else its {@code <pluginManagement>}'s), else null. */
    private static String version(MavenProject module, Pusher pusher) {
        Plugin plugin = module.getPlugin(pusher.key());
        plugin = plugin != null ? plugin : managed(module, pusher);
        return plugin == null ? null : plugin.getVersion();
    }

    /** The boolean parameter, where it is set true; empty when unset or false. */
    private static Optional<Deployers.Setting> set(Parameter flag, Object configuration, MavenProject module,
            Context context) {
        return Deployers.Setting.of(configuration, flag.name(), flag.property(), module, context.buildProperties())
                .filter(Deployers.Setting::isTrue);
    }

    /**
     * Spring Boot's publish setting as its mojo reads it: {@code <image><publish>}, else the {@code publish} parameter,
     * else its property {@code spring-boot.build-image.publish}; unset is false.
     */
    private static Optional<Deployers.Setting> publishing(Object configuration, MavenProject module,
            Properties buildProperties) {
        Xpp3Dom image = configuration instanceof Xpp3Dom dom ? dom.getChild("image") : null;
        // <image><publish>, named as written inside <image>; one that names an unset ${property} is null to the mojo
        Optional<Deployers.Setting> inImage = image == null ? Optional.empty()
                : Deployers.Setting.of(image, "publish", null, module, buildProperties)
                        .map(s -> new Deployers.Setting(s.value(), s.where().replace("<publish>", "<image><publish>")
                                .replace("</publish>", "</publish></image>")));
        return inImage.isPresent() ? inImage
                : Deployers.Setting.of(configuration, "publish", "spring-boot.build-image.publish", module,
                        buildProperties);
    }
}
