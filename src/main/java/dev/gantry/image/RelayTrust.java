package dev.gantry.image;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Makes the JVM's default {@link SSLContext} trust the {@link RegistryRelay}'s certificate as well, for as long as a
 * relayed build runs, and puts the previous one back after: jib-core verifies a registry's certificate with
 * {@code SSLConnectionSocketFactory.getSystemSocketFactory()}, that is {@code SSLContext.getDefault()}, read again for
 * every request, and takes no context of its own.
 *
 * <p>Additive, never weaker: every certificate the JVM trusted is still checked the same way (the default trust
 * managers, {@code javax.net.ssl.trustStore} included); the one added is an exact certificate whose private key exists
 * only in this process, for {@code 127.0.0.1} only. JVM-wide while it lasts, as Jib's own system properties are:
 * {@link JibRunner} runs one build at a time.
 */
final class RelayTrust implements AutoCloseable {

    private final SSLContext previous;

    private RelayTrust(SSLContext previous) {
        this.previous = previous;
    }

    /** Trusts this certificate too, until {@link #close}. */
    static RelayTrust trusting(X509Certificate relay) throws GeneralSecurityException {
        if (System.getProperty("javax.net.ssl.keyStore") != null) {
            // the JVM's default context presents that client certificate (mutual TLS, to a registry or anything else in
            // this JVM); the context made here has no key managers, and would drop it while it is the default
            throw new GeneralSecurityException("the JVM presents a client certificate (javax.net.ssl.keyStore), which "
                    + "the relay's trust would set aside");
        }
        SSLContext previous = SSLContext.getDefault();
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509TrustManager jvm = Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("The JVM has no X.509 trust manager"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AlsoTrusting(jvm, relay)}, null);
        SSLContext.setDefault(context);
        return new RelayTrust(previous);
    }

    @Override
    public void close() {
        SSLContext.setDefault(previous);
    }

    /** The JVM's trust, and one exact certificate besides. */
    private record AlsoTrusting(X509TrustManager jvm, X509Certificate relay) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length == 1 && chain[0].equals(relay)) {
                return;
            }
            jvm.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jvm.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jvm.getAcceptedIssuers();
        }
    }
}
