package dev.gantry.aws;

import java.net.URI;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Where a region's SDK client sends CodeArtifact's API calls, as the SDK resolved it from its standard settings: an
 * endpoint of one's own ({@code AWS_ENDPOINT_URL_CODEARTIFACT}, {@code AWS_ENDPOINT_URL}, a profile's
 * {@code endpoint_url}, {@code aws.endpointUrlCodeartifact}: a VPC endpoint, a stand-in), else the dual-stack host when
 * the SDK's dual-stack setting is on, else the IPv4-only {@code codeartifact.<region>.amazonaws.com}. The refusal for an
 * API that cannot be reached words its advice by it ({@link CodeArtifactFailures#unreachable}).
 *
 * <p>Read from the SDK rather than looked up again by hand, which would drift from the SDK unnoticed (four endpoint
 * settings and three dual-stack ones in the SDK's order of precedence, two of them in a profile file whose location and
 * name have settings of their own). The endpoint comes from the built client,
 * {@code serviceClientConfiguration().endpointOverride()} (public API: whichever setting the client took). The
 * dual-stack flag the client resolved is not exposed, so it comes from the resolver the client builder itself calls,
 * {@code DualstackEnabledProvider}, with the same defaults (Gantry sets no profile file or name on the client), read when
 * a refusal is worded (the settings do not change during a build). That class is {@code @SdkProtectedApi}: an SDK
 * upgrade that moves it breaks the compilation, and one that changes its answer fails
 * {@code CodeArtifactRepositoryTest.DualStack}, which words a real failure under {@code aws.useDualstackEndpoint}.
 *
 * @param override  the endpoint of one's own that the client calls, or null
 * @param dualStack whether the SDK's dual-stack setting is on (together with an endpoint of one's own, the SDK sends
 *                  nothing: {@link CodeArtifactFailures#dualStackAndEndpoint})
 */
record CodeArtifactApiEndpoint(URI override, boolean dualStack) {

    /** The SDK's default: CodeArtifact's IPv4-only API host of the region. */
    static final CodeArtifactApiEndpoint IPV4 = new CodeArtifactApiEndpoint(null, false);

    /** Where this client calls the API, or null when no client was built (it then called nothing). */
    static CodeArtifactApiEndpoint of(CodeartifactClient client) {
        if (client == null) {
            return null;
        }
        return new CodeArtifactApiEndpoint(client.serviceClientConfiguration().endpointOverride().orElse(null),
                DualstackEnabledProvider.builder().build().isDualstackEnabled().orElse(false));
    }

    /** Whether the client called CodeArtifact's IPv4-only API host: neither an endpoint of one's own nor dual-stack. */
    boolean ipv4Only() {
        return override == null && !dualStack;
    }
}
