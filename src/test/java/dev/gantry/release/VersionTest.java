package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Nested
    class Forms {

        @ParameterizedTest
        @ValueSource(strings = {"0.0.0", "1.2.3", "10.20.30"})
        void threeNumbersAreAStableVersion(String text) {
            assertThat(Version.of(text).isStable()).isTrue();
            assertThat(Version.of(text).isSnapshot()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.2", "1.2.3.4", "01.2.3", "1.2.x", "v1.2.3", "1.2.3-RC1", "${revision}", "1.2.3-snapshot"})
        void anythingElseIsNeitherStableNorSnapshot(String text) {
            assertThat(Version.of(text).isStable()).isFalse();
            assertThat(Version.of(text).isSnapshot()).isFalse();
        }

        @Test
        void aSnapshotIsThreeNumbersAndTheSuffix() {
            assertThat(Version.of("1.2.3-SNAPSHOT").isSnapshot()).isTrue();
            assertThat(Version.of("1.2-SNAPSHOT").isSnapshot()).isFalse();
            assertThat(Version.of("1.2-SNAPSHOT").hasSnapshotSuffix()).isTrue();
            assertThat(Version.of("1.2.3-SNAPSHOT").withoutSnapshot()).isEqualTo("1.2.3");
        }
    }

    @Nested
    class Ordering {

        @Test
        void comparesNumbersNotText() {
            assertThat(Version.of("1.10.0")).isGreaterThan(Version.of("1.9.0"));
            assertThat(Version.of("2.0.0")).isGreaterThan(Version.of("1.99.99"));
            assertThat(Version.of("1.2.3")).isEqualByComparingTo(Version.of("1.2.3"));
        }

        @Test
        void aSnapshotComesBeforeItsRelease() {
            assertThat(Version.of("1.2.3-SNAPSHOT")).isLessThan(Version.of("1.2.3"));
            assertThat(Version.of("1.2.3-SNAPSHOT")).isGreaterThan(Version.of("1.2.2"));
        }
    }

    @Test
    void says_what_keeps_a_near_miss_from_the_form() {
        assertThat(Version.of("v1.0.0").problem()).startsWith("it starts with 'v', which belongs to the tag");
        assertThat(Version.of("1.01.0").problem()).isEqualTo("the number 01 has a leading zero");
        assertThat(Version.of("1.0.0-RC1").problem()).startsWith("it carries a qualifier (-RC1)");
        assertThat(Version.of("1.0.0.Final").problem()).startsWith("it carries a qualifier (.Final)");
        assertThat(Version.of("1.0").problem()).isEqualTo("it has 2 numbers, not three");
        assertThat(Version.of("1.0.0-snapshot").problem()).startsWith("its snapshot suffix is not spelled -SNAPSHOT");
        assertThat(Version.of("2024010112.0.0").problem()).isEqualTo("the number 2024010112 has more than 9 digits");
        assertThat(Version.of("banana").problem()).isEmpty();
    }
}
