package dev.gantry.bench;

import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.EcrStandIn;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.SampleService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a develop deploy's image core against the ECR stand-in (real SDK, real registry behind it) and against
 * the plain local registry, alternating, one new commit per round. Prints the median times, their ratio (target:
 * ECR ≤ 1.2 × plain) and the ECR calls per build (target: one GetAuthorizationToken, one BatchGetImage).
 *
 * <pre>
 * scripts/bench EcrImageBenchmark [rounds]
 * </pre>
 *
 * scripts/bench runs it with {@code -Djdk.net.hosts.file=src/test/hosts}, so that the ECR host resolves to loopback.
 */
public final class EcrImageBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("gantry-ecr-bench-");
        SampleService service = SampleService.create(work.resolve("service"));
        try (LocalRegistry plain = LocalRegistry.start(); LocalRegistry behindEcr = LocalRegistry.start();
                EcrStandIn ecr = EcrStandIn.start(behindEcr);
                AwsSdkSettings sdk = AwsSdkSettings.pointAt(ecr, work)) {
            String plainBase = BaseImages.push(plain, "base", 5_000_000);
            String ecrBase = BaseImages.push(behindEcr, "base", 5_000_000);
            ecr.createRepository("proxied", "MUTABLE");
            ecr.createRepository("orders", "IMMUTABLE_WITH_EXCLUSION", "latest", "develop", "dev-latest", "*-SNAPSHOT");
            List<Long> plainTimes = new ArrayList<>();
            List<Long> ecrTimes = new ArrayList<>();
            List<Long> proxyTimes = new ArrayList<>();
            // the stand-in's proxy alone: a token fetched beforehand, given as a settings.xml server (no SDK in the build)
            String password;
            try (software.amazon.awssdk.services.ecr.EcrClient client = software.amazon.awssdk.services.ecr.EcrClient
                    .builder().region(software.amazon.awssdk.regions.Region.US_EAST_1).httpClientBuilder(
                            software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
                String token = new String(java.util.Base64.getDecoder().decode(client.getAuthorizationToken()
                        .authorizationData().get(0).authorizationToken()), java.nio.charset.StandardCharsets.UTF_8);
                password = token.substring(token.indexOf(':') + 1);
            }
            List<String> perBuild = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                service.changeCode(String.valueOf(round));
                String commit = String.format("%012x", 0xabc000L + round) + "0".repeat(28); // sha-<12 hex> differs
                Instant time = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(round);
                long p = publish(request(plain.host(), plainBase, service, commit, time, work.resolve("p" + round), false));
                int before = ecr.calls().size();
                long e = publish(request(ecr.host(), ecrBase, service, commit, time, work.resolve("e" + round), true));
                List<String> calls = ecr.calls().subList(before, ecr.calls().size());
                ImageRequest viaProxy = request(ecr.host(), ecrBase, service, "f" + commit.substring(1), time,
                        work.resolve("x" + round), true);
                long x = publish(ImageRequest.builder().image(new ImagePlan(ecr.host() + "/proxied", false,
                        viaProxy.image().tags())).from(ecrBase).classesDirectory(service.classes())
                        .dependencies(service.dependencies()).mainClass(SampleService.MAIN_CLASS)
                        .commit(viaProxy.commit()).commitTime(time).allowInsecureRegistries(true)
                        .sendCredentialsOverHttp(true).outputDirectory(work.resolve("x" + round))
                        .applicationCache(work.resolve("x" + round).resolve("jib-cache"))
                        .baseImageCache(work.resolve("ecr-base-cache"))
                        .credential(ecr.host(), new dev.gantry.image.RegistryCredential("AWS", password)).build());
                if (round == 0) {
                    continue; // warm-up: JIT, the SDK's first client, Jib's base image cache
                }
                plainTimes.add(p);
                ecrTimes.add(e);
                proxyTimes.add(x);
                perBuild.add(calls.stream().filter(c -> c.equals("GetAuthorizationToken")).count() + " token, "
                        + calls.stream().filter(c -> c.equals("BatchGetImage")).count() + " BatchGetImage");
            }
            long plainMedian = median(plainTimes);
            long ecrMedian = median(ecrTimes);
            System.out.printf("develop deploy, image core, %d rounds after a warm-up (median):%n", rounds);
            System.out.printf("  plain local registry  %6d ms  %s%n", plainMedian, plainTimes);
            System.out.printf("  ECR stand-in          %6d ms  %s%n", ecrMedian, ecrTimes);
            System.out.printf("  stand-in, no SDK      %6d ms  %s  (token given as a settings.xml server)%n",
                    median(proxyTimes), proxyTimes);
            System.out.printf("  ratio ECR / plain     %6.2f   (target <= 1.20)%n", (double) ecrMedian / plainMedian);
            System.out.printf("  ECR calls per build   %s%n", perBuild.stream().distinct().toList());
        }
    }

    static ImageRequest request(String host, String base, SampleService service, String commit, Instant time, Path out,
            boolean ecr) {
        return ImageRequest.builder()
                .image(new ImagePlan(host + "/orders", false, List.of(new ImageTag("sha-" + commit.substring(0, 12), false),
                        new ImageTag("1.1.0-SNAPSHOT", true), new ImageTag("develop", true), new ImageTag("dev-latest", true))))
                .from(base)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(commit)
                .commitTime(time)
                .version("1.1.0-SNAPSHOT")
                .allowInsecureRegistries(true)
                .sendCredentialsOverHttp(ecr)
                .outputDirectory(out)
                .applicationCache(out.resolve("jib-cache"))
                .baseImageCache(out.getParent().resolve(ecr ? "ecr-base-cache" : "plain-base-cache"))
                .build();
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
