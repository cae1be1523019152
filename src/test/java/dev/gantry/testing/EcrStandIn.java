package dev.gantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Amazon ECR in one account and region, in front of the real distribution registry, on one loopback
 * port. It behaves as AWS documents, whatever the plugin happens to call:
 *
 * <ul>
 *   <li>The API: JSON 1.1 ({@code POST /}, {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Op>},
 *       {@code application/x-amz-json-1.1}), errors as {@code {"__type": "...Exception", "message": ...}} with HTTP 400
 *       (500 for {@code ServerException}). Requests must be SigV4-signed for this region with a known access key
 *       ({@link #ACCESS_KEY_ID}); an expired one answers {@code ExpiredTokenException}, an unknown one
 *       {@code UnrecognizedClientException}. Operations: GetAuthorizationToken, CreateRepository, DescribeRepositories,
 *       PutImageTagMutability, PutImageScanningConfiguration, PutLifecyclePolicy, GetLifecyclePolicy, DescribeImages,
 *       BatchGetImage.</li>
 *   <li>The registry ({@code /v2/…}): ECR's Basic challenge; the password is a token from GetAuthorizationToken
 *       (user {@code AWS}, valid 12 h); a repository must exist (else 404 {@code NAME_UNKNOWN}); a manifest PUT under
 *       an existing tag that the repository's mutability makes immutable answers 400 {@code TAG_INVALID}, even for the
 *       same digest. Everything else is the real registry's answer.</li>
 *   <li>IAM: {@link #deny} an action ({@code ecr:PutImage}) and every call needing it is refused as AWS does
 *       ({@code AccessDeniedException} on the API, 403 {@code DENIED} on the registry).</li>
 *   <li>Faults: {@link #failNext} (5xx), {@link #throttleNext} ({@code ThrottlingException}), {@link #resetNext}
 *       (connection closed without an answer), {@link #raceOn} (another build's PUT lands first).</li>
 * </ul>
 *
 * Reach the API with the SDK's standard endpoint setting ({@code AWS_ENDPOINT_URL_ECR} or {@code aws.endpointUrlEcr} =
 * {@link #endpoint()}) and the registry as {@link #host()}, a real ECR host name that must resolve to loopback (a hosts
 * entry or {@code -Djdk.net.hosts.file}).
 */
public final class EcrStandIn implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "AKIAGANTRYSTANDIN01";
    public static final String SECRET_ACCESS_KEY = PlantedSecrets.MARKER + "-aws-key";
    public static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern V2 = Pattern.compile("^/v2/(.+)/(manifests|blobs|tags)(/.*)?$");

    private final LocalRegistry registry;
    private final LoopbackServer server;
    private final RegistryForwarder forwarder;
    private final Map<String, EcrRepository> repositories = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Set<String> expiredKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> faults = new ConcurrentHashMap<>();
    private final Map<String, Runnable> races = new ConcurrentHashMap<>();
    private final Map<String, Runnable> beforeNext = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Clock clock = Clock.systemUTC();
    private volatile Path callLog;
    private volatile NetworkFaults networkFaults = NetworkFaults.none();

    private EcrStandIn(LocalRegistry registry) throws IOException {
        this.registry = registry;
        this.forwarder = new RegistryForwarder(registry);
        this.server = LoopbackServer.start(this::handle);
    }

    /** Starts the stand-in in front of a plain HTTP registry without authentication (ECR adds its own). */
    public static EcrStandIn start(LocalRegistry registry) throws IOException {
        return new EcrStandIn(registry);
    }

    /** The registry host, {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com:<port>}; it must resolve to loopback. */
    public String host() {
        return ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com:" + port();
    }

    /** The API endpoint for the SDK's {@code AWS_ENDPOINT_URL_ECR}. */
    public String endpoint() {
        return server.baseUrl();
    }

    public int port() {
        return Integer.parseInt(server.host().substring(server.host().lastIndexOf(':') + 1));
    }

    public LocalRegistry registry() {
        return registry;
    }

    /** The repository's state, or null when it does not exist. */
    public EcrRepository repository(String name) {
        return repositories.get(name);
    }

    /** Creates a repository as an administrator would beforehand (not counted as a call). */
    public EcrRepository createRepository(String name, String mutability, String... exclusionFilters) {
        EcrRepository repository = new EcrRepository(name, clock.instant());
        String problem = repository.setMutability(mutability, List.of(exclusionFilters));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        repositories.put(name, repository);
        return repository;
    }

    /** Deletes a repository as an administrator, or another pipeline's clean-up, would (not counted as a call). */
    public void deleteRepository(String name) {
        repositories.remove(name);
    }

    /** Something another party does just before the next call of this API operation is answered (once). */
    public void beforeNext(String operation, Runnable otherParty) {
        beforeNext.put(operation, otherParty);
    }

    /**
     * Every call received, in order: API operations by name ({@code GetAuthorizationToken}), registry requests as
     * {@code <METHOD> <kind>} ({@code PUT manifests/1.4.0}, {@code HEAD blobs}, {@code POST blobs/uploads}).
     */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Also appends every call to this file, one a line: an IT's verify script reads what its build called. */
    public void recordCallsTo(Path file) {
        this.callLog = file;
    }

    private void record(String call) {
        calls.add(call);
        Path file = callLog;
        if (file != null) {
            try {
                Files.writeString(file, call + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    /** Every request as received, with its Authorization header. */
    public List<LoopbackServer.Received> received() {
        return server.received();
    }

    /** IAM denies this action ({@code ecr:PutImage}, {@code ecr:GetAuthorizationToken} …) to the caller. */
    public void deny(String action) {
        denied.add(action);
    }

    /** IAM allows this action again. */
    public void allow(String action) {
        denied.remove(action);
    }

    /** The access key's session has expired: every API call answers {@code ExpiredTokenException}. */
    public void expireCredentials(String accessKeyId) {
        expiredKeys.add(accessKeyId);
    }

    /** Registry tokens issued so far expire now (the registry answers 401 to them). */
    public void expireTokens() {
        tokens.replaceAll((token, expires) -> clock.instant().minusSeconds(1));
    }

    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** The next call of this operation (API name, or registry {@code <METHOD> <kind>}) answers HTTP 500/503. */
    public void failNext(String operation) {
        faults.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add("fail");
    }

    /** The next {@code times} calls of this API operation answer {@code ThrottlingException}. */
    public void throttleNext(String operation, int times) {
        for (int i = 0; i < times; i++) {
            faults.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add("throttle");
        }
    }

    /** The next call of this operation gets its connection closed without an answer. */
    public void resetNext(String operation) {
        faults.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add("reset");
    }

    /** From now on, requests also fail at random as these network faults say (on top of the queued ones). */
    public void networkFaults(NetworkFaults faults) {
        this.networkFaults = faults;
    }

    /**
     * Another build wins the race for a tag: just before the next manifest PUT under it is handled, {@code otherBuild}
     * runs (it may push another image under the tag to {@link #registry()}); with none, this very manifest lands first.
     */
    public void raceOn(String tag, Runnable otherBuild) {
        races.put(tag, otherBuild);
    }

    public void raceOn(String tag) {
        races.put(tag, () -> { });
    }

    // --- HTTP ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/")) {
            api(exchange);
        } else if (path.startsWith("/v2/")) {
            registry(exchange, path);
        } else {
            LoopbackServer.respond(exchange, 404, "");
        }
    }

    /** Applies a queued fault; true when the exchange is answered (or dropped) by it. */
    private boolean fault(HttpExchange exchange, String operation, boolean api) {
        List<String> queued = faults.get(operation);
        String fault;
        if (queued != null && !queued.isEmpty()) {
            fault = queued.remove(0);
        } else {
            NetworkFaults.Kind drawn = networkFaults.apply(exchange, operation);
            if (drawn == null || drawn == NetworkFaults.Kind.SLOW) {
                return false;
            }
            fault = switch (drawn) {
                case RESET -> "reset-done";
                case THROTTLED -> api ? "throttle" : "throttle-registry";
                default -> "fail";
            };
        }
        switch (fault) {
            case "reset" -> exchange.close();
            case "reset-done" -> { }
            case "throttle" -> apiError(exchange, 400, "ThrottlingException", "Rate exceeded");
            case "throttle-registry" -> registryError(exchange, 429, "TOOMANYREQUESTS", "Rate exceeded");
            default -> {
                if (api) {
                    apiError(exchange, 500, "ServerException", "An internal error occurred.");
                } else {
                    registryError(exchange, 503, "UNAVAILABLE", "Service Unavailable");
                }
            }
        }
        return true;
    }

    // --- the API ---------------------------------------------------------------------------------------

    private void api(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        if (!target.startsWith(TARGET_PREFIX)) {
            apiError(exchange, 400, "UnknownOperationException", null);
            return;
        }
        String operation = target.substring(TARGET_PREFIX.length());
        record(operation);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.startsWith("application/x-amz-json-1.1")) {
            apiError(exchange, 400, "SerializationException", "Unexpected content type " + contentType);
            return;
        }
        if (fault(exchange, operation, true) || !signedByKnownKey(exchange)) {
            return;
        }
        Runnable otherParty = beforeNext.remove(operation);
        if (otherParty != null) {
            otherParty.run();
        }
        String action = "ecr:" + operation;
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        String repositoryName = request.path("repositoryName").asText(null);
        if (denied.contains(action)) {
            String resource = operation.equals("GetAuthorizationToken") ? "*" : arn(repositoryName);
            apiError(exchange, 400, "AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not "
                    + "authorized to perform: " + action + " on resource: " + resource + " because no identity-based "
                    + "policy allows the " + action + " action");
            return;
        }
        EcrRepository repository = repositoryName == null ? null : repositories.get(repositoryName);
        if (repositoryName != null && repository == null && !operation.equals("CreateRepository")) {
            apiError(exchange, 400, "RepositoryNotFoundException", "The repository with name '" + repositoryName
                    + "' does not exist in the registry with id '" + ACCOUNT + "'");
            return;
        }
        switch (operation) {
            case "GetAuthorizationToken" -> getAuthorizationToken(exchange);
            case "CreateRepository" -> createRepository(exchange, request, repositoryName);
            case "DescribeRepositories" -> describeRepositories(exchange, request);
            case "PutImageTagMutability" -> putImageTagMutability(exchange, request, repository);
            case "PutImageScanningConfiguration" -> {
                repository.scanOnPush = request.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false);
                ObjectNode answer = repositoryIds(repository);
                answer.putObject("imageScanningConfiguration").put("scanOnPush", repository.scanOnPush);
                apiAnswer(exchange, answer);
            }
            case "PutLifecyclePolicy" -> putLifecyclePolicy(exchange, request, repository);
            case "GetLifecyclePolicy" -> {
                if (repository.lifecyclePolicyText == null) {
                    apiError(exchange, 400, "LifecyclePolicyNotFoundException", "Lifecycle policy does not exist for the "
                            + "repository with name '" + repository.name + "' in the registry with id '" + ACCOUNT + "'");
                    return;
                }
                apiAnswer(exchange, repositoryIds(repository).put("lifecyclePolicyText", repository.lifecyclePolicyText));
            }
            case "DescribeImages" -> describeImages(exchange, request, repository);
            case "BatchGetImage" -> batchGetImage(exchange, request, repository);
            default -> apiError(exchange, 400, "UnknownOperationException", null);
        }
    }

    /** SigV4 as far as a stand-in can check: a known access key, scoped to this region and service. */
    private boolean signedByKnownKey(HttpExchange exchange) {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!authorization.startsWith("AWS4-HMAC-SHA256") || !m.find()) {
            apiError(exchange, 400, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return false;
        }
        if (expiredKeys.contains(m.group(1))) {
            apiError(exchange, 400, "ExpiredTokenException", "The security token included in the request is expired");
            return false;
        }
        if (!m.group(1).equals(ACCESS_KEY_ID)) {
            apiError(exchange, 400, "UnrecognizedClientException", "The security token included in the request is invalid.");
            return false;
        }
        if (!m.group(2).equals(REGION) || !m.group(3).equals("ecr")) {
            apiError(exchange, 400, "InvalidSignatureException", "Credential should be scoped to a valid region. ");
            return false;
        }
        return true;
    }

    private void getAuthorizationToken(HttpExchange exchange) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String password = "eyJ" + HexFormat.of().formatHex(bytes) + "-" + PlantedSecrets.MARKER;
        Instant expiresAt = clock.instant().plus(TOKEN_LIFETIME);
        tokens.put(password, expiresAt);
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("authorizationData").addObject()
                .put("authorizationToken", Base64.getEncoder().encodeToString(("AWS:" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .put("expiresAt", expiresAt.getEpochSecond())
                .put("proxyEndpoint", "https://" + ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com");
        apiAnswer(exchange, answer);
    }

    private void createRepository(HttpExchange exchange, JsonNode request, String name) {
        if (name == null || !name.matches("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*")
                || name.length() < 2 || name.length() > 256) {
            apiError(exchange, 400, "InvalidParameterException", "Invalid parameter at 'repositoryName' failed to "
                    + "satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*"
                    + "[a-z0-9]+(?:[._-][a-z0-9]+)*''");
            return;
        }
        if (repositories.containsKey(name)) {
            apiError(exchange, 400, "RepositoryAlreadyExistsException", "The repository with name '" + name
                    + "' already exists in the registry with id '" + ACCOUNT + "'");
            return;
        }
        EcrRepository repository = new EcrRepository(name, clock.instant());
        String problem = repository.setMutability(request.path("imageTagMutability").asText(null), filters(request));
        if (problem != null) {
            apiError(exchange, 400, "InvalidParameterException", problem);
            return;
        }
        repository.scanOnPush = request.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false);
        JsonNode encryption = request.path("encryptionConfiguration");
        if (encryption.isObject()) {
            repository.encryptionType = encryption.path("encryptionType").asText("AES256");
            repository.kmsKey = encryption.path("kmsKey").asText(null);
            if (repository.encryptionType.equals("AES256") && repository.kmsKey != null) {
                apiError(exchange, 400, "InvalidParameterException", "Invalid parameter: KMS key is only valid with KMS "
                        + "encryption type");
                return;
            }
        }
        repositories.put(name, repository);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("repository", describe(repository));
        apiAnswer(exchange, answer);
    }

    private void describeRepositories(HttpExchange exchange, JsonNode request) {
        List<EcrRepository> found = new ArrayList<>();
        if (request.path("repositoryNames").isArray() && !request.path("repositoryNames").isEmpty()) {
            for (JsonNode name : request.path("repositoryNames")) {
                EcrRepository repository = repositories.get(name.asText());
                if (repository == null) {
                    apiError(exchange, 400, "RepositoryNotFoundException", "The repository with name '" + name.asText()
                            + "' does not exist in the registry with id '" + ACCOUNT + "'");
                    return;
                }
                found.add(repository);
            }
        } else {
            found.addAll(repositories.values());
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("repositories");
        found.forEach(r -> list.add(describe(r)));
        apiAnswer(exchange, answer);
    }

    private void putImageTagMutability(HttpExchange exchange, JsonNode request, EcrRepository repository) {
        String problem = repository.setMutability(request.path("imageTagMutability").asText(null), filters(request));
        if (problem != null) {
            apiError(exchange, 400, "InvalidParameterException", problem);
            return;
        }
        ObjectNode answer = repositoryIds(repository).put("imageTagMutability", repository.mutability);
        putFilters(answer, repository);
        apiAnswer(exchange, answer);
    }

    private void putLifecyclePolicy(HttpExchange exchange, JsonNode request, EcrRepository repository) {
        String text = request.path("lifecyclePolicyText").asText(null);
        String problem = text == null ? "lifecyclePolicyText must not be null" : EcrRepository.lifecyclePolicyProblem(text);
        if (problem != null) {
            apiError(exchange, 400, "InvalidParameterException", problem);
            return;
        }
        repository.lifecyclePolicyText = text;
        apiAnswer(exchange, repositoryIds(repository).put("lifecyclePolicyText", text));
    }

    /** DescribeImages: a listed image that is missing fails the whole call with {@code ImageNotFoundException}. */
    private void describeImages(HttpExchange exchange, JsonNode request, EcrRepository repository) throws IOException {
        Map<String, List<String>> tagsByDigest = tagsByDigest(repository.name);
        List<String> digests = new ArrayList<>();
        if (request.path("imageIds").isArray() && !request.path("imageIds").isEmpty()) {
            for (JsonNode id : request.path("imageIds")) {
                LocalRegistry.Manifest manifest = registry.manifest(repository.name, reference(id));
                if (manifest == null) {
                    apiError(exchange, 400, "ImageNotFoundException", "The image with imageId {" + imageIdText(id)
                            + "} does not exist within the repository with name '" + repository.name
                            + "' in the registry with id '" + ACCOUNT + "'");
                    return;
                }
                if (!digests.contains(manifest.digest())) {
                    digests.add(manifest.digest());
                }
            }
        } else {
            digests.addAll(tagsByDigest.keySet());
        }
        String tagStatus = request.path("filter").path("tagStatus").asText("ANY");
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode details = answer.putArray("imageDetails");
        for (String digest : digests) {
            List<String> tags = tagsByDigest.getOrDefault(digest, List.of());
            if (tagStatus.equals("TAGGED") && tags.isEmpty() || tagStatus.equals("UNTAGGED") && !tags.isEmpty()) {
                continue;
            }
            LocalRegistry.Manifest manifest = registry.manifest(repository.name, digest);
            ObjectNode detail = details.addObject().put("registryId", ACCOUNT).put("repositoryName", repository.name)
                    .put("imageDigest", digest);
            if (!tags.isEmpty()) {
                ArrayNode tagList = detail.putArray("imageTags");
                tags.forEach(tagList::add);
            }
            detail.put("imageSizeInBytes", size(manifest.json()))
                    .put("imagePushedAt", repository.pushedAt.getOrDefault(digest, repository.createdAt).getEpochSecond())
                    .put("imageManifestMediaType", manifest.mediaType());
        }
        apiAnswer(exchange, answer);
    }

    /** BatchGetImage: missing images are {@code failures}, not an error. */
    private void batchGetImage(HttpExchange exchange, JsonNode request, EcrRepository repository) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode images = answer.putArray("images");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode id : request.path("imageIds")) {
            LocalRegistry.Manifest manifest = registry.manifest(repository.name, reference(id));
            if (manifest == null) {
                ObjectNode failure = failures.addObject();
                failure.set("imageId", id);
                failure.put("failureCode", "ImageNotFound").put("failureReason", "Requested image not found");
                continue;
            }
            if (id.has("imageDigest") && id.has("imageTag") && !id.path("imageDigest").asText().equals(manifest.digest())) {
                ObjectNode failure = failures.addObject();
                failure.set("imageId", id);
                failure.put("failureCode", "ImageTagDoesNotMatchDigest")
                        .put("failureReason", "Invalid image digest for tag");
                continue;
            }
            ObjectNode image = images.addObject().put("registryId", ACCOUNT).put("repositoryName", repository.name);
            image.putObject("imageId").put("imageDigest", manifest.digest()).put("imageTag", id.path("imageTag")
                    .asText(null));
            image.put("imageManifest", manifest.body()).put("imageManifestMediaType", manifest.mediaType());
        }
        apiAnswer(exchange, answer);
    }

    private static String reference(JsonNode imageId) {
        return imageId.has("imageDigest") ? imageId.path("imageDigest").asText() : imageId.path("imageTag").asText();
    }

    private static String imageIdText(JsonNode id) {
        return (id.has("imageDigest") ? "imageDigest:'" + id.path("imageDigest").asText() + "'" : "")
                + (id.has("imageTag") ? "imageTag:'" + id.path("imageTag").asText() + "'" : "");
    }

    private Map<String, List<String>> tagsByDigest(String repository) throws IOException {
        Map<String, List<String>> byDigest = new java.util.LinkedHashMap<>();
        for (String tag : registry.tags(repository)) {
            byDigest.computeIfAbsent(registry.digest(repository, tag), d -> new ArrayList<>()).add(tag);
        }
        return byDigest;
    }

    private static long size(JsonNode manifest) {
        long size = manifest.path("config").path("size").asLong(0);
        for (JsonNode layer : manifest.path("layers")) {
            size += layer.path("size").asLong(0);
        }
        return size;
    }

    private static List<String> filters(JsonNode request) {
        List<String> filters = new ArrayList<>();
        for (JsonNode filter : request.path("imageTagMutabilityExclusionFilters")) {
            filters.add(filter.path("filter").asText());
        }
        return filters;
    }

    private ObjectNode describe(EcrRepository repository) {
        ObjectNode node = repositoryIds(repository)
                .put("repositoryArn", arn(repository.name))
                .put("repositoryUri", ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + repository.name)
                .put("createdAt", repository.createdAt.getEpochSecond())
                .put("imageTagMutability", repository.mutability);
        putFilters(node, repository);
        node.putObject("imageScanningConfiguration").put("scanOnPush", repository.scanOnPush);
        ObjectNode encryption = node.putObject("encryptionConfiguration").put("encryptionType", repository.encryptionType);
        if (repository.kmsKey != null) {
            encryption.put("kmsKey", repository.kmsKey);
        }
        return node;
    }

    private static void putFilters(ObjectNode node, EcrRepository repository) {
        if (!repository.exclusionFilters.isEmpty()) {
            ArrayNode filters = node.putArray("imageTagMutabilityExclusionFilters");
            repository.exclusionFilters.forEach(f -> filters.addObject().put("filterType", "WILDCARD").put("filter", f));
        }
    }

    private static ObjectNode repositoryIds(EcrRepository repository) {
        return JSON.createObjectNode().put("registryId", ACCOUNT).put("repositoryName", repository.name);
    }

    private static String arn(String repository) {
        return "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/" + repository;
    }

    private static void apiAnswer(HttpExchange exchange, JsonNode answer) {
        LoopbackServer.respond(exchange, 200, answer.toString(), "Content-Type", "application/x-amz-json-1.1",
                "x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    private static void apiError(HttpExchange exchange, int status, String type, String message) {
        ObjectNode error = JSON.createObjectNode().put("__type", type);
        if (message != null) {
            error.put("message", message);
        }
        LoopbackServer.respond(exchange, status, error.toString(), "Content-Type", "application/x-amz-json-1.1",
                "x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    // --- the registry ------------------------------------------------------------------------------------

    private void registry(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher m = V2.matcher(path);
        String repositoryName = m.matches() ? m.group(1) : null;
        String kind = m.matches() ? m.group(2) + (m.group(3) != null && m.group(3).startsWith("/uploads") ? "/uploads" : "")
                : "base";
        String tag = m.matches() && kind.equals("manifests") ? m.group(3).substring(1) : null;
        String operation = method + " " + kind + (tag != null && !tag.startsWith("sha256:") ? "/" + tag : "");
        record(operation);
        if (fault(exchange, operation, false) || fault(exchange, method + " " + kind, false)) {
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        if (repositoryName == null) {
            LoopbackServer.respond(exchange, 200, "{}", "Content-Type", "application/json");
            return;
        }
        String action = action(method, kind);
        if (denied.contains(action)) {
            registryError(exchange, 403, "DENIED", "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized to "
                    + "perform: " + action + " on resource: " + arn(repositoryName) + " because no identity-based policy "
                    + "allows the " + action + " action");
            return;
        }
        EcrRepository repository = repositories.get(repositoryName);
        if (repository == null) {
            registryError(exchange, 404, "NAME_UNKNOWN", "The repository with name '" + repositoryName
                    + "' does not exist in the registry with id '" + ACCOUNT + "'");
            return;
        }
        // a manifest is read here (a race may land it first); anything else, layers included, streams through
        byte[] body = "PUT".equals(method) && tag != null ? exchange.getRequestBody().readAllBytes() : null;
        if ("PUT".equals(method) && tag != null && !tag.startsWith("sha256:")) {
            Runnable race = races.remove(tag);
            if (race != null) {
                race.run();
                if (registry.manifest(repositoryName, tag) == null) {
                    registry.putManifest(repositoryName, tag, exchange.getRequestHeaders().getFirst("Content-Type"),
                            new String(body, StandardCharsets.UTF_8));
                }
            }
            if (repository.isImmutable(tag) && registry.manifest(repositoryName, tag) != null) {
                registryError(exchange, 400, "TAG_INVALID", "The image tag '" + tag + "' already exists in the '"
                        + repositoryName + "' repository and cannot be overwritten because the tag is immutable.");
                return;
            }
        }
        int status = forwarder.forward(exchange, body);
        if ("PUT".equals(method) && tag != null && status == 201) {
            String digest = exchange.getResponseHeaders().getFirst("Docker-Content-Digest");
            if (digest != null) {
                repository.pushedAt.putIfAbsent(digest, clock.instant());
            }
        }
    }

    /** ECR's registry authenticates with Basic {@code AWS:<token>}; an unknown or expired token is challenged again. */
    private boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String challenge = "Basic realm=\"https://" + ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/\",service=\"ecr.amazonaws.com\"";
        if (authorization == null || !authorization.startsWith("Basic ")) {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            registryError(exchange, 401, "DENIED", "Not Authorized");
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        Instant expires = colon < 0 ? null : tokens.get(decoded.substring(colon + 1));
        if (colon < 0 || !decoded.substring(0, colon).equals("AWS") || expires == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            registryError(exchange, 401, "DENIED", "Not Authorized");
            return false;
        }
        if (!expires.isAfter(clock.instant())) {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            registryError(exchange, 401, "DENIED", "Your authorization token has expired. Reauthenticate and try again.");
            return false;
        }
        return true;
    }

    /** The IAM action a registry request needs, as ECR documents for its Docker API. */
    private static String action(String method, String kind) {
        return switch (kind) {
            case "manifests" -> "PUT".equals(method) ? "ecr:PutImage" : "ecr:BatchGetImage";
            case "blobs" -> "GET".equals(method) ? "ecr:GetDownloadUrlForLayer" : "ecr:BatchCheckLayerAvailability";
            case "blobs/uploads" -> switch (method) {
                case "POST" -> "ecr:InitiateLayerUpload";
                case "PATCH" -> "ecr:UploadLayerPart";
                default -> "ecr:CompleteLayerUpload";
            };
            default -> "ecr:ListImages";
        };
    }

    private static void registryError(HttpExchange exchange, int status, String code, String message) {
        LoopbackServer.respond(exchange, status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":"
                + JSON.valueToTree(message) + "}]}", "Content-Type", "application/json; charset=utf-8");
    }

    @Override
    public void close() {
        server.close();
    }
}
