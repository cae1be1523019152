package dev.gantry.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import dev.gantry.testing.HttpMavenRepository;
import dev.gantry.testing.RecordingLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic repository and the publisher over it, through the real Maven Resolver against a Maven repository served
 * over HTTP on loopback with Basic authentication, as Nexus or Artifactory would serve it.
 */
class MavenRepositoryTest {

    private static final RepositorySystem SYSTEM = new RepositorySystemSupplier().get();
    private static final ReleaseOrigin NOT_THIS_COMMITS = ReleaseOrigin.notKnown("no release tag is on this commit abc1234");

    @TempDir
    Path temp;

    private HttpMavenRepository server;
    private DefaultRepositorySystemSession session;
    private MavenRepository repository;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void startRepository() throws IOException {
        server = HttpMavenRepository.start(temp.resolve("served"), "deployer", "s3cret");
        session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(SYSTEM.newLocalRepositoryManager(session, new LocalRepository(temp.resolve("local").toFile())));
        RemoteRepository remote = new RemoteRepository.Builder("releases", "default", server.url())
                .setAuthentication(new AuthenticationBuilder().addUsername("deployer").addPassword("s3cret").build())
                .build();
        repository = new MavenRepository(SYSTEM, session, remote);
    }

    @AfterEach
    void stopRepository() {
        server.close();
    }

    @Nested
    class AReleaseNotPublishedYet {

        @Test
        void isAbsentFileByFile() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");

            PublishedFiles published = repository.published(module);

            assertThat(published.unfinished()).isFalse();
            assertThat(module.artifacts()).allSatisfy(a ->
                    assertThat(published.copies().get(a)).isEqualTo(PublishedFiles.PublishedCopy.ABSENT));
        }

        @Test
        void isPublishedWhole() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");

            Map<Artifact, PublishOutcome> outcomes = publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            assertThat(outcomes.values()).containsOnly(PublishOutcome.PUBLISHED);
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.jar")).exists();
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.pom")).exists();
        }
    }

    @Nested
    class AReleasePublishedWithTheSameBytes {

        @Test
        void isIdenticalFileByFile() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            PublishedFiles published = repository.published(module);

            assertThat(module.artifacts()).allSatisfy(a ->
                    assertThat(published.copies().get(a)).isEqualTo(PublishedFiles.PublishedCopy.IDENTICAL));
        }

        @Test
        void isAlreadyPublishedAndNothingIsUploadedAgain() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            assertThat(rerun.values()).containsOnly(PublishOutcome.ALREADY_PUBLISHED);
            assertThat(uploads("orders-1.1.0.jar")).isEqualTo(1);
            assertThat(uploads("orders-1.1.0.pom")).isEqualTo(1);
            assertThat(log).contains("it.gantry:orders:jar:1.1.0 is already published in " + server.url()
                    + " with identical content.");
        }
    }

    /**
     * Maven 4 publishes its consumer POM as the .pom and the project's POM as the -build.pom; Maven 3.9 the project's POM
     * as the .pom and nothing else. A re-run under Maven 4 of a release Maven 3.9 made finds both differences.
     */
    @Nested
    class AReleaseMadeByMaven39ReRunUnderMaven4 {

        @Test
        void keepsThePublishedPomAndLeavesTheBuildPomOutThoughTheReleaseIsNotKnownToBeThisCommits() throws Exception {
            ModuleArtifacts maven39 = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(maven39), true, NOT_THIS_COMMITS, false);
            ModuleArtifacts maven4 = underMaven4(maven39);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(maven4), true, NOT_THIS_COMMITS, false);

            assertThat(rerun).containsOnlyKeys(maven4.artifacts().subList(0, 2));
            assertThat(rerun.values()).containsOnly(PublishOutcome.ALREADY_PUBLISHED);
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0-build.pom")).doesNotExist();
            assertThat(uploads("orders-1.1.0.pom")).isEqualTo(1);
            assertThat(log).contains("it.gantry:orders 1.1.0 is published in " + server.url() + " as Maven 3.9 publishes "
                    + "it: its orders-1.1.0.pom is the project's POM, which this build (Maven 4) has as "
                    + "orders-1.1.0-build.pom beside its consumer POM. The published orders-1.1.0.pom is kept, and "
                    + "orders-1.1.0-build.pom is left out: a published release gains no files.");
        }

        /** Its publish broke off after the .pom (the jar lost): completed with the jar, as Maven 3.9 published it. */
        @Test
        void whoseJarIsMissingGetsItsJarAndNoBuildPom() throws Exception {
            ModuleArtifacts maven39 = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(maven39), true, NOT_THIS_COMMITS, false);
            Files.delete(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.jar"));
            ModuleArtifacts maven4 = underMaven4(maven39);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(maven4), true, NOT_THIS_COMMITS, false);

            assertThat(rerun).containsEntry(maven4.artifacts().get(1), PublishOutcome.PUBLISHED)
                    .containsEntry(maven4.artifacts().get(0), PublishOutcome.ALREADY_PUBLISHED)
                    .doesNotContainKey(maven4.artifacts().get(2));
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.jar")).exists();
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0-build.pom")).doesNotExist();
        }

        /**
         * Its POM changed since (a re-run of a dirty tree): neither Maven 4's POM nor the project's as written is the
         * published .pom, which, this commit's release, is kept with a warning; the build POM is still not added.
         */
        @Test
        void whosePomChangedSinceGainsNoBuildPom() throws Exception {
            ModuleArtifacts maven39 = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(maven39), true, NOT_THIS_COMMITS, false);
            ModuleArtifacts maven4 = underMaven4(orders("1.1.0", "commit=abc1234"));
            Files.writeString(maven4.artifacts().get(2).getFile().toPath(), "<project><modelVersion>4.0.0</modelVersion>"
                    + "<groupId>it.gantry</groupId><artifactId>orders</artifactId><version>1.1.0</version><!-- changed -->"
                    + "</project>");

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(maven4), true,
                    ReleaseOrigin.thisCommit("its tag v1.1.0 is on this commit abc1234"), false);

            assertThat(rerun).doesNotContainKey(maven4.artifacts().get(2));
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0-build.pom")).doesNotExist();
            assertThat(uploads("orders-1.1.0.pom")).isEqualTo(1);
            assertThat(log).contains("it.gantry:orders 1.1.0 is published in " + server.url() + ": its orders-1.1.0.pom "
                    + "differs from this build's and it has no orders-1.1.0-build.pom, as Maven 3.9 publishes a release "
                    + "(its POM then: changed since, or a plugin's, such as maven-shade-plugin's dependency-reduced POM): "
                    + "orders-1.1.0-build.pom is left out, as a published release gains no "
                    + "files; the orders-1.1.0.pom is judged as any file that differs.");
        }

        /** A release Maven 4 made, whose publish broke off before its build POM: completed with it. */
        @Test
        void aMaven4ReleaseWithoutItsBuildPomGetsIt() throws Exception {
            ModuleArtifacts maven4 = underMaven4(orders("1.1.0", "commit=abc1234"));
            publisher().publish(List.of(maven4.with(maven4.artifacts().subList(0, 2))), true, NOT_THIS_COMMITS, false);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(maven4), true, NOT_THIS_COMMITS, false);

            assertThat(rerun).containsEntry(maven4.artifacts().get(2), PublishOutcome.PUBLISHED);
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0-build.pom")).exists();
            assertThat(log).noneMatch(line -> line.contains("left out"));
        }

        /**
         * A repository manager may list a version itself once its POM arrives (Artifactory does): a version listed with
         * its jar missing is a publish that broke off, and the jar is sent.
         */
        @Test
        void anyOtherMissingFileOfAListedVersionIsSent() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);
            Files.delete(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.jar"));

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            assertThat(rerun).containsEntry(module.artifacts().get(1), PublishOutcome.PUBLISHED);
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.jar")).exists();
            assertThat(log).noneMatch(line -> line.contains("left out"));
        }

        /**
         * A retry of this build's own publish sends what it set out to send: after a failed upload of the build POM, the
         * .pom it finds is the project's POM (this build's, Maven 4 without a consumer POM), yet the build POM is sent.
         */
        @Test
        void isNotLeftOutOfThisBuildsOwnPublishWhenItsUploadFailedOnce() throws Exception {
            ModuleArtifacts module = orders("1.1.0", "commit=abc1234");
            Artifact pom = module.artifacts().get(0);
            List<Artifact> artifacts = new ArrayList<>(module.artifacts());
            artifacts.add(new DefaultArtifact(pom.getGroupId(), pom.getArtifactId(), "build", "pom", pom.getVersion())
                    .setFile(pom.getFile()));
            server.failNextPutOf("orders-1.1.0-build.pom");

            Map<Artifact, PublishOutcome> outcomes = publisher().publish(
                    List.of(new ModuleArtifacts(module.module(), artifacts, module.repository())), true, NOT_THIS_COMMITS,
                    false);

            assertThat(outcomes.values()).containsOnly(PublishOutcome.PUBLISHED);
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0-build.pom")).exists();
            assertThat(log).noneMatch(line -> line.contains("left out"));
        }

        /** The module as Maven 4 builds it: its consumer POM as the .pom, the project's POM as the -build.pom. */
        private ModuleArtifacts underMaven4(ModuleArtifacts maven39) throws IOException {
            Artifact projectPom = maven39.artifacts().get(0);
            Path consumerPom = Files.writeString(temp.resolve("consumer-" + System.nanoTime() + ".pom"),
                    "<project><modelVersion>4.0.0</modelVersion><groupId>it.gantry</groupId><artifactId>orders"
                            + "</artifactId><version>" + projectPom.getVersion() + "</version><!-- consumer --></project>");
            List<Artifact> artifacts = new ArrayList<>(maven39.artifacts());
            artifacts.set(0, projectPom.setFile(consumerPom.toFile()));
            artifacts.add(new DefaultArtifact(projectPom.getGroupId(), projectPom.getArtifactId(), "build", "pom",
                    projectPom.getVersion()).setFile(projectPom.getFile()));
            return new ModuleArtifacts(maven39.module(), artifacts, maven39.repository());
        }
    }

    @Nested
    class AReleasePublishedWithOtherBytes {

        @Test
        void namesTheJarEntryThatDiffers() throws Exception {
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);
            ModuleArtifacts rebuilt = orders("1.1.0", "commit=def5678");

            PublishedFiles published = repository.published(rebuilt);

            Artifact jar = rebuilt.artifacts().get(1);
            assertThat(published.copies().get(jar).difference()).isEqualTo("orders-1.1.0.jar differs in git.properties (changed)");
            assertThat(published.copies().get(rebuilt.artifacts().get(0))).isEqualTo(PublishedFiles.PublishedCopy.IDENTICAL);
        }

        @Test
        void isRefusedBeforeAnyUploadWhenNotThisCommits() throws Exception {
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "commit=def5678")), true, NOT_THIS_COMMITS,
                    false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("This release is already published in " + server.url() + " with different content: "
                            + "orders-1.1.0.jar differs in git.properties (changed). That release is not known to be this "
                            + "commit's (no release tag is on this commit abc1234)");
            assertThat(uploads("orders-1.1.0.jar")).isEqualTo(1);
        }

        @Test
        void isRefusedNamingTheCommitWhoseImageItHoldsAndHowThatCommitsReRunCompletesIt() throws Exception {
            publisher().publish(List.of(orders("1.1.0", "commit=d328546")), true, NOT_THIS_COMMITS, false);
            ReleaseOrigin anotherCommits = ReleaseOrigin.anotherCommits("no release tag is on this commit f44bf4e, and "
                    + "its image registry.example.com/orders:1.1.0 was built from commit d328546", "d328546");

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "commit=f44bf4e")), true, anotherCommits,
                    false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("If d328546's pipeline stopped before tagging it (a failed tag push), re-run "
                            + "the pipeline on commit d328546: it finds the release in place and completes it with its "
                            + "tag; a version is then bumped for this commit's changes. Nothing was published.");
        }

        /**
         * A library has no image to tell whose release it is: a jar whose git.properties (git-commit-id-maven-plugin)
         * names the commit being built, differing in its build time alone, is this commit's release, left untagged by a
         * failed tag push, and the re-run completes it.
         */
        @Test
        void isKeptWithAWarningWhenItsJarNamesTheCommitBeingBuilt() throws Exception {
            String commit = "75dab79c0ffee0000000000000000000000000aa";
            publisher().publish(List.of(orders("1.1.0", "git.commit.id=" + commit + "\ngit.build.time=10:00")), true,
                    NOT_THIS_COMMITS, false);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(
                    List.of(orders("1.1.0", "git.commit.id=" + commit + "\ngit.build.time=10:20")), true,
                    ReleaseOrigin.notKnown("no release tag is on this commit 75dab79", commit), false);

            assertThat(rerun.values()).containsOnly(PublishOutcome.ALREADY_PUBLISHED);
            assertThat(uploads("orders-1.1.0.jar")).isEqualTo(1);
            assertThat(log).contains("WARN This commit's release is already published in " + server.url()
                    + " (its orders-1.1.0.jar was built from this commit 75dab79 (git.commit.id in its git.properties)), "
                    + "and this build differs from it: orders-1.1.0.jar differs in git.properties (changed). The "
                    + "published files are kept as they are: none of them is sent again.");
        }

        /**
         * git-commit-id's full form too: a jar built from another commit is that commit's release, refused with how that
         * commit's re-run completes it.
         */
        @Test
        void isRefusedNamingTheCommitItsJarWasBuiltFrom() throws Exception {
            String other = "d3285460000000000000000000000000000000bb";
            String commit = "f44bf4e0000000000000000000000000000000cc";
            publisher().publish(List.of(orders("1.1.0", "git.commit.id.full=" + other)), true, NOT_THIS_COMMITS, false);

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "git.commit.id.full=" + commit)), true,
                    ReleaseOrigin.notKnown("no release tag is on this commit f44bf4e", commit), false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("That release is not known to be this commit's (no release tag is on this "
                            + "commit f44bf4e, and its orders-1.1.0.jar was built from commit d328546 (git.commit.id in "
                            + "its git.properties))")
                    .hasMessageContaining("re-run the pipeline on commit d328546");
            assertThat(uploads("orders-1.1.0.jar")).isEqualTo(1);
        }

        /** A jar built from uncommitted changes on top of the commit (a local mvn deploy) is no evidence of it. */
        @Test
        void isRefusedWhenItsJarWasBuiltFromATreeWithChanges() throws Exception {
            String commit = "75dab79c0ffee0000000000000000000000000aa";
            publisher().publish(List.of(orders("1.1.0", "git.commit.id=" + commit + "\ngit.dirty=true")), true,
                    NOT_THIS_COMMITS, false);

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "git.commit.id=" + commit
                    + "\ngit.dirty=false")), true, ReleaseOrigin.notKnown("no release tag is on this commit 75dab79",
                    commit), false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("That release is not known to be this commit's (no release tag is on this "
                            + "commit 75dab79)");
        }

        @Test
        void isKeptWithAWarningWhenThisCommits() throws Exception {
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(orders("1.1.0", "commit=def5678")), true,
                    ReleaseOrigin.thisCommit("its tag v1.1.0 is on this commit abc1234"), false);

            assertThat(rerun.values()).containsOnly(PublishOutcome.ALREADY_PUBLISHED);
            assertThat(log).contains("WARN This commit's release is already published in " + server.url()
                    + " (its tag v1.1.0 is on this commit abc1234), and this build differs from it: orders-1.1.0.jar differs in "
                    + "git.properties (changed). The published files are kept as they are: none of them is sent again.");
        }
    }

    @Nested
    class ASnapshot {

        @Test
        void addsATimestampedBuildAtEachPublishAndNothingDeletesTheEarlierOnes() throws Exception {
            publisher().publish(List.of(orders("1.2.0-SNAPSHOT", "build=1")), false, NOT_THIS_COMMITS, false);
            publisher().publish(List.of(orders("1.2.0-SNAPSHOT", "build=2")), false, NOT_THIS_COMMITS, false);

            try (Stream<Path> files = Files.list(server.root().resolve("it/gantry/orders/1.2.0-SNAPSHOT"))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")))
                        .hasSize(2)
                        .allMatch(n -> n.matches("orders-1\\.2\\.0-\\d{8}\\.\\d{6}-[12]\\.jar"));
            }
        }

        @Test
        void isFollowedByNothingInAGenericRepository() throws Exception {
            ModuleArtifacts module = orders("1.2.0-SNAPSHOT", "build=1");
            publisher().publish(List.of(module), false, NOT_THIS_COMMITS, false);
            long before = requestsAfterAllRecorded().size();

            repository.afterPublish(module, true, Set.of());

            // only the look-up that settles the log: nothing was sent, nothing deleted
            assertThat(requestsAfterAllRecorded().subList((int) before, server.requests().size()))
                    .allMatch(r -> r.startsWith("GET ") || r.startsWith("HEAD "));
        }
    }

    /**
     * What the publisher does with the two answers only another kind of repository gives (CodeArtifact's, tested on its
     * own against its stand-in): a version left unfinished, and a failing step after a publish. The repository here is
     * the generic one over the same loopback server, answering as such a repository would.
     */
    @Nested
    class WhatOtherRepositoriesAnswer {

        @Test
        void aVersionLeftUnfinishedIsSentWholeAgainSoThatTheRepositoryFinishesIt() throws Exception {
            ModuleArtifacts published = orders("1.1.0", "commit=abc1234");
            publisher().publish(List.of(published), true, NOT_THIS_COMMITS, false);
            ModuleArtifacts module = on(new Unfinished(repository), published);

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false);

            assertThat(rerun.values()).containsOnly(PublishOutcome.PUBLISHED);
            assertThat(uploads("orders-1.1.0.jar")).isEqualTo(2);
            assertThat(log).contains("it.gantry:orders is in " + server.url() + " but unfinished (an earlier publish broke "
                    + "off before the end): its files are sent again, identical ones included, so that the repository "
                    + "finishes the version.");
        }

        @Test
        void aFailingStepAfterThePublishWarnsAndThePublishStands() throws Exception {
            ModuleArtifacts module = on(new CleanUpFails(repository), orders("1.2.0-SNAPSHOT", "build=1"));

            Map<Artifact, PublishOutcome> outcomes = publisher().publish(List.of(module), false, NOT_THIS_COMMITS, false);

            assertThat(outcomes.values()).containsOnly(PublishOutcome.PUBLISHED);
            assertThat(log).contains("WARN it.gantry:orders is published in " + server.url() + ", but what follows a publish "
                    + "there failed: java.lang.IllegalStateException: DeletePackageVersions answered 500. The published files "
                    + "are in place and the build goes on; the next publish tries again.");
        }
        @Test
        void theStepAfterASnapshotPublishIsToldTheBuildItSent() throws Exception {
            AfterPublishSeen seen = new AfterPublishSeen(repository);
            ModuleArtifacts module = on(seen, orders("1.2.0-SNAPSHOT", "build=1"));

            publisher().publish(List.of(module), false, NOT_THIS_COMMITS, false);

            String sent;
            try (Stream<Path> files = Files.list(server.root().resolve("it/gantry/orders/1.2.0-SNAPSHOT"))) {
                sent = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).findFirst().orElseThrow();
            }
            // orders-1.2.0-20261127.101530-1.jar: the clean-up keeps that build, whatever else it finds
            assertThat(seen.versions).singleElement().asList()
                    .containsExactly(sent.substring("orders-".length(), sent.length() - ".jar".length()));
        }
    }

    @Nested
    class AReleaseWhosePublishBreaksOff {

        /** The check before a retry fails too: the refusal must not say nothing was published, the POM is there. */
        @Test
        void andCannotBeCheckedSaysFilesOfTheAttemptMayBeInPlace() throws Exception {
            server.failNextPutOfThenEveryRead("orders-1.1.0.jar");

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true,
                    NOT_THIS_COMMITS, false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Publishing to repository 'releases' (" + server.url() + ") failed (attempt 1): ")
                    .hasMessageContaining("Before sending the rest again, Gantry checked which files had arrived, and "
                            + "that failed too: Cannot check whether the release is already in repository 'releases'")
                    .hasMessageEndingWith("Files of the failed attempt may be in the repository. Re-run the pipeline once "
                            + "it is fixed: the re-run checks what is in place and sends the rest.")
                    .message().doesNotContainIgnoringCase("nothing was published");
            assertThat(server.root().resolve("it/gantry/orders/1.1.0/orders-1.1.0.pom")).exists();
        }
    }

    /**
     * Resolver sends a release's files first and its artifact's maven-metadata.xml last: a publish that breaks off in
     * between leaves the files without the listing that version ranges, LATEST/RELEASE and update bots read.
     */
    @Nested
    class AReleaseWhoseMetadataNeverArrived {

        Path metadata() {
            return server.root().resolve("it/gantry/orders/maven-metadata.xml");
        }

        @Test
        void isListedWhenTheRetryFindsEveryFileArrived() throws Exception {
            publisher().publish(List.of(orders("1.0.0", "commit=0")), true, NOT_THIS_COMMITS, false);
            server.failNextPutOf("it/gantry/orders/maven-metadata.xml");

            Map<Artifact, PublishOutcome> outcomes = publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true,
                    NOT_THIS_COMMITS, false);

            assertThat(outcomes.values()).containsOnly(PublishOutcome.PUBLISHED);
            assertThat(Files.readString(metadata())).contains("<version>1.0.0</version>", "<version>1.1.0</version>",
                    "<release>1.1.0</release>");
            assertThat(log).contains("it.gantry:orders's maven-metadata.xml in " + server.url() + " did not list 1.1.0 "
                    + "(a publish broke off after the files, before it): listed now.");
        }

        @Test
        void isListedByTheRerunThatFindsTheFilesPublished() throws Exception {
            publisher().publish(List.of(orders("1.0.0", "commit=0")), true, NOT_THIS_COMMITS, false);
            byte[] before = Files.readAllBytes(metadata());
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);
            Files.write(metadata(), before); // as a run that broke off before the listing left it

            Map<Artifact, PublishOutcome> rerun = publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true,
                    NOT_THIS_COMMITS, false);

            assertThat(rerun.values()).containsOnly(PublishOutcome.ALREADY_PUBLISHED);
            assertThat(Files.readString(metadata())).contains("<version>1.0.0</version>", "<version>1.1.0</version>",
                    "<release>1.1.0</release>");
            assertThat(uploads("orders-1.1.0.jar")).as("no file sent again").isEqualTo(1);
        }

        /** The files are in place, then the listing cannot be sent: the refusal says they are published, not "nothing". */
        @Test
        void thatCannotBeSentSaysTheFilesArePublishedAndWhatARerunDoes() throws Exception {
            publisher().publish(List.of(orders("1.0.0", "commit=0")), true, NOT_THIS_COMMITS, false);
            byte[] before = Files.readAllBytes(metadata());
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);
            Files.write(metadata(), before); // as a run that broke off before the listing left it
            server.failNextPutOf("it/gantry/orders/maven-metadata.xml");

            assertThatThrownBy(() -> publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true,
                    NOT_THIS_COMMITS, false))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The files of it.gantry:orders 1.1.0 are published in repository 'releases' ("
                            + server.url() + "), but its maven-metadata.xml, which lists the versions, could not be made to "
                            + "list 1.1.0: sending it failed:")
                    .hasMessageEndingWith("Re-run the pipeline once the repository answers (or its maven-metadata.xml is "
                            + "repaired): the files are found in place, and only the listing is sent.")
                    .hasMessageNotContaining("othing was published");
        }

        @Test
        void costsTheRerunOfAWholePublishOneLookAndNoWrite() throws Exception {
            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);
            int before = requestsAfterAllRecorded().size();

            publisher().publish(List.of(orders("1.1.0", "commit=abc1234")), true, NOT_THIS_COMMITS, false);

            assertThat(requestsAfterAllRecorded().subList(before, server.requests().size()))
                    .noneMatch(r -> r.startsWith("PUT "))
                    .filteredOn(r -> r.endsWith("maven-metadata.xml 200")).hasSize(1);
        }
    }

    /**
     * {@code -DaltDeploymentRepository=id::https://user:token@host/…} puts the credentials in the URL, and Resolver names
     * the repository by its URL in its messages: none of it reaches the log or the refusal, its causes included (Maven
     * prints them with -e and -X).
     */
    @Nested
    class ARepositoryUrlWithCredentials {

        static final String TOKEN = "t0ken-in-the-url";

        ModuleArtifacts unreachable(String version) throws IOException {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort(); // closed again: nothing answers there
            }
            RemoteRepository remote = new RemoteRepository.Builder("alt", "default",
                    "http://ci:" + TOKEN + "@127.0.0.1:" + port + "/repo").build();
            return on(new MavenRepository(SYSTEM, session, remote), orders(version, "build=1"));
        }

        @Test
        void aFailedDeployShowsThemNowhere() throws Exception {
            ModuleArtifacts module = unreachable("1.2.0-SNAPSHOT");

            Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(
                    () -> publisher().publish(List.of(module), false, NOT_THIS_COMMITS, false));

            assertThat(refusal).isInstanceOf(GantryException.class).hasMessageContaining("http://127.0.0.1:")
                    .hasMessageContaining("after 3 attempts");
            for (Throwable t = refusal; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
            assertThat(log).hasSize(2).noneMatch(line -> line.contains(TOKEN));
        }

        /**
         * Maven's transfer log prints each upload's URL ("Uploading to alt: http://…"): the credentials are moved out
         * of the URL into the repository's authentication, with which the upload still authenticates.
         */
        @Test
        void areMovedOutOfTheUrlThatMavensTransferLogPrintsAndStillAuthenticate() throws Exception {
            String url = server.url().replace("://", "://deployer:s3cret@");
            List<String> transferred = new ArrayList<>();
            session.setTransferListener(new org.eclipse.aether.transfer.AbstractTransferListener() {
                @Override
                public void transferInitiated(org.eclipse.aether.transfer.TransferEvent event) {
                    transferred.add(event.getResource().getRepositoryUrl() + event.getResource().getResourceName());
                }
            });
            RemoteRepository moved = UrlCredentials.movedToAuthentication(
                    new RemoteRepository.Builder("alt", "default", url).build());

            publisher().publish(List.of(on(new MavenRepository(SYSTEM, session, moved), orders("1.2.0", "build=1"))),
                    true, NOT_THIS_COMMITS, false);

            assertThat(moved.getUrl()).isEqualTo(server.url());
            assertThat(server.root().resolve("it/gantry/orders/1.2.0/orders-1.2.0.jar")).exists();
            assertThat(transferred).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith(server.url())
                    .doesNotContain("s3cret").doesNotContain("deployer@"));
        }

        /**
         * The URL's credentials win over settings.xml's for the same id, as they did when Resolver's transport read them
         * from the URL: a platform's settings.xml with stale credentials for that id does not turn a working pipeline
         * into a 401.
         */
        @Test
        void winOverTheCredentialsOfSettings() throws Exception {
            RemoteRepository moved = UrlCredentials.movedToAuthentication(new RemoteRepository.Builder("alt", "default",
                    server.url().replace("://", "://deployer:s3cret@"))
                    .setAuthentication(new AuthenticationBuilder().addUsername("stale").addPassword("wrong").build())
                    .build());

            publisher().publish(List.of(on(new MavenRepository(SYSTEM, session, moved), orders("1.2.0", "build=1"))),
                    true, NOT_THIS_COMMITS, false);

            assertThat(server.root().resolve("it/gantry/orders/1.2.0/orders-1.2.0.jar")).exists();
        }

        /** A token with an '@' left unencoded, and Maven's dav: prefix, which java.net.URI reads no user information in. */
        @Test
        void areFoundInUrlsThatJavaNetUriReadsNoneIn() {
            assertThat(UrlCredentials.movedToAuthentication(new RemoteRepository.Builder("alt", "default",
                    "https://ci:" + TOKEN + "@x@repo.example.com:8443/releases/").build()).getUrl())
                    .isEqualTo("https://repo.example.com:8443/releases/");
            assertThat(UrlCredentials.movedToAuthentication(new RemoteRepository.Builder("alt", "default",
                    "dav:https://ci:" + TOKEN + "@repo.example.com/releases/").build()).getUrl())
                    .isEqualTo("dav:https://repo.example.com/releases/");
            RemoteRepository plain = new RemoteRepository.Builder("alt", "default",
                    "https://repo.example.com/releases/me@example.com/").build();
            assertThat(UrlCredentials.movedToAuthentication(plain)).isSameAs(plain);
        }

        @Test
        void aReleaseCheckThatCannotReadTheRepositoryShowsThemNowhere() throws Exception {
            ModuleArtifacts module = unreachable("1.1.0");

            Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(
                    () -> publisher().publish(List.of(module), true, NOT_THIS_COMMITS, false));

            assertThat(refusal).isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Cannot check whether the release is already in repository 'alt'");
            for (Throwable t = refusal; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
        }
    }

    /**
     * A repository that answers 401 without credentials: what the refusal tells the user to do. The CodeArtifact advice
     * only when the caller says the URL is a CodeArtifact look-alike ({@code ArtifactRepositories} knows), whatever the
     * URL or the failure's text.
     */
    @Nested
    class WithoutCredentials {

        /** Resolves to loopback in the tests (src/test/hosts); under the server's path, no CodeArtifact form. */
        static final String CODEARTIFACT_HOST = "acme-123456789012.d.codeartifact.us-east-1.amazonaws.com";
        static final String LOOK_ALIKE_HINT = "The URL names an AWS CodeArtifact host, but not in a form Gantry "
                + "recognises, so it fetched no CodeArtifact token for it: use the URL that aws codeartifact "
                + "get-repository-endpoint --format maven prints, https://<domain>-<owner>.d.codeartifact.<region>"
                + ".amazonaws.com/maven/<repository>/ (or its dual-stack or VPC endpoint form: Gantry's "
                + "docs/codeartifact.md).";

        String url;

        private Throwable publishedWithoutCredentials(String host, boolean codeArtifactLookAlike, String version)
                throws Exception {
            url = server.url().replace("127.0.0.1", host);
            RemoteRepository remote = new RemoteRepository.Builder("releases", "default", url).build();
            ModuleArtifacts module = on(new MavenRepository(SYSTEM, session, remote, codeArtifactLookAlike),
                    orders(version, "build=1"));
            boolean release = !version.endsWith("-SNAPSHOT");
            return org.assertj.core.api.Assertions.catchThrowable(
                    () -> publisher().publish(List.of(module), release, NOT_THIS_COMMITS, false));
        }

        @Test
        void anyRepositorySaysToAddAServerToSettings() throws Exception {
            assertThat(publishedWithoutCredentials("127.0.0.1", false, "1.2.0-SNAPSHOT")).isInstanceOf(GantryException.class)
                    .hasMessageContaining("The repository asked for credentials: add a <server> with <id>releases</id>");
        }

        @Test
        void aCodeArtifactLookAlikeSaysWhichUrlToUseWhenItsPublishIsRefused() throws Exception {
            assertThat(publishedWithoutCredentials(CODEARTIFACT_HOST, true, "1.2.0-SNAPSHOT"))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("Publishing to repository 'releases' (" + url + ") failed: ")
                    .hasMessageContaining("401")
                    .hasMessageEndingWith(". " + LOOK_ALIKE_HINT + " Re-run the pipeline once it is fixed: what was "
                            + "published is kept.")
                    .hasMessageNotContaining("settings.xml");
        }

        @Test
        void aCodeArtifactLookAlikeSaysWhichUrlToUseWhenItsReleaseCannotBeChecked() throws Exception {
            assertThat(publishedWithoutCredentials(CODEARTIFACT_HOST, true, "1.2.0"))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("Cannot check whether the release is already in repository 'releases' (" + url + "): "
                            + "The following artifacts could not be resolved: it.gantry:orders:pom:1.2.0 (absent): "
                            + "Could not transfer artifact it.gantry:orders:pom:1.2.0 from/to releases (" + url + "): "
                            + "status code: 401, reason phrase: Unauthorized (401). " + LOOK_ALIKE_HINT
                            + " Nothing was published.");
        }

        @Test
        void aCodeArtifactHostTheCallerDoesNotCallALookAlikeGetsTheGenericAdvice() throws Exception {
            // the wording goes by what the caller says, never by matching the URL: no second recogniser in the core
            assertThat(publishedWithoutCredentials(CODEARTIFACT_HOST, false, "1.2.0"))
                    .isInstanceOf(GantryException.class)
                    .hasMessageContaining("401")
                    .hasMessageContaining("The repository asked for credentials: add a <server> with <id>releases</id>")
                    .hasMessageNotContaining("CodeArtifact");
        }

        @Test
        void aCodeArtifactLookAlikeGetsTheGenericAdviceForAnythingButA401() {
            MavenRepository lookAlike = new MavenRepository(SYSTEM, session,
                    new RemoteRepository.Builder("releases", "default", "https://" + CODEARTIFACT_HOST + "/x/").build(), true);
            assertThat(lookAlike.whyDeployFailed("status code: 401, reason phrase: Unauthorized (401)"))
                    .isEqualTo(LOOK_ALIKE_HINT);
            assertThat(lookAlike.whyDeployFailed("status code: 403, reason phrase: Forbidden (403)")).isNull();
            assertThat(repository.whyDeployFailed("status code: 401, reason phrase: Unauthorized (401)")).isNull();
        }
    }

    private static ModuleArtifacts on(ArtifactRepository other, ModuleArtifacts module) {
        return new ModuleArtifacts(module.module(), module.artifacts(), other);
    }

    /** The generic repository over the same server, answering as another kind would where a subclass says. */
    private abstract static class Forwarding implements ArtifactRepository {

        final MavenRepository files;

        Forwarding(MavenRepository files) {
            this.files = files;
        }

        @Override
        public RemoteRepository remote() {
            return files.remote();
        }

        @Override
        public PublishedFiles published(ModuleArtifacts module) throws GantryException {
            return files.published(module);
        }

        @Override
        public boolean listRelease(ModuleArtifacts module) throws GantryException {
            return files.listRelease(module);
        }

        @Override
        public void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
        }
    }

    /** A repository that holds the version but has not finished it, as CodeArtifact reports {@code Unfinished}. */
    private static final class Unfinished extends Forwarding {

        Unfinished(MavenRepository files) {
            super(files);
        }

        @Override
        public PublishedFiles published(ModuleArtifacts module) throws GantryException {
            return new PublishedFiles(files.published(module).copies(), true, false);
        }
    }

    /** A repository that records the versions each step after a publish is given. */
    private static final class AfterPublishSeen extends Forwarding {

        final List<List<String>> versions = new ArrayList<>();

        AfterPublishSeen(MavenRepository files) {
            super(files);
        }

        @Override
        public void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
            versions.add(List.copyOf(publishedVersions));
        }
    }

    /** A repository whose clean-up after a publish fails, as CodeArtifact's can. */
    private static final class CleanUpFails extends Forwarding {

        CleanUpFails(MavenRepository files) {
            super(files);
        }

        @Override
        public void afterPublish(ModuleArtifacts module, boolean snapshot, Set<String> publishedVersions) {
            throw new IllegalStateException("DeletePackageVersions answered 500");
        }
    }

    /** How many times a file was uploaded, once every earlier request is in the server's log. */
    private long uploads(String fileName) throws GantryException {
        return requestsAfterAllRecorded().stream()
                .filter(r -> r.startsWith("PUT ") && r.endsWith("/" + fileName + " 201")).count();
    }

    /**
     * The server's request log once it holds every request made so far: it serves one request at a time and logs each
     * after answering it, so a further look-up (its own requests aside) settles it.
     */
    private List<String> requestsAfterAllRecorded() throws GantryException {
        repository.published(new ModuleArtifacts("settle", List.of(
                new DefaultArtifact("it.gantry", "settle", "", "pom", "0").setFile(temp.toFile())), repository));
        return server.requests();
    }

    private ArtifactPublisher publisher() {
        return new ArtifactPublisher(SYSTEM, session, new RecordingLog(log, false));
    }

    /** The module {@code it.gantry:orders} at this version: its pom, and a jar whose git.properties holds {@code gitProperties}. */
    private ModuleArtifacts orders(String version, String gitProperties) throws IOException {
        Path dir = Files.createTempDirectory(temp, "build");
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>it.gantry"
                + "</groupId><artifactId>orders</artifactId><version>" + version + "</version></project>");
        Path jar = dir.resolve("orders.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "it/gantry/orders/Orders.class", "class bytes");
            entry(zip, "git.properties", gitProperties);
        }
        return new ModuleArtifacts("it.gantry:orders", List.of(
                new DefaultArtifact("it.gantry", "orders", "", "pom", version).setFile(pom.toFile()),
                new DefaultArtifact("it.gantry", "orders", "", "jar", version).setFile(jar.toFile())), repository);
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L); // reproducible, as project.build.outputTimestamp makes a jar
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
