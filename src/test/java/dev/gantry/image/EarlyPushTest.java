package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** What is left of a push that Gantry abandons: nothing may run on once {@link EarlyPush#abandon} has returned. */
class EarlyPushTest {

    @Test
    void abandoning_a_push_that_failed_by_itself_waits_for_the_steps_it_left_running() throws Exception {
        // Jib refused by the registry (its own 401) while Gantry still looks the tags up: the push fails at once, and
        // Jib's other steps, building the layers into its cache, are still under way when the look-up fails too
        CountDownLatch stepRunning = new CountDownLatch(1);
        AtomicBoolean stepEnded = new AtomicBoolean();
        EarlyPush early = EarlyPush.start(null, new HeldLog(GantryLog.SILENT), hold -> {
            hold.executor().submit(() -> {
                stepRunning.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException stopped) {
                    // as Jib's steps are: the interrupt ends the wait, not the work in hand
                }
                finishFor(Duration.ofMillis(300)); // moving a layer into Jib's cache, say
                stepEnded.set(true);
            });
            stepRunning.await();
            throw new IOException("401 Unauthorized");
        });
        assertThatThrownBy(early::pushed).hasMessage("401 Unauthorized");

        early.abandon();

        assertThat(stepEnded).as("the step ended before abandon() returned").isTrue();
    }

    @Test
    void a_published_push_that_failed_stops_the_steps_still_under_way() throws Exception {
        // a layer refused by the registry (400) while another layer still uploads: Jib does not stop the upload
        CountDownLatch uploading = new CountDownLatch(1);
        AtomicBoolean uploaded = new AtomicBoolean();
        AtomicBoolean stopped = new AtomicBoolean();
        EarlyPush early = EarlyPush.start(null, new HeldLog(GantryLog.SILENT), hold -> {
            hold.executor().submit(() -> {
                uploading.countDown();
                try {
                    Thread.sleep(60_000);
                    uploaded.set(true);
                } catch (InterruptedException e) {
                    stopped.set(true);
                }
            });
            uploading.await();
            throw new IOException("PUT blob answered HTTP 400");
        });
        early.publish();
        assertThatThrownBy(early::pushed).hasMessage("PUT blob answered HTTP 400");

        early.stopSteps();

        assertThat(stopped).as("the upload still under way was stopped before stopSteps() returned").isTrue();
        assertThat(uploaded).isFalse();
        assertThat(early.executor().isTerminated()).isTrue();
    }

    /** Work that an interrupt does not stop. */
    private static void finishFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
