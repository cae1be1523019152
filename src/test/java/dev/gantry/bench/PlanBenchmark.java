/*
 * How long the git side of the plan takes on a big repository. Not a test: run it by hand.
 *
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 *   java -cp target/classes:target/test-classes:$(cat target/bench.classpath) dev.gantry.bench.PlanBenchmark [directory]
 *
 * It builds (with git fast-import) a repository of 20,000 commits and 5,000 annotated tags v0.0.1 … v0.0.5000, a bare
 * remote cloned from it and a working clone of that remote on main, whose last commit sets the version to 1.0.0.
 * Then it times, after a warm-up, the work of one plan: open the repository, read HEAD and the branch, the version
 * at the first parent, the release tags local and remote (git ls-remote), and the decision itself (which also asks
 * for uncommitted changes); with the git command line, with JGit alone, and in a shallow clone (depth 1, whose
 * release tags all come from the remote).
 */
package dev.gantry.bench;

import dev.gantry.git.GitCli;
import dev.gantry.git.GitFixture;
import dev.gantry.git.GitRepository;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.PlanSettings;
import dev.gantry.release.Planner;
import dev.gantry.release.ReleaseContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

public final class PlanBenchmark {

    private static final int COMMITS = 20_000;
    private static final int TAGS = 5_000;
    private static final int WARM_UP = 5;
    private static final int MEASURED = 10;
    private static int releaseTagsSeen;

    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("gantry-bench");
        long start = System.nanoTime();
        Path work = build(root);
        System.out.printf("built %d commits and %d tags in %s in %d ms%n", COMMITS, TAGS, root, (System.nanoTime() - start) / 1_000_000);

        measure("git command line", work, GitCli.find(work, GantryLog.SILENT));
        measure("JGit only", work, Optional.empty());
        Path shallow = root.resolve("shallow");
        measure("shallow, git CLI", shallow, GitCli.find(shallow, GantryLog.SILENT));
    }

    private static void measure(String label, Path work, Optional<GitCli> cli) throws GantryException {
        Plan plan = null;
        for (int i = 0; i < WARM_UP; i++) {
            plan = planOnce(work, cli);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            plan = planOnce(work, cli);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        double median = (millis.get(MEASURED / 2 - 1) + millis.get(MEASURED / 2)) / 2;
        System.out.printf("%-17s min %6.1f ms  median %6.1f ms  max %6.1f ms   (%d release tags; %s)%n", label, millis.get(0),
                median, millis.get(MEASURED - 1), releaseTagsSeen, plan.reason());
    }

    private static Plan planOnce(Path work, Optional<GitCli> cli) throws GantryException {
        try (GitRepository git = GitRepository.open(work, "origin", GantryLog.SILENT, cli)) {
            String commit = git.headCommit();
            String branch = git.checkedOutBranch().orElseThrow();
            String previous = git.versionAtFirstParent(work.resolve("pom.xml"),
                    new dev.gantry.git.MavenProjectConfig(work.resolve(".mvn"), false), new java.util.Properties()).orElse(null);
            releaseTagsSeen = git.releaseTags("v").size();
            PlanSettings settings = new PlanSettings(Flow.GITFLOW, List.of(), "v", false, null, "bench-service",
                    "file:///tmp/releases", "file:///tmp/snapshots");
            return new Planner(settings).plan(new ReleaseContext(branch, commit, "1.0.0", previous, git));
        }
    }

    /**
     * The source repository by fast-import, a bare remote cloned from it, a working clone of the remote ({@code work},
     * returned) and a shallow one ({@code shallow}, as CI checkouts are: no parent, no tags, all from the remote).
     */
    private static Path build(Path root) throws IOException, InterruptedException {
        GitFixture source = GitFixture.init(root.resolve("source"));
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet").directory(source.dir().toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            long time = GitFixture.FIRST_COMMIT_TIME;
            for (int i = 1; i <= COMMITS; i++) {
                String version = i == COMMITS ? "1.0.0" : "0.0." + (i + 1) / 4 + ((i + 1) % 4 == 0 ? "" : "-SNAPSHOT");
                write(out, "commit refs/heads/main\nmark :" + i + "\ncommitter Bench <bench@gantry.dev> " + (time + i * 60L)
                        + " +0000\n");
                data(out, "Commit " + i + ": version " + version + "\n");
                write(out, "M 100644 inline pom.xml\n");
                data(out, GitFixture.pom(version));
                write(out, "\n");
                if ((i + 1) % 4 == 0 && (i + 1) / 4 <= TAGS) {
                    int k = (i + 1) / 4;
                    write(out, "tag v0.0." + k + "\nfrom :" + i + "\ntagger Bench <bench@gantry.dev> " + (time + i * 60L) + " +0000\n");
                    data(out, "Release 0.0." + k + "\n");
                }
            }
            write(out, "done\n");
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        source.git("checkout", "-q", "-f", "main");
        GitFixture remote = GitFixture.cloneOf(source, root.resolve("remote.git"), "--bare");
        GitFixture.cloneShallow(remote, root.resolve("shallow"));
        GitFixture work = GitFixture.cloneOf(remote, root.resolve("work"));
        return work.dir();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void data(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(out, "data " + bytes.length + "\n");
        out.write(bytes);
    }
}
