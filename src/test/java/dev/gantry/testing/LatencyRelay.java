package dev.gantry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A TCP relay on a free loopback port in front of a {@link LocalRegistry} that makes the registry as far away as a real
 * one (ECR, GHCR or Harbor are 10-80 ms from CI runners): every chunk of bytes, in either direction, reaches the other
 * side half a round trip after it reached the relay, in the order it came. A request and its answer then cost one round
 * trip, and so does each exchange of a TLS handshake; a new connection also pays one round trip for its TCP handshake,
 * because the client's first bytes go on no earlier than one round trip after the relay accepted it.
 *
 * <p>Not emulated: bandwidth (a chunk of any size crosses in half a round trip), loss and jitter; the client's
 * {@code connect} itself returns at once (the kernel accepts), only what it sends waits.
 *
 * <p>Hand-written because this machine has neither of the usual tools: {@code tc qdisc add dev lo root netem delay
 * 20ms} fails with "Specified qdisc kind is unknown" (no {@code sch_netem} in the kernel), and toxiproxy is not
 * installed. Each direction of each connection has a reader that stamps every chunk with the time it is due and a
 * writer that waits for that time: a chunk is delayed from its own arrival, never from the previous chunk's write, so
 * a stream of chunks adds one delay, not one per chunk.
 */
public final class LatencyRelay implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;
    private static final Pattern HTTP_METHOD = Pattern.compile("(GET|HEAD|PUT|POST|PATCH|DELETE) ");

    private final ServerSocket server;
    private final int targetPort;
    private final long oneWayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** The first line of every request and answer that reached the relay, in order: where the round trips go. */
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** A request line ({@code up}) or status line that reached the relay at {@code nanos} (System.nanoTime). */
    private record Exchange(long nanos, int connection, boolean up, String line) {
    }

    private LatencyRelay(int targetPort, Duration roundTrip) throws IOException {
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("a round trip of " + roundTrip.toMillis() + " ms; expected 0 or more");
        }
        this.targetPort = targetPort;
        this.oneWayNanos = roundTrip.toNanos() / 2;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(name("accept"), this::accept);
    }

    /** Starts a relay to the registry whose request and answer take {@code roundTrip} more than on loopback. */
    public static LatencyRelay inFrontOf(LocalRegistry registry, Duration roundTrip) throws IOException {
        return new LatencyRelay(registry.port(), roundTrip);
    }

    /** {@code 127.0.0.1:PORT}: the registry part of an image reference that goes through the relay. */
    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Every request and answer that reached the relay since {@code since} (System.nanoTime), one per line, in order:
     * {@code +ms #connection > GET /v2/…} for a request, {@code <} for its answer's status line. A request cut into
     * several chunks is one line; the lines of a pipelined request are not told apart (no client here pipelines).
     */
    public List<String> timeline(long since) {
        return exchanges.stream().filter(e -> e.nanos() >= since)
                .map(e -> String.format("+%6d ms  #%-4d %s %s", TimeUnit.NANOSECONDS.toMillis(e.nanos() - since),
                        e.connection(), e.up() ? ">" : "<", e.line()))
                .toList();
    }

    /** How many connections clients opened through the relay so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // the relay is closing
            }
            long accepted = System.nanoTime();
            int id = connections.incrementAndGet();
            try {
                Socket registry = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(registry);
                if (closed) { // closed while this connection was being made
                    closeQuietly(client);
                    closeQuietly(registry);
                    return;
                }
                Connection connection = new Connection(client, registry);
                // the client's first bytes leave after its TCP handshake's round trip, which the kernel did at once
                connection.relay(client, registry, accepted + 2 * oneWayNanos, id, true);
                connection.relay(registry, client, accepted, id, false);
            } catch (IOException e) {
                closeQuietly(client); // the registry refused: so does the relay
            }
        }
    }

    /** The two sockets of one client's connection, closed together when both directions ended or one failed. */
    private final class Connection {
        private final Socket client;
        private final Socket registry;
        private final AtomicInteger open = new AtomicInteger(2);

        Connection(Socket client, Socket registry) throws IOException {
            this.client = client;
            this.registry = registry;
            // a small write must not wait for the other side's delayed ACK: the delay here is the only one wanted
            client.setTcpNoDelay(true);
            registry.setTcpNoDelay(true);
        }

        /** One direction: a reader that stamps chunks, a writer that sends each when due; the end travels as a chunk. */
        void relay(Socket from, Socket to, long notBefore, int id, boolean up) throws IOException {
            String name = name(id + (up ? "-up" : "-down"));
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            start(name + "-read", () -> {
                byte[] buffer = new byte[CHUNK];
                boolean reset = true;
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        record(id, up, buffer, n);
                        queue.add(new Chunk(due(notBefore), Arrays.copyOf(buffer, n)));
                    }
                    reset = false;
                } catch (IOException e) {
                    // a reset, or the relay closing: passed on as a reset
                } finally {
                    queue.add(new Chunk(due(notBefore), reset ? Chunk.RESET : Chunk.END));
                }
            });
            start(name + "-write", () -> {
                try {
                    while (true) {
                        Chunk chunk = queue.take();
                        long wait = chunk.due() - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (chunk.bytes() == Chunk.RESET) {
                            closeBoth();
                            return;
                        }
                        if (chunk.bytes() == Chunk.END) {
                            to.shutdownOutput();
                            ended();
                            return;
                        }
                        out.write(chunk.bytes());
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    closeBoth(); // the other side is gone, or the relay is closing
                }
            });
        }

        /** Notes the chunk's first line when it starts a request or an answer (a body's chunks do not). */
        private void record(int id, boolean up, byte[] buffer, int length) {
            String start = new String(buffer, 0, Math.min(length, 8), StandardCharsets.ISO_8859_1);
            if (up ? HTTP_METHOD.matcher(start).lookingAt() : start.startsWith("HTTP/1.")) {
                String head = new String(buffer, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
                int end = head.indexOf('\r');
                exchanges.add(new Exchange(System.nanoTime(), id, up, end < 0 ? head : head.substring(0, end)));
            }
        }

        private long due(long notBefore) {
            return Math.max(System.nanoTime(), notBefore) + oneWayNanos;
        }

        private void ended() {
            if (open.decrementAndGet() == 0) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(registry);
            sockets.remove(client);
            sockets.remove(registry);
        }
    }

    /** Bytes due at a time (System.nanoTime), or one of the two markers of a direction's end. */
    private record Chunk(long due, byte[] bytes) {
        static final byte[] END = new byte[0];
        static final byte[] RESET = new byte[0];
    }

    /** {@code latency-relay-PORT-what}: the relay's threads, told apart from another relay's by its port. */
    private String name(String what) {
        return "latency-relay-" + server.getLocalPort() + "-" + what;
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.removeIf(t -> !t.isAlive());
        threads.add(thread);
        thread.start();
    }

    /** Stops accepting, cuts every open connection and waits (at most 5 s) for the relay's threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(LatencyRelay::closeQuietly);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "LatencyRelay[" + host() + " -> 127.0.0.1:" + targetPort + ", round trip "
                + TimeUnit.NANOSECONDS.toMillis(2 * oneWayNanos) + " ms]";
    }
}
