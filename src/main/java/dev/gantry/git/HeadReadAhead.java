package dev.gantry.git;

import dev.gantry.release.GantryLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plan's reading of HEAD, started before the plan: its three git processes run while Maven resolves the build's
 * plugins and dependencies, and the plan, in {@code validate}, takes what they read. Started by the build extension once
 * Maven has read the projects, before any goal has run, so that HEAD cannot have moved in between. The plan takes it only
 * when it asks for the same directory and remote, and only once; otherwise it reads HEAD itself.
 */
public final class HeadReadAhead {

    private final Path dir;
    private final String remoteName;
    private final CliHead.Started started;
    /** What the processes said at debug level, said again in the plan's log when it takes the read. */
    private final List<String> debug;
    private final AtomicBoolean taken = new AtomicBoolean();

    private HeadReadAhead(Path dir, String remoteName, CliHead.Started started, List<String> debug) {
        this.dir = dir;
        this.remoteName = remoteName;
        this.started = started;
        this.debug = debug;
    }

    /** Starts reading HEAD of the repository around {@code projectDir}; empty when git was found missing in this JVM. */
    public static Optional<HeadReadAhead> start(Path projectDir, String remoteName) {
        if (!GitCli.mayBeOnPath()) {
            return Optional.empty();
        }
        Path dir = projectDir.toAbsolutePath().normalize();
        List<String> debug = new ArrayList<>();
        GantryLog held = new GantryLog() {
            @Override
            public void debug(String message) {
                synchronized (debug) {
                    debug.add(message);
                }
            }

            @Override
            public void info(String message) {
                debug(message);
            }

            @Override
            public void warn(String message) {
                debug(message);
            }
        };
        return Optional.of(new HeadReadAhead(dir, remoteName, CliHead.begin(GitCli.unprobed(dir, held), remoteName), debug));
    }

    /** The read, for a plan of {@code dir} with {@code remoteName}: empty when it is another's, or taken already. */
    Optional<CliHead.Started> take(Path dir, String remoteName, GantryLog log) {
        if (!this.dir.equals(dir) || !this.remoteName.equals(remoteName) || !taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        started.awaitEnd(); // so that the processes' lines are all there
        synchronized (debug) {
            debug.forEach(line -> log.debug(line + " (started when Maven had read the projects)"));
        }
        return Optional.of(started);
    }
}
