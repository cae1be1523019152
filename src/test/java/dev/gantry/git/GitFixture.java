package dev.gantry.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real git repositories for tests, made with the git command line: a working repository, bare remotes, shallow and
 * tagless clones, detached HEADs and refusing hooks. Public and free of JUnit so that the invoker ITs' Groovy setup
 * scripts can use it too ({@code addTestClassPath}).
 *
 * <p>Every command runs without the machine's git configuration ({@code GIT_CONFIG_NOSYSTEM}, an empty global
 * config) and with a fixed identity; commit times start at 2026-01-01T00:00:00Z and advance one minute per commit,
 * so commit ids are the same on every run.
 */
public final class GitFixture {

    /** The committer time of the first commit a fixture makes, in epoch seconds (2026-01-01T00:00:00Z). */
    public static final long FIRST_COMMIT_TIME = 1_767_225_600L;
    public static final String NAME = "Gantry Test";
    public static final String EMAIL = "test@gantry.dev";

    private final Path dir;
    private long nextCommitTime = FIRST_COMMIT_TIME;

    private GitFixture(Path dir) {
        this.dir = dir;
    }

    /** A new working repository on branch {@code main}, without commits. */
    public static GitFixture init(Path dir) {
        mkdirs(dir);
        run(dir, "init", "-q", "-b", "main");
        return new GitFixture(dir);
    }

    /** A new bare repository, to be a remote. */
    public static GitFixture bareRemote(Path dir) {
        mkdirs(dir);
        run(dir, "init", "-q", "--bare", "-b", "main");
        return new GitFixture(dir);
    }

    /** A clone of {@code source} in {@code dir}, made through {@code file://} (so that {@code --depth} applies). */
    public static GitFixture cloneOf(GitFixture source, Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("clone", "-q"));
        args.addAll(List.of(options));
        args.add(source.url());
        args.add(dir.toString());
        run(dir.getParent(), args.toArray(String[]::new));
        return new GitFixture(dir);
    }

    /** A clone with only the last commit, as most CI checkouts make. */
    public static GitFixture cloneShallow(GitFixture source, Path dir) {
        return cloneOf(source, dir, "--depth", "1");
    }

    /** A full clone that fetched no tags, as a CI checkout with {@code fetch-tags: false}. */
    public static GitFixture cloneWithoutTags(GitFixture source, Path dir) {
        return cloneOf(source, dir, "--no-tags");
    }

    public Path dir() {
        return dir;
    }

    /** The {@code file://} URL of this repository. */
    public String url() {
        return dir.toUri().toString();
    }

    /** Runs {@code git <args>} here and returns its trimmed output; fails on a non-zero exit. */
    public String git(String... args) {
        return run(dir, args);
    }

    /** Writes a file (creating directories), without committing. */
    public GitFixture write(String path, String content) {
        Path file = dir.resolve(path);
        mkdirs(file.getParent());
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stages everything (tracked and untracked) and commits it; returns the new commit id. */
    public String commit(String message) {
        git("add", "-A");
        long time = nextCommitTime;
        nextCommitTime += 60;
        run(dir, Map.of("GIT_AUTHOR_DATE", "@" + time + " +0000", "GIT_COMMITTER_DATE", "@" + time + " +0000"),
                "commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    /** Writes {@code pom.xml} with this version and commits it; returns the commit id. */
    public String commitPom(String version) {
        return commitPom("pom.xml", version);
    }

    /** Writes a pom at {@code path} (such as {@code service/pom.xml}) with this version and commits it. */
    public String commitPom(String path, String version) {
        write(path, pom(version));
        return commit("Version " + version);
    }

    /** A minimal POM with this version. */
    public static String pom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.gantry.test</groupId>
                  <artifactId>service</artifactId>
                  <version>%s</version>
                </project>
                """.formatted(version);
    }

    public String head() {
        return git("rev-parse", "HEAD");
    }

    /** A lightweight tag on HEAD. */
    public GitFixture tag(String name) {
        git("tag", name);
        return this;
    }

    /** A lightweight tag on the given commit. */
    public GitFixture tag(String name, String commit) {
        git("tag", name, commit);
        return this;
    }

    /** An annotated tag on HEAD. */
    public GitFixture annotatedTag(String name) {
        run(dir, Map.of("GIT_COMMITTER_DATE", "@" + nextCommitTime + " +0000"), "tag", "-a", "-m", "Release " + name, name);
        return this;
    }

    /** Detaches HEAD at the current commit, as CI checkouts do. */
    public GitFixture detach() {
        git("checkout", "-q", "--detach");
        return this;
    }

    public GitFixture addRemote(String name, GitFixture remote) {
        git("remote", "add", name, remote.url());
        return this;
    }

    /** {@code git push <remote> <refspecs…>}. */
    public GitFixture push(String remote, String... refspecs) {
        List<String> args = new ArrayList<>(List.of("push", "-q", remote));
        args.addAll(List.of(refspecs));
        git(args.toArray(String[]::new));
        return this;
    }

    /** The commit a tag points at (peeled), or null when this repository has no such tag. */
    public String taggedCommit(String tag) {
        String out = git("tag", "-l", tag);
        return out.isEmpty() ? null : git("rev-parse", tag + "^{commit}");
    }

    /** {@code tag} or {@code commit}: what kind of object the tag ref points at. */
    public String tagObjectType(String tag) {
        return git("cat-file", "-t", "refs/tags/" + tag);
    }

    /** Installs a pre-receive hook (in a bare remote) that refuses every tag with this message on stderr. */
    public GitFixture refuseTags(String message) {
        Path hook = dir.resolve("hooks/pre-receive");
        String script = """
                #!/bin/sh
                while read old new ref; do
                  case "$ref" in
                    refs/tags/*) echo "%s" >&2; exit 1 ;;
                  esac
                done
                exit 0
                """.formatted(message.replace("\"", "\\\""));
        try {
            mkdirs(hook.getParent());
            Files.writeString(hook, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    private static String run(Path dir, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", NAME);
        env.put("GIT_AUTHOR_EMAIL", EMAIL);
        env.put("GIT_COMMITTER_NAME", NAME);
        env.put("GIT_COMMITTER_EMAIL", EMAIL);
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        env.putAll(extraEnv);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ":\n" + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
