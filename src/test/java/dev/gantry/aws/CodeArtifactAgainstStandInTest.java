package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.release.GantryException;
import dev.gantry.testing.AwsSdkSettings;
import dev.gantry.testing.CodeArtifactStandIn;
import dev.gantry.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CodeArtifact repository through the real AWS SDK against the stand-in, for what the invoker ITs leave out because
 * a Maven build would cost more than it shows: keeping the newest N snapshot builds, naming what differs in a release
 * (the one download), credentials the chain lacks, that have expired or that IAM denies, and uploads refused.
 */
class CodeArtifactAgainstStandInTest {

    static final String WHERE = "repository releases in domain acme (owner 123456789012, region us-east-1)";

    @TempDir
    Path dir;
    CodeArtifactStandIn standIn;
    AwsSdkSettings sdk;
    final List<String> logged = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        standIn = CodeArtifactStandIn.start().createRepository("releases").createRepository("snapshots");
        sdk = AwsSdkSettings.pointAt(standIn, dir);
    }

    @AfterEach
    void stop() {
        sdk.close();
        standIn.close();
    }

    ArtifactRepository repository(int keepSnapshots, RemoteRepository.Builder configured) {
        CodeArtifact codeArtifact = new CodeArtifact(new RecordingLog(logged, true), keepSnapshots);
        return codeArtifact.repository(configured.build()).orElseThrow();
    }

    ArtifactRepository repository(int keepSnapshots) {
        return repository("releases", keepSnapshots);
    }

    ArtifactRepository repository(String name, int keepSnapshots) {
        return repository(keepSnapshots, new RemoteRepository.Builder("company", "default", standIn.repositoryUrl(name)));
    }

    ModuleArtifacts module(ArtifactRepository repository, String version) throws Exception {
        Path jar = Files.writeString(dir.resolve("lib-" + version + ".jar"), "the jar of " + version);
        Artifact artifact = new DefaultArtifact("com.acme", "lib", "jar", version).setFile(jar.toFile());
        return new ModuleArtifacts("com.acme:lib", List.of(artifact), repository);
    }

    @Nested
    class KeepingSnapshotBuilds {

        @BeforeEach
        void threeBuildsPublished() {
            for (String build : List.of("1.0-20261120.101530-1", "1.0-20261121.110000-2", "1.0-20261122.080000-3")) {
                standIn.addVersion("snapshots", "com.acme", "lib", build, "Unlisted",
                        Map.of("lib-" + build + ".jar", build.getBytes()));
            }
            standIn.addVersion("snapshots", "com.acme", "lib", "1.0-SNAPSHOT", "Published",
                    Map.of("lib-1.0-20261122.080000-3.jar", "3".getBytes()));
        }

        @Test
        void keeping_two_deletes_all_but_the_newest_two_and_says_which() throws Exception {
            ArtifactRepository snapshots = repository("snapshots", 2);

            snapshots.afterPublish(module(snapshots, "1.0-SNAPSHOT"), true);

            assertThat(standIn.versions("snapshots", "com.acme", "lib")).containsOnlyKeys(
                    "1.0-20261121.110000-2", "1.0-20261122.080000-3", "1.0-SNAPSHOT");
            assertThat(logged).contains("Deleted 1 earlier build of com.acme:lib:1.0-SNAPSHOT from CodeArtifact "
                    + "(repository snapshots in domain acme (owner 123456789012, region us-east-1)), keeping the newest 2: "
                    + "1.0-20261120.101530-1.");
        }

        @Test
        void keeping_none_touches_nothing_and_asks_nothing() throws Exception {
            ArtifactRepository snapshots = repository("snapshots", 0);

            snapshots.afterPublish(module(snapshots, "1.0-SNAPSHOT"), true);

            assertThat(standIn.versions("snapshots", "com.acme", "lib")).hasSize(4);
            assertThat(standIn.calls()).isEmpty();
        }
    }

    @Nested
    class ReleasePublishedWithOtherContent {

        byte[] jar(String entry, String content) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content.getBytes());
                zip.closeEntry();
            }
            return bytes.toByteArray();
        }

        @Test
        void names_the_package_version_the_file_and_the_entries_that_differ_after_one_download() throws Exception {
            standIn.addVersion("releases", "com.acme", "lib", "1.4.0", "Published",
                    Map.of("lib-1.4.0.jar", jar("com/acme/Lib.class", "another build")));
            ArtifactRepository releases = repository(1);
            ModuleArtifacts module = module(releases, "1.4.0");
            Files.write(module.artifacts().get(0).getFile().toPath(), jar("com/acme/Lib.class", "this build"));

            String difference = releases.published(module).copies().get(module.artifacts().get(0)).difference();

            assertThat(difference).startsWith("lib-1.4.0.jar of com.acme:lib:1.4.0 differs in com/acme/Lib.class "
                    + "(changed) (SHA-256 in CodeArtifact ");
            assertThat(standIn.calls()).containsExactly("DescribePackageVersion", "ListPackageVersionAssets",
                    "GetPackageVersionAsset");
        }
    }

    @Nested
    class CredentialsRefused {

        void assertRefused(String message) {
            assertThatThrownBy(() -> {
                ArtifactRepository releases = repository("releases", 1);
                releases.published(module(releases, "1.4.0"));
            }).isInstanceOf(GantryException.class).hasMessageStartingWith(message);
        }

        @Test
        void none_in_the_chain() {
            sdk.close();
            sdk = AwsSdkSettings.withoutCredentials(standIn, dir);

            assertRefused("No AWS credentials for CodeArtifact's DescribePackageVersion of com.acme:lib:1.4.0 in " + WHERE
                    + ": ");
            assertThat(standIn.calls()).isEmpty();
        }

        @Test
        void expired() {
            standIn.expireCredentials(CodeArtifactStandIn.ACCESS_KEY_ID);

            assertRefused("AWS rejected the credentials for CodeArtifact's DescribePackageVersion of com.acme:lib:1.4.0 in "
                    + WHERE + ": ExpiredTokenException (The security token included in the request is expired). They "
                    + "are expired or invalid: refresh them");
        }

        @Test
        void denied_by_iam_naming_the_action_and_the_package() {
            standIn.deny("codeartifact:DescribePackageVersion");

            assertRefused("AWS denied codeartifact:DescribePackageVersion for CodeArtifact's DescribePackageVersion of "
                    + "com.acme:lib:1.4.0 in " + WHERE + " to these credentials: User: arn:aws:iam::123456789012:user/ci is "
                    + "not authorized to perform: codeartifact:DescribePackageVersion");
        }
    }

    @Nested
    class UploadsRefused {

        static final String TRANSFER = "Failed to deploy artifacts: Could not transfer %s from/to company (…): status code: %d, "
                + "reason phrase: %s (%d)";

        @Test
        void a_403_for_a_file_names_publish_package_version_on_the_package() {
            String why = repository("releases", 1).whyDeployFailed(String.format(TRANSFER,
                    "artifact com.acme:lib:jar:1.4.0", 403, "Forbidden", 403));

            assertThat(why).startsWith("CodeArtifact denied the upload to " + WHERE + " (HTTP 403): the credentials the "
                    + "build runs with (the token came from GetAuthorizationToken with them) lack "
                    + "codeartifact:PublishPackageVersion on "
                    + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/lib. Allow");
        }

        @Test
        void a_403_for_metadata_names_put_package_metadata() {
            String why = repository("releases", 1).whyDeployFailed(String.format(TRANSFER,
                    "metadata com.acme:lib/maven-metadata.xml", 403, "Forbidden", 403));

            assertThat(why).contains("lack codeartifact:PutPackageMetadata on "
                    + "arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/com.acme/lib (or "
                    + "codeartifact:ReadFromRepository, to read maven-metadata.xml first).");
        }

        @Test
        void a_401_with_a_settings_server_says_its_token_expired() {
            ArtifactRepository releases = repository(1, new RemoteRepository.Builder("company", "default",
                    standIn.repositoryUrl("releases")).setAuthentication(new AuthenticationBuilder().addUsername("aws")
                    .addPassword("pasted-yesterday").build()));

            assertThat(releases.whyDeployFailed(String.format(TRANSFER, "artifact com.acme:lib:jar:1.4.0", 401,
                    "Unauthorized", 401))).isEqualTo("CodeArtifact refused the token in <server> company of settings.xml "
                    + "for " + WHERE + " (HTTP 401): tokens last 12 hours at most. Remove that <server> to let Gantry "
                    + "fetch a token with the AWS credentials, or put a fresh one there.");
        }

        @Test
        void anything_else_gets_the_generic_advice() {
            assertThat(repository("releases", 1).whyDeployFailed(String.format(TRANSFER,
                    "artifact com.acme:lib:jar:1.4.0", 502, "Bad Gateway", 502))).isNull();
        }
    }
}
