package dev.gantry.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/**
 * Who signs a release tag: git's {@code user.name} and {@code user.email} (or {@code GIT_COMMITTER_*}), else
 * "Gantry &lt;gantry@localhost&gt;". CI machines often have no git identity, and JGit would otherwise invent one
 * from the operating-system account and host name ({@code root@runner-1234}), which says nothing useful.
 */
final class TaggerIdentity {

    static final String FALLBACK_NAME = "Gantry";
    static final String FALLBACK_EMAIL = "gantry@localhost";

    private TaggerIdentity() {
    }

    static PersonIdent from(Config config) {
        UserConfig user = config.get(UserConfig.KEY);
        String name = user.isCommitterNameImplicit() ? FALLBACK_NAME : user.getCommitterName();
        String email = user.isCommitterEmailImplicit() ? FALLBACK_EMAIL : user.getCommitterEmail();
        return new PersonIdent(name, email);
    }
}
