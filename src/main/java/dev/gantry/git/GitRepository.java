package dev.gantry.git;

import dev.gantry.release.Concurrently;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseContext;
import dev.gantry.release.ReleaseHistory;
import dev.gantry.release.RemoteBranchTip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The git repository a build runs in, as the release decision sees it: HEAD, the checked-out branch, the version at
 * HEAD's first parent, and the release tags both local and on the remote. Local facts come from JGit, reading refs
 * and single objects only (never walking history, so that a repository of 20,000 commits and 5,000 tags costs what
 * a small one does); the remote is asked through the git command line when there is one, because that is where the
 * CI's credentials work.
 */
public final class GitRepository implements ReleaseHistory, AutoCloseable {

    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(120);
    static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(60);
    private static final String TAGS = Constants.R_TAGS;

    /** JGit's view, opened when first needed: the plan of most builds reads everything through {@link CliHead}. */
    private Repository repository;
    private final Path projectDir;
    private final HeadFacts facts;
    private final Path workTree;
    /** The directories whose untracked files count as uncommitted changes, from the work tree's root, each ending in '/'. */
    private volatile List<String> shippedRoots = List.of();
    /** What follows an untracked path among the uncommitted changes. */
    public static final String UNTRACKED = " (untracked)";
    private final String remoteName;
    private final GantryLog log;
    /** The git command line, looked for when first needed: a branch that reads neither remote nor status starts no git. */
    private final Supplier<Optional<GitCli>> cliLookup;
    private Optional<GitCli> cli;
    private RevCommit head;
    private final Map<String, Map<String, String>> releaseTagsByPrefix = new HashMap<>();
    /** Remote tags and status read ahead on their own threads ({@link #lookAhead}), by prefix. */
    private final Map<String, CompletableFuture<ReleaseTagsRead>> tagsAhead = new HashMap<>();
    /** The branch whose tip on the remote the release tags' {@code ls-remote} also asks for ({@link #lookAhead}). */
    private String branchAsked;
    /** The remote's tip of each branch asked, empty when the remote has no such branch. */
    private final Map<String, Optional<String>> remoteBranchTips = new HashMap<>();
    private CompletableFuture<List<String>> statusAhead;
    /** {@code ./pom.xml} of {@link #projectDir} at HEAD's first parent, read with HEAD ({@link CliHead}); null: not. */
    private GitCli.Result pomAtFirstParentAhead;

    private GitRepository(Repository repository, Path projectDir, HeadFacts facts, String remoteName, GantryLog log,
            Supplier<Optional<GitCli>> cliLookup) {
        this.repository = repository;
        this.projectDir = projectDir;
        this.facts = facts;
        this.workTree = facts.workTree();
        this.remoteName = remoteName;
        this.log = log;
        this.cliLookup = cliLookup;
    }

    /** Opens the repository containing {@code projectDir}, using the git command line when one is on the PATH. */
    public static GitRepository open(Path projectDir, String remoteName, GantryLog log) throws GantryException {
        return open(projectDir, remoteName, log, (HeadReadAhead) null);
    }

    /**
     * As {@link #open(Path, String, GantryLog)}, taking HEAD as {@code ahead} read it when it was started for the same
     * directory and remote (null: none was).
     */
    public static GitRepository open(Path projectDir, String remoteName, GantryLog log, HeadReadAhead ahead)
            throws GantryException {
        Path dir = projectDir.toAbsolutePath().normalize();
        Optional<CliHead.Started> started = ahead == null ? Optional.empty() : ahead.take(dir, remoteName, log);
        if (started.isPresent() || GitCli.mayBeOnPath()) {
            Optional<GitRepository> read = openByCli(dir, remoteName, log,
                    facts -> Optional.of(GitCli.unprobed(facts.workTree(), log).forProject(dir)),
                    started.orElseGet(() -> CliHead.begin(GitCli.unprobed(dir, log), remoteName)));
            if (read.isPresent()) {
                return read.get();
            }
        }
        return open(dir, remoteName, log, () -> findWorkTree(dir).flatMap(w -> GitCli.find(w, log)).map(git -> git.forProject(dir)));
    }

    /**
     * The repository as an earlier step of this build read it with the command line (the plan: {@link #readByGit}):
     * no git process and no JGit to open it again. HEAD is the commit that was planned and built.
     */
    public static GitRepository reopen(HeadFacts facts, Path projectDir, String remoteName, GantryLog log) {
        Path dir = projectDir.toAbsolutePath().normalize();
        Optional<GitCli> cli = Optional.of(GitCli.unprobed(facts.workTree(), log).forProject(dir));
        return new GitRepository(null, dir, facts, remoteName, log, () -> cli);
    }

    /** What the command line read of HEAD, for {@link #reopen}; empty when JGit read it. */
    public Optional<HeadFacts> readByGit() {
        return repository == null ? Optional.of(facts) : Optional.empty();
    }

    /**
     * Opens the repository containing {@code projectDir} with the given command line, or with JGit alone when it is
     * empty (tests use this to exercise both ways).
     */
    public static GitRepository open(Path projectDir, String remoteName, GantryLog log, Optional<GitCli> cli)
            throws GantryException {
        if (cli.isPresent()) {
            Path dir = projectDir.toAbsolutePath().normalize();
            Optional<GitRepository> read = openByCli(dir, remoteName, log, facts -> cli,
                    CliHead.begin(GitCli.unprobed(dir, log), remoteName));
            if (read.isPresent()) {
                return read.get();
            }
        }
        return open(projectDir, remoteName, log, () -> cli);
    }

    /** HEAD and what the plan reads with it, read by the git command line; empty where git cannot tell (JGit then). */
    private static Optional<GitRepository> openByCli(Path dir, String remoteName, GantryLog log,
            Function<HeadFacts, Optional<GitCli>> cliFor, CliHead.Started started) {
        Optional<CliHead.Read> read = CliHead.finish(started, log);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        HeadFacts facts = read.get().facts();
        log.debug("git repository " + facts.workTree() + ", HEAD " + facts.commit() + ", read by git");
        Optional<GitCli> cli = cliFor.apply(facts);
        GitRepository repository = new GitRepository(null, dir, facts, remoteName, log, () -> cli);
        repository.pomAtFirstParentAhead = read.get().pomAtFirstParent().orElse(null);
        return Optional.of(repository);
    }

    private static GitRepository open(Path projectDir, String remoteName, GantryLog log, Supplier<Optional<GitCli>> cli)
            throws GantryException {
        Path dir = projectDir.toAbsolutePath().normalize();
        JGitReads.Opened opened = JGitReads.open(dir, remoteName, log);
        GitRepository git = new GitRepository(opened.repository(), dir, opened.facts(), remoteName, log, cli);
        git.head = opened.head();
        return git;
    }

    /** The folder holding {@code .git} (a directory, or a file for linked work trees), for the git command line. */
    private static Optional<Path> findWorkTree(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(Constants.DOT_GIT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the repository as git does: upwards from the directory, stopping at {@code GIT_CEILING_DIRECTORIES} and
     * honouring {@code GIT_DIR}.
     */
    static Optional<FileRepositoryBuilder> locate(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        return Optional.ofNullable(builder.getGitDir() == null ? null : builder);
    }

    public Path workTree() {
        return workTree;
    }

    /** The name of the remote that tags are read from and pushed to. */
    public String remoteName() {
        return remoteName;
    }

    /** The full id of HEAD's commit. */
    public String headCommit() {
        return facts.commit();
    }

    /** HEAD's committer time: the reproducible creation time of what is built from it. */
    public Instant headCommitTime() {
        return facts.commitTime();
    }

    /** The branch HEAD is on, such as {@code main}; empty when HEAD is detached (as in most CI checkouts). */
    public Optional<String> checkedOutBranch() {
        return facts.branch();
    }

    /**
     * The project version in {@code pomFile} as it was at HEAD's first parent, the version this commit changes (or
     * keeps). A CI-friendly version ({@code ${revision}${changelist}}) is resolved as this build's command line would
     * have built that commit: the command line's {@code -D} properties first (the same pipeline builds every commit
     * of the branch, as {@code mvn deploy -Dchangelist=} does on main), then those of the project's {@code .mvn} files
     * ({@link MavenProjectConfig}) as they were in that commit, then the POM's own. Empty when HEAD has no parent, when
     * that commit is not in the clone (a shallow clone), when the file did not exist there, or when its version cannot
     * be known from those.
     *
     * @param userProperties this build's user properties, those read from the {@code .mvn} files included
     */
    public Optional<String> versionAtFirstParent(Path pomFile, MavenProjectConfig config, Properties userProperties)
            throws GantryException {
        if (facts.firstParent() == null) {
            return Optional.empty();
        }
        Optional<String> path = pathInWorkTree(pomFile);
        if (path.isEmpty()) {
            log.debug(pomFile + " is outside the work tree " + workTree + ": no previous version");
            return Optional.empty();
        }
        Optional<byte[]> pom = fileAtFirstParent(pomFile);
        if (pom.isEmpty()) {
            log.debug(path.get() + " is not at the first parent " + facts.firstParent() + " in this clone: no previous "
                    + "version");
            return Optional.empty();
        }
        return PomVersion.atFirstParent(pom.get(), path.get(), facts.firstParent(),
                () -> userPropertiesAtFirstParent(config, userProperties), log);
    }

    /** The parent commit's {@code .mvn} files' properties, and over them this build's command line's. */
    private Properties userPropertiesAtFirstParent(MavenProjectConfig config, Properties userProperties)
            throws GantryException {
        Properties properties = new Properties();
        List<String> files = config.files();
        List<Path> onDisk = files.stream().map(config.directory()::resolve).toList();
        List<Optional<byte[]>> texts = filesAtFirstParent(onDisk);
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            Optional<byte[]> text = texts.get(i);
            try {
                if (text.isPresent()) {
                    properties.putAll(MavenProjectConfig.parse(file, new String(text.get(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                log.warn(onDisk.get(i) + " at the parent commit " + ReleaseContext.shorten(facts.firstParent()) + " is not a"
                        + " readable properties file (" + e.getMessage() + "): its properties are not used for the"
                        + " previous version.");
            }
        }
        try {
            properties.putAll(config.commandLineOnly(userProperties));
        } catch (IOException e) {
            throw Refusals.cannotRead(config.directory().toString(), e);
        }
        return properties;
    }

    /**
     * A file of the work tree as it was at HEAD's first parent (the project's POM as the build extension read it ahead,
     * when it did); empty when it was not there, that commit is not in the clone, or the file is outside the tree.
     */
    private Optional<byte[]> fileAtFirstParent(Path file) throws GantryException {
        Optional<String> path = pathInWorkTree(file);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (repository == null && cli().isPresent()) {
            try {
                Optional<GitCli.Result> ahead = readAhead(file);
                Optional<String> text = ahead.isPresent() ? CliHead.blob(ahead.get())
                        : CliHead.blob(cli().get(), facts.firstParent() + ":" + path.get());
                return text.map(t -> t.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw Refusals.gitUnreadable(path.get() + " at commit " + facts.firstParent(), workTree.toString(),
                        e.getMessage(), e);
            }
        }
        return JGitReads.fileAt(jgit(), facts.firstParent(), path.get(), workTree, log);
    }

    /**
     * Files of the work tree as they were at HEAD's first parent, each as {@link #fileAtFirstParent} reads it; with the
     * git command line, all in one process (Maven 4 reads three {@code .mvn} files, most often absent).
     */
    private List<Optional<byte[]>> filesAtFirstParent(List<Path> files) throws GantryException {
        List<Optional<byte[]>> texts = new ArrayList<>();
        if (repository != null || cli().isEmpty()) {
            for (Path file : files) {
                texts.add(fileAtFirstParent(file));
            }
            return texts;
        }
        List<Optional<String>> paths = files.stream().map(this::pathInWorkTree).toList();
        List<String> objects = paths.stream().flatMap(Optional::stream).map(path -> facts.firstParent() + ":" + path)
                .toList();
        List<Optional<String>> read;
        try {
            read = CliHead.blobs(cli().get(), objects);
        } catch (IOException e) {
            throw Refusals.gitUnreadable(String.join(", ", objects), workTree.toString(), e.getMessage(), e);
        }
        int next = 0;
        for (Optional<String> path : paths) {
            texts.add(path.isEmpty() ? Optional.empty()
                    : read.get(next++).map(text -> text.getBytes(StandardCharsets.UTF_8)));
        }
        return texts;
    }

    /** The POM read ahead with HEAD, when it is this one and git answered; empty: read it now. */
    private Optional<GitCli.Result> readAhead(Path pomFile) {
        if (pomAtFirstParentAhead == null || !pomAtFirstParentAhead.succeeded()
                || !pomFile.toAbsolutePath().normalize().equals(projectDir.resolve("pom.xml"))) {
            return Optional.empty();
        }
        return Optional.of(pomAtFirstParentAhead);
    }

    private Optional<String> pathInWorkTree(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = workTree;
        try {
            absolute = absolute.toRealPath();
            root = workTree.toRealPath();
        } catch (IOException e) {
            // not on disk: compare the normalized paths
        }
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(absolute).toString().replace('\\', '/'));
    }

    /**
     * Release tags (name → peeled commit id) starting with {@code prefix}, local ones merged with the remote's, the
     * remote's winning when both have a tag. A shallow CI clone often has no tags at all, so the remote is asked
     * whenever it is configured; asked once per prefix.
     */
    @Override
    public Map<String, String> releaseTags(String prefix) throws GantryException {
        Map<String, String> cached = releaseTagsByPrefix.get(prefix);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<ReleaseTagsRead> ahead = tagsAhead.remove(prefix);
        ReleaseTagsRead read = ahead != null ? Concurrently.join(ahead) : readReleaseTags(prefix, branchAsked);
        if (read.branch() != null) {
            remoteBranchTips.put(read.branch(), read.branchTip());
        }
        releaseTagsByPrefix.put(prefix, read.tags());
        return read.tags();
    }

    /**
     * The release tags, local and the remote's, and the remote's tip of {@code branch} (null: not asked), read with one
     * {@code ls-remote}.
     */
    private record ReleaseTagsRead(Map<String, String> tags, String branch, Optional<String> branchTip) {
    }

    private ReleaseTagsRead readReleaseTags(String prefix, String branch) throws GantryException {
        Map<String, String> tags = new LinkedHashMap<>(localTags(prefix));
        if (!hasRemote()) {
            log.debug("no git remote '" + RemoteUrls.redact(remoteName) + "' is configured: only local tags are considered");
            return new ReleaseTagsRead(Map.copyOf(tags), null, Optional.empty());
        }
        String head = branch == null ? null : Constants.R_HEADS + branch;
        Map<String, RemoteRef> refs = head == null ? lsRemote(false, List.of(TAGS + prefix + "*"))
                : lsRemote(true, List.of(TAGS + prefix + "*", head));
        tags.putAll(tagsAmong(refs, name -> name.startsWith(prefix)));
        return new ReleaseTagsRead(Map.copyOf(tags), branch,
                head == null ? Optional.empty() : Optional.ofNullable(refs.get(head)).map(RemoteRef::commit));
    }

    /**
     * Starts reading the release tags (local and the remote's, with the remote's tip of {@code branch}) and, when
     * {@code status}, the work tree's uncommitted changes, each on its own thread, so that the remote's answer and git's
     * scan of the work tree arrive while the caller reads the local history; {@link #releaseTags},
     * {@link #remoteBranchLacks} and {@link #uncommittedChanges} then wait for them. Called only for a branch whose
     * decision needs them (a release): others start neither process.
     */
    public void lookAhead(String prefix, String branch, boolean status) {
        lookAhead(prefix, branch, status, List.of());
    }

    /**
     * As above; {@code shipped}, the directories whose files go into the release (each module's {@code src/main}, its
     * source and resource directories), makes an untracked file there count as an uncommitted change: the release
     * would hold it, and its tag would not. Untracked files elsewhere (a CI job's local Maven repository in the work
     * tree, a downloaded tool) do not count.
     */
    public void lookAhead(String prefix, String branch, boolean status, List<Path> shipped) {
        Path root = real(workTree);
        shippedRoots = shipped.stream().map(GitRepository::real)
                .filter(p -> p.startsWith(root) && !p.equals(root))
                .map(p -> root.relativize(p).toString().replace('\\', '/') + "/")
                .distinct().toList();
        branchAsked = branch;
        if (!releaseTagsByPrefix.containsKey(prefix) && !tagsAhead.containsKey(prefix)) {
            tagsAhead.put(prefix, Concurrently.start("gantry-git-look-ahead", () -> readReleaseTags(prefix, branch)));
        }
        if (status && statusAhead == null) {
            statusAhead = Concurrently.start("gantry-git-look-ahead", this::readUncommittedChanges);
        }
    }

    /** Local tags starting with the prefix, peeled to the commit (packed refs usually carry the peeled id). */
    public Map<String, String> localTags(String prefix) throws GantryException {
        if (repository == null && cli().isPresent()) {
            return localTags(cli().get(), prefix);
        }
        try {
            RefDatabase refs = jgit().getRefDatabase();
            Map<String, String> tags = new LinkedHashMap<>();
            for (Ref ref : refs.getRefsByPrefix(TAGS + prefix)) {
                tags.put(ref.getName().substring(TAGS.length()), peeled(refs, ref).name());
            }
            return tags;
        } catch (IOException e) {
            throw Refusals.gitUnreadable("the tags", workTree.toString(), e.getMessage(), e);
        }
    }

    /**
     * As JGit reads them, through {@code git for-each-ref}: an annotated tag's line carries what it points at, peeled
     * once; a tag of a tag (rare) is peeled to its commit by one more {@code git rev-parse}.
     */
    private Map<String, String> localTags(GitCli git, String prefix) throws GantryException {
        GitCli.Result result;
        try {
            result = git.run(LOCAL_TIMEOUT, "for-each-ref",
                    "--format=%(refname)%09%(objectname)%09%(*objectname)%09%(*objecttype)", TAGS + prefix + "*");
        } catch (IOException e) {
            throw Refusals.gitUnreadable("the tags", workTree.toString(), e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw Refusals.gitUnreadable("the tags", workTree.toString(), gitError(result), null);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> tagsOfTags = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 4 && fields[0].startsWith(TAGS + prefix)) {
                tags.put(fields[0].substring(TAGS.length()), fields[2].isEmpty() ? fields[1] : fields[2]);
                if (fields[3].equals("tag")) {
                    tagsOfTags.add(fields[0]);
                }
            }
        }
        if (!tagsOfTags.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rev-parse"));
            tagsOfTags.forEach(ref -> args.add(ref + "^{commit}"));
            try {
                GitCli.Result commits = git.run(LOCAL_TIMEOUT, args.toArray(String[]::new));
                List<String> lines = commits.stdout().lines().toList();
                if (!commits.succeeded() || lines.size() != tagsOfTags.size()) {
                    throw Refusals.gitUnreadable("the tags", workTree.toString(), gitError(commits), null);
                }
                for (int i = 0; i < tagsOfTags.size(); i++) {
                    tags.put(tagsOfTags.get(i).substring(TAGS.length()), lines.get(i).strip());
                }
            } catch (IOException e) {
                throw Refusals.gitUnreadable("the tags", workTree.toString(), e.getMessage(), e);
            }
        }
        return tags;
    }

    /** The commit a local tag points at, or empty when there is no such tag. */
    Optional<String> localTag(String tag) throws GantryException {
        if (repository == null && cli().isPresent()) {
            return Optional.ofNullable(localTags(cli().get(), tag).get(tag));
        }
        try {
            RefDatabase refs = jgit().getRefDatabase();
            Ref ref = refs.exactRef(TAGS + tag);
            return ref == null ? Optional.empty() : Optional.of(peeled(refs, ref).name());
        } catch (IOException e) {
            throw Refusals.gitUnreadable("the tag " + tag, workTree.toString(), e.getMessage(), e);
        }
    }

    private static ObjectId peeled(RefDatabase refs, Ref ref) throws IOException {
        Ref peeled = ref.isPeeled() ? ref : refs.peel(ref);
        return peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
    }

    /** Whether a remote of the configured name exists in the repository's configuration. */
    public boolean hasRemote() {
        return repository != null ? repository.getConfig().getSubsections("remote").contains(remoteName)
                : facts.remoteUrl().isPresent();
    }

    /**
     * The remote's tags matching an {@code ls-remote} pattern, peeled: tag name → commit id.
     *
     * @param accept   which tag names to keep (ls-remote matches patterns loosely, on the tail of the ref)
     * @param patterns such as {@code refs/tags/v*}, or {@code refs/tags/v1.2.0} and {@code refs/tags/v1.2.0^{}} (an
     *                 exact pattern does not match the peeled entry of an annotated tag)
     */
    Map<String, String> remoteTags(Predicate<String> accept, String... patterns) throws GantryException {
        return tagsAmong(lsRemote(false, List.of(patterns)), accept);
    }

    /** The tags among {@code ls-remote}'s refs whose names {@code accept} keeps, peeled: tag name → commit id. */
    private Map<String, String> tagsAmong(Map<String, RemoteRef> refs, Predicate<String> accept) {
        Map<String, String> tags = new LinkedHashMap<>();
        refs.forEach((ref, id) -> {
            if (ref.startsWith(TAGS) && accept.test(ref.substring(TAGS.length()))) {
                tags.put(ref.substring(TAGS.length()), id.commit());
            }
        });
        log.debug("remote '" + RemoteUrls.redact(remoteName) + "' has " + tags.size() + " matching tag(s)");
        return tags;
    }

    /**
     * The remote's refs of these full names ({@code refs/tags/deploy/dev/current}, {@code refs/heads/develop}), a name
     * the remote lacks left out. One {@code ls-remote}.
     */
    Map<String, RemoteRef> remoteRefs(List<String> names) throws GantryException {
        List<String> args = new ArrayList<>(names);
        names.forEach(name -> args.add(name + "^{}"));
        Map<String, RemoteRef> refs = new LinkedHashMap<>(lsRemote(true, args));
        refs.keySet().retainAll(names);
        return refs;
    }

    /**
     * A remote ref as {@code ls-remote} gives it.
     *
     * @param object what it points at (an annotated tag's tag object): what a push's lease expects
     * @param commit the commit, peeled
     */
    record RemoteRef(String object, String commit) {
    }

    /**
     * {@code git ls-remote --tags [--heads] <remote> <patterns>} (JGit's without the command line): full ref name → the
     * ref. Always with the kinds of refs named: git sends no ref prefix to the server for patterns alone, and the server
     * would then list every ref it has (GitHub's {@code refs/pull/*}, GitLab's {@code refs/merge-requests/*}).
     */
    private Map<String, RemoteRef> lsRemote(boolean heads, List<String> patterns) throws GantryException {
        Map<String, String> direct = new LinkedHashMap<>();
        Map<String, String> peeled = new HashMap<>();
        Optional<GitCli> cli = cli();
        if (cli.isPresent()) {
            GitCli.Result result;
            try {
                List<String> command = new ArrayList<>(List.of("ls-remote", "--tags"));
                if (heads) {
                    command.add("--heads");
                }
                command.add(remoteName);
                command.addAll(patterns);
                result = cli.get().run(REMOTE_TIMEOUT, command.toArray(String[]::new));
            } catch (IOException e) {
                throw Refusals.remoteUnreachable(remoteName, RemoteUrls.redact(e.getMessage()));
            }
            if (!result.succeeded()) {
                throw Refusals.remoteUnreachable(remoteName, gitError(result));
            }
            for (String line : result.stdout().split("\n")) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String id = line.substring(0, tab);
                String name = line.substring(tab + 1);
                if (name.endsWith("^{}")) {
                    peeled.put(name.substring(0, name.length() - 3), id);
                } else {
                    direct.put(name, id);
                }
            }
        } else {
            JGitReads.lsRemote(jgit(), remoteName, heads, direct, peeled);
        }
        Map<String, RemoteRef> refs = new LinkedHashMap<>();
        direct.forEach((name, id) -> refs.put(name, new RemoteRef(id, peeled.getOrDefault(name, id))));
        return refs;
    }

    /** git's error output in one line, without credentials and without git's progress noise. */
    static String gitError(GitCli.Result result) {
        StringBuilder text = new StringBuilder();
        for (String line : result.stderr().split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                // git wraps one message over several lines; a new message starts with its kind
                text.append(trimmed.matches("^(fatal|error|warning|hint|remote):.*") ? "; " : " ");
            }
            text.append(trimmed);
        }
        return text.isEmpty() ? "git exited with status " + result.exitCode() : RemoteUrls.redact(withoutFinalPeriod(text.toString()));
    }

    /** The refusals add their own period after the detail. */
    static String withoutFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The remote's tip of {@code branch} when it demonstrably does not hold {@code commit} in its history (the commit was
     * not pushed, or the branch was rewritten past it); empty when it does, and when that cannot be told here: no remote,
     * no such branch on the remote (a name given by {@code gantry.branch} need not be one), its tip not in this clone
     * (pushed after the clone was made), or a shallow clone, whose history stops short.
     */
    @Override
    public Optional<RemoteBranchTip> remoteBranchLacks(String branch, String commit) throws GantryException {
        Optional<String> tip = remoteBranchTip(branch);
        if (tip.isEmpty() || tip.get().equals(commit)) {
            return Optional.empty();
        }
        return holds(tip.get(), commit) ? Optional.empty() : Optional.of(new RemoteBranchTip(remoteName, branch, tip.get()));
    }

    /**
     * The commit at the tip of the remote's {@code branch}, asked once per build ({@code ls-remote}); empty without a
     * remote, or when the remote has no such branch.
     */
    public Optional<String> remoteBranchTip(String branch) throws GantryException {
        if (!hasRemote()) {
            return Optional.empty();
        }
        Optional<String> tip = remoteBranchTips.get(branch);
        if (tip == null) {
            String head = Constants.R_HEADS + branch;
            tip = Optional.ofNullable(lsRemote(true, List.of(head)).get(head)).map(RemoteRef::commit);
            remoteBranchTips.put(branch, tip);
        }
        return tip;
    }

    /** Whether {@code tip}'s history holds {@code commit}; true when this clone cannot tell (see remoteBranchLacks). */
    private boolean holds(String tip, String commit) throws GantryException {
        Optional<GitCli> cli = cli();
        if (cli.isPresent()) {
            try {
                GitCli.Result ancestor = cli.get().run(LOCAL_TIMEOUT, "merge-base", "--is-ancestor", commit, tip);
                if (ancestor.exitCode() != 1) {
                    return true; // 0: it holds it; otherwise the tip is not in this clone
                }
                GitCli.Result shallow = cli.get().run(LOCAL_TIMEOUT, "rev-parse", "--is-shallow-repository");
                return !shallow.succeeded() || !"false".equals(shallow.stdout().trim());
            } catch (IOException e) {
                log.debug("git merge-base failed (" + e.getMessage() + "); asking JGit");
            }
        }
        return JGitReads.holdsOrCannotTell(jgit(), tip, commit);
    }

    /**
     * Tracked files with uncommitted changes, staged or not, and the untracked files (or directories) in or above the
     * directories {@link #lookAhead(String, String, boolean, List)} was given, each followed by " (untracked)".
     */
    @Override
    public List<String> uncommittedChanges() throws GantryException {
        CompletableFuture<List<String>> ahead = statusAhead;
        statusAhead = null;
        return ahead != null ? Concurrently.join(ahead) : readUncommittedChanges();
    }

    private List<String> readUncommittedChanges() throws GantryException {
        Optional<GitCli> cli = cli();
        if (cli.isPresent()) {
            try {
                // "normal" lists a new directory once, not each file in it: a local Maven repository in the work tree
                // would otherwise list thousands
                GitCli.Result result = cli.get().run(LOCAL_TIMEOUT, "--no-optional-locks", "status", "--porcelain", "-z",
                        shippedRoots.isEmpty() ? "--untracked-files=no" : "--untracked-files=normal",
                        // else a submodule holding an untracked file is listed as a modified one
                        "--ignore-submodules=untracked");
                if (result.succeeded()) {
                    return parsePorcelain(result.stdout(), shippedRoots);
                }
                log.debug("git status failed (" + gitError(result) + "); asking JGit");
            } catch (IOException e) {
                log.debug("git status failed (" + e.getMessage() + "); asking JGit");
            }
        }
        return JGitReads.uncommittedChanges(jgit(), workTree, shippedRoots);
    }

    /**
     * {@code git status --porcelain -z}: "XY path" entries (paths from the work tree's root), a rename or copy followed by
     * its original path; an untracked one ("??") counts only in or above a shipped directory ({@link #shipped}).
     */
    static List<String> parsePorcelain(String output, List<String> shippedRoots) {
        TreeSet<String> files = new TreeSet<>();
        String[] entries = output.split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() < 4) {
                continue;
            }
            String xy = entry.substring(0, 2);
            if (xy.equals("??")) {
                if (shipped(entry.substring(3), shippedRoots)) {
                    files.add(entry.substring(3) + UNTRACKED);
                }
                continue;
            }
            files.add(entry.substring(3));
            if (xy.indexOf('R') >= 0 || xy.indexOf('C') >= 0) {
                i++; // the original path of a rename or copy
            }
        }
        return List.copyOf(files);
    }

    /** The path as the file system has it (a symbolic link on the way resolved, as git reports the work tree). */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * Whether an untracked path (a file, or a directory ending in '/') is in a shipped directory, or is a directory that
     * holds one (a new module, untracked as a whole).
     */
    static boolean shipped(String path, List<String> shippedRoots) {
        return shippedRoots.stream().anyMatch(root -> path.startsWith(root) || path.endsWith("/") && root.startsWith(path));
    }

    /**
     * The remote's web address in one spelling ({@link RemoteUrls#sourceUrl}), for the image label
     * {@code org.opencontainers.image.source}; empty without a remote or for a local one.
     */
    public Optional<String> sourceUrl() {
        return RemoteUrls.sourceUrl(facts.remoteUrl().orElse(null));
    }

    /** JGit's repository, opened on the first call (JGit costs a fresh JVM a few hundred milliseconds). */
    synchronized Repository jgit() throws GantryException {
        if (repository == null) {
            try {
                repository = locate(projectDir).orElseThrow(() -> Refusals.notAGitRepository(projectDir.toString()))
                        .setMustExist(true).build();
            } catch (IOException e) {
                throw Refusals.gitUnreadable("the configuration", projectDir.toString(), e.getMessage(), e);
            }
        }
        return repository;
    }

    /** HEAD's commit as JGit parses it. */
    synchronized RevCommit head() throws GantryException {
        if (head == null) {
            head = JGitReads.parseCommit(jgit(), facts.commit(), workTree);
        }
        return head;
    }

    /** The git command line, or empty to use JGit alone; looked for on the first call. */
    synchronized Optional<GitCli> cli() {
        if (cli == null) {
            cli = cliLookup.get();
            log.debug(cli.isPresent() ? "using the git command line" : "no git command line: JGit only");
        }
        return cli;
    }

    GantryLog log() {
        return log;
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
