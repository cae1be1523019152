package dev.gantry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate for a stand-in's HTTPS endpoint, made once with the running JDK's {@code keytool}
 * (SAN {@code dns:<host>} for each of its host names, and {@code ip:127.0.0.1}) and cached under
 * {@code target/stand-in-tls/<host>[+<host>…]/}, with a PKCS12 trust store holding only that certificate, for clients
 * (a forked Maven's {@code -Djavax.net.ssl.trustStore}) that must trust it.
 */
public final class StandInCertificate {

    /** The password of both stores: a test fixture, not a secret. */
    public static final String PASSWORD = "stand-in-tls";

    private final Path keyStore;
    private final Path trustStore;

    private StandInCertificate(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /**
     * The certificate for these host names (one endpoint under several, as CodeArtifact's IPv4 and dual-stack hosts),
     * made on first use (concurrent builds make it once each, the last one wins).
     */
    public static synchronized StandInCertificate forHosts(String... hosts) throws IOException {
        StringBuilder san = new StringBuilder();
        for (String name : hosts) {
            san.append("dns:").append(name).append(',');
        }
        Path dir = targetDirectory().resolve("stand-in-tls").resolve(String.join("+", hosts));
        Path keyStore = dir.resolve("server.p12");
        Path trustStore = dir.resolve("trust.p12");
        if (!Files.exists(keyStore) || !Files.exists(trustStore)) {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, "making-");
            Path newKeys = work.resolve("server.p12");
            Path certificate = work.resolve("server.pem");
            Path newTrust = work.resolve("trust.p12");
            keytool("-genkeypair", "-alias", "stand-in", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=" + hosts[0], "-ext", "SAN=" + san + "ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", newKeys.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "stand-in", "-keystore", newKeys.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "stand-in", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", newTrust.toString(), "-storepass", PASSWORD);
            move(newTrust, trustStore);
            move(newKeys, keyStore);
            Files.deleteIfExists(certificate);
            Files.deleteIfExists(work);
        }
        return new StandInCertificate(keyStore, trustStore);
    }

    /** The PKCS12 trust store that trusts this certificate (and nothing else). */
    public Path trustStore() {
        return trustStore;
    }

    /** A server context presenting this certificate. */
    public SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("The stand-in's key store " + keyStore + " cannot be read (" + e.getMessage()
                    + "); delete " + keyStore.getParent() + " to have it made again", e);
        }
    }

    /** A client context that trusts this certificate only: for a test's own HTTPS client. */
    public SSLContext clientContext() throws IOException {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, PASSWORD.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("The stand-in's trust store " + trustStore + " cannot be read (" + e.getMessage()
                    + "); delete " + trustStore.getParent() + " to have it made again", e);
        }
    }

    /** The build's {@code target/}: the parent of the directory this class was loaded from ({@code target/test-classes}). */
    private static Path targetDirectory() throws IOException {
        try {
            Path classes = Path.of(StandInCertificate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed (exit " + process.exitValue() + "): " + output
                        + "; expected it to make the stand-in's certificate. Check that " + command.get(0) + " runs.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
