package dev.gantry.git;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Writes the git tags of a release, last, once everything else is in place: the annotated release tag, which never
 * moves, and environment tags ({@code deploy/dev/current}), which are moved to each build. Both are idempotent: a
 * re-run finds a tag on this commit and leaves it. Tags are pushed with the git command line when there is one, so
 * that the push works wherever {@code git push} works in that CI.
 */
public final class ReleaseTagger {

    private final GitRepository repository;
    private final GantryLog log;
    /** The commit the release was planned, built and labelled from: the only one its tags may name. */
    private final String releasedCommit;

    /** Tags HEAD as the repository reads it now. */
    public ReleaseTagger(GitRepository repository) {
        this(repository, repository.headCommit());
    }

    /**
     * Tags {@code releasedCommit}, the commit the plan read, and refuses to write anything when HEAD is another commit
     * now: a goal bound between the plan and the tag (or another process in the work tree) made or checked out a
     * commit, and the image's revision label and the published artifacts name the planned one.
     */
    public ReleaseTagger(GitRepository repository, String releasedCommit) {
        this.repository = repository;
        this.log = repository.log();
        this.releasedCommit = releasedCommit;
    }

    private String head(String tag) throws GantryException {
        String head = repository.headCommit();
        if (!head.equals(releasedCommit)) {
            throw Refusals.headMovedSincePlan(tag, releasedCommit, head);
        }
        return head;
    }

    /**
     * Creates the annotated release tag on HEAD and pushes it. A tag already on HEAD is left as it is (and pushed if
     * only the local clone has it); a tag on another commit, here or on the remote, is refused: a release tag never
     * moves.
     */
    public TagOutcome tagRelease(String tag, String message, boolean dryRun) throws GantryException {
        return tagRelease(tag, message, dryRun, false);
    }

    /**
     * As {@link #tagRelease(String, String, boolean)}; {@code absentWhenPlanned}: this build's plan found the tag neither
     * in the clone nor on the remote, so neither is asked again before the push — one round trip to the git host
     * less on every release. A tag that another build pushed since is still found: the remote refuses the push of an
     * existing tag, and the tag is then looked at ({@link #pushedMeanwhile}).
     */
    public TagOutcome tagRelease(String tag, String message, boolean dryRun, boolean absentWhenPlanned)
            throws GantryException {
        String head = head(tag);
        Optional<String> local = absentWhenPlanned ? Optional.empty() : repository.localTag(tag);
        if (local.isPresent() && !local.get().equals(head)) {
            throw Refusals.tagOnAnotherCommit(tag, local.get(), head);
        }
        if (!repository.hasRemote()) {
            if (local.isPresent()) {
                return outcome(tag, TagOutcome.Action.ALREADY_IN_PLACE, null);
            }
            if (dryRun) {
                return outcome(tag, TagOutcome.Action.WOULD_CREATE, null);
            }
            createAnnotated(tag, message);
            log.warn("No git remote '" + RemoteUrls.redact(repository.remoteName()) + "' is configured: the tag " + tag
                    + " was created locally only. Push it yourself, or set -Dgantry.git.remote=<name>.");
            return outcome(tag, TagOutcome.Action.CREATED_LOCAL_ONLY, null);
        }
        String remote = repository.remoteName();
        Optional<String> remoteTag = absentWhenPlanned ? Optional.empty() : remoteTag(tag);
        if (remoteTag.isPresent()) {
            if (!remoteTag.get().equals(head)) {
                throw Refusals.tagOnAnotherCommit(tag, remoteTag.get(), head);
            }
            return outcome(tag, TagOutcome.Action.ALREADY_IN_PLACE, remote);
        }
        if (dryRun) {
            return outcome(tag, local.isPresent() ? TagOutcome.Action.WOULD_PUSH : TagOutcome.Action.WOULD_CREATE, remote);
        }
        if (local.isEmpty()) {
            createAnnotated(tag, message);
        }
        try {
            push(tag, false);
        } catch (GantryException refused) {
            try {
                return pushedMeanwhile(tag, head, remote).orElseThrow(() -> refused);
            } catch (GantryException notPushed) {
                if (local.isEmpty()) {
                    // the clone keeps no tag that the remote lacks: the next plan here would take the version for released
                    try {
                        deleteLocal(tag);
                    } catch (GantryException undeleted) {
                        log.warn(undeleted.getMessage()); // the push's refusal is what to fix first
                    }
                }
                throw notPushed;
            }
        }
        return outcome(tag, local.isPresent() ? TagOutcome.Action.PUSHED : TagOutcome.Action.CREATED, remote);
    }

    /**
     * After a refused push, whether another pipeline of this commit pushed the tag since the look-up (two builds of the
     * same release at once: the remote refuses the second push, "already exists" or "failed to lock"): the release tag
     * is then in place, which is what this build wanted. A tag that arrived on another commit is refused as ever.
     */
    private Optional<TagOutcome> pushedMeanwhile(String tag, String head, String remote) throws GantryException {
        Optional<String> now = remoteTag(tag);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        if (!now.get().equals(head)) {
            throw Refusals.tagOnAnotherCommit(tag, now.get(), head);
        }
        log.info("The tag " + tag + " was pushed to " + remote + " by another build of this commit meanwhile: in place.");
        return Optional.of(outcome(tag, TagOutcome.Action.ALREADY_IN_PLACE, remote));
    }

    /**
     * Moves a lightweight environment tag (such as {@code deploy/dev/current}) to HEAD, replacing it whether it was
     * lightweight or annotated, and force-pushes it. Left alone when it already points at HEAD everywhere, and kept
     * where a later commit's build put it ({@link #keptBecause}).
     *
     * @param branch the branch being built, whose tip on the remote says whether this build is of its latest commit;
     *               null when not known
     */
    public TagOutcome moveEnvironmentTag(String tag, String branch, boolean dryRun) throws GantryException {
        String head = head(tag);
        for (int attempt = 1; attempt <= LEASE_ATTEMPTS; attempt++) {
            Optional<TagOutcome> outcome = moveEnvironmentTagOnce(tag, branch, head, dryRun);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            log.info("The remote's " + tag + " moved between this build's look-up and its push (another pipeline's "
                    + "build): deciding again.");
        }
        log.warn(Refusals.environmentTagKeptByOtherBuilds(tag, LEASE_ATTEMPTS));
        return outcome(tag, TagOutcome.Action.KEPT_ON_LATER_COMMIT, repository.remoteName());
    }

    /** How often the environment tag is read, judged and pushed when other builds move it meanwhile. */
    private static final int LEASE_ATTEMPTS = 3;

    /**
     * One reading of the remote's tag and branch, the decision, and a push that succeeds only if the tag is still where
     * it was read ({@code --force-with-lease}): empty when another build moved it in between, so that the decision is
     * made again on what is there now. The local tag moves only once the push went through.
     */
    private Optional<TagOutcome> moveEnvironmentTagOnce(String tag, String branch, String head, boolean dryRun)
            throws GantryException {
        Optional<String> local = repository.localTag(tag);
        boolean localInPlace = local.map(head::equals).orElse(false);
        boolean hasRemote = repository.hasRemote();
        String remote = hasRemote ? repository.remoteName() : null;
        // the tag and the branch's tip, read with one ls-remote
        Map<String, GitRepository.RemoteRef> remoteRefs = hasRemote ? repository.remoteRefs(branch == null
                ? List.of(Constants.R_TAGS + tag) : List.of(Constants.R_TAGS + tag, Constants.R_HEADS + branch)) : Map.of();
        Optional<GitRepository.RemoteRef> remoteTag = Optional.ofNullable(remoteRefs.get(Constants.R_TAGS + tag));
        Optional<String> remoteNow = remoteTag.map(GitRepository.RemoteRef::commit);
        Optional<String> tip = Optional.ofNullable(branch == null ? null : remoteRefs.get(Constants.R_HEADS + branch))
                .map(GitRepository.RemoteRef::commit);
        boolean remoteInPlace = !hasRemote || remoteNow.map(head::equals).orElse(false);
        if (localInPlace && remoteInPlace) {
            return Optional.of(outcome(tag, TagOutcome.Action.ALREADY_IN_PLACE, remote));
        }
        // a pipeline that finishes after the next commit's must not take the environment back to its older commit
        Optional<String> theirs = hasRemote ? remoteNow : local;
        if (theirs.isPresent() && !theirs.get().equals(head)) {
            Optional<String> kept = keptBecause(theirs.get(), tag, branch, tip, dryRun);
            if (kept.isPresent()) {
                log.warn(kept.get());
                return Optional.of(outcome(tag, dryRun ? TagOutcome.Action.WOULD_KEEP
                        : TagOutcome.Action.KEPT_ON_LATER_COMMIT, remote));
            }
        }
        if (dryRun) {
            return Optional.of(outcome(tag, TagOutcome.Action.WOULD_MOVE, remote));
        }
        // HEAD's commit is pushed under the tag, the lease the object read (an annotated tag's own id), or "" for none
        if (hasRemote && !remoteInPlace
                && !push(tag, head, true, Optional.of(remoteTag.map(GitRepository.RemoteRef::object).orElse("")))) {
            return Optional.empty();
        }
        if (!localInPlace) {
            moveLocal(tag);
        }
        return Optional.of(outcome(tag, TagOutcome.Action.MOVED, remote));
    }

    /**
     * Why the tag stays on {@code theirs}, or empty when it moves to HEAD. The environment follows its branch: a build
     * of the branch's tip on the remote moves the tag wherever it is (a roll-back by a reset and a force-push included,
     * which leaves the tag on a commit the branch no longer has). A build whose commit is no longer the tip leaves it on
     * the tip, whose build finished first; elsewhere (the tip not known, or the tag on neither), on a commit committed
     * at the same time as HEAD or later: a dry run, which fetches nothing, compares the times only of commits the clone
     * has.
     */
    private Optional<String> keptBecause(String theirs, String tag, String branch, Optional<String> tip, boolean dryRun)
            throws GantryException {
        String head = repository.headCommit();
        if (tip.isPresent() && tip.get().equals(head)) {
            return Optional.empty();
        }
        if (tip.isPresent() && tip.get().equals(theirs)) {
            return Optional.of(Refusals.environmentTagKeptOnTip(tag, theirs, head, branch));
        }
        if (committedNotBefore(theirs, tag, !dryRun)) {
            return Optional.of(Refusals.environmentTagKeptOnLaterCommit(tag, theirs, head, branch, tip.orElse(null)));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code theirs} was committed at the same second as HEAD or after it, as the image's moving tags judge
     * (their creation time is the commit's); a tie counts, since which came first cannot be told. A commit the clone
     * lacks (pushed after this clone was made) is fetched through the tag, in a shallow clone that one commit only
     * ({@code --depth=1}: it would otherwise fetch the whole history), unless {@code mayFetch} is false (a dry run).
     * Without the git command line JGit reads both times when the clone has both commits. A commit that cannot be had
     * counts as earlier.
     */
    private boolean committedNotBefore(String theirs, String tag, boolean mayFetch) throws GantryException {
        if (repository.cli().isEmpty()) {
            return JGitReads.commitTimes(repository.jgit(), theirs, repository.headCommit())
                    .map(times -> times[0] >= times[1]).orElse(false);
        }
        GitCli git = repository.cli().get();
        try {
            if (!git.run(GitRepository.LOCAL_TIMEOUT, "cat-file", "-e", theirs + "^{commit}").succeeded()) {
                if (!mayFetch) {
                    return false; // a dry run fetches nothing
                }
                // --depth=1 in a shallow clone only: in a complete one it would make the clone shallow
                boolean shallow = git.run(GitRepository.LOCAL_TIMEOUT, "rev-parse", "--is-shallow-repository").stdout()
                        .strip().equals("true");
                List<String> fetch = new ArrayList<>(List.of("fetch", "--quiet", "--no-tags"));
                if (shallow) {
                    fetch.add("--depth=1");
                }
                fetch.addAll(List.of(repository.remoteName(), Constants.R_TAGS + tag));
                git.run(GitRepository.REMOTE_TIMEOUT, fetch.toArray(String[]::new));
            }
            GitCli.Result times = git.run(GitRepository.LOCAL_TIMEOUT, "show", "-s", "--format=%ct", theirs,
                    repository.headCommit());
            String[] lines = times.stdout().strip().split("\\R");
            return times.succeeded() && lines.length == 2
                    && Long.parseLong(lines[0].strip()) >= Long.parseLong(lines[1].strip());
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot tell whether " + ReleaseContext.shorten(theirs) + " was committed after this commit: "
                    + RemoteUrls.redact(String.valueOf(e.getMessage())));
            return false;
        }
    }

    private TagOutcome outcome(String tag, TagOutcome.Action action, String remote) {
        TagOutcome outcome = new TagOutcome(tag, action, repository.headCommit(), remote);
        log.info(outcome.describe());
        return outcome;
    }

    private Optional<String> remoteTag(String tag) throws GantryException {
        Map<String, String> tags = repository.remoteTags(tag::equals, Constants.R_TAGS + tag, Constants.R_TAGS + tag + "^{}");
        return Optional.ofNullable(tags.get(tag));
    }

    private void createAnnotated(String tag, String message) throws GantryException {
        if (repository.cli().isPresent()) {
            CliTag.createAnnotated(repository.cli().get(), tag, repository.headCommit(), message,
                    repository.workTree().toString());
            return;
        }
        try (Git git = Git.wrap(repository.jgit())) {
            git.tag().setName(tag).setMessage(message).setAnnotated(true).setSigned(false).setObjectId(repository.head())
                    .setTagger(TaggerIdentity.from(repository.jgit().getConfig())).call();
        } catch (GitAPIException | RuntimeException e) {
            throw Refusals.tagUnwritable(tag, repository.workTree().toString(), e.getMessage(), e);
        }
    }

    private void deleteLocal(String tag) throws GantryException {
        if (repository.cli().isPresent()) {
            CliTag.delete(repository.cli().get(), tag, repository.workTree().toString());
            return;
        }
        try (Git git = Git.wrap(repository.jgit())) {
            git.tagDelete().setTags(tag).call();
        } catch (GitAPIException | RuntimeException e) {
            throw Refusals.tagUnwritable(tag, repository.workTree().toString(), e.getMessage(), e);
        }
    }

    private void moveLocal(String tag) throws GantryException {
        if (repository.cli().isPresent()) {
            CliTag.move(repository.cli().get(), tag, repository.headCommit(), repository.workTree().toString());
            return;
        }
        try {
            RefUpdate update = repository.jgit().updateRef(Constants.R_TAGS + tag);
            update.setNewObjectId(repository.head());
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
                }
                default -> throw Refusals.tagUnwritable(tag, repository.workTree().toString(), "the ref update answered " + result, null);
            }
        } catch (IOException e) {
            throw Refusals.tagUnwritable(tag, repository.workTree().toString(), e.getMessage(), e);
        }
    }

    private void push(String tag, boolean force) throws GantryException {
        push(tag, Constants.R_TAGS + tag, force, Optional.empty());
    }

    /**
     * @param source what is pushed under the tag: the local tag's ref, or a commit id
     * @param lease  the object the remote's tag must still point at for the push to go through ({@code ""}: no tag),
     *               or empty for none
     * @return false when the lease failed: the remote's tag moved since it was read (before git's look-up or between it
     *         and the update, which the remote then refuses), and nothing was pushed
     */
    private boolean push(String tag, String source, boolean force, Optional<String> lease) throws GantryException {
        String ref = Constants.R_TAGS + tag;
        String remote = repository.remoteName();
        if (repository.cli().isPresent()) {
            GitCli.Result result;
            try {
                List<String> command = new ArrayList<>(List.of("push", "--porcelain"));
                lease.ifPresent(expected -> command.add("--force-with-lease=" + ref + ":" + expected));
                command.add(remote);
                command.add((force && lease.isEmpty() ? "+" : "") + source + ":" + ref);
                result = repository.cli().get().run(GitRepository.REMOTE_TIMEOUT, command.toArray(String[]::new));
            } catch (IOException e) { // git did not finish within REMOTE_TIMEOUT, or could not be started
                throw failed(tag, force, RemoteUrls.redact(e.getMessage()));
            }
            if (lease.isPresent() && result.stdout().lines().anyMatch(line -> line.startsWith("!\t")
                    && (line.contains("stale info") || line.contains("failed to update ref")))) {
                return false;
            }
            if (!result.succeeded()) {
                throw refusedByTheRemote(result) ? refused(tag, force, pushError(result)) : failed(tag, force, pushError(result));
            }
            return true;
        }
        try (Git git = Git.wrap(repository.jgit())) {
            PushCommand push = git.push().setRemote(remote)
                    .setRefSpecs(new RefSpec(source + ":" + ref).setForceUpdate(force));
            lease.ifPresent(expected -> push.setRefLeaseSpecs(new RefLeaseSpec(ref, expected.isEmpty()
                    ? ObjectId.zeroId().name() : expected)));
            Iterable<PushResult> results = push.call();
            List<String> problems = new ArrayList<>();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (lease.isPresent() && (update.getStatus() == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                            || update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
                            && String.valueOf(update.getMessage()).contains("failed to update ref"))) {
                        return false;
                    }
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        messageLines(result.getMessages(), problems);
                        problems.add(update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw refused(tag, force, RemoteUrls.redact(String.join("; ", problems)));
            }
            return true;
        } catch (GitAPIException | RuntimeException e) {
            String detail = RemoteUrls.redact(String.valueOf(e.getMessage()));
            throw deniedWords(detail) ? refused(tag, force, detail) : failed(tag, force, detail);
        }
    }

    /**
     * Whether the remote answered the push with a refusal (a rejected ref, its hooks' own lines, a denied login) rather
     * than not being reached at all: the advice differs, permission for one, the connection for the other.
     */
    static boolean refusedByTheRemote(GitCli.Result result) {
        return result.stdout().lines().anyMatch(line -> line.startsWith("!\t"))
                || result.stderr().lines().anyMatch(line -> line.trim().startsWith("remote:"))
                || deniedWords(result.stderr());
    }

    private static boolean deniedWords(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("denied") || lower.matches("(?s).*\\b40[13]\\b.*")
                || lower.contains("authentication failed") || lower.contains("not authorized")
                || lower.contains("rejected") || lower.contains("protected") || lower.contains("not allowed")
                || lower.contains("not permitted");
    }

    private static void messageLines(String messages, List<String> into) {
        if (messages == null) {
            return;
        }
        for (String line : messages.split("\\R")) {
            if (!line.isBlank()) {
                into.add("remote: " + line.trim());
            }
        }
    }

    /**
     * What the remote said: its own lines ({@code remote: …}, from hooks) and the rejection with its reason, without
     * the progress noise and the URL git prints around them.
     */
    static String pushError(GitCli.Result result) {
        List<String> lines = new ArrayList<>();
        for (String line : result.stderr().split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("remote:") && trimmed.length() > "remote:".length()) {
                lines.add(trimmed);
            } else if ((trimmed.startsWith("error:") && !trimmed.startsWith("error: failed to push some refs"))
                    || trimmed.startsWith("fatal:")) {
                lines.add(trimmed);
            }
        }
        for (String line : result.stdout().split("\\R")) {
            // --porcelain: "!<TAB>refs/tags/x:refs/tags/x<TAB>[remote rejected] (pre-receive hook declined)"
            if (line.startsWith("!\t")) {
                String[] fields = line.split("\t");
                lines.add(fields[fields.length - 1].trim());
            }
        }
        if (lines.isEmpty()) {
            return GitRepository.gitError(result);
        }
        return RemoteUrls.redact(GitRepository.withoutFinalPeriod(String.join("; ", lines)));
    }

    private GantryException failed(String tag, boolean environmentTag, String detail) {
        return environmentTag
                ? Refusals.environmentTagPushRefused(tag, repository.remoteName(), detail)
                : Refusals.tagPushFailed(tag, repository.remoteName(), detail);
    }

    private GantryException refused(String tag, boolean environmentTag, String detail) {
        return environmentTag
                ? Refusals.environmentTagPushRefused(tag, repository.remoteName(), detail)
                : Refusals.tagPushRefused(tag, repository.remoteName(), detail);
    }
}
