package dev.gantry.maven;

import dev.gantry.aws.CodeArtifact;
import dev.gantry.aws.CodeArtifactUrl;
import dev.gantry.publish.ArtifactRepository;
import dev.gantry.publish.MavenRepository;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.SessionData;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The one place that decides which {@link ArtifactRepository} serves a {@code distributionManagement} URL: AWS
 * CodeArtifact's own ({@link CodeArtifact#recognises(String)}) or the generic {@link MavenRepository} for any other,
 * told when the URL names a CodeArtifact host in a form Gantry does not recognise (its 401 then has its own advice, and
 * the plan warns of such a URL before anything is built: {@link #planWarning}).
 * One per Maven session, kept in the resolver session's data like {@link ReactorRelease}, so that the image goal's check
 * and the publish goal share CodeArtifact's SDK clients and token; one port per repository, so that the modules of a
 * reactor share it too. {@link #close()} at the end of the session ({@link PublishReplacesDeploy#afterSessionEnd}, and
 * the publish goal once it has published).
 *
 * <p>Keyed by {@code keepSnapshots} as well: the image goal asks before the publish goal and only knows the property,
 * while the publish goal's {@code <configuration>} may set another value. The common case (property or default) shares
 * one instance; a differing publish configuration gets its own (one token more), and is never served a clean-up it did
 * not ask for.
 */
final class ArtifactRepositories implements AutoCloseable {

    private static final String KEY = ArtifactRepositories.class.getName();

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final GantryLog log;
    private final int keepSnapshots;
    private final Map<RemoteRepository, ArtifactRepository> repositories = new ConcurrentHashMap<>();
    private CodeArtifact codeArtifact;

    ArtifactRepositories(RepositorySystem system, RepositorySystemSession session, GantryLog log, int keepSnapshots) {
        this.system = system;
        this.session = session;
        this.log = log;
        this.keepSnapshots = keepSnapshots;
    }

    /** The session's factory for this {@code keepSnapshots}, made on first use. */
    static ArtifactRepositories of(MavenSession session, RepositorySystem system, GantryLog log, int keepSnapshots) {
        return sessionFactories(session).computeIfAbsent(keepSnapshots,
                keep -> new ArtifactRepositories(system, OfflineFileRepositories.reachable(session.getRepositorySession()), log,
                        keep));
    }

    private static Map<Integer, ArtifactRepositories> sessionFactories(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        return ((SessionFactories) data.computeIfAbsent(KEY, SessionFactories::new)).factories;
    }

    /**
     * Closes the session's factories, if any were made. Reached from the lifecycle participant, which may see this class
     * through another class loader than the mojos did, hence only {@link AutoCloseable} is relied on.
     */
    static void closeAll(MavenSession session) {
        Object stored = session.getRepositorySession().getData().get(KEY);
        if (stored instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing only releases SDK clients and their connections, which the JVM's exit releases anyway
            }
        }
    }

    /**
     * The port for a repository as configured, with {@code settings.xml} authentication and proxy already applied (which
     * CodeArtifact then prefers to its token).
     */
    ArtifactRepository repository(RemoteRepository configured) {
        return repositories.computeIfAbsent(configured, this::choose);
    }

    private ArtifactRepository choose(RemoteRepository configured) {
        if (CodeArtifact.recognises(configured.getUrl())) {
            Optional<ArtifactRepository> codeArtifactRepository = codeArtifact().repository(configured);
            if (codeArtifactRepository.isPresent()) {
                return codeArtifactRepository.get();
            }
        }
        return new MavenRepository(system, session, configured, codeArtifactLookAlike(configured.getUrl()));
    }

    /**
     * The warning the plan gives, before anything is built, for the URL the artifacts go to when it names an AWS
     * CodeArtifact host in a form Gantry does not recognise: what was found, the forms expected, and that it is published
     * to as a plain Maven repository with no token. Empty for any other URL.
     */
    static Optional<String> planWarning(String url) {
        return codeArtifactLookAlike(url) ? Optional.of(Refusals.unrecognisedCodeArtifactUrl(url)) : Optional.empty();
    }

    /** A CodeArtifact host in a form {@link #choose} does not give CodeArtifact's port: the generic one, without a token. */
    private static boolean codeArtifactLookAlike(String url) {
        return CodeArtifactUrl.namesCodeArtifactHostUnrecognised(url);
    }

    /** Made only when a CodeArtifact URL is met: a build with another repository never loads the AWS SDK. */
    private synchronized CodeArtifact codeArtifact() {
        if (codeArtifact == null) {
            codeArtifact = new CodeArtifact(log, keepSnapshots);
        }
        return codeArtifact;
    }

    @Override
    public synchronized void close() {
        repositories.clear();
        if (codeArtifact != null) {
            codeArtifact.close();
            codeArtifact = null;
        }
    }

    /** What the session's data holds: the factories by {@code keepSnapshots}; closing it closes them all and forgets them. */
    private static final class SessionFactories implements AutoCloseable {

        private final Map<Integer, ArtifactRepositories> factories = new ConcurrentHashMap<>();

        @Override
        public void close() {
            factories.values().forEach(ArtifactRepositories::close);
            factories.clear();
        }
    }
}
