package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BranchRuleTest {

    @Nested
    class Patterns {

        @Test
        void aPlainNameMatchesOnlyItself() {
            BranchRule rule = BranchRule.of("main", ReleaseKind.STABLE);
            assertThat(rule.matches("main")).isTrue();
            assertThat(rule.matches("main2")).isFalse();
            assertThat(rule.matches("feature/main")).isFalse();
        }

        @Test
        void aStarMatchesAnyRunOfCharactersIncludingSlashes() {
            BranchRule rule = BranchRule.of("feature/*", ReleaseKind.SNAPSHOT);
            assertThat(rule.matches("feature/JIRA-12")).isTrue();
            assertThat(rule.matches("feature/team/JIRA-12")).isTrue();
            assertThat(rule.matches("bugfix/JIRA-12")).isFalse();
        }

        @Test
        void regexCharactersArePlainText() {
            assertThat(BranchRule.of("release.1", ReleaseKind.STABLE).matches("releasex1")).isFalse();
        }
    }

    @Nested
    class MovingTags {

        @Test
        void branchPlaceholderIsMadeTagSafe() {
            BranchRule rule = BranchRule.of("feature/*", ReleaseKind.SNAPSHOT, "branch-{branch}", "{version}-latest");
            assertThat(rule.movingTagsFor("feature/JIRA-12 Login", "1.2.0-SNAPSHOT"))
                    .containsExactly("branch-feature-jira-12-login", "1.2.0-SNAPSHOT-latest");
        }
    }

    @Nested
    class Validation {

        @Test
        void aMissingPatternIsRefused() {
            assertThatThrownBy(() -> BranchRule.validated(" ", ReleaseKind.STABLE, List.of(), null, null, false))
                    .hasMessage("Invalid branch rule: <pattern> is missing. Fix the <branches><branch> entry in the "
                            + "gantry-maven-plugin configuration (see docs/configuration.md).");
        }

        @Test
        void anInvalidImageTagIsRefusedWithTheTag() {
            assertThatThrownBy(() -> BranchRule.validated("develop", ReleaseKind.SNAPSHOT, List.of("dev latest"), null, null, false))
                    .hasMessageContaining("Invalid branch rule 'develop': moving tag 'dev latest' is not a valid image tag");
        }

        @Test
        void anInvalidEnvironmentTagIsRefused() {
            assertThatThrownBy(() -> BranchRule.validated("develop", ReleaseKind.SNAPSHOT, List.of(), "deploy dev..current", null, false))
                    .hasMessageContaining("environment tag 'deploy dev..current' is not a valid git tag name");
        }

        @Test
        void movingTagsOnAVerifyOnlyBranchAreRefused() {
            assertThatThrownBy(() -> BranchRule.validated("feature/*", ReleaseKind.NONE, List.of("x"), null, null, false))
                    .hasMessageContaining("release 'none' publishes nothing");
        }

        @Test
        void anUnknownReleaseKindNamesTheChoices() {
            assertThatThrownBy(() -> ReleaseKind.parse("sometimes"))
                    .hasMessageStartingWith("Unknown release kind 'sometimes': expected 'stable', 'snapshot' or 'none'.");
        }

        @Test
        void aValidRuleDescribesItself() throws GantryException {
            BranchRule rule = BranchRule.validated("support/*", ReleaseKind.STABLE, List.of("support-latest"),
                    "deploy/support/current", true, true);
            assertThat(rule).hasToString("branch 'support/*' → stable, moving image tags [support-latest], environment tag "
                    + "deploy/support/current, images on, maintenance releases allowed");
        }
    }
}
