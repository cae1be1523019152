package dev.gantry.aws;

import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client of Gantry's AWS SDK clients (ECR, CodeArtifact): the SDK's lean URLConnection one. */
final class SdkHttpClient {

    private SdkHttpClient() {
    }

    /**
     * With the proxy of the JVM's {@code https.proxyHost} family (or {@code HTTPS_PROXY}): every AWS endpoint is HTTPS,
     * and without this the client reads the {@code http.*} family whatever the endpoint, so that an {@code https} proxy
     * of settings.xml ({@code JvmProxies}) would not reach it.
     */
    static UrlConnectionHttpClient.Builder builder() {
        return UrlConnectionHttpClient.builder()
                .proxyConfiguration(ProxyConfiguration.builder().scheme("https").build());
    }
}
