package dev.gantry.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import dev.gantry.release.RegistryFailure;

import com.google.cloud.tools.jib.http.ResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One place that turns Jib's failures into messages a person can act on. */
public final class JibFailures {

    /** jib-core's reason for a manifest PUT answered 400 MANIFEST_INVALID or TAG_INVALID (ManifestPusher). */
    static final String JIB_MANIFEST_REFUSED = "Registry may not support pushing OCI Manifest";
    private static final Pattern REQUEST_URL = Pattern.compile("https?://([^/\\s,]+)/");
    private static final Pattern CREDENTIALS_NOT_SENT = Pattern.compile("credentials for (\\S+/\\S+) were not sent");

    private JibFailures() {
    }

    static GantryException of(String image, Exception e, RegistryAuth auth, boolean insecureAllowed) {
        if (e instanceof GantryException worded) {
            return worded;
        }
        Throwable cause = rootCause(e);
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
            return Refusals.registryFailed(image, "the registry does not offer a verified HTTPS connection",
                    RegistryFailure.PLAIN_HTTP, insecureAllowed, cause);
        }
        if (cause instanceof RegistryException || cause instanceof IOException) {
            return Refusals.registryFailed(image, detail(cause), RegistryFailure.of(cause), insecureAllowed, cause);
        }
        if (cause instanceof CacheDirectoryCreationException) {
            return Refusals.imageOutputFailed("Jib's cache directory", String.valueOf(cause.getMessage()));
        }
        return new GantryException(Refusals.imageBuildFailed(image, cause.getClass().getSimpleName() + ": "
                + cause.getMessage()).getMessage(), cause);
    }

    /**
     * Whether Jib reports a manifest PUT answered HTTP 400 {@code TAG_INVALID} or {@code MANIFEST_INVALID}: "Registry
     * may not support pushing OCI Manifest…". Jib words both alike; only a registry that knows its own codes (ECR: a
     * tag of an immutable repository) can tell what it meant, by looking.
     */
    public static boolean isManifestRefused(Exception e) {
        Throwable cause = rootCause(e);
        return cause instanceof RegistryException && String.valueOf(cause.getMessage()).contains(JIB_MANIFEST_REFUSED);
    }

    /**
     * Whether Jib failed on an answer a registry gives when busy or restarting (HTTP 429, 500, 502, 503, 504) or on a
     * connection broken mid-way: worth another attempt. jib-core retries neither itself (a broken connection only when
     * its HTTP client can), and its pushes can be repeated: what the registry holds already is not uploaded again.
     */
    static boolean isTransient(Exception e) {
        int status = status(e);
        if (status != 0) {
            return RegistryApi.TRANSIENT_STATUSES.contains(status);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException && !(cause instanceof ConnectException)) {
                return true;
            }
        }
        return false;
    }

    /** The host of the request Jib's failure names ({@code 429 Too Many Requests, GET https://host/v2/…}), if any. */
    static Optional<String> requestHost(String failure) {
        Matcher m = REQUEST_URL.matcher(failure);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The HTTP status of the registry's answer Jib failed on, 0 when it failed on none. */
    static int status(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseException response) {
                return response.getStatusCode();
            }
        }
        return 0;
    }

    /** Whether Jib gave up on a request that got no answer within its HTTP time-out ({@code jib.httpTimeout}). */
    static boolean isTimeout(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong at the bottom of Jib's futures, in its own words ("503 Service Unavailable"). */
    static String rootMessage(Exception e) {
        Throwable cause = rootCause(e);
        // Jib's HTTP failures are "503 Service Unavailable" and the request on a second line
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip().replace("\n", ", ");
    }

    /**
     * What an exception says, or, for one without a message (Apache HttpClient's {@code ClientProtocolException} around
     * "Cannot retry request with a non-repeatable request entity"), its kind and the first message among its causes.
     */
    static String detail(Throwable failure) {
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return failure.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** Jib wraps what went wrong in its build steps' futures. */
    private static Throwable rootCause(Exception e) {
        Throwable cause = e;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
