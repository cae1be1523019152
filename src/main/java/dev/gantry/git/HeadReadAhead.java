package dev.gantry.git;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plan's reading of HEAD, started before the plan: its three git processes run while Maven resolves the build's
 * plugins and dependencies, and the plan, in {@code validate}, takes what they read. Started by the build extension once
 * Maven has read the projects. The plan takes it only when it asks for the same directory and remote, only once, and
 * only when HEAD has not moved since: a goal that runs before the plan (one bound to {@code validate} ahead of it, or
 * named on the command line) may pull, commit or check out, and the plan must read the commit that is built.
 */
public final class HeadReadAhead {

    private final Path dir;
    private final String remoteName;
    private final CliHead.Started started;
    /** What the processes said, said again in the plan's log when it takes the read. */
    private final List<Said> said;
    /** The files that say where HEAD is, as they were when the processes had ended; empty if they could not be told. */
    private final CompletableFuture<Optional<String>> headWhenRead;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** A line of the processes' log, and whether it is news for the user (info) rather than debug. */
    private record Said(String message, boolean info) {
    }

    private HeadReadAhead(Path dir, String remoteName, CliHead.Started started, List<Said> said) {
        this.dir = dir;
        this.remoteName = remoteName;
        this.started = started;
        this.said = said;
        // taken on the thread of the process that ends last, as soon as the read has ended
        this.headWhenRead = CompletableFuture.allOf(started.where(), started.objects(), started.remote())
                .handle((ended, failed) -> headNow());
    }

    /** Starts reading HEAD of the repository around {@code projectDir}; empty when git was found missing in this JVM. */
    public static Optional<HeadReadAhead> start(Path projectDir, String remoteName) {
        if (!GitCli.mayBeOnPath()) {
            return Optional.empty();
        }
        Path dir = projectDir.toAbsolutePath().normalize();
        List<Said> said = new ArrayList<>();
        GantryLog held = new GantryLog() {
            @Override
            public void debug(String message) {
                synchronized (said) {
                    said.add(new Said(message, false));
                }
            }

            @Override
            public void info(String message) {
                synchronized (said) {
                    said.add(new Said(message, true));
                }
            }

            @Override
            public void warn(String message) {
                info(message);
            }
        };
        return Optional.of(new HeadReadAhead(dir, remoteName, CliHead.begin(GitCli.unprobed(dir, held), remoteName), said));
    }

    /**
     * The read, for a plan of {@code dir} with {@code remoteName}: empty when it is another's, taken already, or when
     * HEAD has moved since it was read.
     */
    Optional<CliHead.Started> take(Path dir, String remoteName, GantryLog log) {
        if (!this.dir.equals(dir) || !this.remoteName.equals(remoteName) || !taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        Optional<String> then = headWhenRead.join(); // the processes have ended: their lines are all there
        synchronized (said) {
            for (Said line : said) {
                if (line.info()) {
                    log.info(line.message());
                } else {
                    log.debug(line.message() + " (started when Maven had read the projects)");
                }
            }
        }
        if (then.isEmpty() || !then.equals(headNow())) {
            log.debug("HEAD, its branch or the repository's configuration changed since Maven read the projects: "
                    + "reading HEAD again");
            return Optional.empty();
        }
        return Optional.of(started);
    }

    /** Waits until the read and the state of HEAD's files are taken: for a test that then moves HEAD. */
    void awaitRead() {
        headWhenRead.join();
    }

    /**
     * The files that say where HEAD is, as they are now, written out: absent, or each one's size, time and, for a small
     * one (HEAD, a loose ref: a line each), its text, so that a ref rewritten within the file system's time resolution
     * still differs. A string rather than records: a record's first {@code equals} costs a fresh JVM ~20 ms of
     * method-handle set-up, on the plan's path.
     */
    private Optional<String> headNow() {
        try {
            Optional<List<Path>> files = CliHead.headFiles(started.where().join(), dir);
            if (files.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder state = new StringBuilder();
            for (Path file : files.get()) {
                state.append(file).append(' ');
                if (Files.exists(file)) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    state.append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis()).append(' ')
                            .append(attributes.size() <= 1024 ? Files.readString(file, StandardCharsets.ISO_8859_1) : "");
                } else {
                    state.append("absent");
                }
                state.append('\n');
            }
            return Optional.of(state.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not told: the plan reads HEAD itself
        }
    }
}
