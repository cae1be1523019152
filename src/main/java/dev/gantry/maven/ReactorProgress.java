package dev.gantry.maven;

import java.util.HashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Counts, per goal, the modules that have run it, so that end-of-reactor work happens in the last one to arrive —
 * which, in a parallel build ({@code mvn -T}), need not be the last module of the reactor's order
 * (maven-deploy-plugin's {@code deployAtEnd} counts the same way). Kept in the resolver session's data.
 */
final class ReactorProgress {

    private static final Object KEY = ReactorProgress.class.getName();

    private final Map<String, Integer> arrivals = new HashMap<>();

    static ReactorProgress of(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            ReactorProgress progress = (ReactorProgress) data.get(KEY);
            if (progress == null) {
                progress = new ReactorProgress();
                data.set(KEY, progress);
            }
            return progress;
        }
    }

    /** Records that one more module ran the goal; true for the one that completes the expected count. */
    synchronized boolean arrive(String goal, int expected) {
        int count = arrivals.merge(goal, 1, Integer::sum);
        return count == expected;
    }
}
