package dev.gantry.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The {@link RegistryRelay}'s certificate: a self-signed one for {@code 127.0.0.1}, made once per JVM by the running
 * JVM's {@code keytool} (the JDK has no public API to make one) with a fresh key that exists only in this process: its
 * key store, under a random password, is read back and deleted at once. Made only when a push needs the relay, never
 * on the normal path.
 */
final class RelayCertificate {

    private final SSLContext serverContext;
    private final X509Certificate certificate;

    private RelayCertificate(SSLContext serverContext, X509Certificate certificate) {
        this.serverContext = serverContext;
        this.certificate = certificate;
    }

    /** The JVM's one, made on first use: keytool takes about a second, a build with several modules pays it once. */
    private static RelayCertificate made;

    static synchronized RelayCertificate ofThisJvm() throws IOException, GeneralSecurityException {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static RelayCertificate make() throws IOException, GeneralSecurityException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getUrlEncoder().encodeToString(random).toCharArray();
        Path dir = Files.createTempDirectory("gantry-relay-");
        Path store = dir.resolve("relay.p12");
        try {
            keytool(List.of("-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", "2", "-dname", "CN=gantry-relay", "-ext", "SAN=ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", store.toString()), new String(password));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return new RelayCertificate(context, (X509Certificate) keys.getCertificate("relay"));
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    SSLContext serverContext() {
        return serverContext;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Runs keytool with the store's password in its environment, not on its command line (where {@code ps} shows it). */
    private static void keytool(List<String> arguments, String password) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool));
        command.addAll(arguments);
        command.addAll(List.of("-storepass:env", "GANTRY_RELAY_STORE", "-keypass:env", "GANTRY_RELAY_STORE"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GANTRY_RELAY_STORE", password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool -genkeypair failed (" + output.strip() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the relay's certificate", e);
        }
    }
}
