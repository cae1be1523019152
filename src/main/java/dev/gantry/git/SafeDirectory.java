package dev.gantry.git;

import dev.gantry.release.GantryLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git's {@code safe.directory} check (git 2.35.2 and later): git will not work in a repository that another user owns,
 * "detected dubious ownership", which is what a CI job running as root in a container meets in the checkout its runner
 * made as another user (GitHub Actions' container jobs, Docker agents of GitLab and Jenkins). The check keeps git from
 * obeying the configuration (hooks, {@code core.fsmonitor}) of a repository that a stranger planted above one's own
 * directory. A Maven build already runs its project's code (the POM's plugins); when the repository and the project
 * directory Maven builds have one owner, no stranger is involved, and Gantry's git commands name the repository in
 * {@code -c safe.directory=…} (a command line's setting, which git honours for this check). JGit, which reads HEAD
 * when the command line cannot, has no such check. A repository owned by someone else than the project's owner stays
 * distrusted, with git's own words in the refusal that follows.
 */
final class SafeDirectory {

    /** git's line names the path between quotes, which it does not escape: the path runs to the line's last quote. */
    private static final Pattern DUBIOUS = Pattern.compile("detected dubious ownership in repository at '(.+)'\\s*$",
            Pattern.MULTILINE);

    /** The repositories this JVM's git commands trust, each as git named it. */
    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
    /** The repositories left distrusted, each with why, for the failures of later commands there to say it. */
    private static final Map<String, String> DISTRUSTED = new ConcurrentHashMap<>();

    private SafeDirectory() {
    }

    /** {@code -c safe.directory=…} for each repository trusted so far, to put before a git command's arguments. */
    static List<String> options() {
        List<String> options = new ArrayList<>();
        for (String repository : TRUSTED) {
            options.add("-c");
            options.add("safe.directory=" + repository);
        }
        return options;
    }

    /**
     * Whether git refused this run for the ownership of a repository that Gantry may trust, which it then trusts from
     * here on: the caller runs the command again with {@link #options()}. Logs the first time, at info level.
     *
     * @param dir the directory of the project Maven builds
     */
    static boolean trustsAfter(GitCli.Result result, Path dir, GantryLog log) {
        if (result.succeeded()) {
            return false;
        }
        Matcher named = DUBIOUS.matcher(result.stderr());
        if (!named.find()) {
            return false;
        }
        String repository = named.group(1);
        if (TRUSTED.contains(repository) || DISTRUSTED.containsKey(repository)) {
            return false; // decided by a command run beside this one: see GitCli#run
        }
        UserPrincipal owner;
        try {
            owner = Files.getOwner(dir);
            Optional<String> other = otherOwner(Path.of(repository), owner);
            if (other.isPresent()) {
                DISTRUSTED.putIfAbsent(repository, "git will not work in the repository at " + repository + ": "
                        + other.get() + ", and the project Maven builds (" + dir + ") by " + owner.getName()
                        + ", so Gantry keeps git's safe.directory check. " + ifTheProjects(repository));
                return false;
            }
        } catch (IOException | UnsupportedOperationException e) {
            DISTRUSTED.putIfAbsent(repository, "git will not work in the repository at " + repository + ", which another "
                    + "user owns (git's safe.directory check), and Gantry could not read who owns it (" + e + "), so it "
                    + "keeps the check. " + ifTheProjects(repository));
            return false;
        }
        if (TRUSTED.add(repository)) {
            log.info("git distrusts the repository at " + repository + " (git's safe.directory check: it is owned by "
                    + owner.getName() + ", and this build runs as " + System.getProperty("user.name") + "); the project "
                    + "Maven builds has the same owner, so Gantry runs its git commands there with -c safe.directory="
                    + repository + ". For every tool to trust it: git config --global --add safe.directory " + repository);
        }
        return true;
    }

    private static String ifTheProjects(String repository) {
        return "If the repository is the project's, run git config --global --add safe.directory " + repository
                + " before mvn, or build as its owner.";
    }

    /** Whether git commands in {@code dir} are given {@code -c safe.directory=…} for its repository. */
    static boolean trusts(Path dir) {
        return TRUSTED.stream().anyMatch(repository -> dir.startsWith(repository));
    }

    /**
     * A failed run in a repository left distrusted, with why added to git's words: a command such as {@code ls-remote}
     * says only "'origin' does not appear to be a git repository" there.
     */
    static GitCli.Result explained(GitCli.Result result, Path dir) {
        if (result.succeeded() || DISTRUSTED.isEmpty() || DUBIOUS.matcher(result.stderr()).find()) {
            return result;
        }
        for (Map.Entry<String, String> distrusted : DISTRUSTED.entrySet()) {
            if (dir.startsWith(distrusted.getKey())) {
                return new GitCli.Result(result.exitCode(), result.stdout(),
                        result.stderr().strip() + "\n" + distrusted.getValue());
            }
        }
        return result;
    }

    /** "it is owned by nobody" when the repository or its {@code .git} has another owner than {@code owner}. */
    private static Optional<String> otherOwner(Path repository, UserPrincipal owner) throws IOException {
        UserPrincipal itsOwner = Files.getOwner(repository);
        if (!itsOwner.equals(owner)) {
            return Optional.of("it is owned by " + itsOwner.getName());
        }
        Path dotGit = repository.resolve(".git");
        if (Files.exists(dotGit) && !Files.getOwner(dotGit).equals(owner)) {
            return Optional.of("its .git is owned by " + Files.getOwner(dotGit).getName());
        }
        return Optional.empty();
    }
}
