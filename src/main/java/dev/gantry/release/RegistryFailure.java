package dev.gantry.release;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * How a call to a container registry failed, so that the advice fits it ({@link Refusals#registryAdvice}): only a TLS
 * or plain-HTTP failure can be helped by {@code allowInsecureRegistries}, and only against a registry that could be
 * insecure.
 */
public enum RegistryFailure {
    /** The TLS handshake failed: an unverified (self-signed) certificate, an old protocol, a clock far off. */
    TLS,
    /** The registry offers plain HTTP only (it answers a TLS handshake in plain text), or no verified HTTPS connection. */
    PLAIN_HTTP,
    /** No connection: unknown host, refused, timed out. */
    UNREACHABLE,
    /** The HTTP proxy the call goes through could not be reached, or refused it ({@link ProxyRefused}). */
    PROXY,
    /** The registry answered, and its answer says what it refused. */
    ANSWER;

    /** What the exception (or one of its causes) says went wrong; {@link #ANSWER} when it says nothing of the network. */
    public static RegistryFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProxyRefused) {
                return PROXY;
            }
            if (t instanceof SSLException) {
                // the JDK's words when the server answers a TLS hello in plain text: an HTTP registry on that port
                return String.valueOf(t.getMessage()).contains("Unsupported or unrecognized SSL message") ? PLAIN_HTTP : TLS;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return UNREACHABLE;
            }
        }
        return ANSWER;
    }
}
