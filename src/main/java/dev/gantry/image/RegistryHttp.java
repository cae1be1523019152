package dev.gantry.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP exchanges of {@link RegistryApi}, over {@link HttpURLConnection}: one request, its whole answer, redirects
 * left to the caller. Not {@code java.net.http}'s client: on JDK 17 it cannot be closed, and its selector thread stays
 * blocked in a native call until the client is collected; HotSpot waits for such threads when the JVM exits, so every
 * build that had pushed an image paused ~0.3 s after BUILD SUCCESS. Connections are kept alive and proxies set by the
 * JVM's {@code https.proxyHost} family are used, as Jib uses them.
 */
final class RegistryHttp {

    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

    /** An answer: status, headers (looked up without regard to case, as HTTP names them) and the body read whole. */
    record Response(int statusCode, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst();
        }
    }

    /** Null: the JVM's own certificate checks. */
    private final SSLSocketFactory anyCertificate;

    RegistryHttp(boolean allowInsecure) {
        this.anyCertificate = allowInsecure ? InsecureTls.trustingAnyCertificate().getSocketFactory() : null;
    }

    /**
     * @param timeout how long to wait for the server between two reads (Jib's {@code jib.httpTimeout} semantics); a
     *                {@link java.net.SocketTimeoutException} when it passes
     */
    Response send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (anyCertificate != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(anyCertificate);
            https.setHostnameVerifier((host, session) -> true);
        }
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "*/*"); // else HttpURLConnection sends its own, a browser's list
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        byte[] answer;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes(); // read whole: the connection then serves the next call
        }
        return new Response(status, connection.getHeaderFields(), answer);
    }
}
