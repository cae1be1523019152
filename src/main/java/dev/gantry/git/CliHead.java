package dev.gantry.git;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads {@link HeadFacts} with the git command line: three small git processes started at once (where HEAD is, HEAD's
 * commit object with the POM at its first parent, the remote's URL) instead of loading JGit, whose signed jar and
 * first repository open cost a plan several hundred milliseconds in a fresh Maven JVM (and JGit itself starts two git
 * processes to find the system configuration). Anything unexpected answers empty, and the caller opens the repository
 * with JGit, which then explains what is wrong (not a repository, no commit yet).
 */
final class CliHead {

    private CliHead() {
    }

    /**
     * What was read: the facts, and git's answer for the project's POM at HEAD's first parent ({@code HEAD^:./pom.xml},
     * the path relative to the directory git runs in), which the plan reads on every branch: asked of the same
     * {@code cat-file} process as HEAD's commit, one git process less. The answer is empty when it could not be told
     * apart from the commit's; the POM is then read on its own.
     */
    record Read(HeadFacts facts, Optional<GitCli.Result> pomAtFirstParent) {
    }

    /** The facts, or empty when git cannot be run here or does not answer as a work tree with a commit does. */
    static Optional<Read> read(GitCli git, String remoteName, GantryLog log) {
        return finish(begin(git, remoteName), log);
    }

    /** The three git processes of a read, started side by side. */
    record Started(GitCli git, CompletableFuture<GitCli.Result> where, CompletableFuture<GitCli.Result> objects,
            CompletableFuture<GitCli.Result> remote, String remoteName) {
    }

    static Started begin(GitCli git, String remoteName) {
        // git's own directories last: what HeadReadAhead watches for a HEAD that moves before the plan takes the read
        return new Started(git, start(git, null, "rev-parse", "--show-toplevel", "--symbolic-full-name", "HEAD",
                "--git-dir", "--git-common-dir"),
                git.startBatch(GitRepository.LOCAL_TIMEOUT, "HEAD\nHEAD^:./pom.xml\n"),
                start(git, null, remoteUrlArgs(remoteName)), remoteName);
    }

    private static String[] remoteUrlArgs(String remoteName) {
        return new String[] {"config", "--get", "remote." + remoteName + ".url"};
    }

    /** The facts of a read started earlier, once its processes have ended; empty as {@link #read} says. */
    static Optional<Read> finish(Started started, GantryLog log) {
        GitCli git = started.git();
        CompletableFuture<GitCli.Result> where = started.where();
        CompletableFuture<GitCli.Result> objects = started.objects();
        CompletableFuture<GitCli.Result> remote = started.remote();
        try {
            GitCli.Result w = where.join();
            GitCli.Result o = objects.join();
            GitCli.Result r = remote.join();
            if (!r.succeeded() && w.succeeded() && SafeDirectory.trusts(Path.of(w.stdout().split("\n")[0]))) {
                // git config answers "not set" in a repository git distrusts, without a word: asked again, in case it
                // ran before the repository was trusted (see SafeDirectory)
                r = git.run(GitRepository.LOCAL_TIMEOUT, remoteUrlArgs(started.remoteName()));
            }
            List<String> answers = o.succeeded() ? answers(o.stdout()) : List.of();
            GitCli.Result c = answers.isEmpty() ? o : new GitCli.Result(o.exitCode(), answers.get(0), o.stderr());
            if (!w.succeeded() || !c.succeeded()) {
                log.debug("git could not read HEAD here (" + GitRepository.gitError(w.succeeded() ? c : w) + "); asking JGit");
                return Optional.empty();
            }
            String[] lines = w.stdout().split("\n");
            if (lines.length < 2) {
                return Optional.empty();
            }
            Optional<String> branch = lines[1].startsWith("refs/heads/")
                    ? Optional.of(lines[1].substring("refs/heads/".length())) : Optional.empty();
            Optional<GitCli.Result> pom = answers.size() == 2
                    ? Optional.of(new GitCli.Result(0, answers.get(1), "")) : Optional.empty();
            Path workTree = Path.of(lines[0]).toAbsolutePath().normalize();
            Optional<String> remoteUrl = r.succeeded() ? Optional.of(r.stdout().trim()) : Optional.empty();
            return commitObject(c.stdout()).map(commit -> new Read(new HeadFacts(workTree, commit.id, commit.time,
                    commit.firstParent, branch, remoteUrl), pom));
        } catch (IOException e) {
            log.debug("git could not be run (" + e.getMessage() + "); using JGit");
            return Optional.empty();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException failure && git.cannotStart(failure)) {
                GitCli.notOnPath(); // no git to start: JGit alone from here on
            }
            log.debug("git could not be run (" + e.getCause().getMessage() + "); using JGit");
            return Optional.empty();
        }
    }

    /**
     * The files whose bytes say where HEAD is, as the read's {@code rev-parse} located them: HEAD itself, the branch
     * it names (a loose ref), {@code packed-refs} and the repository's {@code config} (the remote's URL). Empty when
     * {@code rev-parse} did not answer so.
     *
     * @param dir the directory git ran in: {@code --git-dir} may answer relative to it
     */
    static Optional<List<Path>> headFiles(GitCli.Result where, Path dir) {
        String[] lines = where.succeeded() ? where.stdout().split("\n") : new String[0];
        if (lines.length != 4) {
            return Optional.empty();
        }
        Path gitDir = dir.resolve(lines[2]).normalize();
        Path commonDir = dir.resolve(lines[3]).normalize();
        List<Path> files = new ArrayList<>(List.of(gitDir.resolve("HEAD"), commonDir.resolve("packed-refs"),
                commonDir.resolve("config")));
        if (lines[1].startsWith("refs/")) {
            files.add(commonDir.resolve(lines[1]));
        }
        return Optional.of(files);
    }

    private record CommitObject(String id, Instant time, String firstParent) {
    }

    /** {@code git cat-file --batch} output for one commit: "id commit size", then the object's headers. */
    static Optional<CommitObject> commitObject(String batch) {
        int end = batch.indexOf('\n');
        String[] header = (end < 0 ? batch : batch.substring(0, end)).split(" ");
        if (header.length != 3 || !header[1].equals("commit")) {
            return Optional.empty();
        }
        String firstParent = null;
        Instant time = null;
        for (String line : batch.substring(end + 1).split("\n")) {
            if (line.isEmpty()) {
                break; // the headers end before the message
            }
            if (line.startsWith("parent ") && firstParent == null) {
                firstParent = line.substring("parent ".length()).trim();
            } else if (line.startsWith("committer ")) {
                // "committer Name <email> 1795665948 +0000"
                String[] parts = line.split(" ");
                time = Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 2]));
            }
        }
        return time == null ? Optional.empty() : Optional.of(new CommitObject(header[0], time, firstParent));
    }

    /**
     * The answers of {@code git cat-file --batch} to two requests, each its header line then, for an object, as many
     * bytes as the header says and a newline; or a single "&lt;name&gt; missing" line. Empty when the output does not
     * read so to the last byte.
     */
    static List<String> answers(String batch) {
        return answers(batch, 2);
    }

    /** The answers of {@code git cat-file --batch} to {@code count} requests, as {@link #answers(String)} reads them. */
    static List<String> answers(String batch, int count) {
        byte[] out = batch.getBytes(StandardCharsets.ISO_8859_1); // as git wrote them: GitCli#batch reads a char per byte
        List<String> answers = new ArrayList<>();
        int at = 0;
        while (at < out.length) {
            int end = at;
            while (end < out.length && out[end] != '\n') {
                end++;
            }
            if (end == out.length) {
                return List.of();
            }
            String header = new String(out, at, end - at, StandardCharsets.UTF_8);
            String[] fields = header.split(" ");
            int next = end + 1;
            if (fields.length == 3 && fields[2].matches("\\d{1,10}")) {
                next += Integer.parseInt(fields[2]) + 1;
                if (next > out.length || out[next - 1] != '\n') {
                    return List.of();
                }
            } else if (!header.endsWith(" missing")) {
                return List.of();
            }
            answers.add(new String(out, at, next - at, StandardCharsets.UTF_8));
            at = next;
        }
        return answers.size() == count ? answers : List.of();
    }

    /** A blob read with {@code git cat-file --batch}: its content, or empty when git answers "missing". */
    static Optional<String> blob(GitCli git, String object) throws IOException {
        return blobs(git, List.of(object)).get(0);
    }

    /**
     * Blobs read with one {@code git cat-file --batch} process: each its content, or empty when git answers "missing"
     * (or when git's output cannot be read, as for {@link #blob(GitCli, String)}).
     */
    static List<Optional<String>> blobs(GitCli git, List<String> objects) throws IOException {
        if (objects.isEmpty()) {
            return List.of();
        }
        GitCli.Result result = git.batch(GitRepository.LOCAL_TIMEOUT, String.join("\n", objects) + "\n");
        List<String> answers = result.succeeded() ? answers(result.stdout(), objects.size()) : List.of();
        if (answers.isEmpty()) {
            return objects.stream().map(object -> Optional.<String>empty()).toList();
        }
        return answers.stream().map(CliHead::blob).toList();
    }

    /** {@code git cat-file --batch}'s answer for one blob: its content, or empty when git answers "missing". */
    static Optional<String> blob(GitCli.Result result) {
        return result.succeeded() ? blob(result.stdout()) : Optional.empty();
    }

    private static Optional<String> blob(String out) {
        int end = out.indexOf('\n');
        if (end < 0 || !out.substring(0, end).contains(" blob ")) {
            return Optional.empty();
        }
        // the content, then one newline that cat-file adds
        return Optional.of(out.substring(end + 1, out.endsWith("\n") ? out.length() - 1 : out.length()));
    }

    private static CompletableFuture<GitCli.Result> start(GitCli git, String input, String... args) {
        return git.start(GitRepository.LOCAL_TIMEOUT, input, args);
    }
}
