package dev.gantry.maven;

import dev.gantry.git.GitRepository;
import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import org.apache.maven.execution.MavenSession;

/**
 * Whether this build's commit is its branch's tip on the remote, asked at most once per build ({@code ls-remote}) and
 * only when a moving tag holds a newer commit's image: the branch's tip is its latest whatever the commit times say
 * (develop reset back to an earlier commit and force-pushed), so it takes the moving tags and publishes its snapshot,
 * as an environment tag moves to the tip ({@code ReleaseTagger}). False when the remote cannot tell (no remote, no
 * such branch there).
 */
final class BranchTip implements Concurrently.Call<Boolean> {

    private final MavenSession session;
    private final ReactorRelease release;
    private final String gitRemote;
    private final GantryLog log;
    private Boolean answer;

    BranchTip(MavenSession session, ReactorRelease release, String gitRemote, GantryLog log) {
        this.session = session;
        this.release = release;
        this.gitRemote = gitRemote;
        this.log = log;
    }

    @Override
    public synchronized Boolean call() throws GantryException {
        if (answer == null) {
            try (GitRepository git = release.openRepository(session, gitRemote, log)) {
                answer = git.remoteBranchTip(release.plan.branch()).map(release.plan.commit()::equals).orElse(false);
            }
        }
        return answer;
    }
}
