package dev.gantry.maven;

import dev.gantry.git.GitRepository;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseHistory;
import dev.gantry.release.RemoteBranchTip;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release history as a build that will not deploy ({@code mvn verify}, {@code mvn install}) sees it: the plan is
 * only a preview there, so an unreachable remote falls back to the local tags with a warning, and uncommitted
 * changes, which block a release, do not block a developer's local build.
 */
final class PreviewHistory implements ReleaseHistory {

    private final GitRepository git;
    private final GantryLog log;
    private boolean remoteUnread;

    PreviewHistory(GitRepository git, GantryLog log) {
        this.git = git;
        this.log = log;
    }

    @Override
    public Map<String, String> releaseTags(String prefix) throws GantryException {
        try {
            return git.releaseTags(prefix);
        } catch (GantryException e) {
            log.warn("The remote's tags could not be read, so this preview uses the local tags only (a deploy would stop "
                    + "here): " + e.getMessage());
            remoteUnread = true;
            return git.localTags(prefix);
        }
    }

    @Override
    public boolean remoteTagsRead() {
        return !remoteUnread;
    }

    /**
     * Empty, for the preview to go on, but said as the refusal a deploy would make: a developer's {@code mvn verify} on
     * {@code main} before the commit is pushed would otherwise promise a release that {@code mvn deploy} refuses.
     */
    @Override
    public Optional<RemoteBranchTip> remoteBranchLacks(String branch, String commit) {
        if (remoteUnread) {
            return Optional.empty(); // warned of already
        }
        try {
            git.remoteBranchLacks(branch, commit).ifPresent(tip -> log.warn("mvn deploy would refuse: " + Refusals
                    .commitNotOnRemoteBranch(tip, commit).getMessage()));
        } catch (GantryException e) {
            log.warn("Whether the remote's " + branch + " holds this commit could not be read, so this preview does not "
                    + "say whether a deploy would refuse it: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * None, for the preview to go on, but said as the refusal a deploy would make: a developer's {@code mvn verify} on
     * {@code main} with an edited file would otherwise promise a release that {@code mvn deploy} refuses.
     */
    @Override
    public List<String> uncommittedChanges() {
        try {
            List<String> dirty = git.uncommittedChanges();
            if (!dirty.isEmpty()) {
                log.warn("mvn deploy would refuse: " + Refusals.uncommittedChanges(dirty).getMessage());
            }
        } catch (GantryException e) {
            log.warn("The work tree's changes could not be read, so this preview does not say whether a deploy would "
                    + "refuse them: " + e.getMessage());
        }
        return List.of();
    }
}
