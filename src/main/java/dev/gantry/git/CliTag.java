package dev.gantry.git;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tag with the git command line, as {@link ReleaseTagger} does with JGit where there is no git: the tag goal
 * then loads none of JGit's classes and opens no repository with it, a quarter of a second and more in a fresh Maven
 * JVM on every release.
 */
final class CliTag {

    private CliTag() {
    }

    /**
     * Creates an annotated tag, unsigned, with the message as it is. The tagger is git's identity ({@code user.name}
     * and {@code user.email}, or {@code GIT_COMMITTER_*}), and what is missing of it is Gantry's, as
     * {@link TaggerIdentity} says: git is told not to guess from the account and host name ({@code root@runner-1234}),
     * and asked again with Gantry's name or address when it says which of them it lacks.
     */
    static void createAnnotated(GitCli git, String tag, String commit, String message, String workTree)
            throws GantryException {
        List<String> identity = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            List<String> args = new ArrayList<>(List.of("-c", "user.useConfigOnly=true", "-c", "tag.gpgSign=false"));
            args.addAll(identity);
            args.addAll(List.of("tag", "--annotate", "--cleanup=verbatim", "--file=-", tag, commit));
            GitCli.Result result = run(git, tag, workTree, message, args);
            if (result.succeeded()) {
                return;
            }
            String stderr = result.stderr();
            String missing = stderr.contains("no email was given") ? "user.email=" + TaggerIdentity.FALLBACK_EMAIL
                    : stderr.contains("no name was given") ? "user.name=" + TaggerIdentity.FALLBACK_NAME : null;
            if (missing == null || attempt == 3) {
                throw Refusals.tagUnwritable(tag, workTree, GitRepository.gitError(result), null);
            }
            identity.addAll(List.of("-c", missing));
        }
    }

    /** Points a lightweight tag at the commit, replacing what it was, lightweight or annotated. */
    static void move(GitCli git, String tag, String commit, String workTree) throws GantryException {
        GitCli.Result result = run(git, tag, workTree, null, List.of("update-ref", "refs/tags/" + tag, commit));
        if (!result.succeeded()) {
            throw Refusals.tagUnwritable(tag, workTree, GitRepository.gitError(result), null);
        }
    }

    static void delete(GitCli git, String tag, String workTree) throws GantryException {
        GitCli.Result result = run(git, tag, workTree, null, List.of("update-ref", "-d", "refs/tags/" + tag));
        if (!result.succeeded()) {
            throw Refusals.tagUnwritable(tag, workTree, GitRepository.gitError(result), null);
        }
    }

    private static GitCli.Result run(GitCli git, String tag, String workTree, String input, List<String> args)
            throws GantryException {
        try {
            return git.runWithInput(GitRepository.LOCAL_TIMEOUT, input, args.toArray(String[]::new));
        } catch (IOException e) {
            throw Refusals.tagUnwritable(tag, workTree, e.getMessage(), e);
        }
    }
}
