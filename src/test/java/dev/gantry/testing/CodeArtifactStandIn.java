package dev.gantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gantry.testing.CodeArtifactPackages.Package;
import dev.gantry.testing.CodeArtifactPackages.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for AWS CodeArtifact, one domain ({@value #DOMAIN}, owner {@value #ACCOUNT}, {@value #REGION}), Maven
 * format only, on two loopback ports. It behaves as AWS documents, whatever the plugin happens to call:
 *
 * <ul>
 *   <li><b>The API</b> (REST-JSON over plain HTTP, {@link #endpoint()}, reached with the SDK's standard
 *       {@code aws.endpointUrlCodeartifact} / {@code AWS_ENDPOINT_URL_CODEARTIFACT}): GetAuthorizationToken
 *       ({@code POST /v1/authorization-token}), GetRepositoryEndpoint ({@code GET /v1/repository/endpoint},
 *       {@code endpointType} ipv4 or dualstack),
 *       DescribePackage ({@code GET /v1/package}), PutPackageOriginConfiguration
 *       ({@code POST /v1/package}), DescribePackageVersion ({@code GET /v1/package/version}),
 *       ListPackageVersionAssets ({@code POST /v1/package/version/assets}), GetPackageVersionAsset
 *       ({@code GET /v1/package/version/asset}, needs {@code codeartifact:GetPackageVersionAsset}), ListPackageVersions
 *       ({@code POST /v1/package/versions}), DeletePackageVersions ({@code POST /v1/package/versions/delete}) — paths
 *       as the SDK 2.40.2 marshallers send them. Requests must be SigV4-signed for {@code us-east-1/codeartifact} with
 *       {@link #ACCESS_KEY_ID}. Errors as the REST-JSON protocol carries them ({@code x-amzn-ErrorType} header and a
 *       JSON body with {@code message}): {@code ResourceNotFoundException} 404 with {@code resourceId} and
 *       {@code resourceType} (domain, repository, package, package-version), {@code AccessDeniedException} 403,
 *       {@code ValidationException} 400, {@code ThrottlingException} 429 with {@code Retry-After},
 *       {@code InternalServerException} 500; unsigned, unknown or expired keys get 403
 *       {@code MissingAuthenticationTokenException}, {@code UnrecognizedClientException}, {@code ExpiredTokenException}.
 *       GetAuthorizationToken needs {@code codeartifact:GetAuthorizationToken} and {@code sts:GetServiceBearerToken};
 *       its token lives {@code duration} seconds (900–43200; 0 or absent: 12 h).</li>
 *   <li><b>The Maven repository</b> over HTTPS at {@link #repositoryUrl}
 *       ({@code https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com:<port>/maven/<repo>/}, and as
 *       {@link #dualStackRepositoryUrl} under the dual-stack host {@code acme-123456789012.codeartifact.us-east-1.on.aws},
 *       which GetRepositoryEndpoint gives for {@code endpointType=dualstack}; a self-signed certificate for both from
 *       {@link StandInCertificate}; both hosts must resolve to loopback). Basic authentication, user
 *       {@code aws}, password a token from GetAuthorizationToken; without one, or with an unknown or expired one: 401
 *       with a Basic challenge. A file belongs to the package version {@code groupId:artifactId:version}
 *       (namespace:package); {@code .md5/.sha1/.sha256/.sha512} files are not stored (CodeArtifact computes them): a GET
 *       answers the stored asset's digest, a PUT is checked against it and answers 400 when it differs ("the checksum
 *       … is used to validate the upload"). Release rules ("Packages overview", "Package version status"): an asset
 *       that exists with other bytes → 409, the same bytes → 200; new asset names can be added any time; a version is
 *       {@code Unfinished} (not downloadable: 404) until an artifact-level {@code maven-metadata.xml} that lists it is
 *       uploaded, then {@code Published}, with that file as one of its assets.</li>
 *   <li><b>Snapshots</b>, my reading of "Use Maven snapshots": only unique (timestamped) snapshots are accepted (a
 *       {@code x-1.0-SNAPSHOT.jar} answers 400). The files of {@code 1.0-SNAPSHOT/x-1.0-20210728.194552-1.jar} belong to
 *       the package version {@code 1.0-20210728.194552-1}, a <em>build</em>, {@code Unfinished} until the version-level
 *       {@code 1.0-SNAPSHOT/maven-metadata.xml} naming it ({@code <timestamp>}, {@code <buildNumber>}) is uploaded. Then
 *       {@code 1.0-SNAPSHOT} is a {@code Published} version holding that build's assets and the metadata file, and the
 *       build becomes {@code Unlisted}, as every earlier build already is: after three publishes, ListPackageVersions
 *       shows {@code 1.0-SNAPSHOT} Published and three Unlisted builds (the docs: "to see the build versions … set the
 *       status parameter to Unlisted"). DeletePackageVersions of builds (with {@code expectedStatus=Unlisted}, as the
 *       docs advise) removes them and their files; {@code 1.0-SNAPSHOT} keeps serving the latest build's files.</li>
 *   <li><b>Origin controls</b>: a package first published directly gets publish ALLOW, upstream BLOCK; one that came
 *       from an upstream ({@link #blockPublish}) has publish BLOCK, upstream ALLOW, and refuses every PUT. AWS documents
 *       that such a publish is refused, not with which status (only the "present upstream" case is documented as 409):
 *       the stand-in answers <b>403</b> with a message naming the restriction — a choice, not a documented fact.
 *       DescribePackage reports the restrictions.</li>
 *   <li><b>IAM</b>: {@link #deny} an action and every call needing it is refused (API: AccessDeniedException naming
 *       the action and resource; Maven: 403). Maven reads need {@code codeartifact:ReadFromRepository}, uploads
 *       {@code codeartifact:PublishPackageVersion}, {@code maven-metadata.xml} uploads
 *       {@code codeartifact:PutPackageMetadata}.</li>
 *   <li><b>Faults</b>: {@link #failNext}, {@link #throttleNext}, {@link #resetNext}, {@link #delayNext}, {@link #errorNext} (any AWS error, e.g.
 *       {@code ConflictException}) for an API
 *       operation ({@code DescribePackageVersion}) or a Maven call ({@code PUT}, {@code PUT com/acme/lib/1.0/}: a
 *       method, or a method and a path prefix).</li>
 * </ul>
 * Every call is recorded ({@link #calls()}, {@link #recordCallsTo}): API calls by operation name, Maven calls as
 * {@code <METHOD> <path in the repository>}. {@link #recordStateTo} keeps a JSON picture of the repositories in a
 * file, rewritten on each change, for a verify script that runs when the stand-in is out of reach.
 */
public final class CodeArtifactStandIn implements AutoCloseable {

    public static final String DOMAIN = "acme";
    public static final String ACCOUNT = EcrStandIn.ACCOUNT;
    public static final String REGION = EcrStandIn.REGION;
    /** The same dummy key as the ECR stand-in's, so that one forked build with one set of credentials reaches both. */
    public static final String ACCESS_KEY_ID = EcrStandIn.ACCESS_KEY_ID;
    public static final String SECRET_ACCESS_KEY = EcrStandIn.SECRET_ACCESS_KEY;
    /** The Maven endpoint's host name, a real CodeArtifact name that must resolve to loopback. */
    public static final String HOST = DOMAIN + "-" + ACCOUNT + ".d.codeartifact." + REGION + ".amazonaws.com";
    /** The same endpoint's dual-stack host name ({@code endpointType=dualstack}), which must resolve to loopback too. */
    public static final String DUAL_STACK_HOST = DOMAIN + "-" + ACCOUNT + ".codeartifact." + REGION + ".on.aws";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);
    public static final String USER = "aws";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final LoopbackServer api;
    private final CodeArtifactMavenEndpoint mavenEndpoint = new CodeArtifactMavenEndpoint(this);
    private final HttpsServer maven;
    private final StandInCertificate certificate;
    final Map<String, CodeArtifactPackages> repositories = new ConcurrentHashMap<>();
    final Map<String, byte[]> artifactMetadata = new ConcurrentHashMap<>();
    final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Set<String> expiredKeys = ConcurrentHashMap.newKeySet();
    final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();
    private volatile NetworkFaults networkFaults = NetworkFaults.none();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    volatile Clock clock = Clock.systemUTC();
    private volatile Path callLog;
    private volatile Path stateFile;

    private record Fault(String kind, Duration delay, int status, String type, String message) {

        Fault(String kind, Duration delay) {
            this(kind, delay, 0, null, null);
        }
    }

    private CodeArtifactStandIn() throws IOException {
        this.certificate = StandInCertificate.forHosts(HOST, DUAL_STACK_HOST);
        this.api = LoopbackServer.start(this::handleApi);
        this.maven = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        maven.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        maven.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "codeartifact-stand-in-maven");
            thread.setDaemon(true);
            return thread;
        }));
        maven.createContext("/", exchange -> {
            try (exchange) {
                mavenEndpoint.handle(exchange);
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
        });
        maven.start();
    }

    public static CodeArtifactStandIn start() throws IOException {
        return new CodeArtifactStandIn();
    }

    // --- test switches -----------------------------------------------------------------------------------

    /** Creates a repository in the domain, as an administrator would beforehand (not counted as a call). */
    public CodeArtifactStandIn createRepository(String name) {
        repositories.computeIfAbsent(name, CodeArtifactPackages::new);
        saveState();
        return this;
    }

    /** The Maven URL of a repository, {@code https://<HOST>:<port>/maven/<name>/}, as GetRepositoryEndpoint gives it. */
    public String repositoryUrl(String name) {
        return "https://" + HOST + ":" + maven.getAddress().getPort() + "/maven/" + name + "/";
    }

    /** The same repository's dual-stack URL, {@code https://<DUAL_STACK_HOST>:<port>/maven/<name>/}, as AWS gives it. */
    public String dualStackRepositoryUrl(String name) {
        return "https://" + DUAL_STACK_HOST + ":" + maven.getAddress().getPort() + "/maven/" + name + "/";
    }

    /** The API endpoint for the SDK's {@code aws.endpointUrlCodeartifact}. */
    public String endpoint() {
        return api.baseUrl();
    }

    /** The PKCS12 trust store that trusts the Maven endpoint's certificate; its password is {@link #trustStorePassword()}. */
    public Path trustStore() {
        return certificate.trustStore();
    }

    public String trustStorePassword() {
        return StandInCertificate.PASSWORD;
    }

    /** The certificate, for a test's own HTTPS client ({@link StandInCertificate#clientContext()}). */
    public StandInCertificate certificate() {
        return certificate;
    }

    /**
     * Every call received, in order: API operations by name ({@code GetAuthorizationToken}), Maven requests as
     * {@code <METHOD> <path in the repository>} ({@code PUT com/acme/lib/1.0/lib-1.0.jar}), refused ones included.
     */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    /** Also appends every call to this file, one a line. */
    public void recordCallsTo(Path file) {
        this.callLog = file;
    }

    /** Writes the repositories' state to this file now and after every change (see {@link #state()}). */
    public void recordStateTo(Path file) {
        this.stateFile = file;
        saveState();
    }

    /**
     * IAM denies this action to the caller: {@code codeartifact:PublishPackageVersion}, {@code sts:GetServiceBearerToken}
     * …; a bare operation name ({@code DescribePackageVersion}) means {@code codeartifact:<name>}.
     */
    public void deny(String action) {
        denied.add(action.contains(":") ? action : "codeartifact:" + action);
    }

    /** The access key's session has expired: every API call answers {@code ExpiredTokenException}. */
    public void expireCredentials(String accessKeyId) {
        expiredKeys.add(accessKeyId);
    }

    /**
     * A token as GetAuthorizationToken issues it, for a test that plays the user who pasted one into
     * {@code settings.xml} (not counted as a call).
     */
    public String issueToken() {
        return newToken(DEFAULT_TOKEN_LIFETIME);
    }

    private String newToken(Duration lifetime) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "eyJ" + HexFormat.of().formatHex(bytes) + "-" + PlantedSecrets.MARKER;
        tokens.put(token, clock.instant().plus(lifetime));
        return token;
    }

    /** Authorization tokens issued so far expire now (the Maven endpoint answers 401 to them). */
    public void expireTokens() {
        tokens.replaceAll((token, expires) -> clock.instant().minusSeconds(1));
    }

    public void clock(Clock clock) {
        this.clock = clock;
    }

    /**
     * The package arrived from an upstream: origin controls publish BLOCK, upstream ALLOW (created when absent), so
     * that direct publishing is refused.
     */
    public void blockPublish(String repository, String groupId, String artifactId) {
        synchronized (this) {
            Package pkg = packages(repository).findOrCreate(groupId, artifactId);
            pkg.publish = "BLOCK";
            pkg.upstream = "ALLOW";
        }
        saveState();
    }

    /**
     * A version that another build left in the repository (not counted as a call): with this status
     * ({@code Published}, {@code Unfinished}, {@code Unlisted}) and these assets, name → bytes. For "released before
     * from another commit" or "left Unfinished by a failed run".
     */
    public void addVersion(String repository, String groupId, String artifactId, String version, String status,
                           Map<String, byte[]> assets) {
        synchronized (this) {
            Package pkg = packages(repository).findOrCreate(groupId, artifactId);
            Version v = new Version(version);
            v.status = status;
            v.publishedTime = status.equals(CodeArtifactPackages.UNFINISHED) ? null : clock.instant();
            v.assets.putAll(assets);
            pkg.versions.put(version, v);
        }
        saveState();
    }

    /** The next {@code times} calls of this operation or Maven call answer 500 ({@code InternalServerException}). */
    public void failNext(String call, int times) {
        queue(call, times, new Fault("fail", Duration.ZERO));
    }

    public void failNext(String call) {
        failNext(call, 1);
    }

    /** The next {@code times} calls answer 429 {@code ThrottlingException} with {@code Retry-After: 1}. */
    public void throttleNext(String call, int times) {
        queue(call, times, new Fault("throttle", Duration.ZERO));
    }

    /**
     * The next {@code times} calls get their connection closed without an answer. The JDK's HttpURLConnection (the SDK's
     * url-connection-client) silently sends a request again once after such a reset: reset twice to make it see one.
     */
    public void resetNext(String call, int times) {
        queue(call, times, new Fault("reset", Duration.ZERO));
    }

    public void resetNext(String call) {
        resetNext(call, 1);
    }

    /**
     * The next call of this API operation answers this AWS error ({@code 409 ConflictException},
     * {@code 402 ServiceQuotaExceededException} …), or for a Maven call this status with the message as its body.
     */
    public void errorNext(String call, int status, String errorType, String message) {
        queue(call, 1, new Fault("error", Duration.ZERO, status, errorType, message));
    }

    /** The next call is answered normally, after this delay. */
    public void delayNext(String call, Duration delay) {
        queue(call, 1, new Fault("delay", delay));
    }

    /** From now on, calls also fail at random as these network faults say (on top of the queued ones). */
    public void networkFaults(NetworkFaults faults) {
        this.networkFaults = faults;
    }

    private void queue(String call, int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            faults.computeIfAbsent(call, c -> new CopyOnWriteArrayList<>()).add(fault);
        }
    }

    // --- inspection --------------------------------------------------------------------------------------

    /** The versions of a package with their status, in creation order; empty when the package does not exist. */
    public synchronized Map<String, String> versions(String repository, String groupId, String artifactId) {
        Map<String, String> versions = new LinkedHashMap<>();
        Package pkg = packages(repository).find(groupId, artifactId);
        if (pkg != null) {
            pkg.versions.values().forEach(v -> versions.put(v.version, v.status));
        }
        return versions;
    }

    /** The assets of a package version, name → bytes; empty when the version does not exist. */
    public synchronized Map<String, byte[]> assets(String repository, String groupId, String artifactId, String version) {
        Package pkg = packages(repository).find(groupId, artifactId);
        Version v = pkg == null ? null : pkg.versions.get(version);
        return v == null ? Map.of() : new LinkedHashMap<>(v.assets);
    }

    /** The repositories as JSON: repository → {@code groupId:artifactId} → origin restrictions and versions. */
    public synchronized ObjectNode state() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode repos = root.putObject("repositories");
        repositories.forEach((name, packages) -> {
            ObjectNode repo = repos.putObject(name);
            for (Package pkg : packages.all()) {
                ObjectNode p = repo.putObject(CodeArtifactPackages.key(pkg.namespace, pkg.name));
                p.put("publish", pkg.publish).put("upstream", pkg.upstream);
                ObjectNode versions = p.putObject("versions");
                pkg.versions.values().forEach(v -> {
                    ObjectNode version = versions.putObject(v.version).put("status", v.status);
                    ObjectNode assets = version.putObject("assets");
                    v.assets.forEach((asset, bytes) -> assets.put(asset, CodeArtifactPackages.hash("SHA-256", bytes)));
                });
            }
        });
        return root;
    }

    /** Synchronized: two calls answered side by side write their pictures in the order they took them. */
    synchronized void saveState() {
        Path file = stateFile;
        if (file == null) {
            return;
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp" + Thread.currentThread().getId());
            Files.writeString(temporary, JSON.writeValueAsString(state()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(String call) {
        calls.add(call);
        Path file = callLog;
        if (file != null) {
            try {
                Files.writeString(file, call + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private CodeArtifactPackages packages(String repository) {
        CodeArtifactPackages packages = repositories.get(repository);
        if (packages == null) {
            throw new IllegalArgumentException("No repository " + repository + " in the stand-in; expected one of "
                    + repositories.keySet() + ". Create it first with createRepository(\"" + repository + "\").");
        }
        return packages;
    }

    /** Applies a queued fault; true when the exchange is answered (or dropped) by it. */
    boolean fault(HttpExchange exchange, String call, boolean api) {
        if (queuedFault(exchange, call, api)) {
            return true;
        }
        NetworkFaults.Kind drawn = networkFaults.apply(exchange, call);
        if (drawn == NetworkFaults.Kind.SERVER_ERROR) {
            if (api) {
                apiError(exchange, 500, "InternalServerException", "An internal error occurred.", null);
            } else {
                text(exchange, 500, "Internal Server Error");
            }
        } else if (drawn == NetworkFaults.Kind.THROTTLED) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            if (api) {
                apiError(exchange, 429, "ThrottlingException", "Rate exceeded", null);
            } else {
                text(exchange, 429, "Too Many Requests");
            }
        }
        return drawn != null && drawn != NetworkFaults.Kind.SLOW;
    }

    private boolean queuedFault(HttpExchange exchange, String call, boolean api) {
        for (Map.Entry<String, List<Fault>> queued : faults.entrySet()) {
            String key = queued.getKey();
            boolean matches = call.equals(key) || (key.contains(" ") ? call.startsWith(key) : call.startsWith(key + " "));
            if (!matches || queued.getValue().isEmpty()) {
                continue;
            }
            Fault fault = queued.getValue().remove(0);
            switch (fault.kind()) {
                case "reset" -> exchange.close();
                case "throttle" -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    if (api) {
                        apiError(exchange, 429, "ThrottlingException", "Rate exceeded", null);
                    } else {
                        text(exchange, 429, "Too Many Requests");
                    }
                }
                case "error" -> {
                    if (api) {
                        apiError(exchange, fault.status(), fault.type(), fault.message(), null);
                    } else {
                        text(exchange, fault.status(), fault.message());
                    }
                }
                case "delay" -> {
                    try {
                        Thread.sleep(fault.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }
                default -> {
                    if (api) {
                        apiError(exchange, 500, "InternalServerException", "An internal error occurred.", null);
                    } else {
                        text(exchange, 500, "Internal Server Error");
                    }
                }
            }
            return true;
        }
        return false;
    }

    // --- the API -----------------------------------------------------------------------------------------

    private void handleApi(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String operation = switch (method + " " + path) {
            case "POST /v1/authorization-token" -> "GetAuthorizationToken";
            case "GET /v1/repository/endpoint" -> "GetRepositoryEndpoint";
            case "GET /v1/package" -> "DescribePackage";
            case "POST /v1/package" -> "PutPackageOriginConfiguration";
            case "GET /v1/package/version" -> "DescribePackageVersion";
            case "POST /v1/package/version/assets" -> "ListPackageVersionAssets";
            case "GET /v1/package/version/asset" -> "GetPackageVersionAsset";
            case "POST /v1/package/versions" -> "ListPackageVersions";
            case "POST /v1/package/versions/delete" -> "DeletePackageVersions";
            default -> null;
        };
        if (operation == null) {
            record(method + " " + path);
            apiError(exchange, 404, "UnknownOperationException", null, null);
            return;
        }
        record(operation);
        if (fault(exchange, operation, true) || !signedByKnownKey(exchange)) {
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        String domain = query.get("domain");
        String owner = query.get("domain-owner");
        String repositoryName = query.get("repository");
        String action = "codeartifact:" + operation;
        if (domain == null) {
            apiError(exchange, 400, "ValidationException", "1 validation error detected: Value null at 'domain' failed "
                    + "to satisfy constraint: Member must not be null", null);
            return;
        }
        String resource = repositoryName == null ? arn("domain/" + domain) : arn("repository/" + domain + "/" + repositoryName);
        if (operation.equals("GetAuthorizationToken") && denied.contains("sts:GetServiceBearerToken")) {
            accessDenied(exchange, "sts:GetServiceBearerToken", "arn:aws:sts::" + ACCOUNT + ":*");
            return;
        }
        if (denied.contains(action)) {
            accessDenied(exchange, action, resource);
            return;
        }
        if (!domain.equals(DOMAIN) || (owner != null && !owner.equals(ACCOUNT))) {
            apiError(exchange, 404, "ResourceNotFoundException", "Domain not found. Domain name: '" + domain
                    + "', owner: '" + (owner == null ? ACCOUNT : owner) + "'", ids(domain, "domain"));
            return;
        }
        if (operation.equals("GetAuthorizationToken")) {
            getAuthorizationToken(exchange, query);
            return;
        }
        CodeArtifactPackages packages = repositoryName == null ? null : repositories.get(repositoryName);
        if (packages == null) {
            apiError(exchange, 404, "ResourceNotFoundException", "Repository not found. Repository name: '"
                    + repositoryName + "' in domain '" + domain + "'", ids(String.valueOf(repositoryName), "repository"));
            return;
        }
        if (!"maven".equals(query.get("format"))) {
            apiError(exchange, 400, "ValidationException", "The stand-in knows the maven format only; got format '"
                    + query.get("format") + "'", null);
            return;
        }
        if (operation.equals("GetRepositoryEndpoint")) {
            String endpointType = query.getOrDefault("endpointType", "ipv4");
            if (!endpointType.equals("ipv4") && !endpointType.equals("dualstack")) {
                apiError(exchange, 400, "ValidationException", "1 validation error detected: Value '" + endpointType
                        + "' at 'endpointType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[dualstack, ipv4]", null);
                return;
            }
            apiAnswer(exchange, JSON.createObjectNode().put("repositoryEndpoint", endpointType.equals("dualstack")
                    ? dualStackRepositoryUrl(repositoryName) : repositoryUrl(repositoryName)));
            return;
        }
        String namespace = query.get("namespace");
        String name = query.get("package");
        if (operation.equals("PutPackageOriginConfiguration")) {
            putOriginConfiguration(exchange, request, packages, namespace, name);
            return;
        }
        synchronized (this) {
            Package pkg = name == null ? null : packages.find(namespace, name);
            if (pkg == null) {
                apiError(exchange, 404, "ResourceNotFoundException", "Package not found. Package name: '" + name
                        + "', namespace: '" + namespace + "' in repository '" + repositoryName + "'",
                        ids(String.valueOf(name), "package"));
                return;
            }
            switch (operation) {
                case "DescribePackage" -> describePackage(exchange, pkg);
                case "ListPackageVersions" -> listPackageVersions(exchange, query, repositoryName, pkg);
                case "DeletePackageVersions" -> deletePackageVersions(exchange, request, pkg);
                default -> {
                    Version version = pkg.versions.get(String.valueOf(query.get("version")));
                    if (version == null) {
                        apiError(exchange, 404, "ResourceNotFoundException", "Package version not found. Package: '"
                                + namespace + ":" + name + "', version: '" + query.get("version") + "' in repository '"
                                + repositoryName + "'", ids(String.valueOf(query.get("version")), "package-version"));
                        return;
                    }
                    if (operation.equals("DescribePackageVersion")) {
                        ObjectNode answer = JSON.createObjectNode();
                        answer.set("packageVersion", describeVersion(pkg, version, repositoryName));
                        apiAnswer(exchange, answer);
                    } else if (operation.equals("GetPackageVersionAsset")) {
                        getAsset(exchange, query, version);
                    } else {
                        listAssets(exchange, query, pkg, version);
                    }
                }
            }
        }
    }

    /** SigV4 as far as a stand-in can check: a known access key, scoped to this region and service. */
    private boolean signedByKnownKey(HttpExchange exchange) {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!authorization.startsWith("AWS4-HMAC-SHA256") || !m.find()) {
            apiError(exchange, 403, "MissingAuthenticationTokenException", "Missing Authentication Token", null);
            return false;
        }
        if (expiredKeys.contains(m.group(1))) {
            apiError(exchange, 403, "ExpiredTokenException", "The security token included in the request is expired", null);
            return false;
        }
        if (!m.group(1).equals(ACCESS_KEY_ID)) {
            apiError(exchange, 403, "UnrecognizedClientException", "The security token included in the request is invalid.", null);
            return false;
        }
        if (!m.group(2).equals(REGION) || !m.group(3).equals("codeartifact")) {
            apiError(exchange, 403, "InvalidSignatureException", "Credential should be scoped to a valid region, not '"
                    + m.group(2) + "'. Credential should be scoped to correct service: 'codeartifact'.", null);
            return false;
        }
        return true;
    }

    private void getAuthorizationToken(HttpExchange exchange, Map<String, String> query) {
        long seconds = Long.parseLong(query.getOrDefault("duration", "0"));
        if (seconds != 0 && (seconds < 900 || seconds > 43200)) {
            apiError(exchange, 400, "ValidationException", "1 validation error detected: Value '" + seconds + "' at "
                    + "'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200", null);
            return;
        }
        String token = newToken(seconds == 0 ? DEFAULT_TOKEN_LIFETIME : Duration.ofSeconds(seconds));
        Instant expiration = tokens.get(token);
        apiAnswer(exchange, JSON.createObjectNode().put("authorizationToken", token)
                .put("expiration", expiration.getEpochSecond()));
    }

    private void describePackage(HttpExchange exchange, Package pkg) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode description = answer.putObject("package").put("format", "maven").put("namespace", pkg.namespace)
                .put("name", pkg.name);
        description.putObject("originConfiguration").putObject("restrictions").put("publish", pkg.publish)
                .put("upstream", pkg.upstream);
        apiAnswer(exchange, answer);
    }

    /** Sets the restrictions, creating the package without versions when it does not exist (as AWS documents). */
    private void putOriginConfiguration(HttpExchange exchange, JsonNode request, CodeArtifactPackages packages,
                                        String namespace, String name) {
        String publish = request.path("restrictions").path("publish").asText("");
        String upstream = request.path("restrictions").path("upstream").asText("");
        if (name == null || !Set.of("ALLOW", "BLOCK").containsAll(List.of(publish, upstream))) {
            apiError(exchange, 400, "ValidationException", "restrictions.publish and restrictions.upstream must each "
                    + "be ALLOW or BLOCK, and package must be given; got publish '" + publish + "', upstream '"
                    + upstream + "', package '" + name + "'", null);
            return;
        }
        synchronized (this) {
            Package pkg = packages.findOrCreate(namespace, name);
            pkg.publish = publish;
            pkg.upstream = upstream;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("originConfiguration").putObject("restrictions").put("publish", publish).put("upstream", upstream);
        saveState(); // before the answer: the client may read the state file as soon as it arrives
        apiAnswer(exchange, answer);
    }

    private ObjectNode describeVersion(Package pkg, Version version, String repository) {
        ObjectNode node = JSON.createObjectNode().put("format", "maven").put("namespace", pkg.namespace)
                .put("packageName", pkg.name).put("displayName", pkg.name).put("version", version.version)
                .put("revision", version.revision).put("status", version.status);
        if (version.publishedTime != null) {
            node.put("publishedTime", version.publishedTime.getEpochSecond());
        }
        ObjectNode origin = node.putObject("origin");
        origin.putObject("domainEntryPoint").put("repositoryName", repository);
        origin.put("originType", "INTERNAL");
        return node;
    }

    private void listPackageVersions(HttpExchange exchange, Map<String, String> query, String repository, Package pkg) {
        List<Version> matching = pkg.versions.values().stream()
                .filter(v -> query.get("status") == null || query.get("status").equals(v.status)).toList();
        int from = Integer.parseInt(query.getOrDefault("next-token", "0"));
        int max = Integer.parseInt(query.getOrDefault("max-results", "50"));
        ObjectNode answer = JSON.createObjectNode().put("format", "maven").put("namespace", pkg.namespace)
                .put("package", pkg.name);
        pkg.versions.values().stream().filter(v -> v.status.equals(CodeArtifactPackages.PUBLISHED))
                .reduce((first, second) -> second).ifPresent(v -> answer.put("defaultDisplayVersion", v.version));
        ArrayNode versions = answer.putArray("versions");
        for (Version v : matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size()))) {
            ObjectNode summary = versions.addObject().put("version", v.version).put("revision", v.revision)
                    .put("status", v.status);
            ObjectNode origin = summary.putObject("origin");
            origin.putObject("domainEntryPoint").put("repositoryName", repository);
            origin.put("originType", "INTERNAL");
        }
        if (from + max < matching.size()) {
            answer.put("nextToken", String.valueOf(from + max));
        }
        apiAnswer(exchange, answer);
    }

    private void listAssets(HttpExchange exchange, Map<String, String> query, Package pkg, Version version) {
        List<Map.Entry<String, byte[]>> assets = new ArrayList<>(version.assets.entrySet());
        int from = Integer.parseInt(query.getOrDefault("next-token", "0"));
        int max = Integer.parseInt(query.getOrDefault("max-results", "50"));
        ObjectNode answer = JSON.createObjectNode().put("format", "maven").put("namespace", pkg.namespace)
                .put("package", pkg.name).put("version", version.version).put("versionRevision", version.revision);
        ArrayNode list = answer.putArray("assets");
        for (Map.Entry<String, byte[]> asset : assets.subList(Math.min(from, assets.size()), Math.min(from + max, assets.size()))) {
            ObjectNode node = list.addObject().put("name", asset.getKey()).put("size", asset.getValue().length);
            ObjectNode hashes = node.putObject("hashes");
            CodeArtifactPackages.hashes(asset.getValue()).forEach(hashes::put);
        }
        if (from + max < assets.size()) {
            answer.put("nextToken", String.valueOf(from + max));
        }
        apiAnswer(exchange, answer);
    }

    /** The asset's bytes as the body, its name and version in headers, as the SDK's streaming output reads them. */
    private static void getAsset(HttpExchange exchange, Map<String, String> query, Version version) {
        String name = String.valueOf(query.get("asset"));
        byte[] bytes = version.assets.get(name);
        if (bytes == null) {
            apiError(exchange, 404, "ResourceNotFoundException", "Asset not found. Asset: '" + name + "', version: '"
                    + version.version + "'", ids(name, "asset"));
            return;
        }
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().add("X-AssetName", name);
            exchange.getResponseHeaders().add("X-PackageVersion", version.version);
            exchange.getResponseHeaders().add("X-PackageVersionRevision", version.revision);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deletePackageVersions(HttpExchange exchange, JsonNode request, Package pkg) {
        String expected = request.path("expectedStatus").asText(null);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode succeeded = answer.putObject("successfulVersions");
        ObjectNode failed = answer.putObject("failedVersions");
        for (JsonNode item : request.path("versions")) {
            String name = item.asText();
            Version version = pkg.versions.get(name);
            if (version == null) {
                failed.putObject(name).put("errorCode", "NOT_FOUND").put("errorMessage", "Package version '" + name
                        + "' not found");
            } else if (expected != null && !expected.equals(version.status)) {
                failed.putObject(name).put("errorCode", "MISMATCHED_STATUS").put("errorMessage", "Expected status '"
                        + expected + "' but the package version's status is '" + version.status + "'");
            } else {
                pkg.versions.remove(name);
                succeeded.putObject(name).put("revision", version.revision).put("status", "Deleted");
            }
        }
        saveState(); // before the answer: the client may read the state file as soon as it arrives
        apiAnswer(exchange, answer);
    }

    private static ObjectNode ids(String resourceId, String resourceType) {
        return JSON.createObjectNode().put("resourceId", resourceId).put("resourceType", resourceType);
    }

    private void accessDenied(HttpExchange exchange, String action, String resource) {
        apiError(exchange, 403, "AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized "
                + "to perform: " + action + " on resource: " + resource + " because no identity-based policy allows the "
                + action + " action", null);
    }

    static String arn(String resource) {
        return "arn:aws:codeartifact:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    private static void apiAnswer(HttpExchange exchange, JsonNode answer) {
        LoopbackServer.respond(exchange, 200, answer.toString(), "Content-Type", "application/json",
                "x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    private static void apiError(HttpExchange exchange, int status, String type, String message, ObjectNode fields) {
        ObjectNode error = fields == null ? JSON.createObjectNode() : fields;
        if (message != null) {
            error.put("message", message);
        }
        LoopbackServer.respond(exchange, status, error.toString(), "Content-Type", "application/json",
                "x-amzn-ErrorType", type, "x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    static void text(HttpExchange exchange, int status, String message) {
        LoopbackServer.respond(exchange, status, message, "Content-Type", "text/plain; charset=utf-8");
    }

    @Override
    public void close() {
        api.close();
        maven.stop(0);
    }
}
