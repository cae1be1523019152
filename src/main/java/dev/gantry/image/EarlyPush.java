package dev.gantry.image;

import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.event.events.TimerEvent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Jib's push started while Gantry looks the plan's tags up and runs the release checks, held before its first write.
 * Meanwhile Jib loads, builds the layers, reads the base image and authenticates with the registry (in a fresh JVM,
 * most of a push's time); every upload and every manifest waits until {@link #publish} says the look-up and the checks
 * passed. After {@link #abandon} they fail instead: a refused build has uploaded nothing, as when Jib started after the
 * checks.
 *
 * <p>The hold is Jib's own events. jib-core writes to a registry in two steps only, {@code PushBlobStep} (a layer or
 * the config: the existence check, then the mount or upload) and {@code PushImageStep} (a manifest), and each
 * dispatches a {@link TimerEvent} on its own thread before it sends anything, calling the handlers on that thread,
 * where they may block or throw. {@code ImagePublisherTest} fails if a jib-core upgrade writes before them.
 */
final class EarlyPush {

    /** jib-core's {@code PushBlobStep.DESCRIPTION}, followed by the blob's digest and size. */
    static final String PUSHING_BLOB = "Pushing BLOB ";
    /** How long an abandoned push may take to end: its steps are interrupted, a socket read waits for its time-out. */
    private static final Duration STOPPING = Duration.ofSeconds(30);
    /** jib-core's {@code PushImageStep.DESCRIPTION}. */
    static final String PUSHING_MANIFEST = "Pushing manifest";

    /** What a held write throws when the push is abandoned: Jib's build fails with it, and is not tried again. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("Gantry abandoned this push before its first upload: the registry's tags or the release checks "
                    + "said no", null, false, false);
        }
    }

    /** A push to start; it is given the hold to add to each of its containerizers, with the executor to run on. */
    @FunctionalInterface
    interface Push {
        JibContainer run(EarlyPush hold) throws Exception;
    }

    private final JibRunner jib;
    private final HeldLog log;
    private final CountDownLatch decided = new CountDownLatch(1);
    /**
     * Jib's steps run here rather than on an executor of Jib's own, which Jib leaves running when a step fails: the
     * steps of an abandoned push still under way would run beside the next build of Jib's, retrying a registry that
     * does not answer.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(steps -> {
        Thread thread = new Thread(steps, "gantry-early-push-step");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<JibContainer> result = new CompletableFuture<>();
    private volatile boolean publish;
    private Thread thread;
    /** When the first write reached the hold (System.nanoTime), or 0: how long the push waited, at debug. */
    private volatile long heldSince;

    private EarlyPush(JibRunner jib, HeldLog log) {
        this.jib = jib;
        this.log = log;
    }

    /**
     * Starts the push on a thread of its own (a daemon, in the caller's context class loader, where Jib looks its parts
     * up).
     *
     * @param jib the runner the push runs Jib with: it says what Jib says into {@code log}
     * @param log held until the push is published ({@link HeldLog})
     */
    static EarlyPush start(JibRunner jib, HeldLog log, Push push) {
        EarlyPush early = new EarlyPush(jib, log);
        log.hold();
        early.thread = new Thread(() -> {
            JibContainer container = null;
            Throwable failure = null;
            try {
                container = push.run(early);
            } catch (Exception | Error e) {
                failure = e;
            }
            // a failure is reported at once; Jib's other steps end on their own, or abandon() stops them and waits
            early.executor.shutdown();
            if (failure == null) {
                early.result.complete(container);
            } else {
                early.result.completeExceptionally(failure);
            }
        }, "gantry-early-push");
        early.thread.setDaemon(true);
        early.thread.start();
        return early;
    }

    /** The runner of the push: a failure's message names the registry as its last route reached it. */
    JibRunner jib() {
        return jib;
    }

    /** Jib's event handler: a write to the registry waits here until the push is published or abandoned. */
    void hold(TimerEvent event) {
        if (event.getState() != TimerEvent.State.START || !writes(event.getDescription())) {
            return;
        }
        if (heldSince == 0) {
            heldSince = System.nanoTime();
        }
        try {
            decided.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // abandoned (its steps are stopped), or interrupted once published
        }
        if (!publish) {
            throw new Abandoned();
        }
    }

    /**
     * Lets the writes go.
     *
     * @return how long Jib's push had waited, ready to write, in ms (0: the look-up and checks were done first)
     */
    long publish() {
        long since = heldSince;
        log.release();
        publish = true;
        decided.countDown();
        return since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000;
    }

    /** What Jib pushed once {@link #publish published}, or what the push failed with. */
    JibContainer pushed() throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    /**
     * Makes the held writes fail, stops Jib's steps under way (a registry that does not answer would keep them retrying
     * for a minute; a push that has not started yet is refused its first step), says the rest of what the push says at
     * debug level, and waits for the push and its steps to end: within a step's HTTP time-out, since every step is
     * interrupted. The steps are waited for on their own: a push that had failed by itself before (Jib refused by the
     * registry while Gantry still looked up) left them running, and they would write Jib's cache after the image goal.
     */
    void abandon() {
        decided.countDown();
        log.discard();
        executor.shutdownNow();
        thread.interrupt();
        long deadline = System.nanoTime() + STOPPING.toNanos();
        try {
            result.handle((container, failure) -> null).get(STOPPING.toSeconds(), TimeUnit.SECONDS);
            executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still ending after that: a daemon thread, it may finish on its own
        }
    }

    /**
     * After a published push failed: stops Jib's steps still under way and waits for them, as {@link #abandon} does.
     * Jib does not stop a step's siblings when one fails (a layer refused while another still uploads), and they would
     * write to the registry and Jib's cache, and say so, after the image goal has failed. What they say still goes
     * to the log as it is.
     */
    void stopSteps() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOPPING.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The executor Jib's steps run on: {@code Containerizer.setExecutorService}. */
    ExecutorService executor() {
        return executor;
    }

    private static boolean writes(String description) {
        return description.startsWith(PUSHING_BLOB) || description.equals(PUSHING_MANIFEST);
    }

    /** Whether Jib's build failed because it was abandoned: it is then never tried again. */
    static boolean abandoned(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Abandoned) {
                return true;
            }
        }
        return false;
    }
}
