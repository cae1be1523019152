package dev.gantry.release;

/**
 * The little logging the core and adapters need, so that they know nothing of Maven's {@code Log}
 * (git-commit-id's {@code LogInterface} does the same). Secrets are never passed to it.
 */
public interface GantryLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    /** A log that drops everything, for tests and benchmarks. */
    GantryLog SILENT = new GantryLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
