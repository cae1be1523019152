package dev.gantry.image;

import dev.gantry.release.GantryLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The log of a push started ahead ({@link EarlyPush}), held while it waits for Gantry's look-up and checks: its lines
 * are said as they came once the push is published, and only at debug level once it is abandoned, since for the
 * reader that push never happened (a re-run whose image is in place would otherwise warn of an insecure registry's
 * fallback and announce an entrypoint for an image it does not push). Debug lines pass at once.
 */
final class HeldLog implements GantryLog {

    private enum Level { INFO, WARN }

    private record Line(Level level, String message) {
    }

    private final GantryLog log;
    private final List<Line> held = new ArrayList<>();
    private boolean holding;
    private volatile boolean discarded;

    HeldLog(GantryLog log) {
        this.log = log;
    }

    /** Keeps the info and warning lines from now on. */
    synchronized void hold() {
        holding = true;
    }

    /** Says the lines kept, as they came, and every next line at once. */
    synchronized void release() {
        holding = false;
        held.forEach(this::emit);
        held.clear();
    }

    /** Says the lines kept, and every next line, at debug level only. */
    synchronized void discard() {
        holding = false;
        discarded = true;
        held.forEach(line -> debug(line.message()));
        held.clear();
    }

    @Override
    public void debug(String message) {
        log.debug(discarded ? "(a push not made) " + message : message);
    }

    @Override
    public void info(String message) {
        say(new Line(Level.INFO, message));
    }

    @Override
    public void warn(String message) {
        say(new Line(Level.WARN, message));
    }

    private synchronized void say(Line line) {
        if (discarded) {
            debug(line.message());
        } else if (holding) {
            held.add(line);
        } else {
            emit(line);
        }
    }

    private void emit(Line line) {
        if (line.level() == Level.WARN) {
            log.warn(line.message());
        } else {
            log.info(line.message());
        }
    }
}
