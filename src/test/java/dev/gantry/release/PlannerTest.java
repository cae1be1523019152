package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final String HEAD = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
    static final String OTHER = "0f9e8d7c6b5a0f9e8d7c6b5a0f9e8d7c6b5a0f9e";

    /** The repository's past, as the tests state it. */
    static class History implements ReleaseHistory {
        final Map<String, String> tags = new HashMap<>();
        List<String> dirty = List.of();
        int tagLookups;

        History tag(String name, String commit) {
            tags.put(name, commit);
            return this;
        }

        @Override
        public Map<String, String> releaseTags(String prefix) {
            tagLookups++;
            Map<String, String> matching = new HashMap<>(tags);
            matching.keySet().removeIf(t -> !t.startsWith(prefix));
            return matching;
        }

        @Override
        public List<String> uncommittedChanges() {
            return dirty;
        }

        /** The remote's tip of the branch when it lacks the commit; null: it holds it. */
        String remoteTipLacking;
        int remoteBranchLookups;

        @Override
        public Optional<RemoteBranchTip> remoteBranchLacks(String branch, String commit) {
            remoteBranchLookups++;
            return Optional.ofNullable(remoteTipLacking).map(tip -> new RemoteBranchTip("origin", branch, tip));
        }
    }

    History history = new History();

    Plan plan(String branch, String version, String previous) throws GantryException {
        return plan(settings(Flow.GITFLOW, List.of(), null), branch, version, previous);
    }

    Plan plan(PlanSettings settings, String branch, String version, String previous) throws GantryException {
        return new Planner(settings).plan(new ReleaseContext(branch, HEAD, version, previous, history));
    }

    static PlanSettings settings(Flow flow, List<BranchRule> rules, String imageRepository) {
        return new PlanSettings(flow, rules, "v", false, imageRepository, "orders", "https://repo/releases", "https://repo/snapshots");
    }

    @Nested
    class StableBranch {

        @Test
        void aNewVersionIsReleasedWithImmutableTagsAndTheGitTag() throws GantryException {
            history.tag("v1.0.0", OTHER);
            Plan plan = plan("main", "1.1.0", "1.0.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(plan.reason()).isEqualTo("1.1.0 is a new version on 'main' (no tag v1.1.0 yet; previous version 1.0.0): releasing it.");
        }

        /** The version came with an earlier commit, whose release failed: not "previous version 1.1.0" beside "new". */
        @Test
        void aVersionAnEarlierCommitSetWithoutReleasingItIsReleasedSayingSo() throws GantryException {
            history.tag("v1.0.0", OTHER);
            Plan plan = plan("main", "1.1.0", "1.1.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(plan.reason()).isEqualTo("1.1.0 is a new version on 'main' (no tag v1.1.0 yet; the parent commit "
                    + "has it too, not released): releasing it.");
            assertThat(plan.gitTag()).isEqualTo("v1.1.0");
            assertThat(plan.artifacts()).isEqualTo(new ArtifactPlan("https://repo/releases", ArtifactPlan.Mode.IMMUTABLE));
            assertThat(plan.image().tags()).containsExactly(
                    new ImageTag("1.1.0", false), new ImageTag("sha-a1b2c3d4e5f6", false), new ImageTag("latest", true));
            assertThat(plan.image().local()).isTrue();
        }

        @Test
        void aCommitTheRemotesBranchDoesNotHoldIsRefusedNamingItsTip() {
            history.tag("v1.0.0", OTHER);
            history.remoteTipLacking = OTHER;
            assertThatThrownBy(() -> plan("main", "1.1.0", "1.0.0"))
                    .isInstanceOf(GantryException.class)
                    .hasMessage("Not releasing commit a1b2c3d: origin's main (at 0f9e8d7) does not hold it. The commit "
                            + "was not pushed, or main was rewritten past it (a force-push); a release is made from the "
                            + "branch as the remote has it, so that its tag lies on the branch's history. Push the commit "
                            + "(git push) and let its pipeline release it, or release from a commit origin's main holds. "
                            + "If the branch's remote in this clone is not origin, name it with <gitRemote> or "
                            + "-Dgantry.git.remote=<name>.");
        }

        /** Its tag is on this commit already: the re-run completes the release, wherever the branch went since. */
        @Test
        void aReRunOfAReleaseTaggedOnThisCommitDoesNotAskWhetherTheBranchHoldsIt() throws GantryException {
            history.tag("v1.1.0", HEAD);
            history.remoteTipLacking = OTHER;
            assertThat(plan("main", "1.1.0", "1.0.0").release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(history.remoteBranchLookups).isZero();
        }

        @Test
        void aSnapshotDoesNotAskWhetherTheBranchHoldsTheCommit() throws GantryException {
            history.remoteTipLacking = OTHER;
            assertThat(plan("develop", "1.2.0-SNAPSHOT", "1.2.0-SNAPSHOT").release()).isEqualTo(ReleaseKind.SNAPSHOT);
            assertThat(history.remoteBranchLookups).isZero();
        }

        @Test
        void reRunningAnOlderReleaseLeavesTheMovingTagsAndTheEnvironmentTagAlone() throws GantryException {
            history.tag("v1.1.0", HEAD).tag("v1.2.0", OTHER);
            BranchRule main = new BranchRule("main", ReleaseKind.STABLE, List.of("latest"), "deploy/prod/current", null, false);
            Plan plan = plan(settings(Flow.GITFLOW, List.of(main), null), "main", "1.1.0", "1.0.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(plan.image().tags()).containsExactly(new ImageTag("1.1.0", false), new ImageTag("sha-a1b2c3d4e5f6", false));
            assertThat(plan.environmentTag()).isNull();
            assertThat(plan.gitTag()).isEqualTo("v1.1.0");
            assertThat(plan.reason()).endsWith("1.2.0 is released since, so the moving tags and the environment tag stay where they are.");
        }

        @Test
        void thePlanPromisesOnlyWhatTheDeclaredGoalsDo() throws GantryException {
            PlanSettings onlyPublish = new PlanSettings(Flow.GITFLOW, List.of(), "v", false, null, "orders", "r", "s", Set.of("publish"));
            Plan plan = plan(onlyPublish, "main", "1.0.0", null);
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(plan.image()).isNull();
            assertThat(plan.gitTag()).isNull();
            assertThat(plan.artifacts()).isNotNull();
        }

        @Test
        void masterIsAStableBranchToo() throws GantryException {
            assertThat(plan("master", "1.0.0", null).release()).isEqualTo(ReleaseKind.STABLE);
        }

        @Test
        void aVersionAlreadyTaggedOnThisCommitIsCompletedNotRefused() throws GantryException {
            history.tag("v1.1.0", HEAD);
            Plan plan = plan("main", "1.1.0", "1.0.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
            assertThat(plan.reason()).startsWith("1.1.0 is already tagged v1.1.0 on this commit: completing the release");
            assertThat(plan.tagOnThisCommit()).isEqualTo("v1.1.0");
        }

        @Test
        void aNewVersionHasNoTagOnThisCommit() throws GantryException {
            assertThat(plan("main", "1.1.0", "1.0.0").tagOnThisCommit()).isNull();
        }

        @Test
        void aCommitThatDoesNotChangeAReleasedVersionPublishesNothing() throws GantryException {
            history.tag("v1.1.0", OTHER);
            Plan plan = plan("main", "1.1.0", "1.1.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.NONE);
            assertThat(plan.image()).isNull();
            assertThat(plan.reason()).isEqualTo("1.1.0 is already released (tag v1.1.0 on 0f9e8d7) and this commit does not change "
                    + "the version: nothing to publish. Bump the version to release.");
        }

        /** A depth-1 checkout has no parent to read the version at: the reason says so, and how to let Gantry tell. */
        @Test
        void aReleasedVersionWhoseParentIsNotInTheCloneSaysWhatItCannotTell() throws GantryException {
            history.tag("v1.1.0", OTHER);
            Plan plan = plan("main", "1.1.0", null);
            assertThat(plan.release()).isEqualTo(ReleaseKind.NONE);
            assertThat(plan.reason()).contains("the version at this commit's parent is unknown (not in this clone, as in a "
                    + "shallow checkout, or without the POM)").endsWith("fetch the history (fetch-depth: 0) for Gantry to "
                    + "refuse a commit that sets a released version again.");
        }

        @Test
        void withoutTheParentCommitAReleasedVersionPublishesNothing() throws GantryException {
            history.tag("v1.1.0", OTHER);
            assertThat(plan("main", "1.1.0", null).release()).isEqualTo(ReleaseKind.NONE);
        }

        @Test
        void aTagPrefixGitWouldRefuseIsRefusedBeforeAnythingIsBuilt() {
            for (String prefix : List.of("rel ", "x:", "-", "a.lock/", "re..l")) {
                PlanSettings settings = new PlanSettings(Flow.GITFLOW, List.of(), prefix, false, null, "orders", "r", "s");
                assertThatThrownBy(() -> plan(settings, "main", "1.1.0", "1.0.0")).as(prefix)
                        .hasMessageStartingWith("The release tag would be '" + prefix + "1.1.0' (<tagPrefix> '" + prefix
                                + "' then the version), which git refuses as a tag name")
                        .hasMessageContaining("Nothing was built.");
            }
            assertThat(history.tagLookups).as("refused before the tags are looked up").isZero();
        }

        /** The advice names a version the branch takes: 1.2.3-RC1 would be refused again. */
        @Test
        void aSnapshotWhoseReleaseIsNoXyzIsToldTheFormNotAVersionRefusedAgain() {
            assertThatThrownBy(() -> plan("main", "1.2.3-RC1-SNAPSHOT", "1.2.2"))
                    .hasMessageStartingWith("Version '1.2.3-RC1-SNAPSHOT' on branch 'main' is not a release version")
                    .hasMessageNotContaining("<version>1.2.3-RC1</version>");
            assertThatThrownBy(() -> plan("main", "1.2.3-SNAPSHOT", "1.2.2"))
                    .hasMessageContaining("Set <version>1.2.3</version> in pom.xml to release it");
        }

        @Test
        void aTagPrefixWithAFolderIsATagName() throws GantryException {
            PlanSettings settings = new PlanSettings(Flow.GITFLOW, List.of(), "release/", false, null, "orders", "r", "s");
            assertThat(plan(settings, "main", "1.1.0", "1.0.0").gitTag()).isEqualTo("release/1.1.0");
        }

        @Test
        void settingAVersionReleasedFromAnotherCommitIsRefused() {
            history.tag("v1.1.0", OTHER);
            assertThatThrownBy(() -> plan("main", "1.1.0", "1.0.0")).hasMessage(
                    "1.1.0 is already released from commit 0f9e8d7 (tag v1.1.0), and this commit a1b2c3d sets the version to 1.1.0 "
                            + "again. A released version is never rebuilt: bump the version in pom.xml, for example to 1.1.1.");
        }

        @Test
        void aVersionBelowTheHighestReleasedIsRefused() {
            history.tag("v1.2.0", OTHER).tag("v1.0.0", OTHER).tag("v1.10.0-rc", OTHER);
            assertThatThrownBy(() -> plan("main", "1.1.0", "1.2.0")).hasMessage(
                    "Version 1.1.0 is lower than 1.2.0, the highest version already released (tag v1.2.0). Set a version above 1.2.0 "
                            + "in pom.xml, or, if 'main' is a maintenance branch, allow it with <allowMaintenance>true</allowMaintenance> "
                            + "in its <branches><branch> rule.");
        }

        /** A CI-friendly version is changed where its properties are set: pom.xml's {@code <version>} is no number. */
        @Test
        void aCiFriendlyVersionIsToldWhichPropertyToChange() {
            VersionSetting revision = new VersionSetting("${revision}", List.of(
                    new VersionSetting.Property("revision", "1.1.0", "given with -Drevision on the command line")));
            history.tag("v1.1.0", OTHER);
            assertThatThrownBy(() -> new Planner(settings(Flow.GITFLOW, List.of(), null))
                    .plan(new ReleaseContext("main", HEAD, "1.1.0", "1.0.0", history, null, () -> revision))).hasMessageEndingWith(
                            "A released version is never rebuilt: bump the version (pom.xml's <version> is ${revision}: "
                            + "revision is '1.1.0', given with -Drevision on the command line), for example to 1.1.1.");

            history.tag("v1.2.0", OTHER);
            assertThatThrownBy(() -> new Planner(settings(Flow.GITFLOW, List.of(), null))
                    .plan(new ReleaseContext("main", HEAD, "1.0.1", "1.0.0", history, null, () -> revision))).hasMessageContaining(
                            "Set a version above 1.2.0 (pom.xml's <version> is ${revision}: revision is '1.1.0', given with "
                            + "-Drevision on the command line), or,");

            VersionSetting changelist = new VersionSetting("${revision}${changelist}", List.of(
                    new VersionSetting.Property("revision", "1.3.0", "given in .mvn/maven.config"),
                    new VersionSetting.Property("changelist", "-SNAPSHOT", "from the <properties> of pom.xml")));
            assertThatThrownBy(() -> new Planner(settings(Flow.GITFLOW, List.of(), null))
                    .plan(new ReleaseContext("main", HEAD, "1.3.0-SNAPSHOT", "1.2.0", history, null, () -> changelist)))
                    .as("the one property to change is named").hasMessageContaining("Set changelist to '' for the version "
                            + "to read 1.3.0 (pom.xml's <version> is ${revision}${changelist}: revision is '1.3.0', given "
                            + "in .mvn/maven.config; changelist is '-SNAPSHOT', from the <properties> of pom.xml) to "
                            + "release it");

            VersionSetting unset = new VersionSetting("${revision}${changelist}", List.of(
                    new VersionSetting.Property("revision", null, "set nowhere"),
                    new VersionSetting.Property("changelist", "-SNAPSHOT", "from the <properties> of pom.xml")));
            assertThatThrownBy(() -> new Planner(settings(Flow.GITFLOW, List.of(), null))
                    .plan(new ReleaseContext("develop", HEAD, "${revision}-SNAPSHOT", null, history, null, () -> unset)))
                    .hasMessageEndingWith("Set the version (pom.xml's <version> is ${revision}${changelist}: revision has no "
                            + "value, set nowhere; changelist is '-SNAPSHOT', from the <properties> of pom.xml) to that form.")
                    .hasMessageNotContaining("in pom.xml to");
        }

        @Test
        void aMaintenanceBranchMayReleaseBelowTheHighest() throws GantryException {
            history.tag("v2.0.0", OTHER);
            BranchRule support = new BranchRule("support/*", ReleaseKind.STABLE, List.of(), null, null, true);
            Plan plan = plan(settings(Flow.GITFLOW, List.of(support), null), "support/1.x", "1.4.1", "1.4.0");
            assertThat(plan.release()).isEqualTo(ReleaseKind.STABLE);
        }

        /** The support line's own moving tag moves with it; one holding a higher release's image keeps it (MovingTags). */
        @Test
        void aMaintenanceReleaseKeepsItsRulesMovingTags() throws GantryException {
            history.tag("v2.0.0", OTHER);
            BranchRule support = new BranchRule("support/*", ReleaseKind.STABLE, List.of("support-latest"),
                    "deploy/support/current", null, true);
            Plan plan = plan(settings(Flow.GITFLOW, List.of(support), null), "support/1.x", "1.4.1", "1.4.0");
            assertThat(plan.image().mutableTags()).extracting(ImageTag::name).containsExactly("support-latest");
            assertThat(plan.environmentTag()).isEqualTo("deploy/support/current");
            assertThat(plan.reason()).endsWith("2.0.0 is released already: a moving tag that holds a higher release's image "
                    + "stays there.");
        }

        @Test
        void theBumpSuggestedForAReleasedVersionGoesAboveTheHighestRelease() {
            history.tag("v1.1.0", OTHER).tag("v1.4.0", OTHER);
            assertThatThrownBy(() -> plan("main", "1.1.0", "1.0.0")).hasMessageEndingWith(
                    "bump the version in pom.xml, for example to 1.4.1.");
        }

        @Test
        void aSnapshotVersionIsRefusedWithTheFix() {
            assertThatThrownBy(() -> plan("main", "1.1.0-SNAPSHOT", "1.0.0")).hasMessage(
                    "Version 1.1.0-SNAPSHOT on branch 'main': this branch releases stable versions and requires X.Y.Z, not a -SNAPSHOT "
                            + "(branch 'main' → stable, moving image tags [latest]). Set <version>1.1.0</version> in pom.xml to release it, "
                            + "or build this commit on a snapshot branch.");
        }

        @Test
        void anUnparseableVersionIsRefused() {
            assertThatThrownBy(() -> plan("main", "1.2", null)).hasMessage(
                    "Version '1.2' on branch 'main' is not a release version (it has 2 numbers, not three): this branch requires "
                            + "X.Y.Z, three numbers such as 1.4.0 "
                            + "(branch 'main' → stable, moving image tags [latest]). Set <version>1.2.0</version> in pom.xml "
                            + "(mvn versions:set -DnewVersion=1.2.0 sets every module's).");
            assertThatThrownBy(() -> plan("main", "1.2.x", null)).hasMessageEndingWith(
                    "Set <version> in pom.xml to the form X.Y.Z.");
        }

        /** Trial: feign's 13.15-SNAPSHOT on develop; Maven's archetype writes 1.0-SNAPSHOT. Of the branch's kind. */
        @Test
        void aTwoNumberVersionIsGivenItsThirdNumberOfTheBranchsKind() {
            assertThatThrownBy(() -> plan("develop", "13.15-SNAPSHOT", null)).hasMessageEndingWith(
                    "Set <version>13.15.0-SNAPSHOT</version> in pom.xml (mvn versions:set -DnewVersion=13.15.0-SNAPSHOT "
                            + "sets every module's).");
            assertThatThrownBy(() -> plan("develop", "1.2", null)).hasMessageEndingWith(
                    "Set <version>1.2.0-SNAPSHOT</version> in pom.xml (mvn versions:set -DnewVersion=1.2.0-SNAPSHOT "
                            + "sets every module's).");
            assertThatThrownBy(() -> plan("main", "1.0-SNAPSHOT", null)).hasMessageEndingWith(
                    "Set <version>1.0.0</version> in pom.xml (mvn versions:set -DnewVersion=1.0.0 sets every module's).");
        }

        @Test
        void uncommittedChangesAreRefusedUnlessAllowed() throws GantryException {
            history.dirty = List.of("a", "b", "c", "d", "e", "f", "g");
            assertThatThrownBy(() -> plan("main", "1.0.0", null)).hasMessage(
                    "Uncommitted changes to tracked files: a, b, c, d, e and 2 more. A stable release is built only from committed "
                            + "sources, so that the tag describes what was released. Commit or revert them, or pass "
                            + "-Dgantry.allowDirty=true to release anyway.");
            PlanSettings allowDirty = new PlanSettings(Flow.GITFLOW, List.of(), "v", true, null, "orders", "r", "s");
            assertThat(plan(allowDirty, "main", "1.0.0", null).release()).isEqualTo(ReleaseKind.STABLE);
        }

        @Test
        void aConfiguredImageRepositoryIsUsed() throws GantryException {
            Plan plan = plan(settings(Flow.GITFLOW, List.of(), "registry.example.com/orders"), "main", "1.0.0", null);
            assertThat(plan.image().repository()).isEqualTo("registry.example.com/orders");
            assertThat(plan.image().local()).isFalse();
        }
    }

    @Nested
    class SnapshotBranch {

        @Test
        void everyCommitPublishesASnapshotWithMutableTags() throws GantryException {
            Plan plan = plan("develop", "1.2.0-SNAPSHOT", "1.2.0-SNAPSHOT");
            assertThat(plan.release()).isEqualTo(ReleaseKind.SNAPSHOT);
            assertThat(plan.gitTag()).isNull();
            assertThat(plan.artifacts().mode()).isEqualTo(ArtifactPlan.Mode.REPLACE_SNAPSHOT);
            assertThat(plan.artifacts().repository()).isEqualTo("https://repo/snapshots");
            assertThat(plan.image().tags()).containsExactly(new ImageTag("sha-a1b2c3d4e5f6", false),
                    new ImageTag("1.2.0-SNAPSHOT", true), new ImageTag("develop", true), new ImageTag("dev-latest", true));
        }

        @Test
        void tagsAreNotLookedUpForASnapshot() throws GantryException {
            plan("develop", "1.2.0-SNAPSHOT", null);
            assertThat(history.tagLookups).isZero();
        }

        @Test
        void aReleaseVersionIsRefusedWithTheFix() {
            assertThatThrownBy(() -> plan("develop", "1.2.0", "1.2.0-SNAPSHOT")).hasMessage(
                    "Version 1.2.0 on branch 'develop': this branch publishes snapshots and requires X.Y.Z-SNAPSHOT (branch 'develop' → "
                            + "snapshot, moving image tags [develop, dev-latest]). Set <version>1.2.0-SNAPSHOT</version> in pom.xml, or the "
                            + "next version's snapshot; release versions are built on the stable branch.");
        }

        @Test
        void theEnvironmentTagOfTheRuleIsMoved() throws GantryException {
            BranchRule develop = new BranchRule("develop", ReleaseKind.SNAPSHOT, List.of("develop"), "deploy/dev/current", null, false);
            Plan plan = plan(settings(Flow.GITFLOW, List.of(develop), null), "develop", "1.2.0-SNAPSHOT", null);
            assertThat(plan.environmentTag()).isEqualTo("deploy/dev/current");
            assertThat(plan.image().mutableTags()).extracting(ImageTag::name).containsExactly("1.2.0-SNAPSHOT", "develop");
        }
    }

    /** A {@code prod} branch that takes released versions by a merge of {@code main} and marks them deployed. */
    @Nested
    class PromotionBranch {

        final BranchRule prod = new BranchRule("prod", ReleaseKind.NONE, List.of(), "deploy/prod/current", null, false);

        Plan promote(String version) throws GantryException {
            return plan(settings(Flow.GITFLOW, List.of(prod), "registry/orders"), "prod", version, "1.1.0");
        }

        @Test
        void aReleasedVersionMovesTheEnvironmentTagAndPublishesNothing() throws GantryException {
            history.tag("v1.2.0", OTHER);

            Plan plan = promote("1.2.0");

            assertThat(plan.release()).isEqualTo(ReleaseKind.NONE);
            assertThat(plan.environmentTag()).isEqualTo("deploy/prod/current");
            assertThat(plan.image()).isNull();
            assertThat(plan.artifacts()).isNull();
            assertThat(plan.gitTag()).isNull();
            assertThat(plan.reason()).isEqualTo("Branch 'prod' promotes released versions (branch 'prod' → none, "
                    + "environment tag deploy/prod/current): 1.2.0 is released (tag v1.2.0 on 0f9e8d7): a deploy "
                    + "moves deploy/prod/current to this commit, and nothing is built for it or published.");
        }

        @Test
        void aVersionNotReleasedIsRefusedSayingWhereToReleaseIt() {
            history.tag("v1.1.0", OTHER);

            assertThatThrownBy(() -> promote("1.2.0")).isInstanceOf(GantryException.class).hasMessage(
                    "Branch 'prod' promotes released versions and moves deploy/prod/current to them (branch 'prod' → "
                            + "none, environment tag deploy/prod/current), but 1.2.0 is not released: no tag v1.2.0 here "
                            + "or on the remote. Release the version on the stable branch first (its tag is pushed last, "
                            + "once its image and artifacts are in place), then merge that branch into 'prod'.");
        }

        /** A preview (mvn verify) whose remote could not be read does not refuse a tag it could not see. */
        @Test
        void aPreviewWithoutTheRemotesTagsDoesNotRefuse() throws GantryException {
            History local = new History() {
                @Override
                public boolean remoteTagsRead() {
                    return false;
                }
            };
            Plan plan = new Planner(settings(Flow.GITFLOW, List.of(prod), null))
                    .plan(new ReleaseContext("prod", HEAD, "1.2.0", "1.1.0", local));

            assertThat(plan.environmentTag()).isNull();
            assertThat(plan.reason()).endsWith("whether 1.2.0 is released (tag v1.2.0) is not known without the "
                    + "remote's tags, which this preview could not read; a deploy asks the remote.");
        }

        @Test
        void aSnapshotIsRefused() {
            assertThatThrownBy(() -> promote("1.2.0-SNAPSHOT")).isInstanceOf(GantryException.class)
                    .hasMessageContaining("but 1.2.0-SNAPSHOT is a snapshot, not a released version X.Y.Z. Release");
        }

        @Test
        void withoutTheTagGoalNothingMoves() throws GantryException {
            history.tag("v1.2.0", OTHER);
            PlanSettings withoutTag = new PlanSettings(Flow.GITFLOW, List.of(prod), "v", false, null, "orders",
                    "https://repo/releases", "https://repo/snapshots", java.util.Set.of("plan", "image", "publish"));

            assertThat(plan(withoutTag, "prod", "1.2.0", "1.1.0").environmentTag()).isNull();
        }

        @Test
        void aBranchThatOnlyVerifiesAsksNoTags() throws GantryException {
            plan("feature/login", "1.2.0", null);

            assertThat(history.tagLookups).isZero();
        }
    }

    @Nested
    class OtherBranches {

        @Test
        void aPullRequestBuildIsVerifiedOnlyWhateverItsBranch() throws GantryException {
            Plan plan = new Planner(settings(Flow.GITFLOW, List.of(), null))
                    .plan(new ReleaseContext("main", HEAD, "9.9.9", null, history, "GITHUB_HEAD_REF (GitHub Actions)",
                            () -> VersionSetting.IN_POM));
            assertThat(plan.release()).isEqualTo(ReleaseKind.NONE);
            assertThat(plan.reason()).isEqualTo("A pull request build (GITHUB_HEAD_REF (GitHub Actions) is set) builds a merge commit "
                    + "that is on no branch: it is verified only. 'main' publishes once the pull request is merged.");
            assertThat(history.tagLookups).isZero();
        }

        @Test
        void aFeatureBranchOfGitflowIsVerifiedOnly() throws GantryException {
            Plan plan = plan("feature/login", "anything-goes", null);
            assertThat(plan.release()).isEqualTo(ReleaseKind.NONE);
            assertThat(plan.image()).isNull();
            assertThat(plan.artifacts()).isNull();
            assertThat(plan.reason()).isEqualTo("Branch 'feature/login' publishes nothing (branch '*' → none, images off): "
                    + "the build is verified only.");
        }

        @Test
        void trunkPublishesFeatureSnapshotsWithoutAnImage() throws GantryException {
            Plan plan = plan(settings(Flow.TRUNK, List.of(), null), "feature/login", "1.3.0-SNAPSHOT", null);
            assertThat(plan.release()).isEqualTo(ReleaseKind.SNAPSHOT);
            assertThat(plan.image()).isNull();
        }

        @Test
        void trunkBuildsAnImageOnceARepositoryIsConfigured() throws GantryException {
            Plan plan = plan(settings(Flow.TRUNK, List.of(), "registry/lib"), "main", "1.0.0", null);
            assertThat(plan.image().repository()).isEqualTo("registry/lib");
        }

        @Test
        void thePomsRulesComeBeforeTheFlowsAndTheFirstMatchWins() throws GantryException {
            List<BranchRule> rules = List.of(
                    new BranchRule("feature/*", ReleaseKind.SNAPSHOT, List.of("branch-{branch}"), null, null, false),
                    BranchRule.of("feature/*", ReleaseKind.NONE));
            Plan plan = plan(settings(Flow.GITFLOW, rules, null), "feature/Login", "1.3.0-SNAPSHOT", null);
            assertThat(plan.release()).isEqualTo(ReleaseKind.SNAPSHOT);
            assertThat(plan.image().mutableTags()).extracting(ImageTag::name).contains("branch-feature-login");
        }

        /** The template passed validation with a sample branch; this branch's name makes a tag no registry takes. */
        @Test
        void aMovingTagThatABranchNameMakesInvalidIsRefusedInThePlan() {
            List<BranchRule> rules = List.of(new BranchRule("feature/*", ReleaseKind.SNAPSHOT,
                    List.of("x".repeat(100) + "-{branch}"), null, null, false));
            assertThatThrownBy(() -> plan(settings(Flow.GITFLOW, rules, null), "feature/" + "y".repeat(60), "1.3.0-SNAPSHOT",
                    null)).hasMessageStartingWith("The moving image tag '" + "x".repeat(100) + "-feature-")
                    .hasMessageContaining("is no image tag a registry accepts: 1 to 128 letters, digits, '_', '.' and '-'");
        }

        @Test
        void imagesCanBeTurnedOffPerBranch() throws GantryException {
            BranchRule noImage = new BranchRule("main", ReleaseKind.STABLE, List.of(), null, false, false);
            assertThat(plan(settings(Flow.GITFLOW, List.of(noImage), "r/x"), "main", "1.0.0", null).image()).isNull();
        }

        @Test
        void anUnknownFlowNamesTheChoices() {
            assertThatThrownBy(() -> Flow.parse("kanban")).hasMessage("Unknown flow 'kanban': expected 'gitflow' (microservices) or "
                    + "'trunk' (libraries). Set <flow> in the gantry-maven-plugin configuration or pass -Dgantry.flow=gitflow.");
        }
    }

    @Nested
    class WhyThereIsNoImage {

        @Test
        void aPlanWithAnImageHasNoReasonForNone() throws GantryException {
            assertThat(plan("main", "1.0.0", null).noImage()).isNull();
        }

        @Test
        void aBranchRuleThatTurnsImagesOffSaysSo() throws GantryException {
            BranchRule noImage = new BranchRule("main", ReleaseKind.STABLE, List.of(), null, false, false);
            Plan plan = plan(settings(Flow.GITFLOW, List.of(noImage), "r/x"), "main", "1.0.0", null);
            assertThat(plan.noImage()).isEqualTo("images are off for branch 'main' (branch 'main' → stable, images off); set "
                    + "<images>true</images> in its <branches><branch> entry to build one.");
        }

        @Test
        void trunkWithoutAnImageRepositorySaysHowToConfigureOne() throws GantryException {
            Plan plan = plan(settings(Flow.TRUNK, List.of(), null), "main", "1.0.0", null);
            assertThat(plan.noImage()).isEqualTo("the trunk flow builds an image only when an image repository is configured; "
                    + "set <imageRepository> or pass -Dgantry.image.repository=<registry>/<name> to build one.");
        }

        @Test
        void aBuildWithoutTheImageGoalSaysThatNoJarModuleBuildsIt() throws GantryException {
            PlanSettings noImageGoal = new PlanSettings(Flow.GITFLOW, List.of(), "v", false, null, "orders", "r", "s",
                    Set.of("publish", "tag"));
            assertThat(plan(noImageGoal, "main", "1.0.0", null).noImage()).isEqualTo("no module builds it in this build: "
                    + "an image is built from a module packaged jar (or quarkus), and none is, or each one skips it "
                    + "(gantry.skip, gantry.image.skip or <skipImage>).");
        }

        @Test
        void aPlanThatPublishesNothingGivesItsReason() throws GantryException {
            Plan plan = plan("feature/login", "1.0.0", null);
            assertThat(plan.noImage()).isEqualTo(plan.reason());
        }

        /** Told to skip the image, a build that releases nothing says so, not that the version is released. */
        @Test
        void aPlanThatPublishesNothingWithoutTheImageGoalSaysNoModuleBuildsIt() throws GantryException {
            history.tag("v1.0.0", OTHER);
            PlanSettings noImageGoal = new PlanSettings(Flow.GITFLOW, List.of(), "v", false, null, "orders", "r", "s",
                    Set.of("publish", "tag"));
            Plan plan = plan(noImageGoal, "main", "1.0.0", "1.0.0");
            assertThat(plan.reason()).startsWith("1.0.0 is already released (tag v1.0.0 on 0f9e8d7)");
            assertThat(plan.noImage()).startsWith("no module builds it in this build");
        }
    }
}
