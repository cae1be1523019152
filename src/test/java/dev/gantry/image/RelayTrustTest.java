package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class RelayTrustTest {

    @Test
    void aJvmPresentingAClientCertificateKeepsItsTlsContextAndGetsNoRelay() throws Exception {
        SSLContext before = SSLContext.getDefault();
        System.setProperty("javax.net.ssl.keyStore", "/nonexistent/client.p12");
        try {
            assertThatThrownBy(() -> RelayTrust.trusting(RelayCertificate.ofThisJvm().certificate()))
                    .isInstanceOf(GeneralSecurityException.class)
                    .hasMessageContaining("javax.net.ssl.keyStore");
        } finally {
            System.clearProperty("javax.net.ssl.keyStore");
        }
        assertThat(SSLContext.getDefault()).isSameAs(before);
    }
}
