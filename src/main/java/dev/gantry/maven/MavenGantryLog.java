package dev.gantry.maven;

import dev.gantry.release.GantryLog;
import dev.gantry.release.Redaction;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's. Every line passes {@link Redaction}: the core repeats text of Jib's, git's and
 * Resolver's, whose URLs may carry a token or a signature.
 */
final class MavenGantryLog implements GantryLog {

    private final Log log;

    MavenGantryLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(Redaction.text(message));
    }

    @Override
    public void info(String message) {
        log.info(Redaction.text(message));
    }

    @Override
    public void warn(String message) {
        log.warn(Redaction.text(message));
    }
}
