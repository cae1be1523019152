package dev.gantry.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-session refusal names the step, the module and why, and advises what fits. */
class ReleaseUnfinishedTest {

    @Test
    void aModuleThatNeverRanTheGoalIsToldHowToTakePartOrLeave() {
        String message = Refusals.releaseUnfinished("2.0.0", List.of("publish", "tag"),
                List.of("shop-lib never ran it: its execution 'gantry' is bound to phase pre-site, which this build does not "
                        + "reach"), "nothing was pushed, published or tagged", false).getMessage();
        assertThat(message).isEqualTo("The plan was to release 2.0.0, but the build ended without completing it: the "
                + "end-of-reactor work of publish, tag never ran, because shop-lib never ran it: its execution 'gantry' is "
                + "bound to phase pre-site, which this build does not reach. So far nothing was pushed, published or "
                + "tagged. A release is made of every module that runs Gantry's goals: bind them in every module of the "
                + "release, or leave a module out with <gantry.skip>true</gantry.skip> in its properties (or "
                + "<phase>none</phase> on its execution of every step), then re-run mvn deploy on this commit: it "
                + "completes the release.");
    }

    @Test
    void aFailedModuleIsToBeFixed() {
        String message = Refusals.releaseUnfinished("2.0.0", List.of("image", "publish", "tag"),
                List.of("shop-broken failed"), "only the image shop (2.0.0) is in place", true).getMessage();
        assertThat(message).contains("because shop-broken failed. So far only the image shop (2.0.0) is in place.")
                .endsWith("A release is made of every module: fix the failure, then re-run mvn deploy on this commit: it "
                        + "completes the release.")
                .doesNotContain("gantry.skip");
    }
}
