package dev.gantry.bench;

import dev.gantry.aws.Ecr;
import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.RegistryCredential;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.LifecyclePolicy;
import dev.gantry.release.MutableTagFilters;
import dev.gantry.release.RepositoryPolicy;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.ProxiedRegistry;
import dev.gantry.testing.SampleService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a develop deploy's image core (a new commit each round: tags {@code sha-…}, {@code X.Y.Z-SNAPSHOT},
 * {@code develop}, {@code dev-latest}), alternating between four targets, each with a 5 MB base image in its registry:
 *
 * <ol>
 *   <li>the plain local registry, direct;</li>
 *   <li>the plain local registry behind the same loopback proxy as the ECR stand-in: the baseline of the ratio, since
 *       real ECR has no extra hop and the stand-in's hop is not Gantry's cost;</li>
 *   <li>the ECR stand-in, as the image goal runs by default: the real SDK (a new client per build, as per Maven build),
 *       the token, provisioning's check of the repository, look-ups with {@code BatchGetImage};</li>
 *   <li>the ECR stand-in without the SDK: the token given as a settings.xml server, no provisioning, look-ups through
 *       the registry API (what the stand-in costs beyond the plain proxy: its token check and immutability).</li>
 * </ol>
 *
 * Prints the medians, the ratio ECR / proxied plain (target ≤ 1.2), the ECR calls per build (target: one
 * GetAuthorizationToken, one BatchGetImage), the first build of each kind in the JVM (the ECR one meets the SDK
 * cold, as every {@code mvn deploy} does) and what the SDK costs warm.
 *
 * <pre>
 * scripts/bench EcrImageBenchmark [rounds]
 * </pre>
 *
 * scripts/bench runs it with {@code -Djdk.net.hosts.file=src/test/hosts}, so that the ECR host resolves to loopback.
 */
public final class EcrImageBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path work = Files.createTempDirectory("gantry-ecr-bench-");
        SampleService service = SampleService.create(work.resolve("service"));
        try (LocalRegistry plain = LocalRegistry.start(); LocalRegistry behindProxy = LocalRegistry.start();
                LocalRegistry behindEcr = LocalRegistry.start();
                ProxiedRegistry proxied = ProxiedRegistry.start(behindProxy);
                EcrStandIn ecr = EcrStandIn.start(behindEcr);
                AwsSdkSettings sdk = AwsSdkSettings.pointAt(ecr, work)) {
            String plainBase = BaseImages.push(plain, "base", 5_000_000);
            String proxiedBase = BaseImages.push(behindProxy, "base", 5_000_000);
            String ecrBase = BaseImages.push(behindEcr, "base", 5_000_000);
            // as the plan does in validate when the build is to push to ECR: the SDK loads while the project compiles
            // (here, while the base images are pushed)
            Ecr.loadSdkInBackground(ecr.host() + "/orders");
            RepositoryPolicy provisioning = new RepositoryPolicy(MutableTagFilters.of(Flow.GITFLOW.behind(List.of())),
                    true, null, LifecyclePolicy.of(60, LifecyclePolicy.DEFAULT_PROTECTED_TAGS, true), false);
            ecr.createRepository("proxied", "MUTABLE");

            String password = null;
            long firstProxied = 0;
            long firstEcr = 0;
            List<Long> plainTimes = new ArrayList<>();
            List<Long> proxiedTimes = new ArrayList<>();
            List<Long> ecrTimes = new ArrayList<>();
            List<Long> noSdkTimes = new ArrayList<>();
            List<String> perBuild = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                service.changeCode(String.valueOf(round));
                String commit = String.format("%012x", 0xabc000L + round) + "0".repeat(28); // sha-<12 hex> differs
                Instant time = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(round);
                Path dir = work.resolve("r" + round);
                long p = publish(request(plain.host() + "/orders", plainBase, service, commit, time, dir.resolve("p"),
                        work.resolve("plain-base-cache")).build());
                long q = publish(request(proxied.host() + "/orders", proxiedBase, service, commit, time, dir.resolve("q"),
                        work.resolve("proxied-base-cache")).build());
                int before = ecr.calls().size();
                long e = publish(request(ecr.host() + "/orders", ecrBase, service, commit, time, dir.resolve("e"),
                        work.resolve("ecr-base-cache")).sendCredentialsOverHttp(true).repositoryPolicy(provisioning).build());
                List<String> calls = ecr.calls().subList(before, ecr.calls().size());
                if (password == null) {
                    password = SdkCost.measure().password(); // after the first ECR build: that one met the SDK cold
                }
                long x = publish(request(ecr.host() + "/proxied", ecrBase, service, commit, time, dir.resolve("x"),
                        work.resolve("ecr-base-cache")).sendCredentialsOverHttp(true)
                        .credential(ecr.host(), new RegistryCredential("AWS", password)).build());
                if (round == 0) {
                    // warm-up: JIT, the SDK's first client, Jib's base image caches, the repository created
                    firstProxied = q;
                    firstEcr = e;
                    continue;
                }
                plainTimes.add(p);
                proxiedTimes.add(q);
                ecrTimes.add(e);
                noSdkTimes.add(x);
                perBuild.add(calls.stream().filter(c -> !c.contains(" ")).sorted().toList().toString());
            }
            SdkCost warm = SdkCost.measure();
            long baseline = median(proxiedTimes);
            long ecrMedian = median(ecrTimes);
            System.out.printf("develop deploy, image core, %d rounds after a warm-up (median, all rounds):%n", rounds);
            System.out.printf("  plain registry, direct           %5d ms  %s%n", median(plainTimes), plainTimes);
            System.out.printf("  plain registry, behind the proxy %5d ms  %s  (baseline)%n", baseline, proxiedTimes);
            System.out.printf("  ECR stand-in, as the goal runs   %5d ms  %s  (SDK, token, provisioning check)%n",
                    ecrMedian, ecrTimes);
            System.out.printf("  ECR stand-in, no SDK             %5d ms  %s  (token as a settings.xml server)%n",
                    median(noSdkTimes), noSdkTimes);
            System.out.printf("  ratio ECR / proxied plain        %5.2f     (target <= 1.20)%n", (double) ecrMedian / baseline);
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < ecrTimes.size(); i++) {
                paired.add((double) ecrTimes.get(i) / proxiedTimes.get(i));
            }
            System.out.printf("  median of the rounds' ratios     %5.2f     (each round's two builds ran moments apart: "
                    + "steadier on a busy machine)%n", paired.stream().sorted().toList().get(paired.size() / 2));
            System.out.printf("  ECR API calls per build          %s%n", perBuild.stream().distinct().toList());
            System.out.printf("  first build in this JVM, Jib warmed by the plain ones: proxied plain %d ms, ECR %d ms "
                    + "(the SDK's first client and calls, the SDK loaded ahead as the plan does)%n", firstProxied, firstEcr);
            System.out.printf("  SDK alone, warm: client build %d ms, GetAuthorizationToken %d ms%n", warm.buildMillis,
                    warm.callMillis);
        }
    }

    /** What the SDK costs alone: building an ECR client as Gantry does, and its first call. */
    record SdkCost(long buildMillis, long callMillis, String password) {
        static SdkCost measure() {
            long start = System.nanoTime();
            try (EcrClient client = EcrClient.builder().region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                long built = System.nanoTime();
                String token = new String(Base64.getDecoder().decode(client.getAuthorizationToken().authorizationData()
                        .get(0).authorizationToken()), StandardCharsets.UTF_8);
                long called = System.nanoTime();
                return new SdkCost((built - start) / 1_000_000, (called - built) / 1_000_000,
                        token.substring(token.indexOf(':') + 1));
            }
        }
    }

    static ImageRequest.Builder request(String repository, String base, SampleService service, String commit,
            Instant time, Path out, Path baseCache) {
        return ImageRequest.builder()
                .image(new ImagePlan(repository, false, List.of(new ImageTag("sha-" + commit.substring(0, 12), false),
                        new ImageTag("1.1.0-SNAPSHOT", true), new ImageTag("develop", true), new ImageTag("dev-latest", true))))
                .from(base)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(commit)
                .commitTime(time)
                .version("1.1.0-SNAPSHOT")
                .allowInsecureRegistries(true)
                .outputDirectory(out)
                .applicationCache(out.resolve("jib-cache"))
                .baseImageCache(baseCache);
    }

    static long publish(ImageRequest request) throws Exception {
        long start = System.nanoTime();
        new ImagePublisher(GantryLog.SILENT, Map.of()).publish(request);
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
