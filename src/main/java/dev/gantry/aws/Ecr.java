package dev.gantry.aws;

import dev.gantry.image.CredentialSource;
import dev.gantry.image.FoundCredential;
import dev.gantry.image.ImageRegistry;
import dev.gantry.image.RegistryApi;
import dev.gantry.release.GantryLog;
import dev.gantry.release.RepositoryPolicy;

import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Amazon ECR for one build of the image goal: the ECR hosts it meets (recognised by name, {@link EcrHost}), one SDK
 * client each, made on first use, the registry token as a {@link CredentialSource}, and the ECR implementation of the
 * {@link ImageRegistry} port. Close it at the end of the build.
 */
public final class Ecr implements AutoCloseable {

    private static final AtomicBoolean SDK_LOADING = new AtomicBoolean();

    private final GantryLog log;
    private final Map<String, EcrApi> apis = new HashMap<>();
    private final EcrCredentials credentials;
    private final RepositoryPolicy provisioning;

    public Ecr(GantryLog log) {
        this(log, Clock.systemUTC(), null);
    }

    Ecr(GantryLog log, Clock clock) {
        this(log, clock, null);
    }

    /** @param provisioning what a repository is set up with before the first push, or null to use it as it is */
    public Ecr(GantryLog log, RepositoryPolicy provisioning) {
        this(log, Clock.systemUTC(), provisioning);
    }

    Ecr(GantryLog log, Clock clock, RepositoryPolicy provisioning) {
        this.log = log;
        this.credentials = new EcrCredentials(this, clock, log);
        this.provisioning = provisioning;
    }

    /**
     * Loads the AWS SDK's ECR client on a thread of its own: builds one for the host's region, readies a call that an
     * interceptor stops before it leaves the JVM, and closes it; no credential is looked up and nothing is sent to AWS.
     * In a fresh JVM that takes a second or more, which the image goal would otherwise wait for at
     * deploy; the plan asks for it in validate, when this build is to push to ECR, so that it happens while the project
     * compiles. At most once per JVM; a failure here is left for the real client to meet and report.
     */
    public static void loadSdkInBackground(String repository) {
        Optional<EcrHost> host = EcrHost.parse(repository);
        if (host.isEmpty() || !SDK_LOADING.compareAndSet(false, true)) {
            return;
        }
        // a call marshalled and made ready to send, then stopped: the first real call's classes are loaded too
        SdkPreload.inBackground("gantry-aws-sdk-loading", EcrApi.builder(host.get()),
                (EcrClient client) -> client.getAuthorizationToken(b -> { }));
    }

    /** Whether a registry host or image reference is ECR's. */
    public static boolean recognises(String reference) {
        return EcrHost.recognises(reference);
    }

    /** The registry token of ECR hosts; empty for any other host. */
    public CredentialSource credentials() {
        return credentials;
    }

    /**
     * The ECR implementation of the port for a repository of an ECR host, or empty for any other host.
     *
     * @param api   the registry's OCI API (its data plane), with the credential found for the host
     * @param found that credential: a token from ECR lets look-ups go through ECR's API, one call for all tags
     */
    public Optional<ImageRegistry> registry(String registry, String repository, RegistryApi api,
            Optional<FoundCredential> found) {
        boolean awsCredentials = found.map(f -> f.source().equals(EcrCredentials.SOURCE)).orElse(false);
        return api(registry).map(ecr -> new EcrRegistry(ecr, repository, api, awsCredentials, provisioning, log));
    }

    synchronized Optional<EcrApi> api(String registry) {
        return EcrHost.parse(registry).map(host -> apis.computeIfAbsent(host.registry(), h -> new EcrApi(host)));
    }

    @Override
    public synchronized void close() {
        apis.values().forEach(EcrApi::close);
        apis.clear();
    }
}
