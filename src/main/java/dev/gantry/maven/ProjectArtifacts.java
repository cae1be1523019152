package dev.gantry.maven;

import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.UrlCredentials;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.artifact.ProjectArtifact;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;

/** The artifacts of one module as {@code maven-deploy-plugin} collects them: pom, main artifact, attached ones. */
final class ProjectArtifacts {

    private static final String CONSUMER = "consumer";
    private static final String BUILD = "build";

    private ProjectArtifacts() {
    }

    static ModuleArtifacts of(MavenProject project, MavenProject top, MavenSession session,
            ArtifactRepositories repositories) throws GantryException {
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(RepositoryUtils.toArtifact(new ProjectArtifact(project)));
        if (!"pom".equals(project.getPackaging())) {
            File file = project.getArtifact().getFile();
            if (file == null || !file.isFile()) {
                throw Refusals.moduleNotPackaged(project.getArtifactId(), project.getPackaging());
            }
            artifacts.add(RepositoryUtils.toArtifact(project.getArtifact()));
        }
        project.getAttachedArtifacts().forEach(a -> artifacts.add(RepositoryUtils.toArtifact(a)));
        return new ModuleArtifacts(project.getGroupId() + ":" + project.getArtifactId(), consumerPomAsMain(artifacts),
                repositories.repository(repository(project, top, session)));
    }

    /**
     * Maven 4 attaches the consumer POM as a {@code consumer}-classified pom, and its
     * {@code ConsumerPomArtifactTransformer} renames the pair inside {@code RepositorySystem.deploy}: the consumer POM
     * becomes the main {@code .pom}, the build POM a {@code build}-classified one. {@code maven-deploy-plugin} under
     * Maven 4 therefore publishes {@code x.pom} (consumer) and {@code x-build.pom}. Gantry names them the same way before
     * it probes the repository and reports, so that a re-run compares each file with its published copy and
     * {@code release.json} names what was published; the transformer then finds no consumer POM left to rename. Maven
     * 3.9 attaches no consumer POM: the list is unchanged.
     */
    static List<Artifact> consumerPomAsMain(List<Artifact> artifacts) {
        boolean consumerPom = artifacts.stream().anyMatch(a -> isPom(a) && CONSUMER.equals(a.getClassifier()));
        if (!consumerPom) {
            return artifacts;
        }
        List<Artifact> renamed = new ArrayList<>();
        for (Artifact a : artifacts) {
            if (isPom(a) && a.getClassifier().isEmpty()) {
                renamed.add(classified(a, BUILD));
            } else if (isPom(a) && CONSUMER.equals(a.getClassifier())) {
                renamed.add(classified(a, ""));
            } else {
                renamed.add(a);
            }
        }
        // the main pom first, as Maven 3.9 lists it
        renamed.sort(Comparator.comparing(a -> !(isPom(a) && a.getClassifier().isEmpty())));
        return renamed;
    }

    /** A pom, or its signature ({@code pom.asc}), as the transformer matches them. */
    private static boolean isPom(Artifact a) {
        return "pom".equals(a.getExtension()) || a.getExtension().startsWith("pom.");
    }

    private static Artifact classified(Artifact a, String classifier) {
        return new DefaultArtifact(a.getGroupId(), a.getArtifactId(), classifier, a.getExtension(), a.getVersion(),
                a.getProperties(), a.getFile());
    }

    /**
     * The artifacts of the reactor's modules packaged so far (pom modules, and modules whose main file exists) that
     * are published (not those maven-deploy-plugin is told to skip: {@link DeploySkipped}), for checks made before the
     * end of the reactor.
     */
    static List<ModuleArtifacts> packagedSoFar(MavenSession session, ArtifactRepositories repositories) throws GantryException {
        List<ModuleArtifacts> modules = new ArrayList<>();
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        for (MavenProject p : session.getProjects()) {
            File file = p.getArtifact().getFile();
            boolean packaged = "pom".equals(p.getPackaging()) || (file != null && file.isFile());
            if (packaged && !GantrySettings.skipped(p) && !deploySkipped.contains(p)) {
                modules.add(of(p, session.getTopLevelProject(), session, repositories));
            }
        }
        return modules;
    }

    /**
     * Where maven-deploy-plugin would deploy the module ({@link DeployTarget}), with the {@code settings.xml} credentials
     * and proxy of its id: the factory then picks the repository kind for its URL.
     */
    private static RemoteRepository repository(MavenProject project, MavenProject top, MavenSession session)
            throws GantryException {
        DeployTarget target = DeployTarget.of(project, top, Deployers.buildProperties(session),
                ArtifactUtils.isSnapshot(project.getVersion()));
        RemoteRepository plain = new RemoteRepository.Builder(target.id(), "default", target.url()).build();
        // Credentials and proxies come from settings.xml, decrypted, as the session's selectors give them; credentials
        // written into the URL are moved out of it, so that Maven's transfer log does not print them
        return UrlCredentials.movedToAuthentication(new RemoteRepository.Builder(plain)
                .setAuthentication(session.getRepositorySession().getAuthenticationSelector().getAuthentication(plain))
                .setProxy(session.getRepositorySession().getProxySelector().getProxy(plain))
                .build());
    }
}
