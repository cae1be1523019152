package dev.gantry.testing;

import dev.gantry.release.GantryLog;
import java.util.List;

/**
 * A log that writes what it is told into a list, so that tests can assert what a user would read: info lines as they
 * are, warnings prefixed {@code WARN }, and, when asked for, debug lines prefixed {@code DEBUG }.
 */
public final class RecordingLog implements GantryLog {

    private final List<String> into;
    private final boolean debug;

    /**
     * @param into  where the lines go
     * @param debug whether debug lines are kept too (to check that secrets stay out even of them)
     */
    public RecordingLog(List<String> into, boolean debug) {
        this.into = into;
        this.debug = debug;
    }

    @Override
    public void debug(String message) {
        if (debug) {
            add("DEBUG " + message);
        }
    }

    @Override
    public void info(String message) {
        add(message);
    }

    @Override
    public void warn(String message) {
        add("WARN " + message);
    }

    /** Jib's threads and the credential look-up's log too, while the build's own thread does. */
    private void add(String line) {
        synchronized (into) {
            into.add(line);
        }
    }
}
