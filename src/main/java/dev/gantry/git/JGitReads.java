package dev.gantry.git;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@link GitRepository}'s reads through JGit, apart: a class that names JGit's exceptions or passes its ids around makes
 * the JVM load JGit to verify it, and JGit's signed jar costs a fresh Maven JVM a few hundred milliseconds to open. Kept
 * here, JGit is loaded only when it is used (no git on the PATH, the tag goal), not by every plan.
 */
final class JGitReads {

    private JGitReads() {
    }

    /** A repository opened by JGit, with the facts the plan reads and HEAD's parsed commit. */
    record Opened(Repository repository, HeadFacts facts, RevCommit head) {
    }

    static Opened open(Path dir, String remoteName, GantryLog log) throws GantryException {
        FileRepositoryBuilder builder = GitRepository.locate(dir).orElseThrow(() -> Refusals.notAGitRepository(dir.toString()));
        Repository repository = null;
        try {
            repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                throw Refusals.notAGitRepository(dir.toString());
            }
            ObjectId headId = repository.resolve(Constants.HEAD);
            if (headId == null) {
                throw Refusals.noCommit(repository.getWorkTree().toString());
            }
            RevCommit head;
            try (RevWalk walk = new RevWalk(repository)) {
                head = walk.parseCommit(headId);
            }
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            log.debug("git repository " + workTree + ", HEAD " + head.name());
            HeadFacts facts = new HeadFacts(workTree, head.name(), Instant.ofEpochSecond(head.getCommitTime()),
                    head.getParentCount() == 0 ? null : head.getParent(0).name(), branch(repository, workTree),
                    Optional.ofNullable(repository.getConfig().getString("remote", remoteName, "url")));
            return new Opened(repository, facts, head);
        } catch (IOException e) {
            if (repository != null) {
                repository.close();
            }
            throw Refusals.gitUnreadable("the configuration", dir.toString(), e.getMessage(), e);
        } catch (GantryException e) {
            repository.close();
            throw e;
        }
    }

    static Optional<String> branch(Repository repository, Path workTree) throws GantryException {
        try {
            Ref ref = repository.exactRef(Constants.HEAD);
            if (ref != null && ref.isSymbolic() && ref.getTarget().getName().startsWith(Constants.R_HEADS)) {
                return Optional.of(ref.getTarget().getName().substring(Constants.R_HEADS.length()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw Refusals.gitUnreadable("HEAD", workTree.toString(), e.getMessage(), e);
        }
    }

    /**
     * A file as it is in a commit: empty when the commit, or the file in it, is not in this clone (a shallow clone has
     * no parent of its first commit).
     */
    static Optional<byte[]> fileAt(Repository repository, String commit, String path, Path workTree, GantryLog log)
            throws GantryException {
        ObjectId commitId = ObjectId.fromString(commit);
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit parsed;
            try {
                parsed = walk.parseCommit(commitId);
            } catch (MissingObjectException e) {
                log.debug("the commit " + commitId.name() + " is not in this clone (shallow): no " + path + " there");
                return Optional.empty();
            }
            try (TreeWalk tree = TreeWalk.forPath(reader, path, parsed.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                return Optional.of(reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
            }
        } catch (MissingObjectException e) {
            log.debug("an object of the commit " + commitId.name() + " is not in this clone: no " + path + " there");
            return Optional.empty();
        } catch (IOException e) {
            throw Refusals.gitUnreadable(path + " at commit " + commitId.name(), workTree.toString(), e.getMessage(), e);
        }
    }

    /**
     * The commit time (seconds) of each commit, in order; empty when the clone lacks one of them (JGit fetches nothing
     * here).
     */
    static Optional<long[]> commitTimes(Repository repository, String... commits) {
        long[] times = new long[commits.length];
        try (RevWalk walk = new RevWalk(repository)) {
            for (int i = 0; i < commits.length; i++) {
                times[i] = walk.parseCommit(ObjectId.fromString(commits[i])).getCommitTime();
            }
            return Optional.of(times);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The remote's tags (and, when asked, branches): full ref name → id, an annotated tag's peeled id apart. */
    static void lsRemote(Repository repository, String remoteName, boolean heads, Map<String, String> direct,
            Map<String, String> peeled) throws GantryException {
        try (Git git = Git.wrap(repository)) {
            Collection<Ref> refs = git.lsRemote().setRemote(remoteName).setTags(true).setHeads(heads).call();
            for (Ref ref : refs) {
                direct.put(ref.getName(), ref.getObjectId().name());
                if (ref.getPeeledObjectId() != null) {
                    peeled.put(ref.getName(), ref.getPeeledObjectId().name());
                }
            }
        } catch (GitAPIException | RuntimeException e) {
            throw Refusals.remoteUnreachable(remoteName, RemoteUrls.redact(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Whether {@code tip}'s history holds {@code commit}; true too when this clone cannot tell: the tip is not in it, or
     * the clone is shallow (its history stops at the shallow commits, so "not found" proves nothing).
     */
    static boolean holdsOrCannotTell(Repository repository, String tip, String commit) throws GantryException {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId tipId = ObjectId.fromString(tip);
            if (!repository.getObjectDatabase().has(tipId) || !repository.getObjectDatabase().getShallowCommits().isEmpty()) {
                return true; // told before any walk: in a shallow clone a walk's "no" proves nothing
            }
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(commit)), walk.parseCommit(tipId));
        } catch (IOException | RuntimeException e) {
            throw Refusals.gitUnreadable("the history of " + tip, String.valueOf(repository.getWorkTree()),
                    String.valueOf(e.getMessage()), e);
        }
    }

    static List<String> uncommittedChanges(Repository repository, Path workTree, List<String> shippedRoots)
            throws GantryException {
        try (Git git = Git.wrap(repository)) {
            Status status = git.status().setIgnoreSubmodules(org.eclipse.jgit.submodule.SubmoduleWalk.IgnoreSubmoduleMode.NONE)
                    .call();
            TreeSet<String> files = new TreeSet<>();
            files.addAll(status.getAdded());
            files.addAll(status.getChanged());
            files.addAll(status.getRemoved());
            files.addAll(status.getMissing());
            files.addAll(status.getModified());
            files.addAll(status.getConflicting());
            if (!shippedRoots.isEmpty()) {
                status.getUntracked().stream().filter(f -> GitRepository.shipped(f, shippedRoots))
                        .forEach(f -> files.add(f + GitRepository.UNTRACKED));
            }
            return List.copyOf(files);
        } catch (GitAPIException | RuntimeException e) {
            throw Refusals.gitUnreadable("the work tree's status", workTree.toString(), e.getMessage(), e);
        }
    }

    static RevCommit parseCommit(Repository repository, String id, Path workTree) throws GantryException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(ObjectId.fromString(id));
        } catch (IOException e) {
            throw Refusals.gitUnreadable("HEAD", workTree.toString(), e.getMessage(), e);
        }
    }
}
