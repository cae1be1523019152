package dev.gantry.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.net.JvmProxies;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.ProxyProblem;
import dev.gantry.release.ProxyRefused;
import dev.gantry.release.Redaction;
import dev.gantry.release.Refusals;
import dev.gantry.release.RegistryFailure;
import dev.gantry.release.RepositorySetting;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The few registry calls Jib does not offer as they are needed here, over the OCI distribution API:
 * read a manifest by tag with its digest and exact bytes, read a blob, and put existing manifest bytes
 * under another tag (a new tag for an image already in the registry: nothing is rebuilt or uploaded).
 * Authenticates as registries ask: Basic, or a Bearer token from the realm of the
 * {@code WWW-Authenticate} challenge, with the same credential Jib uses. Credentials are never logged.
 */
public final class RegistryApi {

    static final String MANIFEST_TYPES = String.join(",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_REDIRECTS = 5;
    /** Answers a registry gives when busy or restarting (ECR among them): worth another attempt. */
    static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);
    /** Attempts of an exchange answered with a transient error, and the pause after the first (then longer). */
    static final int ATTEMPTS = 3;
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** The JDK's words when a proxy refuses an HTTPS tunnel: {@code Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 …"}. */
    private static final Pattern TUNNEL_REFUSED = Pattern.compile("Unable to tunnel through proxy\\. Proxy returns \"HTTP/\\S+ (\\d{3})");

    /** A manifest or index as stored: its digest, media type and exact bytes. */
    public record RemoteManifest(String digest, String mediaType, byte[] body) {
        public boolean isIndex() {
            return mediaType != null && (mediaType.contains("index") || mediaType.contains("manifest.list"));
        }

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final String registry;
    private final String repository;
    private final String image;
    private final RegistryCredential credential;
    private final String credentialSource;
    private final boolean allowInsecure;
    private final boolean sendCredentialsOverHttp;
    private final RegistryHttp http;
    // learnt by the first exchange, read by exchanges made side by side (manifests)
    private volatile String scheme;
    private volatile String authorization;
    private String actions = "pull,push";
    private RepositorySetting setting = RepositorySetting.IMAGE_REPOSITORY;

    public RegistryApi(String registry, String repository, RegistryCredential credential, String credentialSource,
            boolean allowInsecure, boolean sendCredentialsOverHttp) {
        this.registry = registry;
        this.repository = repository;
        this.image = registry + "/" + repository;
        this.credential = credential;
        this.credentialSource = credentialSource;
        this.allowInsecure = allowInsecure;
        this.sendCredentialsOverHttp = sendCredentialsOverHttp;
        // redirects are followed by hand (follow): the Authorization header must not go to another host (a registry's
        // blob GET redirected to S3 or another storage host)
        this.http = new RegistryHttp(allowInsecure);
    }

    /**
     * Reads a base image: asks the token service for pull access only, as this build may only read that repository
     * (Docker Hub's library images, another team's repository) and some token services refuse a push scope there; and
     * words failures' advice about {@code <from>}, the setting that names it.
     */
    RegistryApi forBaseImage() {
        actions = "pull";
        setting = RepositorySetting.BASE_IMAGE;
        return this;
    }

    /** {@code registry/repository}. */
    public String image() {
        return image;
    }

    /**
     * Which of these tags exist and what each holds: one manifest GET per tag, as the distribution API offers, side by
     * side (a registry far away answers in one round trip, not one per tag). The first one alone when nothing has been
     * asked yet: it learns the scheme and the token the others use.
     */
    public Map<String, RemoteManifest> manifests(List<String> tags) throws GantryException {
        List<Optional<RemoteManifest>> found = new ArrayList<>();
        List<String> rest = tags;
        if (scheme == null && !tags.isEmpty()) {
            found.add(manifest(tags.get(0)));
            rest = tags.subList(1, tags.size());
        }
        found.addAll(Concurrently.each("gantry-registry-look-up", rest, this::manifest));
        Map<String, RemoteManifest> byTag = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            found.get(i).ifPresent(m -> byTag.put(tag, m));
        }
        return byTag;
    }

    /** The manifest under a tag or digest, or empty when there is none. */
    public Optional<RemoteManifest> manifest(String reference) throws GantryException {
        RegistryHttp.Response response = send("GET", "/manifests/" + reference, MANIFEST_TYPES, null, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "reading manifest " + reference);
        String digest = response.header("Docker-Content-Digest").orElse(sha256(response.body()));
        String type = response.header("Content-Type").orElse(null);
        if (type == null || type.startsWith("application/json")) {
            type = mediaTypeOf(response.body());
        }
        return Optional.of(new RemoteManifest(digest, type, response.body()));
    }

    /**
     * The digest of the manifest under a tag, or empty when there is none: a HEAD, which Docker Hub does not count
     * towards its pull limit, where a GET of the manifest counts as a pull (a base image is looked up on every build). A
     * registry that leaves {@code Docker-Content-Digest} out of its answer, does not serve HEAD, or answers it with an
     * error other than those {@link #send} reports (401, 403) or a transient one, is asked with a GET, whose body says
     * what a refusal means.
     */
    public Optional<String> digest(String reference) throws GantryException {
        RegistryHttp.Response response = send("HEAD", "/manifests/" + reference, MANIFEST_TYPES, null, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Optional<String> digest = response.statusCode() == 200 ? response.header("Docker-Content-Digest") : Optional.empty();
        if (digest.isPresent()) {
            return digest;
        }
        if (TRANSIENT_STATUSES.contains(response.statusCode())) { // already asked ATTEMPTS times
            throw failure(response, "looking up manifest " + reference);
        }
        // no digest in the answer, HEAD not served (405), or a refusal whose words are in a GET's body only
        return manifest(reference).map(RemoteManifest::digest);
    }

    public byte[] blob(String digest) throws GantryException {
        RegistryHttp.Response response = send("GET", "/blobs/" + digest, null, null, null);
        expect(response, 200, "reading blob " + digest);
        return response.body();
    }

    /**
     * Puts the exact bytes of a manifest already in this repository under another tag.
     *
     * @throws PutRefused when the registry answers 4xx with an OCI error body: the caller may know what its code means
     */
    public void putManifest(String tag, RemoteManifest manifest) throws GantryException {
        RegistryHttp.Response response = send("PUT", "/manifests/" + tag, null, manifest.mediaType(), manifest.body());
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            List<String> codes = errorCodes(response.body());
            if (!codes.isEmpty()) {
                throw new PutRefused(tag, response.statusCode(), codes, failure(response, "tagging " + manifest.digest()
                        + " as " + tag).getMessage());
            }
        }
        expect(response, 201, "tagging " + manifest.digest() + " as " + tag);
    }

    /**
     * The registry refused a manifest PUT with an OCI error body; the message is the plain "cannot talk to the registry",
     * for a caller that does not know the codes better.
     */
    public static final class PutRefused extends GantryException {
        private final String tag;
        private final int status;
        private final List<String> codes;

        PutRefused(String tag, int status, List<String> codes, String message) {
            super(message);
            this.tag = tag;
            this.status = status;
            this.codes = List.copyOf(codes);
        }

        public String tag() {
            return tag;
        }

        public int status() {
            return status;
        }

        /** The {@code errors[].code} values, such as {@code MANIFEST_INVALID} or {@code TAG_INVALID}. */
        public List<String> codes() {
            return codes;
        }
    }

    /** The {@code code} of each entry of an OCI error body, or none when the body is not one. */
    static List<String> errorCodes(byte[] body) {
        List<String> codes = new ArrayList<>();
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                String code = error.path("code").asText("");
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        } catch (IOException notJson) {
            // not an OCI error body
        }
        return codes;
    }

    // ---------------------------------------------------------------------------------------------

    private RegistryHttp.Response send(String method, String path, String accept, String contentType, byte[] body)
            throws GantryException {
        RegistryHttp.Response response = attemptRetrying(method, path, accept, contentType, body);
        if (response.statusCode() == 401) {
            authenticate(response.header("WWW-Authenticate").orElse(""));
            response = attemptRetrying(method, path, accept, contentType, body);
            if (response.statusCode() == 401) {
                throw Refusals.registryUnauthorized(image, registry, credentialSource);
            }
        }
        if (response.statusCode() == 403) {
            throw new Forbidden(Refusals.registryForbidden(image, registry, credentialSource, setting).getMessage(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /** HTTP 403: the plain message, and what the registry said (ECR names the IAM action it lacks). */
    public static final class Forbidden extends GantryException {
        private final String answer;

        Forbidden(String message, String answer) {
            super(message);
            this.answer = answer;
        }

        /** The registry's answer, which holds no secret (the request's credentials are never echoed). */
        public String answer() {
            return answer;
        }
    }

    /**
     * One exchange, again after a short pause when the registry answered a transient error ({@link #TRANSIENT_STATUSES})
     * or the connection broke mid-way, at most {@value #ATTEMPTS} times in all, as the AWS SDK and Docker do. Every
     * call here can be repeated: look-ups, and manifest PUTs under a tag (the same bytes again). A host that cannot be
     * reached (unknown, refused, no route, timed out) or a TLS failure is not retried: another attempt would only wait as
     * long again, and the JVM keeps a failed name look-up for 10 s.
     */
    private RegistryHttp.Response attemptRetrying(String method, String path, String accept, String contentType,
            byte[] body) throws GantryException {
        for (int attempt = 1; ; attempt++) {
            try {
                RegistryHttp.Response response = attempt(method, path, accept, contentType, body);
                if (!TRANSIENT_STATUSES.contains(response.statusCode()) || attempt == ATTEMPTS) {
                    return response;
                }
            } catch (GantryException e) {
                Throwable cause = e.getCause();
                // the connection broke mid-way: the registry was reached and its answer did not arrive
                boolean broken = cause instanceof IOException && RegistryFailure.of(cause) == RegistryFailure.ANSWER;
                if (!broken) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new GantryException(Refusals.registryKeptFailing(image, failed(cause, method + " " + path),
                            attempt, RETRY_PAUSE).getMessage(), cause);
                }
            }
            try {
                Thread.sleep(RETRY_PAUSE.toMillis() << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted");
            }
        }
    }

    private RegistryHttp.Response attempt(String method, String path, String accept, String contentType, byte[] body)
            throws GantryException {
        if (scheme != null) {
            return exchange(scheme, method, path, accept, contentType, body);
        }
        try {
            RegistryHttp.Response response = exchange("https", method, path, accept, contentType, body);
            scheme = "https";
            return response;
        } catch (GantryException httpsFailed) {
            if (!allowInsecure || !(httpsFailed.getCause() instanceof SSLException
                    || httpsFailed.getCause() instanceof ConnectException)) {
                throw httpsFailed;
            }
            RegistryHttp.Response response = exchange("http", method, path, accept, contentType, body);
            scheme = "http";
            return response;
        }
    }

    private RegistryHttp.Response exchange(String scheme, String method, String path, String accept, String contentType,
            byte[] body) throws GantryException {
        URI uri = URI.create(scheme + "://" + registry + "/v2/" + repository + path);
        Map<String, String> headers = new LinkedHashMap<>();
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return follow(method, uri, headers, body, authorization, timeout());
    }

    /**
     * Sends a request and follows redirects (at most {@value #MAX_REDIRECTS}) by hand: the Authorization header goes
     * only to the origin (scheme, host and port) it was meant for, and never over plain HTTP unless asked
     * ({@link #mayAuthorize}). A registry redirects blob reads to a storage host (S3, a CDN) with a signed URL; that
     * host must not see the registry's credentials (S3 even refuses a request that carries both).
     */
    private RegistryHttp.Response follow(String method, URI uri, Map<String, String> headers, byte[] body,
            String authorizationHeader, Duration timeout) throws GantryException {
        URI origin = uri;
        String auth = authorizationHeader;
        for (int redirects = 0; ; redirects++) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.put("User-Agent", "gantry-maven-plugin/" + GantryVersion.VERSION);
            if (auth != null && sameOrigin(origin, uri) && mayAuthorize(uri)) {
                sent.put("Authorization", auth);
            }
            RegistryHttp.Response response = call(method, uri, sent, body, timeout, sameOrigin(origin, uri) ? ""
                    : " (where the registry redirected the read: its storage, " + uri.getHost() + ")");
            int status = response.statusCode();
            Optional<String> location = response.header("Location");
            if (!(status == 301 || status == 302 || status == 303 || status == 307 || status == 308) || location.isEmpty()) {
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw failed("more than " + MAX_REDIRECTS + " redirects from " + origin);
            }
            URI next;
            try {
                next = uri.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw failed("a redirect to an invalid location from " + uri);
            }
            if (!"https".equalsIgnoreCase(next.getScheme()) && !"http".equalsIgnoreCase(next.getScheme())) {
                throw failed("a redirect to a location that is not HTTP from " + uri);
            }
            if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
                // as browsers and the JDK do: the redirected request is a GET without a body
                method = "GET";
                body = null;
                headers.remove("Content-Type");
            }
            if (!sameOrigin(origin, next)) {
                auth = null; // once off the origin, never again in this exchange
            }
            uri = next;
        }
    }

    /** Credentials go over HTTPS; over plain HTTP only when {@code sendCredentialsOverHttp} says so (as Jib). */
    private boolean mayAuthorize(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) || sendCredentialsOverHttp;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** @param where empty for the registry itself; else which other host the request went to, and why */
    private RegistryHttp.Response call(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
            String where) throws GantryException {
        // a storage host's URL carries its signature and session token in the query
        String request = method + " " + Redaction.text(uri.toString()) + where;
        try {
            return http.send(method, uri, headers, body, timeout);
        } catch (IOException e) {
            Optional<ProxyProblem> atTheProxy = atTheProxy(e, uri);
            if (atTheProxy.isPresent()) {
                throw Refusals.proxyFailed(image, JvmProxies.proxyOf(uri).orElseThrow(), request,
                        String.valueOf(e.getMessage()), atTheProxy.get(), Redaction.chain(new ProxyRefused(e)));
            }
            if (e instanceof SocketTimeoutException) {
                throw new GantryException(Refusals.registryTimedOut(image, request, timeout).getMessage(),
                        Redaction.chain(e));
            }
            throw Refusals.registryFailed(image, setting, failed(e, request), RegistryFailure.of(e), allowInsecure,
                    Redaction.chain(e));
        }
    }

    /**
     * Whether a call failed at the HTTP proxy the JVM sends it through, not at the registry: the proxy could not be
     * reached (refused, its host unknown, the connection timed out), or refused the HTTPS tunnel with 407/401 or 403
     * (the JDK's "Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 …""). A proxy's 5xx (it could not reach
     * the registry) stays the registry's failure, and is retried.
     */
    private static Optional<ProxyProblem> atTheProxy(IOException e, URI uri) {
        Optional<String> proxy = JvmProxies.proxyOf(uri);
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        String message = String.valueOf(e.getMessage());
        Matcher tunnel = TUNNEL_REFUSED.matcher(message);
        if (tunnel.find()) {
            int status = Integer.parseInt(tunnel.group(1));
            return status == 407 || status == 401 ? Optional.of(ProxyProblem.CREDENTIALS)
                    : status == 403 ? Optional.of(ProxyProblem.FORBIDDEN) : Optional.empty();
        }
        boolean proxyHostUnknown = e instanceof UnknownHostException && proxy.get().startsWith(message + ":");
        boolean connectTimedOut = e instanceof SocketTimeoutException && message.contains("Connect timed out");
        return e instanceof ConnectException || proxyHostUnknown || connectTimedOut
                ? Optional.of(ProxyProblem.UNREACHABLE) : Optional.empty();
    }

    private synchronized void authenticate(String challenge) throws GantryException {
        if (credential != null && "http".equals(scheme) && !sendCredentialsOverHttp) {
            throw Refusals.credentialsNotSentOverHttp(image, registry, credentialSource);
        }
        String lower = challenge.toLowerCase();
        if (lower.startsWith("basic")) {
            if (credential == null) {
                throw Refusals.registryUnauthorized(image, registry, null);
            }
            authorization = basic();
            return;
        }
        if (!lower.startsWith("bearer")) {
            throw Refusals.registryUnauthorized(image, registry, credentialSource);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw failed("the registry asked for a Bearer token without a realm");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode("repository:" + repository + ":" + actions, StandardCharsets.UTF_8));
        URI tokenUri;
        try {
            tokenUri = URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw failed("the registry named an invalid token service: " + realm);
        }
        RegistryHttp.Response response = follow("GET", tokenUri, new LinkedHashMap<>(), null,
                credential == null ? null : basic(), Duration.ofSeconds(30));
        if (response.statusCode() == 401) {
            throw Refusals.registryUnauthorized(image, registry, credentialSource);
        }
        if (response.statusCode() == 403) {
            throw Refusals.registryForbidden(image, registry, credentialSource, setting);
        }
        if (response.statusCode() != 200) {
            throw failed("the token service " + realm + " answered HTTP " + response.statusCode());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            String token = json.hasNonNull("token") ? json.get("token").asText() : json.path("access_token").asText(null);
            if (token == null) {
                throw failed("the token service " + realm + " gave no token");
            }
            authorization = "Bearer " + token;
        } catch (IOException e) {
            throw failed("the token service " + realm + " answered something that is not JSON");
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8));
    }

    private void expect(RegistryHttp.Response response, int status, String what) throws GantryException {
        if (response.statusCode() != status && !(status == 201 && response.statusCode() == 200)) {
            throw failure(response, what);
        }
    }

    /** The registry answered, and refused or said something Gantry cannot use: {@code detail} says what. */
    private GantryException failed(String detail) {
        return Refusals.registryFailed(image, detail, setting);
    }

    /** One wording of a call that failed with an exception, for every message that names one. */
    private static String failed(Throwable cause, String call) {
        return cause.getClass().getSimpleName() + " on " + call + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private GantryException failure(RegistryHttp.Response response, String what) {
        if (response.statusCode() == 407) { // the proxy's: the JDK hands a tunnel's 407 to a GET or HEAD back as its answer
            URI to = URI.create(scheme + "://" + registry + "/v2/");
            Optional<String> proxy = JvmProxies.proxyOf(to);
            if (proxy.isPresent()) {
                return Refusals.proxyFailed(image, proxy.get(), what, "HTTP 407 Proxy Authentication Required",
                        ProxyProblem.CREDENTIALS, null);
            }
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        String words = text.substring(0, Math.min(300, text.length()));
        // a transient answer is the last of ATTEMPTS (attemptRetrying)
        if (response.statusCode() == 429) {
            // the registry's own words, when it gives some (Docker Hub's say when the limit resets)
            return Refusals.registryRateLimited(what + " of " + image + (words.isEmpty() ? "" : ": " + words), ATTEMPTS,
                    Registries.isDockerHub(registry));
        }
        String answer = what + " answered HTTP " + response.statusCode() + (words.isEmpty() ? "" : " " + words);
        return TRANSIENT_STATUSES.contains(response.statusCode())
                ? Refusals.registryKeptFailing(image, answer, ATTEMPTS, RETRY_PAUSE)
                : failed(answer);
    }

    /**
     * The time a registry call may take: Jib's own setting ({@code -Djib.httpTimeout}, milliseconds, 0 for none) when
     * given, so that one setting bounds every registry call of the image goal, else 60 s.
     */
    static Duration timeout() {
        String jibTimeout = System.getProperty("jib.httpTimeout");
        try {
            long millis = jibTimeout == null ? 60_000 : Long.parseLong(jibTimeout.trim());
            return millis <= 0 ? Duration.ofDays(1) : Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static String mediaTypeOf(byte[] body) {
        try {
            return JSON.readTree(body).path("mediaType").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
