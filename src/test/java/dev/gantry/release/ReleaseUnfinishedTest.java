package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-of-session refusal names the step, the module and why, and advises what fits. */
class ReleaseUnfinishedTest {

    @Test
    void aModuleThatNeverRanTheGoalIsToldHowToTakePartOrLeave() {
        String message = Refusals.releaseUnfinished("2.0.0", List.of("publish", "tag"),
                Map.of("never ran it: its execution 'gantry' is bound to phase pre-site, which this build does not reach",
                        List.of("shop-lib")), "this build pushed, published and tagged nothing", true, false).getMessage();
        assertThat(message).isEqualTo("The plan was to release 2.0.0, but the build ended without completing it: the "
                + "end-of-reactor work of publish and tag never ran, because shop-lib never ran it: its execution 'gantry' is "
                + "bound to phase pre-site, which this build does not reach. So far this build pushed, published and "
                + "tagged nothing. A release is made of every module that runs Gantry's goals: bind them in every module of the "
                + "release, or leave a module out with <gantry.skip>true</gantry.skip> in its properties (or "
                + "<phase>none</phase> on its execution of every step), then re-run mvn deploy on this commit: it "
                + "completes the release.");
    }

    @Test
    void aFailedModuleIsToBeFixedAndTheWholeReactorRerunOnThisCommitOrOnTheFixBumpingTheVersion() {
        String message = Refusals.releaseUnfinished("2.0.0", List.of("image", "publish", "tag"),
                Map.of("failed", List.of("shop-broken")), "only the image shop (2.0.0) is in place", false, true).getMessage();
        assertThat(message).contains("because shop-broken failed. So far only the image shop (2.0.0) is in place.")
                .endsWith("A release is made of every module: once the failure is fixed, re-run mvn deploy on the whole "
                        + "reactor (not with Maven's -rf, which builds a part of it). When the failure was not in the code (a "
                        + "flaky test, the network), re-run it on this commit: it completes the release. When the code must "
                        + "change, the commit that fixes it must bump the version: what is in place of 2.0.0 is this "
                        + "commit's.")
                .doesNotContain("gantry.skip");
    }

    /** A compile error under -fae: nothing went out, so the commit that fixes the code releases the same version. */
    @Test
    void aFailedModuleWithNothingInPlaceLetsTheFixReleaseTheSameVersion() {
        String message = Refusals.releaseUnfinished("2.0.0", List.of("image", "publish", "tag"),
                Map.of("failed", List.of("shop-broken")), "this build pushed, published and tagged nothing", true, true).getMessage();
        assertThat(message).endsWith("When the code must change, the commit that fixes it releases 2.0.0; if an earlier "
                + "run of this commit published part of 2.0.0 and the fix changes those files, that release is refused, "
                + "and the version is to be bumped.");
    }

    /** A reactor of 28 modules after the failed one: each reason said once, for all its modules. */
    @Test
    void modulesHeldBackForTheSameReasonAreNamedTogether() {
        Map<String, List<String>> why = new LinkedHashMap<>();
        why.put("failed", List.of("logbook-okhttp"));
        why.put("was not built (an earlier module failed, or the build stopped before it)",
                List.of("logbook-spring", "logbook-test"));
        String message = Refusals.releaseUnfinished("4.1.0", List.of("publish", "tag"), why, "nothing was published",
                true, true).getMessage();
        assertThat(message).contains("never ran, because logbook-okhttp failed; logbook-spring, logbook-test were not "
                + "built (an earlier module failed, or the build stopped before it). So far");
    }
}
