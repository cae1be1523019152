package dev.gantry.bench;

import dev.gantry.testing.BaseImages;
import dev.gantry.testing.LatencyRelay;
import dev.gantry.testing.LocalRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Not a test: the whole {@code mvn deploy} of a service with Gantry against the pipeline it replaces,
 * {@code jib-maven-plugin:build} 3.5.2 bound to {@code deploy} after {@code maven-deploy-plugin}, on the same project,
 * the same kind of local registry (the {@code docker-registry} package on loopback, one per side, a 5 MB base image in
 * each) and the same local file Maven repository. Two projects: the bundled example's code, and a service with ~50 dependency jars.
 *
 * <p>Each round, each case on both sides back to back, alternating which side goes first: on {@code develop} a first
 * push (a new image repository) and a code-only change (one class changed, new commit) and, after another such change,
 * {@code mvn install}, the same build without the release (what the release adds to each side's build is the
 * difference), then on {@code main} a release of a new version. Then, Gantry
 * only: {@code mvn install} against {@code mvn deploy} on an ordinary commit on {@code main} after the release
 * (nothing to release), and a {@code mvn deploy} on a feature branch. The plan's own time is read from Maven's
 * timestamped log, from the {@code gantry:plan} header to the next goal's. Both sides run the same {@code ./mvnw}
 * (Maven 3.9) after a warm-up round, with the same environment and no {@code .mvn/jvm.config}; not offline, since
 * maven-deploy-plugin refuses to deploy offline even to a {@code file:} repository.
 *
 * <p>With a round trip in ms (default 0: the registries on loopback), each side's registry is reached through its own
 * {@link LatencyRelay}, which makes every request and answer cost that round trip, as a registry 10-80 ms away from a
 * CI runner does: both tools are given the relay's address, for their image and their base image alike. The base
 * image is pushed, and the bytes stored are read, on the registry itself.
 *
 * <pre>scripts/bench-deploy [rounds] [rtt-ms]</pre>
 */
public final class DeployBenchmark {

    static final String JIB_VERSION = "3.5.2";
    static final String PLUGIN_VERSION = ImageBenchmark.PLUGIN_VERSION;
    static final String CODE_ONLY = "develop code-only change";
    /** The same project's build after another code-only change, without the release: {@code mvn install}. */
    static final String WITHOUT_RELEASE = "develop code-only change, mvn install";

    /** 51 jars from Maven Central that resolve here: the AWS SDK's clients and JGit pull in the rest. */
    static final String MANY_DEPENDENCIES = """
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>ecr</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>codeartifact</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>sts</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>sso</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>ssooidc</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>software.amazon.awssdk</groupId><artifactId>url-connection-client</artifactId><version>2.40.2</version></dependency>
                <dependency><groupId>org.eclipse.jgit</groupId><artifactId>org.eclipse.jgit</artifactId><version>7.8.0.202609011348-r</version></dependency>
            """;

    final Path mvnw = Path.of("mvnw").toAbsolutePath();
    final Path work;
    final Path mavenRepository;
    /** One registry per side: both build reproducible layers, so a shared blob store would hide what each stores. */
    final Map<String, LocalRegistry> registries;
    /** The registry's address each side's tool is given: the registry's own, or its relay's. */
    final Map<String, String> hosts;
    /** The base image, in each side's registry, at that side's address. */
    final Map<String, String> bases;
    /** Each side's relay, when the registries are far away. */
    final Map<String, LatencyRelay> relays;
    final Duration roundTrip;
    final Map<String, List<Long>> times = new LinkedHashMap<>();
    final Map<String, List<Long>> bytes = new LinkedHashMap<>();
    /** Per case and side, the CPU each run took (user + system, the Maven JVM and every process it waited for). */
    final Map<String, List<Long>> cpu = new LinkedHashMap<>();
    /** Per case and side, the registry's requests (and connections through the relay) in the last round. */
    final Map<String, String> calls = new LinkedHashMap<>();

    DeployBenchmark(Path work, Map<String, LocalRegistry> registries, Map<String, LatencyRelay> relays, Duration roundTrip)
            throws Exception {
        this.work = work;
        this.mavenRepository = work.resolve("maven-repo");
        this.registries = registries;
        this.relays = relays;
        this.roundTrip = roundTrip;
        this.hosts = new LinkedHashMap<>();
        this.bases = new LinkedHashMap<>();
        for (var side : registries.entrySet()) {
            LocalRegistry registry = side.getValue();
            String host = relays.containsKey(side.getKey()) ? relays.get(side.getKey()).host() : registry.host();
            hosts.put(side.getKey(), host);
            // pushed directly: the base image's own push is not what is measured
            bases.put(side.getKey(), host + BaseImages.push(registry, "base", 5_000_000).substring(registry.host().length()));
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Duration roundTrip = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
        Path work = Path.of("target/bench-deploy").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        System.out.println(describe(roundTrip));
        // a relay per side when the registries are far away; none (a null resource, not closed) on loopback
        try (LocalRegistry gantryRegistry = LocalRegistry.start(); LocalRegistry jibRegistry = LocalRegistry.start();
             LatencyRelay gantryRelay = farAway(gantryRegistry, roundTrip);
             LatencyRelay jibRelay = farAway(jibRegistry, roundTrip)) {
            DeployBenchmark bench = new DeployBenchmark(work, Map.of("gantry", gantryRegistry, "jib", jibRegistry),
                    gantryRelay == null ? Map.of() : Map.of("gantry", gantryRelay, "jib", jibRelay), roundTrip);
            List<Project> projects = List.of(bench.project("orders", orderSources(), ""),
                    bench.project("service50", greetingSources(), MANY_DEPENDENCIES));
            // round 0 warms up (resolves the plugins, fills the caches) and releases once, so that nothing-to-release
            // (measured first: the cheapest figures) has a released version on main
            for (Project project : projects) {
                bench.developAndRelease(project, 0);
            }
            bench.nothingToRelease(projects.get(0), rounds);
            for (int round = 1; round <= rounds; round++) {
                for (Project project : projects) {
                    bench.developAndRelease(project, round);
                }
            }
            bench.report(projects, rounds);
        }
    }

    static LatencyRelay farAway(LocalRegistry registry, Duration roundTrip) throws IOException {
        return roundTrip.isZero() ? null : LatencyRelay.inFrontOf(registry, roundTrip);
    }

    static String describe(Duration roundTrip) {
        return roundTrip.isZero() ? "registry round trip: 0 ms (each side's registry on loopback, no relay)"
                : "registry round trip: " + roundTrip.toMillis() + " ms (a LatencyRelay in front of each side's registry)";
    }

    record Project(String name, Path gantry, Path jib, int jars) {
        Path dir(String side) {
            return side.equals("gantry") ? gantry : jib;
        }
    }

    Project project(String name, Map<String, String> sources, String dependencies) throws Exception {
        Path gantry = work.resolve(name + "-gantry");
        Path jib = work.resolve(name + "-jib");
        for (String side : List.of("gantry", "jib")) {
            Path dir = side.equals("gantry") ? gantry : jib;
            Files.createDirectories(dir.resolve(".mvn/wrapper"));
            Files.copy(Path.of(".mvn/wrapper/maven-wrapper.properties"), dir.resolve(".mvn/wrapper/maven-wrapper.properties"));
            for (var source : sources.entrySet()) {
                Files.createDirectories(dir.resolve(source.getKey()).getParent());
                Files.writeString(dir.resolve(source.getKey()), source.getValue());
            }
            Files.writeString(dir.resolve("pom.xml"), pom(side, name, dependencies));
            Files.writeString(dir.resolve(".gitignore"), "target/\nmaven.log\n");
            git(dir, "init", "-q", "-b", "develop");
            git(work, "init", "-q", "--bare", dir.getFileName() + ".git");
            git(dir, "remote", "add", "origin", work.resolve(dir.getFileName() + ".git").toString());
            git(dir, "add", "-A");
            git(dir, "commit", "-q", "-m", "First commit");
        }
        maven(jib, "-q", "dependency:build-classpath", "-Dmdep.outputFile=" + work.resolve(name + ".cp"));
        int jars = Files.readString(work.resolve(name + ".cp")).trim().split(java.io.File.pathSeparator).length;
        return new Project(name, gantry, jib, jars);
    }

    String pom(String side, String name, String dependencies) {
        String plugin = side.equals("gantry") ? """
                      <plugin>
                        <groupId>dev.gantry</groupId>
                        <artifactId>gantry-maven-plugin</artifactId>
                        <version>%s</version>
                        <extensions>true</extensions>
                        <executions><execution><goals>
                          <goal>plan</goal><goal>image</goal><goal>publish</goal><goal>tag</goal>
                        </goals></execution></executions>
                      </plugin>
                """.formatted(PLUGIN_VERSION) : """
                      <plugin>
                        <groupId>com.google.cloud.tools</groupId>
                        <artifactId>jib-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions><execution><phase>deploy</phase><goals><goal>build</goal></goals></execution></executions>
                      </plugin>
                """.formatted(JIB_VERSION);
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench.%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
                  </properties>
                  <distributionManagement>
                    <repository><id>bench</id><url>%s</url></repository>
                    <snapshotRepository><id>bench</id><url>%s</url></snapshotRepository>
                  </distributionManagement>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <plugins>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(side, name, mavenRepository.toUri(), mavenRepository.toUri(), dependencies, plugin);
    }

    /**
     * One round on one project: develop first push and code-only change, {@code mvn install} after another code-only
     * change, then a release on main. Each case runs on both sides back to back, the side going first alternating with
     * the round, so that the two runs compared are seconds apart rather than a side's whole sequence apart: the machine's
     * speed drifts within minutes (see {@link #roundByRound}). Each side's project, registry and repository are its own,
     * so one side's case leaves nothing for the other's.
     */
    void developAndRelease(Project project, int round) throws Exception {
        List<String> sides = round % 2 == 0 ? List.of("gantry", "jib") : List.of("jib", "gantry");
        for (String side : sides) {
            git(project.dir(side), "checkout", "-q", "develop");
            deploy(round, project.name() + " develop first push", project.dir(side), side, repository(project, side, round),
                    "1.0.0-SNAPSHOT", "develop", "dev-latest");
            planTime(round, side, project.name() + " plan, develop");
        }
        for (String side : sides) {
            Path dir = project.dir(side);
            String repository = repository(project, side, round);
            Files.writeString(dir.resolve(greetingPath()), greeting("round " + round + " changed"));
            git(dir, "commit", "-q", "-am", "A code change");
            LocalRegistry registry = registries.get(side);
            long before = registry.storedBlobBytes();
            deploy(round, project.name() + " " + CODE_ONLY, dir, side, repository, "1.0.0-SNAPSHOT", "develop",
                    "dev-latest");
            if (round > 0) {
                long stored = registry.storedBlobBytes() - before;
                long expected = ImageBenchmark.changedSum(registry, repository, "1.0.0-SNAPSHOT");
                bytes.computeIfAbsent(project.name() + " " + side, k -> new ArrayList<>()).add(stored * 1000 / expected);
            }
        }
        for (String side : sides) {
            // the same build without the release: another code-only change, `mvn install`
            Path dir = project.dir(side);
            Files.writeString(dir.resolve(greetingPath()), greeting("round " + round + " changed again"));
            git(dir, "commit", "-q", "-am", "Another code change");
            long start = System.nanoTime();
            long cpuBefore = childrenCpuMillis();
            maven(dir, "install");
            record(round, project.name() + " " + WITHOUT_RELEASE, side, (System.nanoTime() - start) / 1_000_000);
            if (round > 0) {
                cpu.computeIfAbsent(project.name() + " " + WITHOUT_RELEASE + "|" + side, k -> new ArrayList<>())
                        .add(childrenCpuMillis() - cpuBefore);
            }
        }
        for (String side : sides) {
            Path dir = project.dir(side);
            String version = "1.0." + (round + 1);
            git(dir, "checkout", "-q", "-B", "main");
            setVersion(dir, version);
            git(dir, "commit", "-q", "-am", "Release " + version);
            deploy(round, project.name() + " main release", dir, side, repository(project, side, round), version, "latest");
            planTime(round, side, project.name() + " plan, main release");
            git(dir, "checkout", "-q", "develop");
        }
    }

    /** A new image repository each round and side: the round's first push is a first push. */
    static String repository(Project project, String side, int round) {
        return project.name() + "-" + side + "-r" + round;
    }

    /** Gantry only: install against deploy on an ordinary commit after a release, then a feature branch's deploy. */
    void nothingToRelease(Project project, int rounds) throws Exception {
        Path dir = project.gantry();
        git(dir, "checkout", "-q", "main");
        Files.writeString(dir.resolve(greetingPath()), greeting("an ordinary commit on main"));
        git(dir, "commit", "-q", "-am", "An ordinary commit, no version change");
        maven(dir, "deploy");
        for (int round = 1; round <= rounds; round++) {
            List<String> goals = round % 2 == 0 ? List.of("install", "deploy") : List.of("deploy", "install");
            for (String goal : goals) {
                long start = System.nanoTime();
                maven(dir, goal);
                record(round, "nothing to release on main", goal, (System.nanoTime() - start) / 1_000_000);
                planTime(round, goal, "plan, main, nothing to release");
            }
        }
        git(dir, "checkout", "-q", "-b", "feature/bench");
        for (int round = 1; round <= rounds; round++) {
            maven(dir, "deploy");
            planTime(round, "gantry", "plan, feature branch (verify only)");
        }
        git(dir, "checkout", "-q", "develop");
    }

    /** Times one side's {@code mvn deploy} and counts the requests its registry answered. */
    void deploy(int round, String what, Path dir, String side, String repository, String version, String... movingTags)
            throws Exception {
        String image = hosts.get(side) + "/" + repository;
        String base = bases.get(side);
        List<String> args = new ArrayList<>(List.of("deploy"));
        if (side.equals("gantry")) {
            args.addAll(List.of("-Dgantry.image.repository=" + image, "-Dgantry.image.from=" + base,
                    "-Dgantry.image.allowInsecureRegistries=true", "-Dgantry.image.mainClass=bench.Main"));
        } else {
            // the same tags as Gantry pushes on that branch: the version, sha-<12 hex> and the moving ones
            String sha = gitOutput(dir, "rev-parse", "HEAD").substring(0, 12);
            args.addAll(List.of("-Djib.from.image=" + base, "-Dimage=" + image + ":" + version,
                    "-Djib.to.tags=sha-" + sha + "," + String.join(",", movingTags),
                    "-Djib.allowInsecureRegistries=true", "-Djib.container.mainClass=bench.Main"));
        }
        LocalRegistry registry = registries.get(side);
        LatencyRelay relay = relays.get(side);
        int requests = registry.requests().size();
        int connections = relay == null ? 0 : relay.connections();
        long start = System.nanoTime();
        long cpuBefore = childrenCpuMillis();
        LocalTime startedAt = LocalTime.now();
        maven(dir, args.toArray(String[]::new));
        record(round, what, side, (System.nanoTime() - start) / 1_000_000);
        if (round > 0) {
            cpu.computeIfAbsent(what + "|" + side, k -> new ArrayList<>()).add(childrenCpuMillis() - cpuBefore);
            lastSpans.forEach((span, millis) -> spans.computeIfAbsent(what + "|" + side, k -> new LinkedHashMap<>())
                    .computeIfAbsent(span, k -> new ArrayList<>()).add(millis));
        }
        keepRun(round, what, side, dir, startedAt, relay == null ? List.of() : relay.timeline(start));
        calls.put(what + "|" + side, (registry.requests().size() - requests) + " requests"
                + (relay == null ? "" : " on " + (relay.connections() - connections) + " connections"));
    }

    /**
     * One run's Maven log (timestamped: where each goal's time goes) and, when the registry is far away, its requests and
     * answers as they crossed the relay, whose times count from the wall clock the file's first line gives: where a
     * tool's round trips go, one after another or side by side.
     */
    void keepRun(int round, String what, String side, Path dir, LocalTime startedAt, List<String> timeline)
            throws IOException {
        Path runs = Files.createDirectories(work.resolve("runs"));
        String name = "r" + round + "-" + what.replace(' ', '-') + "-" + side;
        Files.copy(dir.resolve("maven.log"), runs.resolve(name + ".maven.log"));
        if (!timeline.isEmpty()) {
            Files.write(runs.resolve(name + ".timeline.txt"), Stream.concat(
                    Stream.of("mvn started at " + startedAt + " (wall clock); registry round trip "
                            + roundTrip.toMillis() + " ms; times below are since then"), timeline.stream()).toList());
        }
    }

    void record(int round, String what, String side, long millis) {
        System.out.printf("  round %d  %-48s %-8s %6d ms%n", round, what, side, millis); // partial figures if stopped
        if (round > 0) {
            times.computeIfAbsent(what + "|" + side, k -> new ArrayList<>()).add(millis);
        }
    }

    /** The plan's own time in the last Maven run of a Gantry project, if it ran. */
    void planTime(int round, String side, String what) throws IOException {
        if (!side.equals("jib") && round > 0) {
            long plan = lastSpans.getOrDefault("gantry:plan", -1L);
            System.out.printf("  round %d  %-48s %-8s %6d ms%n", round, what, "plan", plan);
            times.computeIfAbsent(what + "|gantry:plan", k -> new ArrayList<>()).add(plan);
        }
    }

    /** Where the last Maven run's time went ({@link GoalSpans}). */
    Map<String, Long> lastSpans = Map.of();
    /** Per case and side, each span's times over the rounds counted, in the order the goals ran. */
    final Map<String, Map<String, List<Long>>> spans = new LinkedHashMap<>();

    void report(List<Project> projects, int rounds) {
        System.out.printf("%nWhole `mvn deploy` benchmark: %d rounds after a warm-up, sides alternated, medians in ms; %s%n",
                rounds, describe(roundTrip));
        for (Project project : projects) {
            System.out.printf("  %s: %d dependency jars%n", project.name(), project.jars());
        }
        Map<String, Map<String, Long>> medians = new LinkedHashMap<>();
        times.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            medians.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], median(values));
        });
        medians.forEach((what, sides) -> {
            StringBuilder line = new StringBuilder(String.format("  %-48s", what));
            sides.forEach((side, median) -> line.append(String.format("  %s %6d", side, median)));
            if (sides.containsKey("gantry") && sides.containsKey("jib")) {
                line.append(String.format("   %s %.2f", ratioName(what), (double) sides.get("gantry") / sides.get("jib")));
                line.append(roundByRound(times.get(what + "|gantry"), times.get(what + "|jib"), (a, b) -> (double) a / b,
                        "%.2f"));
            }
            if (sides.containsKey("deploy") && sides.containsKey("install")) {
                line.append(String.format("   deploy - install %d", sides.get("deploy") - sides.get("install")));
                line.append(roundByRound(times.get(what + "|deploy"), times.get(what + "|install"), (a, b) -> a - b,
                        "%.0f"));
            }
            System.out.println(line);
        });
        System.out.println("  where the time went (medians in ms, Maven's timestamps: from 'Scanning for projects' to the first"
                + " goal, then each goal's header to the next):");
        spans.forEach((key, bySpan) -> {
            StringBuilder line = new StringBuilder(String.format("    %-55s", key.replace('|', ' ')));
            bySpan.forEach((span, values) -> line.append(String.format(" %s %d,", span, median(values))));
            System.out.println(line.substring(0, line.length() - 1));
        });
        System.out.println("  CPU per run (user + system, the Maven JVM and the processes it ran), medians in ms:");
        cpu.keySet().stream().map(key -> key.split("\\|")[0]).distinct().forEach(what -> {
            List<Long> gantry = cpu.get(what + "|gantry");
            List<Long> jib = cpu.get(what + "|jib");
            System.out.printf("    %-48s jib %6d  gantry %6d   %s %.2f%s%n", what, median(jib), median(gantry), ratioName(what),
                    (double) median(gantry) / median(jib), roundByRound(gantry, jib, (a, b) -> (double) a / b, "%.2f"));
        });
        System.out.println("  what the release adds to the build (a code-only change on develop: mvn deploy's median - mvn install's;"
                + " the rest of either build is the same Maven, javac and tests):");
        for (Project project : projects) {
            String deploy = project.name() + " " + CODE_ONLY;
            String install = project.name() + " " + WITHOUT_RELEASE;
            long jibWall = median(times.get(deploy + "|jib")) - median(times.get(install + "|jib"));
            long gantryWall = median(times.get(deploy + "|gantry")) - median(times.get(install + "|gantry"));
            long jibCpu = median(cpu.get(deploy + "|jib")) - median(cpu.get(install + "|jib"));
            long gantryCpu = median(cpu.get(deploy + "|gantry")) - median(cpu.get(install + "|gantry"));
            System.out.printf("    %-48s wall: jib+deploy %5d  gantry %5d  gantry/(jib+deploy) %.2f;  CPU: jib+deploy %5d"
                    + "  gantry %5d  gantry/(jib+deploy) %.2f%n", project.name(), jibWall, gantryWall,
                    (double) gantryWall / jibWall, jibCpu, gantryCpu, (double) gantryCpu / jibCpu);
        }
        times.forEach((key, values) -> System.out.printf("    all runs %-60s %s%n", key, values));
        calls.forEach((key, value) -> System.out.printf("  registry, last round: %-60s %s%n", key, value));
        System.out.println("  each run's Maven log" + (relays.isEmpty() ? "" : " and its registry requests and answers, as they"
                + " crossed the relay") + ": " + work.resolve("runs"));
        bytes.forEach((key, values) -> System.out.printf("  stored after a code-only change, %s: %s x (classes layer + config + manifest), per round: %s%n",
                key, String.format("%.3f", median(values) / 1000.0), values));
    }

    /** Both sides release in a deploy; in an install neither does, so that comparison is Gantry's project against Jib's. */
    static String ratioName(String what) {
        return what.endsWith(WITHOUT_RELEASE) ? "gantry/jib (no release)" : "gantry/(jib+deploy)";
    }

    /**
     * The comparison made within each round, whose two runs ran back to back: the machine's speed drifts by 20-30% within
     * an hour, which moves each side's median, but far less between two runs a few seconds apart.
     */
    static String roundByRound(List<Long> one, List<Long> other, ToDoubleBiFunction<Long, Long> compare, String format) {
        List<Double> each = IntStream.range(0, Math.min(one.size(), other.size()))
                .mapToObj(i -> compare.applyAsDouble(one.get(i), other.get(i))).sorted().toList();
        return String.format(", round by round " + format + " (" + format + " to " + format + ")",
                each.get((each.size() - 1) / 2), each.get(0), each.get(each.size() - 1));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * The CPU this JVM's waited-for children have used so far, from Linux's {@code /proc/self/stat} (cutime and cstime,
     * in ticks of 10 ms): a child's figure includes what it waited for in turn, here the tests' fork and git. On
     * 2 busy cores a build's wall time follows its CPU, so this says whether a side is faster for doing less or for
     * the hour it ran in.
     */
    static long childrenCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10; // fields 16 and 17 of proc(5)
    }

    void maven(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-ntp",
                ImageBenchmark.TIMESTAMPS, ImageBenchmark.TIMESTAMP_FORMAT));
        if (ImageBenchmark.BENCH_REPOSITORY != null) {
            command.add("-Dmaven.repo.local=" + ImageBenchmark.BENCH_REPOSITORY);
            command.add("-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("maven.log").toFile());
        // the same JVM settings for both sides: Maven's defaults, nothing inherited from the caller
        builder.environment().remove("MAVEN_OPTS");
        if (System.getenv("GANTRY_BENCH_MAVEN_OPTS") != null) {
            // for looking inside both sides' runs alike (class loading, the JIT's time), never for the figures
            builder.environment().put("MAVEN_OPTS", System.getenv("GANTRY_BENCH_MAVEN_OPTS"));
        }
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n"
                    + Files.readString(dir.resolve("maven.log")));
        }
        lastSpans = GoalSpans.of(dir.resolve("maven.log"));
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"));
        command.addAll(List.of(args));
        if (new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }

    static String gitOutput(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out;
    }

    static void setVersion(Path dir, String version) throws IOException {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("<version>[^<]*</version>", "<version>" + version + "</version>"));
    }

    static String greetingPath() {
        return "src/main/java/bench/Greeting.java";
    }

    static String greeting(String text) {
        return "package bench;\n\nfinal class Greeting {\n    static final String TEXT = \"" + text + "\";\n}\n";
    }

    static Map<String, String> greetingSources() {
        return Map.of("src/main/java/bench/Main.java", """
                package bench;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Greeting.TEXT);
                    }
                }
                """, greetingPath(), greeting("hello"), "src/main/resources/application.properties", "server.port=8080\n");
    }

    /** The bundled example's code (examples/orders-service), with its main class under the benchmark's name. */
    static Map<String, String> orderSources() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>(greetingSources());
        Path example = Path.of("examples/orders-service/src/main/java");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.put("src/main/java/" + example.relativize(file), Files.readString(file));
            }
        }
        return sources;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
