package dev.gantry.testing;

import com.sun.net.httpserver.HttpExchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Faults of the network drawn for the requests a test server receives (the {@link ProxiedRegistry} in front of the
 * real registry, the {@link EcrStandIn}, the {@link CodeArtifactStandIn}): server errors, throttling, connections
 * closed without an answer, slow answers. Each server answers an error or a throttle in its own protocol's words; a
 * reset and a slow answer are the same everywhere and done here.
 *
 * <p>Reproducible: whether a request fails depends only on the seed, the request's call ({@code PUT manifests},
 * {@code PublishPackageVersion} …) and how many requests of that call came before it, not on the order in which
 * concurrent requests (Jib's parallel layer uploads) happen to arrive. The same seed fails the same requests.
 */
public final class NetworkFaults {

    /** What a faulty request gets. */
    public enum Kind {
        /** HTTP 500/503 in the server's words. */
        SERVER_ERROR,
        /** HTTP 429 (the registry) or {@code ThrottlingException} (the AWS APIs). */
        THROTTLED,
        /** The connection closed without an answer. */
        RESET,
        /** The right answer, after {@link #slowness}. */
        SLOW
    }

    private static final NetworkFaults NONE = new NetworkFaults(0, 0, List.of(), Duration.ZERO, call -> false);

    private final long seed;
    /** One request in this many fails; 1: every one (a persistent fault); 0: none. */
    private final int oneIn;
    private final List<Kind> kinds;
    private final Duration slowness;
    private final Predicate<String> calls;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final List<String> injected = new CopyOnWriteArrayList<>();

    private NetworkFaults(long seed, int oneIn, List<Kind> kinds, Duration slowness, Predicate<String> calls) {
        this.seed = seed;
        this.oneIn = oneIn;
        this.kinds = List.copyOf(kinds);
        this.slowness = slowness;
        this.calls = calls;
    }

    public static NetworkFaults none() {
        return NONE;
    }

    /** About one request in {@code n} fails, with one of these kinds (all four when none is given). */
    public static NetworkFaults oneIn(int n, long seed, Kind... kinds) {
        if (n < 1) {
            throw new IllegalArgumentException("one request in " + n);
        }
        return new NetworkFaults(seed, n, kinds.length == 0 ? List.of(Kind.values()) : List.of(kinds),
                Duration.ofMillis(300), call -> true);
    }

    /** Every request fails this way: a persistent fault. */
    public static NetworkFaults always(Kind kind) {
        return oneIn(1, 0, kind);
    }

    /** The same faults, slow answers taking this long. */
    public NetworkFaults slowBy(Duration slowness) {
        return new NetworkFaults(seed, oneIn, kinds, slowness, calls);
    }

    /** The same faults, only for calls starting with this ({@code PUT manifests}, {@code PUT com/acme/}). */
    public NetworkFaults onlyFor(String callPrefix) {
        return onlyWhere(call -> call.startsWith(callPrefix));
    }

    /** The same faults, only for the AWS API's operations ({@code DescribeImages}), not the registry or Maven calls. */
    public NetworkFaults onlyApiCalls() {
        return onlyWhere(call -> !call.contains(" "));
    }

    private NetworkFaults onlyWhere(Predicate<String> calls) {
        return new NetworkFaults(seed, oneIn, kinds, slowness, calls);
    }

    /**
     * The fault for this request, or null for none; a slow answer has already been waited for when it returns
     * {@link Kind#SLOW}, and a reset has closed the exchange.
     */
    public Kind apply(HttpExchange exchange, String call) {
        Kind kind = draw(call);
        if (kind == Kind.RESET) {
            exchange.close();
        } else if (kind == Kind.SLOW) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return kind;
    }

    private Kind draw(String call) {
        if (oneIn == 0 || !calls.test(call)) {
            return null;
        }
        int nth = seen.computeIfAbsent(call, c -> new AtomicInteger()).getAndIncrement();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + call.hashCode() * 31L + nth);
        if (random.nextInt(oneIn) != 0) {
            return null;
        }
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        injected.add(kind + " " + call);
        return kind;
    }

    /** {@code KIND call}, one per fault injected so far. */
    public List<String> injected() {
        return List.copyOf(injected);
    }

    /** How many requests of calls starting with this were received, faulty or not. */
    public int received(String callPrefix) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(callPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Override
    public String toString() {
        return oneIn == 0 ? "no faults" : "one request in " + oneIn + " fails (" + kinds + ", seed " + seed + ", slow "
                + slowness.toMillis() + " ms)";
    }
}
