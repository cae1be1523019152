package dev.gantry.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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

    /** Module ids (groupId:artifactId) of every module left out, for {@link #contains}. */
    private final Set<String> modules;
    /** The artifactIds of those maven-deploy-plugin is told to skip, in the reactor's order. */
    private final List<String> toldToSkip;
    /** The artifactIds of those whose packaging's lifecycle binds no deploy at all (Quarkus's {@code quarkus}). */
    private final List<String> packagingDeploysNothing;

    private DeploySkipped(Set<String> modules, List<String> toldToSkip, List<String> packagingDeploysNothing) {
        this.modules = modules;
        this.toldToSkip = toldToSkip;
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
        Set<String> modules = new HashSet<>();
        List<String> toldToSkip = new ArrayList<>();
        List<String> packagingDeploysNothing = new ArrayList<>();
        for (MavenProject project : projects) {
            if (QuarkusBuild.PACKAGING.equals(project.getPackaging())) {
                // Quarkus's lifecycle packages the application for its image and stops before install and deploy:
                // maven-deploy-plugin never runs there, whatever maven.deploy.skip says
                modules.add(id(project));
                packagingDeploysNothing.add(project.getArtifactId());
            } else if (Deployers.skipped(Deployers.MAVEN_DEPLOY, project, buildProperties)) {
                modules.add(id(project));
                toldToSkip.add(project.getArtifactId());
            }
        }
        return new DeploySkipped(Set.copyOf(modules), List.copyOf(toldToSkip), List.copyOf(packagingDeploysNothing));
    }

    boolean contains(MavenProject project) {
        return modules.contains(id(project));
    }

    /**
     * Whether maven-deploy-plugin is told to skip every module that runs {@code gantry:publish}, and one does: Gantry
     * publishes nothing then.
     */
    boolean skipsEveryPublisher(List<MavenProject> projects, ModuleSteps steps) {
        List<MavenProject> publishing = projects.stream().filter(p -> steps.runs(p, "publish")).toList();
        return !publishing.isEmpty() && publishing.stream().allMatch(this::contains);
    }

    /** The artifactIds of the modules maven-deploy-plugin is told to skip, for the plan's line. */
    List<String> artifactIds() {
        return toldToSkip;
    }

    /** The artifactIds of the modules whose packaging deploys nothing, for the plan's line. */
    List<String> packagingDeploysNothing() {
        return packagingDeploysNothing;
    }

    private static String id(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
