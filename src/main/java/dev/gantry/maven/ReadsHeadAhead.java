package dev.gantry.maven;

import dev.gantry.git.HeadReadAhead;
import java.util.Set;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loaded with the build extension: once Maven has read the projects, starts the plan's reading of HEAD
 * ({@link HeadReadAhead}), so that its git processes run while Maven resolves plugins and dependencies instead of in
 * the plan's own time. Only for a build that runs the plan; the plan reads HEAD itself when nothing was started, when it
 * asks for another remote, or when HEAD moved in between ({@link HeadReadAhead}).
 */
@Named("gantry-reads-head-ahead")
@Singleton
public class ReadsHeadAhead extends AbstractMavenLifecycleParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(ReadsHeadAhead.class);
    private static final Object KEY = ReadsHeadAhead.class; // this class realm's own: see ReactorRelease

    /** Phases that never reach {@code validate}: a build of only these runs no plan. */
    private static final Set<String> OUTSIDE_THE_BUILD = Set.of("pre-clean", "clean", "post-clean", "pre-site", "site",
            "post-site", "site-deploy");

    @Override
    public void afterProjectsRead(MavenSession session) {
        if (GantrySettings.skippedEverywhere(session) || !runsThePlan(session)) {
            return;
        }
        MavenProject top = session.getTopLevelProject();
        if (top == null || top.getBasedir() == null) {
            return;
        }
        try {
            HeadReadAhead.start(top.getBasedir().toPath(), remoteName(session, top))
                    .ifPresent(ahead -> session.getRepositorySession().getData().set(KEY, ahead));
        } catch (RuntimeException e) {
            // a head start only: the plan reads HEAD itself, and says what is wrong if it cannot
            LOG.debug("Gantry could not start reading HEAD ahead of the plan: " + e);
        }
    }

    /**
     * The read started for this build, or null; null too for a goal of Gantry's named on the command line, which runs in
     * a class realm of its own (see ReactorRelease's key).
     */
    static HeadReadAhead find(MavenSession session) {
        return (HeadReadAhead) session.getRepositorySession().getData().get(KEY);
    }

    /**
     * Whether a module declares the plan goal and the build runs a lifecycle phase that reaches it. Not for a goal named
     * on the command line ({@code mvn gantry:plan}): it runs in a realm of its own and could not take the read.
     */
    private static boolean runsThePlan(MavenSession session) {
        boolean declared = session.getProjects().stream()
                .anyMatch(p -> ReleaseGate.declaresGoal(p, GantryMojo.PLUGIN_KEY, "plan"));
        return declared && session.getGoals().stream()
                .anyMatch(goal -> !goal.contains(":") && !OUTSIDE_THE_BUILD.contains(goal));
    }

    /**
     * The remote the plan will ask for, as its {@code gitRemote} parameter resolves: {@code -Dgantry.git.remote}, else
     * the plugin's configuration in the top-level POM, else {@code origin}. A guess that the plan checks.
     */
    private static String remoteName(MavenSession session, MavenProject top) {
        String property = session.getUserProperties().getProperty("gantry.git.remote",
                session.getSystemProperties().getProperty("gantry.git.remote"));
        if (property != null) {
            return property;
        }
        Plugin plugin = top.getPlugin(GantryMojo.PLUGIN_KEY);
        Xpp3Dom remote = plugin != null && plugin.getConfiguration() instanceof Xpp3Dom config
                ? config.getChild("gitRemote") : null;
        return remote != null && remote.getValue() != null ? remote.getValue().trim() : "origin";
    }
}
