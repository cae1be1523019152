package dev.gantry.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * The modules that the POM or the command line tells maven-deploy-plugin to skip ({@code maven.deploy.skip}, its
 * {@code <skip>}: {@code true}, or {@code releases} / {@code snapshots} for a version of that kind): a test or coverage
 * module, a service's application module whose only release is its image.
 * {@code gantry:publish} replaces maven-deploy-plugin and publishes what it would have deployed, so not these, nor the
 * modules whose packaging's lifecycle deploys nothing (Quarkus's {@code quarkus}); their image and the release's tag
 * are not affected.
 * <p>
 * Read once per session, before Gantry itself sets {@code maven.deploy.skip} (the fallback without the build extension,
 * {@link GantryMojo}), and kept in the resolver session's data.
 */
final class DeploySkipped {

    private static final Object KEY = DeploySkipped.class; // this class realm's own: see ReactorRelease

    /** Module id (groupId:artifactId) to artifactId, in the reactor's order. */
    private final Map<String, String> modules;
    /** Those among them whose packaging's lifecycle binds no deploy at all (Quarkus's {@code quarkus}), by artifactId. */
    private final List<String> packagingDeploysNothing;

    private DeploySkipped(Map<String, String> modules, List<String> packagingDeploysNothing) {
        this.modules = modules;
        this.packagingDeploysNothing = packagingDeploysNothing;
    }

    /** This session's reading, made by the first call: call it before anything sets {@code maven.deploy.skip}. */
    static DeploySkipped of(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            DeploySkipped skipped = (DeploySkipped) data.get(KEY);
            if (skipped == null) {
                skipped = read(session.getProjects(), Deployers.buildProperties(session));
                data.set(KEY, skipped);
            }
            return skipped;
        }
    }

    static DeploySkipped read(List<MavenProject> projects, Properties buildProperties) {
        Map<String, String> modules = new LinkedHashMap<>();
        List<String> packagingDeploysNothing = new ArrayList<>();
        for (MavenProject project : projects) {
            if (QuarkusBuild.PACKAGING.equals(project.getPackaging())) {
                // Quarkus's lifecycle packages the application for its image and stops before install and deploy:
                // maven-deploy-plugin never runs there, whatever maven.deploy.skip says
                modules.put(id(project), project.getArtifactId());
                packagingDeploysNothing.add(project.getArtifactId());
            } else if (Deployers.skipped(Deployers.MAVEN_DEPLOY, project, buildProperties)) {
                modules.put(id(project), project.getArtifactId());
            }
        }
        return new DeploySkipped(modules, List.copyOf(packagingDeploysNothing));
    }

    boolean contains(MavenProject project) {
        return modules.containsKey(id(project));
    }

    /** The artifactIds of the modules maven-deploy-plugin is told to skip, for the plan's line. */
    List<String> artifactIds() {
        return modules.values().stream().filter(m -> !packagingDeploysNothing.contains(m)).toList();
    }

    /** The artifactIds of the modules whose packaging deploys nothing, for the plan's line. */
    List<String> packagingDeploysNothing() {
        return packagingDeploysNothing;
    }

    private static String id(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
