package dev.gantry.git;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import java.nio.file.Path;
import java.util.Optional;

/** The two ways Gantry talks to git, so that the same test runs once through the git command line and once through JGit alone. */
enum Way {
    GIT_CLI, JGIT_ONLY;

    GitRepository open(Path dir) throws GantryException {
        return open(dir, "origin");
    }

    GitRepository open(Path dir, String remote) throws GantryException {
        return open(dir, remote, GantryLog.SILENT);
    }

    GitRepository open(Path dir, String remote, GantryLog log) throws GantryException {
        Optional<GitCli> cli = this == GIT_CLI ? GitCli.find(dir, GantryLog.SILENT) : Optional.empty();
        if (this == GIT_CLI && cli.isEmpty()) {
            throw new IllegalStateException("these tests need git on the PATH");
        }
        return GitRepository.open(dir, remote, log, cli);
    }
}
