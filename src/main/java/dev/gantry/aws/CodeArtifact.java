package dev.gantry.aws;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.release.GantryLog;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.aether.repository.RemoteRepository;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * AWS CodeArtifact for one Maven build: the repositories it recognises by URL ({@link CodeArtifactUrl}), one SDK client
 * per region, made on first use, the authorization tokens (one per domain for the build, fetched on first use, never
 * logged), and the CodeArtifact implementation of the {@link ArtifactRepository} port. Close it at the end of the build.
 *
 * <p>The clients take the region from the URL, the credentials from the SDK's default chain, the endpoint from the SDK's
 * standard settings ({@code AWS_ENDPOINT_URL_CODEARTIFACT}, {@code AWS_ENDPOINT_URL}, a profile's {@code endpoint_url},
 * or the system property {@code aws.endpointUrlCodeartifact}), and the lean URLConnection HTTP client set explicitly
 * (the SDK would otherwise look one up with {@code ServiceLoader}, which a Maven plugin's class realm may not serve).
 */
public final class CodeArtifact implements AutoCloseable {

    /** The loading thread's name. */
    static final String SDK_LOADING_THREAD = "gantry-aws-sdk-loading-codeartifact";
    private static final AtomicBoolean SDK_LOADING = new AtomicBoolean();

    private final GantryLog log;
    private final int keepSnapshots;
    private final CodeArtifactTokens tokens;
    private final Map<String, CodeartifactClient> clients = new HashMap<>();

    /** @param keepSnapshots how many builds of a snapshot version stay after a publish (0: no clean-up) */
    public CodeArtifact(GantryLog log, int keepSnapshots) {
        this(log, keepSnapshots, Clock.systemUTC());
    }

    CodeArtifact(GantryLog log, int keepSnapshots, Clock clock) {
        this.log = log;
        this.keepSnapshots = keepSnapshots;
        this.tokens = new CodeArtifactTokens(clock, log);
    }

    /** Whether a repository URL is CodeArtifact's: IPv4, dual-stack or VPC endpoint, as {@link CodeArtifactUrl} reads them. */
    public static boolean recognises(String url) {
        return CodeArtifactUrl.recognises(url);
    }

    /**
     * The CodeArtifact implementation of the port for a repository URL of CodeArtifact, or empty for any other URL.
     * Nothing on AWS is called until the repository is asked something.
     *
     * @param configured the repository as configured, with the {@code settings.xml} server's authentication when there is
     *                   one (then it wins over the token)
     */
    public Optional<ArtifactRepository> repository(RemoteRepository configured) {
        return CodeArtifactUrl.parse(configured.getUrl()).map(where -> new CodeArtifactRepository(configured,
                new CodeArtifactApi(where, () -> client(where.region()),
                        configured.getAuthentication() == null ? null : configured.getId()), tokens, keepSnapshots, log));
    }

    /** The SDK client of a region, made on first use: nothing on AWS is touched when nothing is to be published. */
    synchronized CodeartifactClient client(String region) {
        return clients.computeIfAbsent(region, r -> builder(r).build());
    }

    /**
     * A client builder for a region, with the URLConnection client.
     *
     * <p>A dual-stack repository URL does not switch the client to CodeArtifact's dual-stack API endpoint: the SDK's own
     * setting does ({@code AWS_USE_DUALSTACK_ENDPOINT}, {@code use_dualstack_endpoint} in the profile,
     * {@code aws.useDualstackEndpoint}), which an IPv6-only runner sets once for every AWS tool and which this builder
     * leaves to the SDK (no {@code dualstackEnabled} here). Not from the URL, because: the dual-stack host answers IPv4
     * too, so the URL does not say that the runner lacks IPv4; AWS's endpoint list for CodeArtifact
     * (docs.aws.amazon.com/general/latest/gr/codeartifact.html) names only the IPv4 API hosts, while
     * {@code codeartifact.<region>.api.aws} is what the SDK's rule set builds for any service and "MAY return an error"
     * where a service has none; and the SDK refuses dual-stack with a custom endpoint ("Dualstack and custom endpoint are
     * not supported"), which is how a VPC endpoint of the API, and the tests' stand-in, are reached. Switched from the
     * URL, a build that works today could break; instead, when the API cannot be reached for a dual-stack URL at the
     * IPv4-only API host (neither the setting nor an endpoint of one's own in effect: {@link CodeArtifactApiEndpoint}),
     * the refusal names the setting ({@code CodeArtifactFailures.unreachable}).
     */
    private static CodeartifactClientBuilder builder(String region) {
        return CodeartifactClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(SdkHttpClient.builder());
    }

    /**
     * Loads the AWS SDK's CodeArtifact client on a thread of its own, as {@code Ecr.loadSdkInBackground} does for ECR:
     * builds one for the URL's region and readies the release check's first call, which is stopped before it leaves the
     * JVM, with no credential looked up. In a fresh JVM that takes a second or more, which the publish goal would
     * otherwise wait for at deploy; the plan can ask for it in validate, when the build is to publish to CodeArtifact.
     * At most once per JVM; any other URL is ignored; a failure here is left for the real client to meet and report.
     */
    public static void loadSdkInBackground(String repositoryUrl) {
        Optional<CodeArtifactUrl> where = CodeArtifactUrl.parse(repositoryUrl);
        if (where.isEmpty() || !SDK_LOADING.compareAndSet(false, true)) {
            return;
        }
        CodeArtifactUrl url = where.get();
        SdkPreload.inBackground(SDK_LOADING_THREAD, builder(url.region()),
                (CodeartifactClient client) -> client.describePackageVersion(b -> b.domain(url.domain())
                        .domainOwner(url.owner()).repository(url.repository()).format(PackageFormat.MAVEN)
                        .namespace("gantry").packageValue("loading").packageVersion("0")));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(CodeartifactClient::close);
        clients.clear();
    }
}
