package dev.gantry.maven;

import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.release.GantryException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.artifact.ProjectArtifact;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;

/** The artifacts of one module as {@code maven-deploy-plugin} collects them: pom, main artifact, attached ones. */
final class ProjectArtifacts {

    static final String EMBEDDED_REPOSITORY_ID = "gantry-embedded";

    private ProjectArtifacts() {
    }

    static ModuleArtifacts of(MavenProject project, MavenProject top, RepositorySystemSession session) throws GantryException {
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(RepositoryUtils.toArtifact(new ProjectArtifact(project)));
        if (!"pom".equals(project.getPackaging())) {
            File file = project.getArtifact().getFile();
            if (file == null || !file.isFile()) {
                throw new GantryException("Module " + project.getArtifactId() + " has no " + project.getPackaging()
                        + " file to publish: the package phase did not produce one. Run 'mvn deploy' (not a single goal), "
                        + "or check the packaging plugins of " + project.getArtifactId() + ".");
            }
            artifacts.add(RepositoryUtils.toArtifact(project.getArtifact()));
        }
        project.getAttachedArtifacts().forEach(a -> artifacts.add(RepositoryUtils.toArtifact(a)));
        return new ModuleArtifacts(project.getGroupId() + ":" + project.getArtifactId(), artifacts, repository(project, top, session));
    }

    /**
     * The artifacts of the reactor's modules packaged so far (pom modules, and modules whose main file exists) that
     * are published, for checks made before the end of the reactor.
     */
    static List<ModuleArtifacts> packagedSoFar(MavenSession session) throws GantryException {
        List<ModuleArtifacts> modules = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            File file = p.getArtifact().getFile();
            boolean packaged = "pom".equals(p.getPackaging()) || (file != null && file.isFile());
            if (packaged && !GantrySettings.skipped(p)) {
                modules.add(of(p, session.getTopLevelProject(), session.getRepositorySession()));
            }
        }
        return modules;
    }

    /** The module's distributionManagement repository for its version, or the embedded default of the reactor. */
    private static RemoteRepository repository(MavenProject project, MavenProject top, RepositorySystemSession session) {
        ArtifactRepository configured = project.getDistributionManagementArtifactRepository();
        RemoteRepository plain = configured != null
                ? RepositoryUtils.toRepo(configured)
                : new RemoteRepository.Builder(EMBEDDED_REPOSITORY_ID, "default",
                        ReleasePlanning.embeddedRepository(top).toUri().toString()).build();
        // Credentials and proxies come from settings.xml, decrypted, as the session's selectors give them.
        return new RemoteRepository.Builder(plain)
                .setAuthentication(session.getAuthenticationSelector().getAuthentication(plain))
                .setProxy(session.getProxySelector().getProxy(plain))
                .build();
    }
}
