package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.image.TagMoves;
import dev.gantry.image.TagMovesForTests;
import dev.gantry.maven.ReactorRelease.ArtifactsForTagMoves;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Plan;
import dev.gantry.release.ReleaseKind;
import dev.gantry.release.VersionSetting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose release a version already published is, as the image goal tells it before anything moves. */
class ReactorReleaseTest {

    private static final String THIS_COMMIT = "f44bf4e0c0ffee0000000000000000000000abcd";
    private static final String RELEASE_COMMIT = "d3285460c0ffee0000000000000000000000abcd";

    @TempDir
    Path dir;

    private ReactorRelease release() {
        Plan plan = new Plan("main", THIS_COMMIT, "4.4.0", "4.4.0", ReleaseKind.STABLE, "releasing it", "main",
                new ImagePlan("registry.example.com/team/petclinic", false, List.of(new ImageTag("4.4.0", false))),
                null, "v4.4.0", null, null, null);
        return new ReactorRelease(new ReleasePlanning.Planned(plan, Instant.EPOCH, null, Optional.empty(), "origin",
                true, () -> VersionSetting.IN_POM), new ReleaseReport(plan, false, dir.resolve("release.json")), false);
    }

    @Test
    void an_image_under_the_version_built_from_another_commit_names_that_commit() {
        ReleaseOrigin origin = release().origin(Optional.of(RELEASE_COMMIT));

        assertThat(origin.thisCommit()).isFalse();
        assertThat(origin.otherCommit()).isEqualTo("d328546");
        assertThat(origin.evidence()).isEqualTo("no release tag is on this commit f44bf4e, and its image "
                + "registry.example.com/team/petclinic:4.4.0 was built from commit d328546");
    }

    @Test
    void this_commits_image_makes_the_release_this_commits_and_no_image_names_no_commit() {
        assertThat(release().origin(Optional.of(THIS_COMMIT)).thisCommit()).isTrue();
        ReleaseOrigin none = release().origin(Optional.empty());
        assertThat(none.thisCommit()).isFalse();
        assertThat(none.otherCommit()).isNull();
        assertThat(none.evidence()).endsWith("no image of this commit was found under 4.4.0");
    }

    /** The image's mutable tags wait for the publish goal's end, whichever of the two comes first under -T. */
    @Test
    void tags_left_to_move_wait_for_the_publish_and_are_the_publishs_to_move() {
        ReactorRelease release = release();
        TagMoves moves = TagMovesForTests.ofNoTag(new ArrayList<>());

        assertThat(release.deferTagMoves(moves)).isEqualTo(ArtifactsForTagMoves.TO_COME);
        assertThat(release.artifactsPublished()).containsSame(moves);
        assertThat(release.artifactsFailed()).isEmpty(); // taken once
    }

    @Test
    void tags_pushed_after_the_publish_ended_are_moved_at_once_or_left_when_it_failed() {
        ReactorRelease published = release();
        published.artifactsPublished();
        assertThat(published.deferTagMoves(TagMovesForTests.ofNoTag(new ArrayList<>())))
                .isEqualTo(ArtifactsForTagMoves.PUBLISHED);
        assertThat(published.artifactsFailed()).isEmpty(); // not held: the image goal moved them

        ReactorRelease failed = release();
        failed.artifactsFailed();
        assertThat(failed.deferTagMoves(TagMovesForTests.ofNoTag(new ArrayList<>())))
                .isEqualTo(ArtifactsForTagMoves.FAILED);
    }

    @Test
    void tags_left_when_the_session_ends_without_the_publish_are_closed_not_moved() {
        ReactorRelease release = release();
        List<String> closed = new ArrayList<>();
        release.deferTagMoves(TagMovesForTests.ofNoTag(closed));

        release.artifactsFailed().ifPresent(TagMoves::close);

        assertThat(closed).containsExactly("closed");
        assertThat(release.deferTagMoves(TagMovesForTests.ofNoTag(closed))).isEqualTo(ArtifactsForTagMoves.FAILED);
    }
}
