package dev.gantry.release;

/** How a call failed at the HTTP proxy the JVM sends it through ({@link Refusals#proxyFailed}). */
public enum ProxyProblem {
    /** No connection to the proxy: refused, unknown host, timed out. */
    UNREACHABLE,
    /** The proxy wants credentials, or others than those given (407; some proxies answer 401). */
    CREDENTIALS,
    /** The proxy does not let this build reach that host or port (403). */
    FORBIDDEN
}
