package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsPreloadTest {

    @Test
    void preparesAClientHelloWithTheJdksDefaultTrustStore() {
        // 0 would mean the set-up fails quietly in every build and the first HTTPS connection at deploy pays for it again
        assertThat(TlsPreload.prepareClientHello())
                .as("bytes of the TLS ClientHello prepared in memory (a record header and a handshake)")
                .isGreaterThan(5 + 4 + 32);
    }
}
