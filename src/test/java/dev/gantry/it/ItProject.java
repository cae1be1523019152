package dev.gantry.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives an invoker IT project (cloned under {@code target/it/<name>}) a real git history and a bare remote, from its
 * {@code setup.groovy}: {@code ItProject.at(basedir).init("main").withVersion("1.0.0").commit("first").tag("v1.0.0")}.
 * Uses the git CLI with a fixed identity and fixed dates, so that the history is the same on every machine.
 */
public final class ItProject {

    private static final Pattern OWN_ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern ARTIFACT_VERSION = Pattern.compile("(<artifactId>([^<]+)</artifactId>\\s*<version>)([^<]+)(</version>)");

    private final Path dir;
    private final Path remote;
    private int commits;

    private ItProject(Path dir) {
        this.dir = dir;
        this.remote = dir.resolveSibling(dir.getFileName() + "-remote.git");
    }

    public static ItProject at(File basedir) {
        return new ItProject(basedir.toPath());
    }

    /** {@code git init} on the branch, a bare remote beside the project as {@code origin}, target/ ignored. */
    public ItProject init(String branch) throws IOException {
        git(remote.getParent(), "init", "-q", "--bare", "-b", branch, remote.toString());
        git("init", "-q", "-b", branch);
        git("remote", "add", "origin", remote.toUri().toString());
        Files.writeString(dir.resolve(".gitignore"), "target/\nbuild.log\n*.groovy\ninvoker.properties\n");
        return this;
    }

    /**
     * Sets the version of the project: in every pom.xml of it, the version of each artifact the project defines (its
     * modules and their parent references), leaving other artifacts' versions (plugins, an outside parent) alone.
     */
    public ItProject withVersion(String version) throws IOException {
        List<Path> poms;
        try (Stream<Path> files = Files.walk(dir)) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml") && !dir.relativize(p).toString().contains("target/"))
                    .toList();
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        for (Path pom : poms) {
            Matcher m = OWN_ARTIFACT_ID.matcher(Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", ""));
            if (m.find()) {
                own.add(m.group(1));
            }
        }
        for (Path pom : poms) {
            Matcher m = ARTIFACT_VERSION.matcher(Files.readString(pom));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = own.contains(m.group(2)) ? m.group(1) + version + m.group(4) : m.group();
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            Files.writeString(pom, out.toString());
        }
        return this;
    }

    /** Commits everything, with a date one minute after the previous commit's. */
    public ItProject commit(String message) throws IOException {
        git("add", "-A");
        commits++;
        String date = String.format("2026-01-01T10:%02d:00Z", commits);
        run(dir, List.of("git", "commit", "-q", "--allow-empty", "-m", message), date);
        return this;
    }

    /** Merges the branch into the checked-out one with a merge commit (as a pull request's merge), dated as {@link #commit}. */
    public ItProject merge(String branch, String message) throws IOException {
        commits++;
        String date = String.format("2026-01-01T10:%02d:00Z", commits);
        run(dir, List.of("git", "merge", "-q", "--no-ff", "-m", message, branch), date);
        return this;
    }

    public ItProject tag(String name) throws IOException {
        git("tag", "-a", name, "-m", "Release " + name);
        return this;
    }

    public ItProject push() throws IOException {
        git("push", "-q", "--follow-tags", "origin", "HEAD");
        return this;
    }

    public ItProject checkout(String branch) throws IOException {
        git("checkout", "-q", "-B", branch);
        return this;
    }

    public ItProject detach() throws IOException {
        git("checkout", "-q", "--detach");
        return this;
    }

    /** Replaces the project with a shallow, tag-less, detached clone of its remote's branch, as CI checkouts are. */
    public ItProject replaceWithShallowClone(String branch) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + "-shallow");
        git(dir.getParent(), "clone", "-q", "--depth", "1", "--no-tags", "--branch", branch, remote.toUri().toString(), tmp.toString());
        git(tmp, "checkout", "-q", "--detach");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(".git") || !isKeptForInvoker(name)) {
                    deleteTree(p);
                }
            }
        }
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                if (!Files.exists(dir.resolve(p.getFileName()))) {
                    Files.move(p, dir.resolve(p.getFileName()));
                }
            }
        }
        deleteTree(tmp);
        return this;
    }

    private static boolean isKeptForInvoker(String name) {
        return name.endsWith(".groovy") || name.equals("invoker.properties") || name.equals("build.log");
    }

    /** Installs a server-side hook in the remote, e.g. a pre-receive that refuses tags. */
    public ItProject remoteHook(String name, String script) throws IOException {
        Path hook = remote.resolve("hooks").resolve(name);
        Files.writeString(hook, script);
        hook.toFile().setExecutable(true);
        return this;
    }

    /**
     * The first push of {@code tag} stops the pipeline (a lost runner), and the re-run's clone is a fresh one: no local
     * {@code tag}, and the remote spelt as a plain path, which git-commit-id's git.properties records, so that the
     * re-run's jar differs from the one published.
     */
    public ItProject loseTheRunnerAtTheFirstPushOf(String tag) throws IOException {
        String url = git("remote", "get-url", "origin").trim();
        String path = url.startsWith("file:") ? java.net.URI.create(url).getPath() : url;
        return remoteHook("pre-receive", """
                #!/bin/sh
                if [ ! -f between-runs-done ]; then
                  touch between-runs-done
                  # a fresh clone: no local tag (the hook's own git environment would refuse a ref update here)
                  env -u GIT_DIR -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \
                      git --git-dir='%1$s/.git' tag -d %2$s >/dev/null || exit 2
                  git config --file '%1$s/.git/config' remote.origin.url '%3$s' || exit 2
                  echo 'the runner was lost before the tag was pushed' >&2
                  exit 1
                fi
                """.formatted(dir, tag, path));
    }

    /** The remote refuses the first tag push (a permission fixed between two runs of the pipeline: a lost git tag). */
    public ItProject refuseFirstTagPush() throws IOException {
        return remoteHook("pre-receive", """
                #!/bin/sh
                while read old new ref; do
                  case "$ref" in refs/tags/*)
                    if [ ! -f refused-once ]; then touch refused-once; echo "tag pushes are not allowed yet: $ref" >&2; exit 1; fi;;
                  esac
                done
                """);
    }

    public ItProject write(String file, String content) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), content);
        return this;
    }

    /** {@code tag=commit} as the remote has them, annotated tags peeled to their commit. */
    public List<String> remoteTags() throws IOException {
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        for (String line : git("ls-remote", "--tags", "origin").split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                String name = parts[1].substring("refs/tags/".length());
                if (name.endsWith("^{}")) {
                    tags.put(name.substring(0, name.length() - 3), parts[0]);
                } else {
                    tags.putIfAbsent(name, parts[0]);
                }
            }
        }
        List<String> result = new ArrayList<>();
        tags.forEach((name, commit) -> result.add(name + "=" + commit));
        return result;
    }

    public List<String> localTags() throws IOException {
        String out = git("tag", "--list");
        return out.isBlank() ? List.of() : Arrays.asList(out.trim().split("\n"));
    }

    public String head() throws IOException {
        return git("rev-parse", "HEAD").trim();
    }

    public String git(String... args) throws IOException {
        return git(dir, args);
    }

    private static String git(Path in, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(in, command, "2026-01-01T10:00:00Z");
    }

    private static String run(Path in, List<String> command, String date) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_NAME", "Gantry IT");
        pb.environment().put("GIT_AUTHOR_EMAIL", "it@gantry.dev");
        pb.environment().put("GIT_COMMITTER_NAME", "Gantry IT");
        pb.environment().put("GIT_COMMITTER_EMAIL", "it@gantry.dev");
        pb.environment().put("GIT_AUTHOR_DATE", date);
        pb.environment().put("GIT_COMMITTER_DATE", date);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed in " + in + ":\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
