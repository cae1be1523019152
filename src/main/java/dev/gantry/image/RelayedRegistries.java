package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.global.JibSystemProperties;

import dev.gantry.net.JvmProxies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registries of one Jib build reached through {@link RegistryRelay}s, one relay per registry: an image reference
 * {@link #route}d here names the relay instead of its registry. The target and a base image in the same registry go
 * through the same relay, so Jib still sees one registry and mounts the base's layers instead of uploading them.
 * While open, the JVM's default TLS context also trusts the relays' certificate ({@link RelayTrust}).
 */
final class RelayedRegistries implements JibRunner.Route, AutoCloseable {

    private final boolean allowInsecure;
    private final boolean sendCredentialsOverHttp;
    private final HttpClient http;
    private final RelayCertificate certificate;
    private final RelayTrust trust;
    /** The relays by registry ({@code host[:port]}), and the registry's origin each leads to. */
    private final Map<String, RegistryRelay> relays = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private RelayedRegistries(boolean allowInsecure, boolean sendCredentialsOverHttp, RelayCertificate certificate,
            RelayTrust trust) {
        this.allowInsecure = allowInsecure;
        this.sendCredentialsOverHttp = sendCredentialsOverHttp;
        this.certificate = certificate;
        this.trust = trust;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20))
                // a redirect (a blob on S3) goes back to Jib untouched: it follows it itself, to the other host
                .followRedirects(HttpClient.Redirect.NEVER);
        if (allowInsecure) {
            builder.sslContext(InsecureTls.trustingAnyCertificate());
        }
        // the proxy's credentials (settings.xml's): this client asks only the authenticator it is given
        JvmProxies.proxyCredentials().ifPresent(builder::authenticator);
        this.http = builder.build();
    }

    static RelayedRegistries open(boolean allowInsecure, boolean sendCredentialsOverHttp) throws IOException {
        try {
            RelayCertificate certificate = RelayCertificate.ofThisJvm();
            return new RelayedRegistries(allowInsecure, sendCredentialsOverHttp, certificate,
                    RelayTrust.trusting(certificate.certificate()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the relay's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The reference with its registry replaced by that registry's relay (started on first use). */
    @Override
    public ImageReference apply(ImageReference reference) {
        String registry = reference.getRegistry();
        RegistryRelay relay = relays.get(registry);
        if (relay == null) {
            try {
                String origin = origin(registry);
                relay = RegistryRelay.start(origin, http, timeout(), certificate.serverContext(),
                        !origin.startsWith("http:") || sendCredentialsOverHttp);
                relays.put(registry, relay);
                origins.put("https://" + relay.host(), origin);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a relay to " + registry + ": " + e.getMessage(), e);
            }
        }
        return ImageReference.of(relay.host(), reference.getRepository(), reference.getTag().orElse(null),
                reference.getDigest().orElse(null));
    }

    /**
     * The relay's time-out for a request to the registry: Jib's ({@code jib.httpTimeout}, 0 for none) and a little
     * more, so that a registry too slow for Jib ends in Jib's own time-out, named as without the relay.
     */
    private static Duration timeout() {
        int jib = JibSystemProperties.getHttpTimeout();
        return jib <= 0 ? null : Duration.ofMillis(jib).plusSeconds(5);
    }

    /** The text with the relays' addresses replaced by their registries' (a failure names the registry's URL). */
    @Override
    public String unroute(String text) {
        String result = text;
        for (Map.Entry<String, String> origin : origins.entrySet()) {
            result = result.replace(origin.getKey(), origin.getValue())
                    .replace(origin.getKey().substring("https://".length()), origin.getValue().replaceFirst("^\\w+://", ""));
        }
        return result;
    }

    /** Requests sent again by the relays, for the log. */
    int retried() {
        return relays.values().stream().mapToInt(RegistryRelay::retried).sum();
    }

    /**
     * {@code https://registry}, or {@code http://registry} when insecure registries are allowed and the registry does
     * not speak TLS (as Jib falls back).
     */
    private String origin(String registry) throws IOException {
        String secure = "https://" + registry;
        if (!allowInsecure) {
            return secure;
        }
        try {
            http.send(HttpRequest.newBuilder(URI.create(secure + "/v2/")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return secure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            // no TLS there (a handshake refused, or the connection closed on it): plain HTTP, as Jib falls back
            return "http://" + registry;
        }
    }

    @Override
    public void close() {
        relays.values().forEach(RegistryRelay::close);
        trust.close();
    }
}
