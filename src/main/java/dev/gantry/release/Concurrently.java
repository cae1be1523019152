package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls made on threads of their own: one started ahead and met where its result is asked for ({@link #start},
 * {@link #join}), or several side by side ({@link #each}). A refusal met on such a thread is thrown where the result is
 * asked for, as if the call had run there. Threads of their own rather than a pool's: each inherits the caller's
 * context class loader (the plugin's class realm, where the AWS SDK and Jib look their parts up), is a daemon (a build
 * that fails before asking does not wait for it) and ends with its call. The common pool would not do either: on two
 * cores it runs one task at a time, and a network call waits most of its time.
 */
public final class Concurrently {

    /** A call that may be refused. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws GantryException;
    }

    /** A call for one input of {@link #each}. */
    @FunctionalInterface
    public interface Step<I, O> {
        O apply(I input) throws GantryException;
    }

    private Concurrently() {
    }

    /** Starts the call on a thread of its own, named {@code thread}. */
    public static <T> CompletableFuture<T> start(String thread, Call<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread running = new Thread(() -> {
            try {
                future.complete(call.call());
            } catch (GantryException | RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, thread);
        running.setDaemon(true);
        running.start();
        return future;
    }

    /** What the call returned, or its refusal or failure, thrown here. */
    public static <T> T join(CompletableFuture<T> future) throws GantryException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GantryException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Applies the step to every input side by side and returns the outputs in the inputs' order. Waits for every call
     * to end, so none is left running, and then throws the refusal of the first input that met one.
     */
    public static <I, O> List<O> each(String thread, List<I> inputs, Step<I, O> step) throws GantryException {
        List<O> outputs = new ArrayList<>();
        if (inputs.size() == 1) {
            outputs.add(step.apply(inputs.get(0))); // no thread for one call
            return outputs;
        }
        List<CompletableFuture<O>> calls = new ArrayList<>();
        for (I input : inputs) {
            calls.add(start(thread, () -> step.apply(input)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((done, failure) -> null).join();
        for (CompletableFuture<O> call : calls) {
            outputs.add(join(call));
        }
        return outputs;
    }
}
