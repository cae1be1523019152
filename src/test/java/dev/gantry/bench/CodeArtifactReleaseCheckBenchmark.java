package dev.gantry.bench;

import dev.gantry.aws.CodeArtifact;
import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.PublishedFiles.PublishedCopy;
import dev.gantry.release.GantryLog;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.CodeArtifactStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Not a test: the release check of a re-run, a 10-module reactor whose release is already published in CodeArtifact
 * (the stand-in, real SDK), each module a pom, a jar of 1 MB and a sources jar. Prints the median time of the whole
 * check per build (a new {@link CodeArtifact} each round, so the SDK client is made each time as in a build; target
 * ≤ 1 s), the API calls per build (target: at most 2 per module), and whether any token or file download was asked
 * (target: none).
 *
 * <pre>
 * scripts/bench CodeArtifactReleaseCheckBenchmark [rounds] [modules]
 * </pre>
 */
public final class CodeArtifactReleaseCheckBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int moduleCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("gantry-codeartifact-bench-");
        try (CodeArtifactStandIn standIn = CodeArtifactStandIn.start().createRepository("releases");
                AwsSdkSettings sdk = AwsSdkSettings.pointAt(standIn, work);
                CodeArtifact target = new CodeArtifact(GantryLog.SILENT, 1)) {
            String url = standIn.repositoryUrl("releases");
            // the modules name their repository as the publish goal's do; each round asks through a fresh one
            List<ModuleArtifacts> modules = publishReactor(standIn, url, work, moduleCount, target.repository(
                    new RemoteRepository.Builder("company", "default", url).build()).orElseThrow());
            List<Long> times = new ArrayList<>();
            List<String> perBuild = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                int before = standIn.calls().size();
                long start = System.nanoTime();
                try (CodeArtifact codeArtifact = new CodeArtifact(GantryLog.SILENT, 1)) {
                    ArtifactRepository releases = codeArtifact.repository(
                            new RemoteRepository.Builder("company", "default", url).build()).orElseThrow();
                    for (ModuleArtifacts module : modules) {
                        if (!releases.published(module).copies().values().stream().allMatch(PublishedCopy.IDENTICAL::equals)) {
                            throw new IllegalStateException("not identical: " + module.module());
                        }
                    }
                }
                long took = (System.nanoTime() - start) / 1_000_000;
                List<String> calls = standIn.calls().subList(before, standIn.calls().size());
                if (round == 0) {
                    continue; // warm-up: JIT, the SDK's first client
                }
                times.add(took);
                perBuild.add(calls.stream().filter(c -> !c.contains(" ")).count() + " API calls ("
                        + calls.stream().filter(c -> c.equals("GetAuthorizationToken")).count() + " token), "
                        + calls.stream().filter(c -> c.startsWith("GET ")).count() + " downloads");
            }
            System.out.printf("release check of a re-run, %d modules already published, %d rounds after a warm-up:%n",
                    moduleCount, rounds);
            System.out.printf("  median %6d ms  %s  (target <= 1000 ms)%n", median(times), times);
            System.out.printf("  per build  %s  (target: <= %d API calls, no token, no download)%n",
                    perBuild.stream().distinct().toList(), 2 * moduleCount);
        }
    }

    /** Publishes each module's files and its maven-metadata.xml as Maven's transport does. */
    static List<ModuleArtifacts> publishReactor(CodeArtifactStandIn standIn, String url, Path work, int count,
            ArtifactRepository repository)
            throws Exception {
        String token;
        try (CodeartifactClient client = CodeartifactClient.builder().region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            token = client.getAuthorizationToken(r -> r.domain(CodeArtifactStandIn.DOMAIN)).authorizationToken();
        }
        HttpClient https = HttpClient.newBuilder().sslContext(standIn.certificate().clientContext()).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[1 << 20];
        new java.util.Random(1).nextBytes(big);
        List<ModuleArtifacts> modules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "module" + i;
            List<Artifact> artifacts = List.of(
                    file(work, id, "", "pom", ("<project><artifactId>" + id + "</artifactId></project>").getBytes()),
                    file(work, id, "", "jar", big),
                    file(work, id, "sources", "jar", ("sources of " + id).getBytes()));
            for (Artifact a : artifacts) {
                String name = id + "-1.4.0" + (a.getClassifier().isEmpty() ? "" : "-" + a.getClassifier()) + "."
                        + a.getExtension();
                put(https, auth, url + "com/acme/" + id + "/1.4.0/" + name, Files.readAllBytes(a.getFile().toPath()));
            }
            put(https, auth, url + "com/acme/" + id + "/maven-metadata.xml", ("<metadata><groupId>com.acme</groupId>"
                    + "<artifactId>" + id + "</artifactId><versioning><release>1.4.0</release><versions><version>1.4.0"
                    + "</version></versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8));
            modules.add(new ModuleArtifacts("com.acme:" + id, artifacts, repository));
        }
        return modules;
    }

    static Artifact file(Path work, String id, String classifier, String extension, byte[] bytes) throws Exception {
        Path file = Files.createTempFile(work, id, "." + extension);
        Files.write(file, bytes);
        return new DefaultArtifact("com.acme", id, classifier, extension, "1.4.0").setFile(file.toFile());
    }

    static void put(HttpClient https, String auth, String url, byte[] bytes) throws Exception {
        HttpResponse<Void> response = https.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + ": " + response.statusCode());
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
