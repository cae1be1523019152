package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RepositoryPolicyTest {

    static List<BranchRule> rules(Flow flow, BranchRule... rules) {
        return flow.behind(List.of(rules));
    }

    static BranchRule snapshotRule(String pattern, String... movingTags) {
        return BranchRule.of(pattern, ReleaseKind.SNAPSHOT, movingTags);
    }

    @Nested
    class MutableTagFiltersOfTheFlow {

        @Test
        void gitflowExcludesTheMovingTagsOfEveryBranchAndTheSnapshotVersions() throws GantryException {
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.GITFLOW));
            assertThat(filters.filters()).containsExactly("latest", "*-SNAPSHOT", "develop", "dev-latest");
            assertThat(filters.mutability()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
        }

        @Test
        void placeholdersBecomeWildcards() throws GantryException {
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.GITFLOW,
                    snapshotRule("feature/*", "branch-{branch}", "{version}-{branch}")));
            // *-SNAPSHOT-* makes six: merged with *-SNAPSHOT, the pair with most in common
            assertThat(filters.filters()).containsExactly("*-SNAPSHOT*", "branch-*", "latest", "develop", "dev-latest");
        }

        @Test
        void aTagAlreadyCoveredByAWildcardNeedsNoFilterOfItsOwn() throws GantryException {
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.GITFLOW, snapshotRule("develop", "dev-*x", "dev-latest"),
                    snapshotRule("dev/*", "dev-{branch}")));
            assertThat(filters.filters()).containsExactly("*-SNAPSHOT", "dev-*x", "dev-*", "latest", "develop");
        }

        @Test
        void rulesThatPushNoImageAddNoFilter() throws GantryException {
            BranchRule noImages = new BranchRule("feature/*", ReleaseKind.SNAPSHOT, List.of("branch-{branch}"), null, false, false);
            BranchRule none = BranchRule.of("spike/*", ReleaseKind.NONE);
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.TRUNK, noImages, none));
            assertThat(filters.filters()).containsExactly("latest", "*-SNAPSHOT");
        }

        @Test
        void aStableVersionPlaceholderIsMatchedAsXyz() throws GantryException {
            BranchRule main = BranchRule.of("main", ReleaseKind.STABLE, "{version}", "{version}-latest");
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.TRUNK, main));
            // {version} alone is the release tag itself, pushed immutable: no filter
            assertThat(filters.filters()).containsExactly("*.*.*-latest", "latest", "*-SNAPSHOT");
        }
    }

    @Nested
    class TooManyFilters {

        @Test
        void tagsWithACommonPartAreMergedIntoOneWildcard() throws GantryException {
            MutableTagFilters filters = MutableTagFilters.of(rules(Flow.GITFLOW,
                    snapshotRule("qa", "qa-latest"), snapshotRule("staging", "staging-latest")));
            // *-SNAPSHOT, qa-latest, staging-latest, latest, develop, dev-latest: six; *-latest then covers dev-latest
            assertThat(filters.filters()).containsExactly("*-SNAPSHOT", "*-latest", "latest", "develop");
        }

        @Test
        void tagsThatCannotBeMergedSafelyAreRefusedNamingThem() {
            // uat and *latest share only the final t: *t matches no release tag, but would free far too much
            List<BranchRule> settings = rules(Flow.GITFLOW, snapshotRule("qa", "qa"), snapshotRule("uat", "uat"),
                    snapshotRule("perf", "perf"));
            assertThatThrownBy(() -> MutableTagFilters.of(settings)).isInstanceOf(GantryException.class).hasMessage(
                    "The moving image tags of the branch rules (the snapshot version of branch 'qa'; moving tag 'qa' of branch "
                            + "'qa'; moving tag 'uat' of branch 'uat'; moving tag 'perf' of branch 'perf'; moving tag 'latest' "
                            + "of branch 'main'; moving tag 'develop' of branch 'develop'; moving tag 'dev-latest' of branch "
                            + "'develop') need 6 tag mutability exclusion filters (*-SNAPSHOT, qa, uat, perf, *latest, develop), "
                            + "and ECR allows 5; they cannot be merged into fewer without also matching release versions or "
                            + "commit tags. Use fewer moving tags, or tags that share a prefix (dev-latest, dev-{branch} → "
                            + "dev-*), in <movingTags> of the <branches><branch> rules, or turn provisioning off with "
                            + "<ecrProvision>false</ecrProvision> in the gantry-maven-plugin configuration or "
                            + "-Dgantry.ecr.provision=false and set the repository's tag mutability yourself.");
        }

        @Test
        void aMovingTagThatCanBeAnyTagIsRefused() {
            List<BranchRule> settings = rules(Flow.GITFLOW, snapshotRule("feature/*", "{branch}"));
            assertThatThrownBy(() -> MutableTagFilters.of(settings)).hasMessage("The moving tag '{branch}' of branch rule "
                    + "'feature/*' can become any tag matching *, release versions (1.4.0) or commit tags (sha-…) included, so "
                    + "the image repository cannot keep those immutable while letting this tag move. Give the tag a fixed part "
                    + "that no version or commit tag has (such as branch-{branch}) in <movingTags> of that <branches><branch> "
                    + "rule, or turn provisioning off with <ecrProvision>false</ecrProvision> in the gantry-maven-plugin "
                    + "configuration or -Dgantry.ecr.provision=false and set the repository's tag mutability yourself.");
        }

        @Test
        void aMovingTagThatCouldBeACommitTagIsRefused() {
            List<BranchRule> settings = rules(Flow.GITFLOW, snapshotRule("feature/*", "sha-{branch}"));
            assertThatThrownBy(() -> MutableTagFilters.of(settings)).hasMessageStartingWith(
                    "The moving tag 'sha-{branch}' of branch rule 'feature/*' can become any tag matching sha-*");
        }
    }

    @Nested
    class Wildcards {

        @Test
        void immutableTagsAreRecognisedThroughAnyWildcard() {
            assertThat(Wildcard.couldMatchImmutableTag("*")).isTrue();
            assertThat(Wildcard.couldMatchImmutableTag("*7*")).isTrue();
            assertThat(Wildcard.couldMatchImmutableTag("1.*")).isTrue();
            assertThat(Wildcard.couldMatchImmutableTag("*-*")).isTrue();
            assertThat(Wildcard.couldMatchImmutableTag("sha-*f")).isTrue();
            assertThat(Wildcard.couldMatchImmutableTag("*.*.*-latest")).isFalse();
            assertThat(Wildcard.couldMatchImmutableTag("*-SNAPSHOT")).isFalse();
            assertThat(Wildcard.couldMatchImmutableTag("*latest")).isFalse();
            assertThat(Wildcard.couldMatchImmutableTag("sha-*g")).isFalse();
            assertThat(Wildcard.couldMatchImmutableTag("1.2")).isFalse();
            assertThat(Wildcard.couldMatchImmutableTag("*.*.*.*")).isFalse();
        }

        @Test
        void aMergedFilterMatchesWhatEitherMatched() {
            assertThat(MutableTagFilters.merge("dev-latest", "develop")).isEqualTo("dev*");
            assertThat(MutableTagFilters.merge("qa-latest", "latest")).isEqualTo("*latest");
            assertThat(MutableTagFilters.merge("ab", "aab")).isEqualTo("a*b");
            assertThat(MutableTagFilters.merge("latest", "develop")).isEqualTo("*");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void protectedTagsAndReleasesAreKeptAndEverythingElseExpires() throws GantryException {
            LifecyclePolicy policy = LifecyclePolicy.of(60, LifecyclePolicy.DEFAULT_PROTECTED_TAGS, true);
            assertThat(policy.toJson()).isEqualTo("{\"rules\":["
                    + "{\"rulePriority\":1,\"description\":\"Keep images tagged latest\",\"selection\":{\"tagStatus\":\"tagged\","
                    + "\"tagPatternList\":[\"latest\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":100000},"
                    + "\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":2,\"description\":\"Keep images tagged dev-latest\",\"selection\":{\"tagStatus\":\"tagged\","
                    + "\"tagPatternList\":[\"dev-latest\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":100000},"
                    + "\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":3,\"description\":\"Expire snapshot versions after 60 days\",\"selection\":{"
                    + "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*-SNAPSHOT\"],\"countType\":\"sinceImagePushed\","
                    + "\"countUnit\":\"days\",\"countNumber\":60},\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":4,\"description\":\"Keep released versions\",\"selection\":{\"tagStatus\":\"tagged\","
                    + "\"tagPatternList\":[\"*.*.*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":100000},"
                    + "\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":5,\"description\":\"Expire images after 60 days\",\"selection\":{\"tagStatus\":\"any\","
                    + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":60},"
                    + "\"action\":{\"type\":\"expire\"}}]}");
            assertThat(policy).hasToString("expire images after 60 days, except those tagged latest, dev-latest or released "
                    + "versions (*.*.*); snapshot versions (*-SNAPSHOT) expire too");
        }

        @Test
        void withoutKeepingReleasesOnlyTheProtectedTagsAreKept() throws GantryException {
            LifecyclePolicy policy = LifecyclePolicy.of(30, List.of("prod"), false);
            assertThat(policy.toJson()).isEqualTo("{\"rules\":["
                    + "{\"rulePriority\":1,\"description\":\"Keep images tagged prod\",\"selection\":{\"tagStatus\":\"tagged\","
                    + "\"tagPatternList\":[\"prod\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":100000},"
                    + "\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":2,\"description\":\"Expire images after 30 days\",\"selection\":{\"tagStatus\":\"any\","
                    + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":30},"
                    + "\"action\":{\"type\":\"expire\"}}]}");
        }

        @Test
        void aProtectedTagEcrWouldRefuseIsRefusedHere() {
            assertThatThrownBy(() -> LifecyclePolicy.of(60, List.of("a*b*c*d*e*"), true)).hasMessage("Invalid image clean-up "
                    + "setting: protected tag 'a*b*c*d*e*' is not an image tag or an ECR tag pattern (letters, digits, '_', '.', "
                    + "'-', at most 4 '*'; at most 128). Fix <ecrExpireAfterDays> or <ecrProtectedTags> in the "
                    + "gantry-maven-plugin configuration (-Dgantry.ecr.expireAfterDays, -Dgantry.ecr.protectedTags), or turn "
                    + "provisioning off with <ecrProvision>false</ecrProvision> in the gantry-maven-plugin configuration or "
                    + "-Dgantry.ecr.provision=false.");
        }

        @Test
        void anAgeBelowOneDayIsRefused() {
            assertThatThrownBy(() -> LifecyclePolicy.of(0, List.of(), true))
                    .hasMessageStartingWith("Invalid image clean-up setting: expireAfterDays is 0, expected 1 or more days.");
        }
    }
}
