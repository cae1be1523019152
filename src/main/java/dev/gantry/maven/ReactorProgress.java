package dev.gantry.maven;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Records, per goal, the modules that have run it and whether its end-of-reactor work is done, so that that work
 * happens in the last module to arrive — which, in a parallel build ({@code mvn -T}), need not be the last module of
 * the reactor's order (maven-deploy-plugin's {@code deployAtEnd} counts the same way) — and so that the end of the
 * session can tell which step never ran, and in which modules. Kept in the resolver session's data.
 */
final class ReactorProgress {

    private static final Object KEY = ReactorProgress.class; // this class realm's own: see ReactorRelease

    private final Map<String, Set<String>> arrivals = new HashMap<>();
    private final Set<String> finished = new HashSet<>();

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

    /** Records that {@code module} ran the goal; true for the one that completes the expected modules. */
    synchronized boolean arrive(String goal, String module, Set<String> expected) {
        Set<String> arrived = arrivals.computeIfAbsent(goal, g -> new LinkedHashSet<>());
        boolean first = arrived.add(module);
        return first && arrived.containsAll(expected);
    }

    /** The modules that have run the goal so far. */
    synchronized Set<String> arrived(String goal) {
        return Set.copyOf(arrivals.getOrDefault(goal, Set.of()));
    }

    /** Records that the goal's end-of-reactor work ran to its end. */
    synchronized void finished(String goal) {
        finished.add(goal);
    }

    synchronized boolean isFinished(String goal) {
        return finished.contains(goal);
    }
}
