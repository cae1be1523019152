package dev.gantry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.git.GitFixture;
import dev.gantry.git.GitRepository;
import dev.gantry.git.ReleaseTagger;
import dev.gantry.git.TagOutcome;
import dev.gantry.image.ImagePublisher;
import dev.gantry.image.ImageRequest;
import dev.gantry.image.ImageResult;
import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.MavenRepository;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LocalRegistry;
import dev.gantry.testing.RecordingLog;
import dev.gantry.testing.SampleService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipelines at once, in-process: two threads each run the release steps through the core classes the goals use
 * (image publish, artifact publish, tag) against the real registry, a file Maven repository and a real bare git
 * remote, each thread with its own clone, started together on a barrier. Repeated {@value #RUNS} times.
 *
 * <p>What in-process leaves out: the mojos' own checks (the plan, the end-of-reactor barrier) and Jib's build itself,
 * which {@code JibRunner} runs one at a time per JVM (a JVM-wide Jib property); the look-ups, tag moves and git pushes
 * do race. Two Maven builds are separate JVMs, where two Jib pushes also overlap: the registry keeps blobs by digest,
 * so that overlap adds no state of its own.
 */
class ConcurrentPipelinesTest {

    static final int RUNS = 20;
    static final RepositorySystem RESOLVER = new RepositorySystemSupplier().get();
    static final Instant OLDER = Instant.parse("2026-11-20T10:15:30Z");
    static final Instant NEWER = Instant.parse("2026-11-20T10:16:30Z");

    static LocalRegistry registry;
    static String base;

    @TempDir
    Path dir;
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
        base = BaseImages.push(registry, "base", 50_000);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    ImageRequest image(SampleService service, String repository, List<ImageTag> tags, String commit, Instant time,
            String version) {
        return ImageRequest.builder()
                .image(new ImagePlan(registry.host() + "/" + repository, false, tags))
                .from(base)
                .classesDirectory(service.classes())
                .dependencies(service.dependencies())
                .mainClass(SampleService.MAIN_CLASS)
                .commit(commit)
                .commitTime(time)
                .version(version)
                .allowInsecureRegistries(true)
                .outputDirectory(dir.resolve("target/gantry-" + commit + "-" + Thread.currentThread().getId()))
                .applicationCache(dir.resolve("jib-cache-" + Thread.currentThread().getId()))
                .baseImageCache(dir.resolve("base-cache"))
                .build();
    }

    ImageResult push(ImageRequest request) throws GantryException {
        return new ImagePublisher(new RecordingLog(logged, false), Map.of()).publish(request);
    }

    /** Runs both pipelines at once and returns each one's outcome: what it did, or the message it ended with. */
    static List<String> race(Callable<String> first, Callable<String> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<String>> runs = new ArrayList<>();
            for (Callable<String> pipeline : List.of(first, second)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    try {
                        return pipeline.call();
                    } catch (GantryException e) {
                        return "REFUSED " + e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void two_builds_of_the_same_release_commit_make_one_release_and_the_other_finds_it_done() throws Exception {
        SampleService service = SampleService.create(dir.resolve("service"));
        Path served = dir.resolve("maven-repository");
        for (int run = 1; run <= RUNS; run++) {
            String version = "1." + run + ".0";
            GitFixture remote = GitFixture.bareRemote(dir.resolve("remote-" + run + ".git"));
            GitFixture work = GitFixture.init(dir.resolve("work-" + run)).addRemote("origin", remote);
            String commit = work.commitPom(version);
            work.push("origin", "main");
            List<ImageTag> tags = List.of(new ImageTag(version, false), new ImageTag("sha-" + commit.substring(0, 12), false),
                    new ImageTag("latest", true));
            List<Callable<String>> pipelines = new ArrayList<>();
            for (String clone : List.of("a", "b")) {
                Path checkout = GitFixture.cloneOf(remote, dir.resolve("clone-" + run + clone)).dir();
                pipelines.add(() -> {
                    ImageResult image = push(image(service, "orders", tags, commit, OLDER, version));
                    Map<Artifact, PublishOutcome> artifacts = publish(served, version, clone);
                    try (GitRepository git = GitRepository.open(checkout, "origin", GantryLog.SILENT)) {
                        TagOutcome tag = new ReleaseTagger(git).tagRelease("v" + version, "Release " + version, false);
                        return "image pushed " + image.pushed() + " in place " + image.inPlace() + "; artifacts "
                                + artifacts.values() + "; tag " + tag.action();
                    }
                });
            }

            List<String> outcomes = race(pipelines.get(0), pipelines.get(1));

            System.out.println("RACE release " + run + ": " + outcomes);
            assertThat(outcomes).as("each pipeline completes or finds the release done").noneMatch(o -> o.startsWith("REFUSED"));
            // one creates the tag, the other finds it in place; both "create" it only when both made the very same
            // tag object (same name, message, tagger and second): the remote then holds that one object
            assertThat(outcomes).allMatch(o -> o.endsWith("tag CREATED") || o.endsWith("tag ALREADY_IN_PLACE"))
                    .anyMatch(o -> o.endsWith("tag CREATED"));
            assertThat(remote.taggedCommit("v" + version)).isEqualTo(commit);
            assertThat(remote.git("for-each-ref", "refs/tags").lines()).hasSize(1);
            String digest = registry.digest("orders", version);
            assertThat(registry.digest("orders", "sha-" + commit.substring(0, 12))).isEqualTo(digest);
            assertThat(registry.digest("orders", "latest")).isEqualTo(digest);
            assertThat(Files.readString(served.resolve("com/acme/orders/" + version + "/orders-" + version + ".jar")))
                    .isEqualTo("classes of " + version);
        }
    }

    Map<Artifact, PublishOutcome> publish(Path served, String version, String pipeline) throws Exception {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(RESOLVER.newLocalRepositoryManager(session,
                new LocalRepository(dir.resolve("local-" + pipeline).toFile())));
        RemoteRepository remote = new RemoteRepository.Builder("releases", "default", served.toUri().toString()).build();
        Path files = Files.createDirectories(dir.resolve("build-" + pipeline + "-" + version));
        Artifact pom = new DefaultArtifact("com.acme", "orders", "", "pom", version).setFile(Files.writeString(
                files.resolve("pom.xml"), "<project><version>" + version + "</version></project>", StandardCharsets.UTF_8).toFile());
        Artifact jar = new DefaultArtifact("com.acme", "orders", "", "jar", version).setFile(Files.writeString(
                files.resolve("orders.jar"), "classes of " + version, StandardCharsets.UTF_8).toFile());
        ModuleArtifacts module = new ModuleArtifacts("com.acme:orders", List.of(pom, jar),
                new MavenRepository(RESOLVER, session, remote));
        return new ArtifactPublisher(RESOLVER, session, new RecordingLog(logged, false))
                .publish(List.of(module), true, ReleaseOrigin.notKnown("no release tag is on this commit yet"), false);
    }

    @Test
    void two_develop_commits_racing_leave_the_moving_tags_on_the_newer_commits_image() throws Exception {
        SampleService older = SampleService.create(dir.resolve("older"));
        SampleService newer = SampleService.create(dir.resolve("newer"));
        newer.changeCode("newer");
        String olderCommit = "1111111111111111111111111111111111111111";
        String newerCommit = "2222222222222222222222222222222222222222";
        for (int run = 1; run <= RUNS; run++) {
            String repository = "develop-" + run;
            // the older commit's pipeline starts first on odd runs, second on even ones
            Callable<String> olderPipeline = () -> "older " + push(image(older, repository, developTags(olderCommit),
                    olderCommit, OLDER, "1.0.0-SNAPSHOT")).pushed();
            Callable<String> newerPipeline = () -> "newer " + push(image(newer, repository, developTags(newerCommit),
                    newerCommit, NEWER, "1.0.0-SNAPSHOT")).pushed();

            List<String> outcomes = run % 2 == 1 ? race(olderPipeline, newerPipeline) : race(newerPipeline, olderPipeline);

            System.out.println("RACE develop " + run + ": " + outcomes);
            assertThat(outcomes).noneMatch(o -> o.startsWith("REFUSED"));
            String newest = registry.digest(repository, "sha-222222222222");
            assertThat(registry.digest(repository, "sha-111111111111")).isNotEqualTo(newest);
            for (String moving : List.of("1.0.0-SNAPSHOT", "develop", "dev-latest")) {
                assertThat(registry.digest(repository, moving)).as(moving + " in run " + run).isEqualTo(newest);
            }
        }
    }

    @Test
    void a_later_build_of_an_older_commit_leaves_the_moving_tags_on_the_newer_commits_image() throws Exception {
        SampleService older = SampleService.create(dir.resolve("older"));
        SampleService newer = SampleService.create(dir.resolve("newer"));
        newer.changeCode("newer");
        String newest = push(image(newer, "rerun-old", developTags("2222222222222222222222222222222222222222"),
                "2222222222222222222222222222222222222222", NEWER, "1.0.0-SNAPSHOT")).digest();

        ImageResult rerun = push(image(older, "rerun-old", developTags("1111111111111111111111111111111111111111"),
                "1111111111111111111111111111111111111111", OLDER, "1.0.0-SNAPSHOT"));

        assertThat(rerun.pushed()).containsExactly("sha-111111111111");
        // release.json's words: the moving tags are not this image's, nor reported as if they were
        assertThat(rerun.inPlace()).isEmpty();
        assertThat(rerun.kept()).containsOnlyKeys("1.0.0-SNAPSHOT", "develop", "dev-latest")
                .containsValue("kept-on-later-commit");
        assertThat(registry.digest("rerun-old", "develop")).isEqualTo(newest);
        assertThat(logged).contains("WARN The tag develop of " + registry.host() + "/rerun-old stays on the image of a "
                + "newer commit (committed " + NEWER + "; this build's commit: " + OLDER + "): another pipeline of a later "
                + "commit moved it first. Nothing to do: a moving tag never goes back to an older commit.");
    }

    static List<ImageTag> developTags(String commit) {
        return List.of(new ImageTag("sha-" + commit.substring(0, 12), false), new ImageTag("1.0.0-SNAPSHOT", true),
                new ImageTag("develop", true), new ImageTag("dev-latest", true));
    }
}
