package dev.gantry.git;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The git command line, used where it does better than JGit: talking to remotes (it honours credential helpers,
 * SSH configuration and {@code http.<url>.extraheader}, where GitHub Actions' checkout keeps its token) and
 * {@code git status} on big trees. Arguments are never logged beyond the subcommand, since a remote argument may be
 * a URL with credentials; prompts are disabled so that a missing credential fails instead of hanging the build.
 */
public final class GitCli {

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static volatile Optional<Boolean> onPath = Optional.empty();

    private final Path workTree;
    /** The directory of the project Maven builds, whose owner decides whether a repository git distrusts is trusted. */
    private final Path projectDir;
    private final GantryLog log;
    /** Variables set (a null value: removed) in git's environment over the JVM's: a test's machine without identity. */
    private final Map<String, String> environment;

    private GitCli(Path workTree, Path projectDir, GantryLog log, Map<String, String> environment) {
        this.workTree = workTree;
        this.projectDir = projectDir;
        this.log = log;
        this.environment = environment;
    }

    /** This git command line with these variables set (a null value: removed) in its environment. */
    GitCli withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(variables);
        return new GitCli(workTree, projectDir, log, merged);
    }

    /**
     * This git command line, run in the work tree for the project in {@code projectDir} (a module's directory below
     * it): see {@link SafeDirectory}. Until told, the directory it runs in is taken for the project's.
     */
    GitCli forProject(Path projectDir) {
        return new GitCli(workTree, projectDir, log, environment);
    }

    /** False once git was found missing in this JVM; true before anyone looked. */
    static boolean mayBeOnPath() {
        return onPath.orElse(true);
    }

    /** The git command line for this work tree, or empty when no {@code git} is on the PATH (checked once per JVM). */
    public static Optional<GitCli> find(Path workTree, GantryLog log) {
        if (onPath.isEmpty()) {
            onPath = Optional.of(probe());
        }
        return onPath.get() ? Optional.of(new GitCli(workTree, workTree, log, Map.of())) : Optional.empty();
    }

    /**
     * The git command line for this directory without asking {@code git --version} first, for a caller that can tell a
     * missing git from the {@link IOException} of its first run (and then calls {@link #notOnPath()}).
     */
    static GitCli unprobed(Path workTree, GantryLog log) {
        return new GitCli(workTree, workTree, log, Map.of());
    }

    /** Records that git could not be started: later look-ups answer empty without trying again. */
    static void notOnPath() {
        onPath = Optional.of(false);
    }

    /**
     * Whether this failure of a run says that no git can be started here: not a run that timed out, nor one asked of
     * a directory that is gone (the JDK words both "Cannot run program", and only the first means git is missing).
     */
    boolean cannotStart(IOException failure) {
        return String.valueOf(failure.getMessage()).startsWith("Cannot run program") && Files.isDirectory(workTree);
    }

    /** Runs {@link #run} on a thread of its own, so that several git processes run at once. */
    CompletableFuture<Result> start(Duration timeout, String input, String... args) {
        return start(subcommand(args), () -> runWithInput(timeout, input, args));
    }

    /**
     * {@code git cat-file --batch} with {@code input}, started on a thread of its own; its output read one character per
     * byte (ISO-8859-1), since its answers are told apart by their sizes in bytes: {@link CliHead#answers} takes them
     * apart and reads each as UTF-8.
     */
    CompletableFuture<Result> startBatch(Duration timeout, String input) {
        return start("cat-file", () -> batch(timeout, input));
    }

    /** As {@link #startBatch}, waited for. */
    Result batch(Duration timeout, String input) throws IOException {
        return run(timeout, input, StandardCharsets.ISO_8859_1, "cat-file", "--batch");
    }

    private interface GitCall {
        Result call() throws IOException;
    }

    private static CompletableFuture<Result> start(String name, GitCall call) {
        CompletableFuture<Result> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(call.call());
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "gantry-git-" + name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    private static boolean probe() {
        try {
            Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code git <args>} in the work tree and waits at most {@code timeout}. Output goes through temporary files
     * rather than pipes, so that a chatty command can never block on a full pipe nor a silent one block the reader.
     *
     * @throws IOException when git cannot be started or does not finish in time
     */
    public Result run(Duration timeout, String... args) throws IOException {
        return runWithInput(timeout, null, args);
    }

    /** As {@link #run}, writing {@code input} (null: nothing) to git's standard input. */
    Result runWithInput(Duration timeout, String input, String... args) throws IOException {
        return run(timeout, input, StandardCharsets.UTF_8, args);
    }

    private Result run(Duration timeout, String input, Charset stdout, String... args) throws IOException {
        List<String> trusting = SafeDirectory.options();
        Result result = runOnce(timeout, input, stdout, trusting, args);
        // again once git's safe.directory check is overridden: by this run's refusal, or by one beside it meanwhile
        if (SafeDirectory.trustsAfter(result, projectDir, log)
                || !result.succeeded() && !trusting.equals(SafeDirectory.options())) {
            return runOnce(timeout, input, stdout, SafeDirectory.options(), args);
        }
        return SafeDirectory.explained(result, workTree);
    }

    private Result runOnce(Duration timeout, String input, Charset stdout, List<String> options, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(options);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("gantry-git", ".out");
        Path err = Files.createTempFile("gantry-git", ".err");
        long start = System.nanoTime();
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workTree.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> env = builder.environment();
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("LC_ALL", "C");
            environment.forEach((name, value) -> {
                if (value == null) {
                    env.remove(name);
                } else {
                    env.put(name, value);
                }
            });
            process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ended) {
                // git ended before reading its input (a repository it refuses): its exit code and stderr say why
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + subcommand(args) + " did not finish within " + timeout.toSeconds() + " s");
            }
            // decoded leniently: one name that is not UTF-8 (a tag on the remote, a commit message in Latin-1) must not
            // make the whole answer unreadable; it reads with U+FFFD in place of its odd bytes
            Result result = new Result(process.exitValue(), new String(Files.readAllBytes(out), stdout),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            log.debug("git " + subcommand(args) + " exited " + result.exitCode() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return result;
        } catch (InterruptedException e) {
            process.destroyForcibly(); // not left running: nobody waits for its answer any more
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git " + subcommand(args), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The first argument that is not an option: what may be logged of a command line. */
    private static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c")) {
                i++; // a configuration value, not the command
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }
}
