package dev.gantry.it;

import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.LocalRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives an invoker IT an ECR, from its {@code setup.groovy}: the real registry behind the ECR stand-in for the rest of
 * the Maven run, an existing repository, and the IT's build pointed at it with nothing but standard settings:
 * <ul>
 *   <li>{@code .mvn/jvm.config}: {@code -Djdk.net.hosts.file} so that the ECR host name resolves to loopback, and the
 *       AWS SDK's own system properties ({@code aws.endpointUrlEcr}, dummy keys, no profile files, no instance
 *       metadata);</li>
 *   <li>{@code .mvn/maven.config}: the image repository {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com:<port>/<name>},
 *       the base image, and, because the stand-in speaks plain HTTP where ECR speaks HTTPS,
 *       {@code allowInsecureRegistries} and {@code sendCredentialsOverHttp} (the ECR token goes as Basic
 *       credentials).</li>
 * </ul>
 * The settings are written through {@link ItBuildSettings}, so that {@link ItCodeArtifact} can add its own beside them.
 * The stand-in appends every call it gets to {@code ecr-calls.txt}; the verify script reads it back with {@link #calls},
 * and the registry behind it with {@link ItRegistry#of} (and {@link ItRegistry#pushForeignImage} puts another build's
 * image there).
 */
public final class ItEcr {

    private static final String HOST_FILE = "registry.host";
    private static final String CALLS_FILE = "ecr-calls.txt";

    private ItEcr() {
    }

    /**
     * Starts the stand-in with the repository already there, with this tag mutability and exclusion filters; with a
     * null mutability the repository does not exist (provisioning creates it).
     */
    public static EcrStandIn startFor(File basedir, String repository, String mutability, String... filters)
            throws Exception {
        LocalRegistry registry = LocalRegistry.start();
        EcrStandIn ecr = EcrStandIn.start(registry);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ecr.close();
            registry.close();
        }));
        if (mutability != null) {
            ecr.createRepository(repository, mutability, filters);
        }
        Path dir = basedir.toPath();
        ecr.recordCallsTo(dir.resolve(CALLS_FILE));
        String base = BaseImages.push(registry, "base/java", 64 * 1024);
        ItBuildSettings.of(basedir)
                .loopbackHosts(EcrStandIn.ACCOUNT + ".dkr.ecr." + EcrStandIn.REGION + ".amazonaws.com")
                .jvm(AwsSdkSettings.settings(ecr, dir, EcrStandIn.ACCESS_KEY_ID, EcrStandIn.SECRET_ACCESS_KEY))
                .maven("gantry.image.repository", ecr.host() + "/" + repository)
                .maven("gantry.image.from", base)
                .maven("gantry.image.allowInsecureRegistries", "true")
                .maven("gantry.image.sendCredentialsOverHttp", "true");
        Files.writeString(dir.resolve(HOST_FILE), registry.host());
        return ecr;
    }

    /** The calls the stand-in got, in order ({@code GetAuthorizationToken}, {@code PUT manifests/1.1.0} …). */
    public static List<String> calls(File basedir) throws Exception {
        Path file = basedir.toPath().resolve(CALLS_FILE);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
