package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Other plugins' goals that push the image gantry:image pushes. A team that moves to Gantry often leaves its former
 * image plugin bound in the service's POM, or named in the pipeline's command ({@code mvn deploy jib:build}), and the
 * image would be pushed a second time, outside the branch's rules: jib-maven-plugin's {@code build}, Spring Boot's
 * {@code build-image} with publishing on, the {@code push} goals of the Dockerfile plugins (Spotify's, fabric8's,
 * Eclipse JKube's), and a Quarkus build told to push its container image. Read from the module's model as Maven will
 * run them: an execution's phase, else its goal's default phase ({@code @Mojo(defaultPhase)} of each plugin's source).
 */
final class OtherImagePushers {

    /** What builds the other image: each is told apart in the refusal, which says how to turn it off. */
    enum Kind { JIB, BUILDPACKS, DOCKERFILE, QUARKUS }

    /**
     * A goal that pushes an image.
     *
     * @param prefix       its plugin's goal prefix, as a command line names it
     * @param defaultPhase the phase an execution without {@code <phase>} binds it to; null for none
     * @param skips        the parameters (and their properties) whose {@code true} makes it push nothing
     */
    record Pusher(Kind kind, String groupId, String artifactId, String prefix, String goal, String defaultPhase,
            List<Deployers.Deployer> skips) {

        Pusher(Kind kind, String groupId, String artifactId, String prefix, String goal, String defaultPhase,
                String... skipParametersAndProperties) {
            this(kind, groupId, artifactId, prefix, goal, defaultPhase, switches(groupId, artifactId, goal,
                    skipParametersAndProperties));
        }

        String key() {
            return groupId + ":" + artifactId;
        }

        /** How messages name it: {@code jib-maven-plugin's build goal}. */
        String named() {
            return artifactId + "'s " + goal + " goal";
        }

        /** The property that turns its push off, to set in the module's {@code <properties>}. */
        String skipProperty() {
            return skips.get(skips.size() - 1).skipProperty();
        }

        private static List<Deployers.Deployer> switches(String groupId, String artifactId, String goal,
                String... parametersAndProperties) {
            Deployers.Deployer[] switches = new Deployers.Deployer[parametersAndProperties.length / 2];
            for (int i = 0; i < switches.length; i++) {
                switches[i] = new Deployers.Deployer(groupId, artifactId, goal, parametersAndProperties[2 * i],
                        parametersAndProperties[2 * i + 1]);
            }
            return List.of(switches);
        }
    }

    /**
     * A pusher in this build, and where it comes from.
     *
     * @param how       where it runs from, for the message: an execution and its phase, the command line's goal, or
     *                  where Quarkus is told to push
     * @param named     the goal as the command line names it; null when a POM binds it
     * @param ranBefore the command line names it before {@code deploy}: Maven ran it before the plan
     */
    record Found(Pusher pusher, String how, String named, boolean ranBefore) {

        GantryException refusal(String module) {
            return switch (pusher.kind()) {
                case JIB -> Refusals.imagePushedTwice(module, how, named != null, ranBefore);
                case BUILDPACKS -> Refusals.imagePushedTwiceByBuildpacks(module, pusher.goal(), how, named, ranBefore);
                case DOCKERFILE -> Refusals.imagePushedTwiceFromDocker(module, pusher.artifactId(), pusher.goal(),
                        pusher.skipProperty(), how, named, ranBefore);
                case QUARKUS -> Refusals.imagePushedTwiceByQuarkus(module, how);
            };
        }
    }

    static final Pusher JIB = new Pusher(Kind.JIB, "com.google.cloud.tools", "jib-maven-plugin", "jib", "build", null,
            "skip", "jib.skip");
    private static final String SPRING_BOOT = "org.springframework.boot";
    static final List<Pusher> PUSHERS = List.of(JIB,
            new Pusher(Kind.BUILDPACKS, SPRING_BOOT, "spring-boot-maven-plugin", "spring-boot", "build-image", "package",
                    "skip", "spring-boot.build-image.skip"),
            new Pusher(Kind.BUILDPACKS, SPRING_BOOT, "spring-boot-maven-plugin", "spring-boot", "build-image-no-fork",
                    "package", "skip", "spring-boot.build-image.skip"),
            new Pusher(Kind.DOCKERFILE, "com.spotify", "dockerfile-maven-plugin", "dockerfile", "push", "deploy",
                    "skip", "dockerfile.skip", "skipPush", "dockerfile.push.skip"),
            new Pusher(Kind.DOCKERFILE, "io.fabric8", "docker-maven-plugin", "docker", "push", "deploy",
                    "skip", "docker.skip", "skipPush", "docker.skip.push"),
            new Pusher(Kind.DOCKERFILE, "org.eclipse.jkube", "kubernetes-maven-plugin", "k8s", "push", "install",
                    "skip", "jkube.skip", "skipPush", "jkube.skip.push"));

    /** A Quarkus build that pushes: told to by this property, with one of Quarkus's container-image extensions. */
    static final Pusher QUARKUS = new Pusher(Kind.QUARKUS, "io.quarkus", "quarkus-maven-plugin", "quarkus", "build",
            "package", List.of());
    static final String QUARKUS_PUSH = "quarkus.container-image.push";
    private static final String QUARKUS_PUSH_VARIABLE = "QUARKUS_CONTAINER_IMAGE_PUSH";
    private static final String QUARKUS_EXTENSIONS = "quarkus-container-image-";

    /** The clean and site lifecycles' phases: an execution bound to one does not run in {@code mvn deploy}. */
    private static final Set<String> OUTSIDE_DEPLOY = Set.of("pre-clean", "clean", "post-clean", "pre-site", "site",
            "post-site", "site-deploy");

    private OtherImagePushers() {
    }

    /**
     * The first other pusher of the module's image in this {@code mvn deploy}: a goal the command line names, else one
     * the module's POM (its own or inherited) binds to a phase {@code mvn deploy} runs, else a Quarkus build told to
     * push; none that the module tells to skip.
     *
     * @param goals           the build's goals, as the command line names them
     * @param buildProperties the build's user and system properties ({@link Deployers#buildProperties})
     * @param environment     the build's environment variables (Quarkus reads its configuration there too)
     */
    static Optional<Found> in(MavenProject module, List<String> goals, Properties buildProperties,
            Map<String, String> environment) {
        for (Pusher pusher : PUSHERS) {
            Optional<String> named = namedOnTheCommandLine(pusher, goals);
            if (named.isPresent() && pushes(pusher, module, null, buildProperties)) {
                return Optional.of(new Found(pusher, "named on the command line: " + named.get(), named.get(),
                        goals.indexOf(named.get()) < goals.indexOf("deploy")));
            }
        }
        for (Pusher pusher : PUSHERS) {
            Optional<Found> bound = boundIn(pusher, module, buildProperties);
            if (bound.isPresent()) {
                return bound;
            }
        }
        return quarkusPushing(module, buildProperties, environment)
                .map(where -> new Found(QUARKUS, where, null, false));
    }

    /** The module's execution that binds the pusher's goal to a phase {@code mvn deploy} runs, if it pushes. */
    static Optional<Found> boundIn(Pusher pusher, MavenProject module, Properties buildProperties) {
        Plugin plugin = module.getPlugin(pusher.key());
        if (plugin == null) {
            return Optional.empty();
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            String phase = execution.getPhase() == null || execution.getPhase().isBlank() ? pusher.defaultPhase()
                    : execution.getPhase();
            if (execution.getGoals().contains(pusher.goal()) && runsInDeploy(phase)
                    && pushes(pusher, module, execution, buildProperties)) {
                return Optional.of(new Found(pusher, "its execution " + execution.getId() + " binds it to phase "
                        + phase, null, false));
            }
        }
        return Optional.empty();
    }

    private static boolean runsInDeploy(String phase) {
        return phase != null && !ModuleSteps.NO_PHASE.equalsIgnoreCase(phase) && !OUTSIDE_DEPLOY.contains(phase);
    }

    /** The command line's goal that runs it ({@code jib:build}, or with the plugin's coordinates), if any. */
    static Optional<String> namedOnTheCommandLine(Pusher pusher, List<String> goals) {
        String plugin = "(" + pusher.prefix().replace(".", "\\.") + "|(" + pusher.groupId().replace(".", "\\.") + ":)?"
                + pusher.artifactId() + "(:[^:@]+)?)";
        return goals.stream().filter(g -> g.matches(plugin + ":" + pusher.goal() + "(@.*)?")).findFirst();
    }

    /**
     * Whether the goal pushes when it runs: the module does not tell it to skip, and Spring Boot's is told to publish.
     *
     * @param execution the execution that binds it, or null for the command line's
     */
    static boolean pushes(Pusher pusher, MavenProject module, PluginExecution execution, Properties buildProperties) {
        for (Deployers.Deployer skip : pusher.skips()) {
            if (Boolean.parseBoolean(Deployers.parameter(skip, module, buildProperties, skip.skipParameter(),
                    skip.skipProperty()))) {
                return false;
            }
        }
        return pusher.kind() != Kind.BUILDPACKS || publishes(pusher, module, execution, buildProperties);
    }

    /**
     * Spring Boot's publish setting as its mojo reads it: {@code <image><publish>} wins (the execution's, else the
     * plugin's), else the {@code publish} parameter or its property {@code spring-boot.build-image.publish}; unset is
     * false.
     */
    private static boolean publishes(Pusher pusher, MavenProject module, PluginExecution execution,
            Properties buildProperties) {
        Plugin plugin = module.getPlugin(pusher.key());
        List<Object> configurations = new ArrayList<>();
        if (execution != null) {
            configurations.add(execution.getConfiguration());
        }
        if (plugin != null) {
            configurations.add(plugin.getConfiguration());
        }
        for (Object configuration : configurations) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild("image") != null
                    && dom.getChild("image").getChild("publish") != null) {
                return Boolean.parseBoolean(resolved(dom.getChild("image").getChild("publish").getValue(), module,
                        buildProperties));
            }
        }
        // the goal's parameter, read as its skip parameter is: the execution's, the plugin's, then the property
        return Boolean.parseBoolean(Deployers.parameter(pusher.skips().get(0), module, buildProperties, "publish",
                "spring-boot.build-image.publish"));
    }

    /** A value as Maven interpolates it at run time: {@code ${name}} from the build's properties, then the POM's. */
    private static String resolved(String value, MavenProject module, Properties buildProperties) {
        if (value != null && value.trim().startsWith("${") && value.trim().endsWith("}")) {
            String name = value.trim().substring(2, value.trim().length() - 1);
            return buildProperties.getProperty(name, module.getProperties().getProperty(name));
        }
        return value;
    }

    /**
     * Where a Quarkus build is told to push its container image, if it is: the module runs Quarkus's build, depends on
     * one of Quarkus's container-image extensions (jib, docker, podman, buildpack…), and {@code quarkus.container-image.push}
     * is true where Quarkus reads it, in its order: {@code -D}, the environment, {@code application.properties}
     * ({@code %prod.} first: a packaging build runs Quarkus's prod profile), the POM's {@code <properties>}.
     * {@code application.yaml} is not read.
     */
    static Optional<String> quarkusPushing(MavenProject module, Properties buildProperties,
            Map<String, String> environment) {
        if (!QuarkusBuild.runs(module) || module.getDependencies().stream().map(Dependency::getArtifactId)
                .noneMatch(a -> a.startsWith(QUARKUS_EXTENSIONS))) {
            return Optional.empty();
        }
        String property = buildProperties.getProperty(QUARKUS_PUSH);
        if (property != null) {
            return pushing(property, "-D" + QUARKUS_PUSH + "=" + property.trim());
        }
        String variable = environment.get(QUARKUS_PUSH_VARIABLE);
        if (variable != null) {
            return pushing(variable, QUARKUS_PUSH_VARIABLE + "=" + variable.trim() + " in the environment");
        }
        Optional<Path> file = applicationProperties(module);
        if (file.isPresent()) {
            Properties application = read(file.get());
            for (String key : List.of("%prod." + QUARKUS_PUSH, QUARKUS_PUSH)) {
                String value = application.getProperty(key);
                if (value != null) {
                    return pushing(value, key + "=" + value.trim() + " in "
                            + module.getBasedir().toPath().relativize(file.get()));
                }
            }
        }
        String pom = module.getProperties().getProperty(QUARKUS_PUSH);
        return pom == null ? Optional.empty() : pushing(pom, "<" + QUARKUS_PUSH + ">" + pom.trim()
                + "</" + QUARKUS_PUSH + "> in the module's <properties>");
    }

    private static Optional<String> pushing(String value, String where) {
        return Boolean.parseBoolean(value.trim()) ? Optional.of(where) : Optional.empty();
    }

    /** The first {@code application.properties} among the module's resource directories. */
    private static Optional<Path> applicationProperties(MavenProject module) {
        for (Resource resource : module.getBuild().getResources()) {
            Path file = Path.of(resource.getDirectory()).resolve("application.properties");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // unreadable here means unreadable to Quarkus's build too, which then fails and reports it
        }
        return properties;
    }
}
