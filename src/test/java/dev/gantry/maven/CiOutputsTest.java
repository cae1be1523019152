package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryException;
import dev.gantry.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiOutputsTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static final Handoff RELEASE = new Handoff(true, false, "1.4.0", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders",
            DIGEST, List.of("1.4.0", "sha-0123456789ab", "latest"), "v1.4.0", null, null, 2);

    private static final Handoff NOTHING = new Handoff(false, false, "1.4.1-SNAPSHOT", null, null, List.of(), null, null, null, 0);

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    @Nested
    class OnGitHubActions {

        @Test
        void aReleaseGivesTheStepItsOutputsAsNameValueLinesWithTheImageByDigest() throws Exception {
            Path output = Files.writeString(dir.resolve("output"), "earlier=kept\n");
            write(RELEASE, github(output, dir.resolve("summary")));

            assertThat(Files.readAllLines(output)).containsExactly("earlier=kept", "released=true", "version=1.4.0",
                    "image=123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@" + DIGEST, "image-digest=" + DIGEST,
                    "git-tag=v1.4.0", "environment-tag=");
        }

        @Test
        void theJobSummaryGetsATableOfWhatWasReleased() throws Exception {
            Path summary = dir.resolve("summary");
            write(RELEASE, github(dir.resolve("output"), summary));

            assertThat(Files.readString(summary)).contains("### Gantry: released 1.4.0",
                    "| image | `123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@" + DIGEST + "` |",
                    "| image tags | `1.4.0`, `sha-0123456789ab`, `latest` |", "| artifacts | 2 files |",
                    "| git tag | `v1.4.0` |");
        }

        @Test
        void aPipeOrABacktickInANameKeepsTheTableWhole() throws Exception {
            Path summary = dir.resolve("summary");
            Handoff odd = new Handoff(true, false, "1.4.0|b", null, null, List.of(), "v`1.4.0", null, null, 0);
            write(odd, github(dir.resolve("output"), summary));

            assertThat(Files.readString(summary)).contains("| version | `1.4.0\\|b` |", "| git tag | `` v`1.4.0 `` |");
        }

        @Test
        void nothingToReleaseSaysReleasedFalseWithEmptyValues() throws Exception {
            Path output = dir.resolve("output");
            write(NOTHING, github(output, dir.resolve("summary")));

            assertThat(Files.readAllLines(output)).containsExactly("released=false", "version=1.4.1-SNAPSHOT", "image=",
                    "image-digest=", "git-tag=", "environment-tag=");
            assertThat(Files.readString(dir.resolve("summary"))).contains("### Gantry: nothing released (1.4.1-SNAPSHOT)");
        }

        @Test
        void aValueWithALineBreakTakesTheDelimiterForm() {
            String text = CiOutputs.outputs(List.of(new Handoff.Value("version", "1\n2")));

            String[] lines = text.split("\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[0]).startsWith("version<<ghadelimiter_");
            assertThat(lines[3]).isEqualTo(lines[0].substring("version<<".length()));
            assertThat(lines[1] + "\n" + lines[2]).isEqualTo("1\n2");
        }

        @Test
        void withoutTheOutputVariablesTheReleaseStandsAndTheLogSaysWhereTheFactsAre() throws Exception {
            write(RELEASE, Map.of("GITHUB_ACTIONS", "true"));

            assertThat(logged).anyMatch(l -> l.contains("GITHUB_OUTPUT is not set"));
            assertThat(dir.resolve("gantry/release.env")).exists();
        }

        @Test
        void anUnwritableOutputFileFailsTheBuildSayingTheReleaseIsComplete() {
            Path notAFile = dir; // a directory cannot be appended to
            assertThatThrownBy(() -> write(RELEASE, github(notAFile, dir.resolve("summary"))))
                    .isInstanceOf(GantryException.class)
                    .hasMessageStartingWith("The release is complete, but writing its outputs to GITHUB_OUTPUT (" + notAFile)
                    .hasMessageContaining("re-run the job: the release is found in place");
        }
    }

    @Nested
    class Everywhere {

        @Test
        void releaseEnvIsADotenvFileThatGitLabAndCodeBuildRead() throws Exception {
            write(RELEASE, Map.of());

            assertThat(Files.readAllLines(dir.resolve("gantry/release.env"))).containsExactly("GANTRY_RELEASED=true",
                    "GANTRY_VERSION=1.4.0", "GANTRY_IMAGE=123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@" + DIGEST,
                    "GANTRY_IMAGE_DIGEST=" + DIGEST, "GANTRY_GIT_TAG=v1.4.0",
                    "GANTRY_ENVIRONMENT_TAG=");
        }

        @Test
        void outsideGitHubActionsNoGitHubFileIsWritten() throws Exception {
            Path output = dir.resolve("output");
            write(RELEASE, Map.of("GITHUB_ACTIONS", "false", "GITHUB_OUTPUT", output.toString()));

            assertThat(output).doesNotExist();
        }
    }

    private void write(Handoff handoff, Map<String, String> env) throws GantryException {
        new CiOutputs(dir.resolve("gantry"), env, new RecordingLog(logged, false)).write(handoff);
    }

    private static Map<String, String> github(Path output, Path summary) {
        return Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString());
    }
}
