package dev.gantry.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.global.JibSystemProperties;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Jib for one request: its caches, its log events, and its credentials-over-HTTP property set as Gantry's. */
final class JibRunner {

    /** jib-core's {@code JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP}, read by {@code BuildContext.Builder#build}. */
    static final String JIB_SEND_CREDENTIALS_OVER_HTTP = JibSystemProperties.SEND_CREDENTIALS_OVER_HTTP;
    private static final Object JIB_SYSTEM_PROPERTIES = new Object();
    /**
     * Attempts of a build whose registry answered a transient error, and the pause after the first (doubled after each
     * next one: 0.5, 1, 2 s). jib-core retries a request only on a broken connection, never on an HTTP 429 or 5xx, so a
     * busy registry fails the whole build; the next attempt uploads only what is not there yet, so it is cheap. A push
     * to a registry makes its next attempts through {@link RelayedRegistries}, which retry each request on its own.
     */
    static final int ATTEMPTS = 4;
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /** Jib's warning for a request that failed on I/O ("GET https://… failed and will NOT be retried"): group 1 names it. */
    private static final Pattern FAILED_REQUEST = Pattern.compile("^(\\S+ \\S+) failed and will");
    /**
     * Jib's fallback warnings for an insecure registry, given for every URL it calls: "Failed to connect to
     * https://host/v2/… over HTTPS. Attempting again with HTTP." and "Cannot verify server at https://host/v2/….
     * Attempting again with no TLS verification.". Group 1 is the kind, group 2 the registry.
     */
    private static final Pattern INSECURE_FALLBACK =
            Pattern.compile("^(Failed to connect to|Cannot verify server at) (https://[^/\\s]+)");

    /** How Jib reaches the registries: directly, or through relays ({@link RelayedRegistries}). */
    interface Route extends UnaryOperator<ImageReference> {
        Route DIRECT = reference -> reference;

        /** The text (a failure's message) with the route's addresses replaced by the registries' own. */
        default String unroute(String text) {
            return text;
        }
    }

    /** Something of Jib's build made for a route. */
    @FunctionalInterface
    interface Routed<T> {
        T of(Route route) throws GantryException;
    }

    /** A Jib build that can be made again for another route: its image and its destination. */
    record Build(Routed<JibContainerBuilder> builder, Routed<Containerizer> containerizer) {
    }

    private final ImageRequest request;
    private final RegistryAuth auth;
    private final GantryLog log;
    /** The insecure-registry fallbacks already warned of: each kind once per registry and build, not once per URL. */
    private final Set<String> fallbacksWarned = ConcurrentHashMap.newKeySet();
    /** The route of the last build: its failure names the relay's address, which {@link #namingTheRegistry} undoes. */
    private volatile Route lastRoute = Route.DIRECT;
    /** The last request Jib said failed on I/O, to name in a time-out's message (Jib's exception does not). */
    private volatile String lastFailedRequest;

    JibRunner(ImageRequest request, RegistryAuth auth, GantryLog log) {
        this.request = request;
        this.auth = auth;
        this.log = log;
    }

    /** Another runner for the same request, whose Jib says what it says into {@code other}. */
    JibRunner withLog(GantryLog other) {
        return new JibRunner(request, auth, other);
    }

    /** Builds the image to an OCI tar and returns its manifest's digest (the one a push would create). */
    String toTar(JibContainerBuilder builder, Path tar, String name) throws GantryException {
        try {
            Files.createDirectories(tar.getParent());
            if (request.platforms().size() > 1) {
                // Jib writes one image to a tar, never an index: the first platform is the one asked for first
                List<String> platforms = request.platforms();
                builder.setPlatforms(Set.of(ProjectImage.platform(platforms.get(0)))).setFormat(ImageFormat.OCI);
                log.warn(Refusals.ociTarOnePlatform(tar.toString(), platforms.get(0), platforms.subList(1, platforms.size())));
            }
            JibContainer container = containerize(builder, Containerizer.to(TarImage.at(tar).named(name)));
            return container.getDigest().toString();
        } catch (IOException e) {
            throw Refusals.imageOutputFailed(tar.toString(), e.getMessage());
        } catch (InvalidImageReferenceException e) {
            throw Refusals.invalidImageReference(name, "<imageRepository>", "gantry.image.repository");
        } catch (Exception e) {
            throw JibFailures.of(name, e, auth, request.allowInsecureRegistries());
        }
    }

    /**
     * Runs Jib with its {@code sendCredentialsOverHttp} system property set to the request's setting, so that Jib sends
     * credentials over plain HTTP exactly when Gantry's own registry calls do: never, unless asked (a
     * {@code -DsendCredentialsOverHttp=true} meant for jib-maven-plugin does not count). Jib reads the property when a
     * build starts; it is JVM-wide, so builds here take turns and the previous value is restored.
     */
    JibContainer containerize(JibContainerBuilder builder, Containerizer containerizer) throws Exception {
        configure(containerizer);
        return withJibProperties(new Build(route -> builder, route -> containerizer), false);
    }

    /**
     * As {@link #containerize(JibContainerBuilder, Containerizer)} for a push to a registry: the first attempt goes
     * directly, as always; after a 429/5xx the next ones go through {@link RelayedRegistries}, which send each failed
     * request again, so that a registry failing one request in three still gets the whole image.
     */
    JibContainer containerize(Build build) throws Exception {
        return withJibProperties(new Build(build.builder(), route -> configure(build.containerizer().of(route))), true);
    }

    private JibContainer withJibProperties(Build build, boolean relayable) throws Exception {
        synchronized (JIB_SYSTEM_PROPERTIES) {
            String previous = System.getProperty(JIB_SEND_CREDENTIALS_OVER_HTTP);
            System.setProperty(JIB_SEND_CREDENTIALS_OVER_HTTP, String.valueOf(request.sendCredentialsOverHttp()));
            try {
                return containerizeRetrying(build, relayable);
            } finally {
                if (previous == null) {
                    System.clearProperty(JIB_SEND_CREDENTIALS_OVER_HTTP);
                } else {
                    System.setProperty(JIB_SEND_CREDENTIALS_OVER_HTTP, previous);
                }
            }
        }
    }

    /**
     * Jib's build, again after a short pause when the registry answered a transient error
     * ({@link JibFailures#isTransient}), at most {@value #ATTEMPTS} times in all: a registry that is briefly busy
     * (ECR answers 5xx and 429 now and then) does not fail a release. What the registry already holds is not uploaded
     * again; an immutable tag that the failed attempt did put is then refused, and the caller looks and finds it in place.
     */
    private JibContainer containerizeRetrying(Build build, boolean relayable) throws Exception {
        RelayedRegistries relayed = null;
        try {
            for (int attempt = 1; ; attempt++) {
                Route route = relayed == null ? Route.DIRECT : relayed;
                lastRoute = route;
                try {
                    Containerizer containerizer = build.containerizer().of(route);
                    JibContainer container = build.builder().of(route).containerize(containerizer);
                    if (relayed != null) {
                        log.info("Jib's push completed through Gantry's retrying relay (" + relayed.retried()
                                + " requests sent again).");
                    }
                    return container;
                } catch (ExecutionException | IOException | RegistryException e) {
                    if (EarlyPush.abandoned(e)) {
                        throw e; // stopped on purpose before its first write (EarlyPush): never tried again
                    }
                    if (JibFailures.isTimeout(e)) {
                        throw Refusals.registryTimedOut(request.image().repository(),
                                lastFailedRequest == null ? "a request of Jib's" : route.unroute(lastFailedRequest),
                                Duration.ofMillis(JibSystemProperties.getHttpTimeout()));
                    }
                    if (!JibFailures.isTransient(e)) {
                        throw e;
                    }
                    String failure = route.unroute(JibFailures.rootMessage(e));
                    if (attempt == ATTEMPTS && JibFailures.status(e) == 429) {
                        throw Refusals.registryRateLimited(failure, attempt, JibFailures.requestHost(failure)
                                .map(Registries::isDockerHub).orElse(false));
                    }
                    if (attempt == ATTEMPTS) {
                        throw relayed == null
                                ? Refusals.registryKeptFailing(request.image().repository(), failure, attempt, RETRY_PAUSE)
                                : Refusals.registryKeptFailingThroughRelay(request.image().repository(), failure, attempt,
                                        RETRY_PAUSE, RegistryRelay.ATTEMPTS);
                    }
                    log.warn("The registry failed a request of Jib's (" + failure + "); trying again (" + (attempt + 1)
                            + " of " + ATTEMPTS + ")" + (relayable ? ", each request retried by Gantry's relay." : "."));
                    Thread.sleep(RETRY_PAUSE.toMillis() << (attempt - 1));
                    if (relayable && relayed == null) {
                        relayed = openRelays();
                        relayable = relayed != null;
                    }
                }
            }
        } finally {
            if (relayed != null) {
                relayed.close();
            }
        }
    }

    /**
     * The failure of the last build as the person reading it knows the registry: a failure met through a relay names
     * {@code 127.0.0.1:<port>}, replaced here by the registry's address.
     */
    GantryException namingTheRegistry(GantryException failure) {
        String message = lastRoute.unroute(failure.getMessage());
        return message.equals(failure.getMessage()) ? failure : new GantryException(message, failure.getCause());
    }

    /** The relays, or null (then Jib's next attempts go directly, as they did before relays) when they cannot start. */
    private RelayedRegistries openRelays() {
        try {
            return RelayedRegistries.open(request.allowInsecureRegistries(), request.sendCredentialsOverHttp());
        } catch (IOException | LinkageError e) { // LinkageError: a runtime without the jdk.httpserver module
            log.warn("Gantry's retrying relay cannot start (" + e.getMessage() + "); Jib's next attempts go to the "
                    + "registry directly, each failing at the registry's first busy answer.");
            return null;
        }
    }

    private Containerizer configure(Containerizer containerizer) {
        containerizer.setAllowInsecureRegistries(request.allowInsecureRegistries())
                .setToolName("gantry")
                .setToolVersion(GantryVersion.VERSION)
                .addEventHandler(LogEvent.class, this::jibLog);
        if (request.applicationCache() != null) {
            containerizer.setApplicationLayersCache(request.applicationCache());
        }
        if (request.baseImageCache() != null) {
            containerizer.setBaseImageLayersCache(request.baseImageCache());
        }
        return containerizer;
    }

    /** Whether the message is an insecure-registry fallback already warned of for that registry. */
    private boolean repeatsFallback(String message) {
        Matcher fallback = INSECURE_FALLBACK.matcher(message);
        return fallback.find() && !fallbacksWarned.add(fallback.group(1) + " " + fallback.group(2));
    }

    /** Jib's lifecycle messages (a few lines per build) at info; its details and progress at debug. */
    private void jibLog(LogEvent event) {
        // through a relay Jib names the relay's loopback address: the user configured the registry's
        String said = lastRoute.unroute(event.getMessage());
        Matcher failed = FAILED_REQUEST.matcher(said);
        if (failed.find()) {
            lastFailedRequest = failed.group(1);
        }
        switch (event.getLevel()) {
            case ERROR, WARN -> {
                if (repeatsFallback(said)) {
                    log.debug("Jib: " + said);
                } else {
                    log.warn("Jib: " + said);
                }
            }
            case LIFECYCLE -> {
                if (!said.isBlank() && !said.startsWith("Executing tasks")) {
                    log.info("Jib: " + said.strip());
                }
            }
            default -> log.debug("Jib: " + said);
        }
    }
}
