package dev.gantry.maven;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;

/**
 * {@code mvn -o deploy} may release to file repositories (the embedded default, a shared directory): the plan lets it
 * through ({@link ReleaseGate}), since nothing leaves the machine. Resolver, though, refuses every remote repository
 * offline, file ones included, unless its {@code aether.offline.protocols} names the protocol: the publish would fail
 * after the image was written, and the check of what is already published would find nothing.
 */
final class OfflineFileRepositories {

    /** Resolver's setting (DefaultOfflineController): the protocols whose repositories stay reachable offline. */
    static final String OFFLINE_PROTOCOLS = "aether.offline.protocols";

    private OfflineFileRepositories() {
    }

    /** The session itself when online; offline, a copy in which file repositories stay reachable. */
    static RepositorySystemSession reachable(RepositorySystemSession session) {
        if (!session.isOffline()) {
            return session;
        }
        Object configured = session.getConfigProperties().get(OFFLINE_PROTOCOLS);
        String protocols = configured == null || configured.toString().isBlank() ? "file" : configured + ",file";
        DefaultRepositorySystemSession copy = new DefaultRepositorySystemSession(session);
        copy.setConfigProperty(OFFLINE_PROTOCOLS, protocols);
        return copy;
    }
}
