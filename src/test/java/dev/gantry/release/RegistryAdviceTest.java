package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** allowInsecureRegistries is suggested only where it can help. */
class RegistryAdviceTest {

    private static final String INSECURE_HINT = "-Dgantry.image.allowInsecureRegistries=true";

    @Nested
    class TheInsecureRegistriesHint {

        @Test
        void isGivenForAnUnverifiedCertificateOfAPrivateRegistry() {
            assertThat(Refusals.registryAdvice("registry.corp.example:5000/orders", RegistryFailure.TLS, false))
                    .contains(INSECURE_HINT).contains("self-signed");
        }

        @Test
        void isGivenForARegistryServingPlainHttp() {
            assertThat(Refusals.registryAdvice("localhost:5000/orders", RegistryFailure.PLAIN_HTTP, false))
                    .contains(INSECURE_HINT).contains("plain HTTP");
        }

        @Test
        void isNotGivenWhenItIsAlreadySet() {
            assertThat(Refusals.registryAdvice("localhost:5000/orders", RegistryFailure.TLS, true))
                    .doesNotContain("allowInsecureRegistries").contains("trust store");
        }

        @Test
        void isNotGivenForEcrNorPublicRegistries() {
            for (String image : new String[] {"123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders", "ghcr.io/acme/orders",
                    "eclipse-temurin", "library/orders", "quay.io/acme/orders"}) {
                assertThat(Refusals.registryAdvice(image, RegistryFailure.TLS, false)).as(image)
                        .doesNotContain("allowInsecureRegistries");
                assertThat(Refusals.registryAdvice(image, RegistryFailure.PLAIN_HTTP, false)).as(image)
                        .doesNotContain("allowInsecureRegistries").contains("verified HTTPS");
            }
        }

        @Test
        void isNotGivenWhenTheRegistryIsUnreachableOrAnswered() {
            assertThat(Refusals.registryAdvice("localhost:5000/orders", RegistryFailure.UNREACHABLE, false))
                    .doesNotContain("allowInsecureRegistries").contains("reachable from this machine");
            assertThat(Refusals.registryAdvice("localhost:5000/orders", RegistryFailure.ANSWER, false))
                    .doesNotContain("allowInsecureRegistries").contains("registry's answer");
            assertThat(Refusals.registryFailed("localhost:5000/orders", "the token service answered HTTP 500").getMessage())
                    .doesNotContain("allowInsecureRegistries");
        }
    }

    @Nested
    class TheSettingNamed {

        @Test
        void saysThatThePropertyCountsOnlyWhereNoPomSetsTheParameter() {
            // a parent's <imageRepository> outranks -Dgantry.image.repository: advising the property alone misleads
            assertThat(Refusals.registryAdvice("registry.corp.example/orders", RegistryFailure.UNREACHABLE, false))
                    .contains("<imageRepository>, or -Dgantry.image.repository where no POM sets it");
            assertThat(Refusals.registryForbidden("registry.corp.example/orders", "registry.corp.example", null,
                    RepositorySetting.BASE_IMAGE).getMessage())
                    .endsWith("Grant it, or build on another base image with <from> in the gantry-maven-plugin "
                            + "configuration (or -Dgantry.image.from=<image> where no POM sets it: a POM's parameter wins).");
        }
    }

    @Nested
    class TheKindOfFailure {

        @Test
        void isTlsWhenTheHandshakeFailedAnywhereInTheCauses() {
            assertThat(RegistryFailure.of(new IOException("wrapped", new SSLHandshakeException("PKIX path building failed"))))
                    .isEqualTo(RegistryFailure.TLS);
        }

        @Test
        void isPlainHttpWhenTheServerAnsweredTheHandshakeInPlainText() {
            // trial: a plain-HTTP registry was told to have an unverified certificate
            assertThat(RegistryFailure.of(new IOException("wrapped",
                    new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message"))))
                    .isEqualTo(RegistryFailure.PLAIN_HTTP);
        }

        @Test
        void isUnreachableWithoutAConnection() {
            assertThat(RegistryFailure.of(new ConnectException("Connection refused"))).isEqualTo(RegistryFailure.UNREACHABLE);
            assertThat(RegistryFailure.of(new UnknownHostException("registry.invalid"))).isEqualTo(RegistryFailure.UNREACHABLE);
        }

        @Test
        void isTheAnswerOtherwise() {
            assertThat(RegistryFailure.of(new IOException("unexpected end of stream"))).isEqualTo(RegistryFailure.ANSWER);
        }

        @Test
        void isKeptWithItsCauseInTheRefusal() {
            ConnectException cause = new ConnectException("Connection refused");
            GantryException refusal = Refusals.registryFailed("localhost:5000/orders", "ConnectException on GET",
                    RegistryFailure.of(cause), false, cause);
            assertThat(refusal).hasCause(cause);
            assertThat(refusal.getMessage()).startsWith("Cannot talk to the registry of localhost:5000/orders: "
                    + "ConnectException on GET. Check the host and port");
        }
    }
}
