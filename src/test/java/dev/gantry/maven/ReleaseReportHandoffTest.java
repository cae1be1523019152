package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.git.TagOutcome;
import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Plan;
import dev.gantry.release.ReleaseKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code release.json} hands to a deployment, and when a run counts as released. */
class ReleaseReportHandoffTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String DIGEST = "sha256:" + "cd".repeat(32);
    private static final String REPOSITORY = "registry.example.com/orders";

    @TempDir
    Path dir;

    @Test
    void aSucceededReleaseIsReleasedWithItsImageByDigestAndItsTag() throws Exception {
        ReleaseReport report = completed(plan(ReleaseKind.STABLE, "v1.4.0"), false);
        report.succeeded();

        Handoff handoff = report.handoff();
        assertThat(handoff.released()).isTrue();
        assertThat(handoff.imageByDigest()).isEqualTo(REPOSITORY + "@" + DIGEST);
        assertThat(handoff.gitTag()).isEqualTo("v1.4.0");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("release.json").toFile());
        assertThat(json.path("image").path("reference").asText()).isEqualTo(REPOSITORY + "@" + DIGEST);
    }

    @Test
    void aRunThatFailedAfterTheImageIsNotReleased() throws Exception {
        ReleaseReport report = completed(plan(ReleaseKind.STABLE, "v1.4.0"), false);
        report.failed("publish", "orders", "the repository refused the upload");

        assertThat(report.handoff().released()).isFalse();
    }

    @Test
    void aDryRunIsNotReleased() throws Exception {
        ReleaseReport report = completed(plan(ReleaseKind.STABLE, "v1.4.0"), true);
        report.succeeded();

        assertThat(report.handoff().released()).isFalse();
    }

    @Test
    void nothingToReleaseIsNotReleasedAndHasNoTag() throws Exception {
        ReleaseReport report = new ReleaseReport(plan(ReleaseKind.NONE, null), false, dir.resolve("release.json"));
        report.succeeded();

        Handoff handoff = report.handoff();
        assertThat(handoff.released()).isFalse();
        assertThat(handoff.imageByDigest()).isNull();
        assertThat(handoff.gitTag()).isNull();
    }

    /** A later commit's build moved deploy/dev/current first: this run hands over no environment tag it did not move. */
    @Test
    void anEnvironmentTagKeptOnALaterCommitIsNotHandedOver() throws Exception {
        Plan plan = new Plan("develop", COMMIT, "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", ReleaseKind.SNAPSHOT, "a reason",
                "develop", new ImagePlan(REPOSITORY, false, List.of(new ImageTag("develop", true))),
                new ArtifactPlan("https://repo.example.com/snapshots", ArtifactPlan.Mode.REPLACE_SNAPSHOT), null,
                "deploy/dev/current", null, null);
        ReleaseReport kept = new ReleaseReport(plan, false, dir.resolve("kept.json"));
        kept.gitTag(new TagOutcome("deploy/dev/current", TagOutcome.Action.KEPT_ON_LATER_COMMIT, COMMIT, "origin"));
        kept.succeeded();
        ReleaseReport moved = new ReleaseReport(plan, false, dir.resolve("moved.json"));
        moved.gitTag(new TagOutcome("deploy/dev/current", TagOutcome.Action.MOVED, COMMIT, "origin"));
        moved.succeeded();

        assertThat(kept.handoff().environmentTag()).isNull();
        assertThat(kept.handoff().environmentTagKept()).isEqualTo("deploy/dev/current");
        assertThat(moved.handoff().environmentTag()).isEqualTo("deploy/dev/current");
        assertThat(moved.handoff().environmentTagKept()).isNull();
        assertThat(GitHubSummary.of(kept.handoff())).contains("| environment tag | `deploy/dev/current` left where a "
                + "later build put it, not moved here |");
    }

    /**
     * An older commit's develop build after a newer one's: its image is pushed under its sha tag, its moving tags and
     * its snapshot stay the newer commit's. A deployment that follows "released" must not take this image back.
     */
    @Test
    void aSnapshotWhoseMovingTagsStayedOnANewerCommitIsNotReleased() throws Exception {
        Plan plan = new Plan("develop", COMMIT, "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", ReleaseKind.SNAPSHOT, "a reason",
                "develop", new ImagePlan(REPOSITORY, false, List.of(new ImageTag("sha-0123456789ab", false),
                        new ImageTag("1.4.0-SNAPSHOT", true), new ImageTag("develop", true))),
                new ArtifactPlan("https://repo.example.com/snapshots", ArtifactPlan.Mode.REPLACE_SNAPSHOT), null, null,
                null, null);
        ReleaseReport older = new ReleaseReport(plan, false, dir.resolve("older.json"));
        older.image(REPOSITORY, DIGEST, List.of(new ReleaseReport.Outcome("sha-0123456789ab", "pushed")));
        older.artifacts("https://repo.example.com/snapshots", List.of(
                new ReleaseReport.Outcome("a:b:jar:1.4.0-SNAPSHOT", "kept-on-later-commit")));
        older.imageTags(List.of(new ReleaseReport.Outcome("1.4.0-SNAPSHOT", "kept-on-later-commit"),
                new ReleaseReport.Outcome("develop", "kept-on-later-commit")));
        older.succeeded();
        ReleaseReport newest = new ReleaseReport(plan, false, dir.resolve("newest.json"));
        newest.image(REPOSITORY, DIGEST, List.of(new ReleaseReport.Outcome("sha-0123456789ab", "pushed")));
        newest.artifacts("https://repo.example.com/snapshots", List.of(
                new ReleaseReport.Outcome("a:b:jar:1.4.0-SNAPSHOT", "published")));
        newest.imageTags(List.of(new ReleaseReport.Outcome("1.4.0-SNAPSHOT", "pushed"),
                new ReleaseReport.Outcome("develop", "pushed")));
        newest.succeeded();

        Handoff handoff = older.handoff();
        assertThat(handoff.released()).isFalse();
        assertThat(handoff.imageTags()).containsExactly("sha-0123456789ab");
        assertThat(handoff.artifactCount()).isZero();
        assertThat(GitHubSummary.of(handoff)).startsWith("### Gantry: not released: a newer commit's build finished "
                + "first (1.4.0-SNAPSHOT)\n");
        assertThat(newest.handoff().released()).isTrue();
        assertThat(newest.handoff().artifactCount()).isEqualTo(1);
    }

    private ReleaseReport completed(Plan plan, boolean dryRun) throws Exception {
        ReleaseReport report = new ReleaseReport(plan, dryRun, dir.resolve("release.json"));
        report.image(REPOSITORY, DIGEST, List.of(new ReleaseReport.Outcome("1.4.0", "pushed")));
        report.artifacts("https://repo.example.com/releases", List.of(new ReleaseReport.Outcome("a:b:jar:1.4.0", "published")));
        report.gitTag(new TagOutcome("v1.4.0", TagOutcome.Action.CREATED, COMMIT, "origin"));
        return report;
    }

    private static Plan plan(ReleaseKind kind, String gitTag) {
        return new Plan("main", COMMIT, "1.4.0", "1.3.0", kind, "a reason", "main", kind == ReleaseKind.NONE ? null
                : new ImagePlan(REPOSITORY, false, List.of(new ImageTag("1.4.0", false))),
                kind == ReleaseKind.NONE ? null : new ArtifactPlan("https://repo.example.com/releases", ArtifactPlan.Mode.IMMUTABLE),
                gitTag, null, null, null);
    }
}
