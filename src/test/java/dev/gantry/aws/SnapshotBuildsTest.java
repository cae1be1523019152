package dev.gantry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.aws.SnapshotBuilds.Listed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SnapshotBuildsTest {

    static List<Listed> append(List<Listed> listed, Listed more) {
        List<Listed> all = new java.util.ArrayList<>(listed);
        all.add(more);
        return all;
    }

    /** After three publishes: every build Unlisted, the newest one's files also served as 1.0-SNAPSHOT. */
    static final List<Listed> THREE_PUBLISHES = List.of(
            new Listed("1.0-20261120.101530-1", "Unlisted"),
            new Listed("1.0-20261121.110000-2", "Unlisted"),
            new Listed("1.0-20261122.080000-3", "Unlisted"),
            new Listed("1.0-SNAPSHOT", "Published"));

    @Nested
    class KeepingOnlyTheBuildJustPublished {

        @Test
        void deletes_every_earlier_build_oldest_first_and_keeps_the_newest() {
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", THREE_PUBLISHES, 1, Set.of()))
                    .containsExactly("1.0-20261120.101530-1", "1.0-20261121.110000-2");
        }

        @Test
        void never_deletes_the_snapshot_version_itself() {
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", List.of(new Listed("1.0-SNAPSHOT", "Published")), 1, Set.of()))
                    .isEmpty();
        }

        @Test
        void leaves_builds_of_other_snapshot_lines_and_releases() {
            List<Listed> listed = List.of(
                    new Listed("1.0-20261120.101530-1", "Unlisted"),
                    new Listed("1.0.1-20261120.101530-1", "Unlisted"),
                    new Listed("11.0-20261120.101530-1", "Unlisted"),
                    new Listed("2.1-20261120.101530-1", "Unlisted"),
                    new Listed("1.0", "Published"),
                    new Listed("1.0.1-SNAPSHOT", "Published"));
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", listed, 1, Set.of())).isEmpty();
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", append(listed, new Listed("1.0-20261121.110000-2",
                    "Unlisted")), 1, Set.of())).containsExactly("1.0-20261120.101530-1");
        }

        @Test
        void leaves_builds_that_are_not_unlisted() {
            List<Listed> listed = List.of(
                    new Listed("1.0-20261120.101530-1", "Archived"),
                    new Listed("1.0-20261121.110000-2", "Unlisted"),
                    new Listed("1.0-20261122.080000-3", "Unlisted"));
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", listed, 1, Set.of())).containsExactly("1.0-20261121.110000-2");
        }
    }

    @Nested
    class KeepingMore {

        @Test
        void keeps_the_newest_earlier_builds_counting_the_one_just_published() {
            List<Listed> listed = List.of(
                    new Listed("1.0-20261123.090000-4", "Unlisted"),
                    new Listed("1.0-20261120.101530-1", "Unlisted"),
                    new Listed("1.0-20261124.090000-5", "Unlisted"),
                    new Listed("1.0-20261122.080000-3", "Unlisted"),
                    new Listed("1.0-20261121.110000-2", "Unlisted"),
                    new Listed("1.0-SNAPSHOT", "Published"));
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", listed, 3, Set.of()))
                    .containsExactly("1.0-20261120.101530-1", "1.0-20261121.110000-2");
        }

        @Test
        void deletes_nothing_when_there_are_no_more_builds_than_kept() {
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", THREE_PUBLISHES, 3, Set.of())).isEmpty();
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", THREE_PUBLISHES, 5, Set.of())).isEmpty();
        }

        @Test
        void orders_by_timestamp_before_build_number() {
            // metadata lost in between: the build number started again at 1
            List<Listed> listed = List.of(
                    new Listed("1.0-20261120.101530-7", "Unlisted"),
                    new Listed("1.0-20261125.101530-1", "Unlisted"));
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", listed, 1, Set.of())).containsExactly("1.0-20261120.101530-7");
        }
    }

    @Nested
    class TwoPipelinesAtOnce {

        /**
         * A pipeline started at 10:00 publishes build 6 after one started at 10:05 published build 5: its metadata,
         * uploaded last, makes build 6 the snapshot's files, yet build 5 has the later timestamp.
         */
        @Test
        void never_deletes_the_build_this_publish_sent() {
            List<Listed> listed = List.of(
                    new Listed("1.0-20261120.100500-5", "Unlisted"),
                    new Listed("1.0-20261120.100000-6", "Unlisted"),
                    new Listed("1.0-20261119.090000-4", "Unlisted"),
                    new Listed("1.0-SNAPSHOT", "Published"));

            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", listed, 1, Set.of("1.0-20261120.100000-6")))
                    .containsExactly("1.0-20261119.090000-4");
        }
    }

    @Nested
    class NoCleanUp {

        @Test
        void when_keeping_zero() {
            assertThat(SnapshotBuilds.toDelete("1.0-SNAPSHOT", THREE_PUBLISHES, 0, Set.of())).isEmpty();
        }

        @Test
        void for_a_release_version() {
            assertThat(SnapshotBuilds.toDelete("1.0", THREE_PUBLISHES, 1, Set.of())).isEmpty();
        }
    }
}
