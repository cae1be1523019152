package dev.gantry.maven;

import dev.gantry.release.GantryLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's. */
final class MavenGantryLog implements GantryLog {

    private final Log log;

    MavenGantryLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
