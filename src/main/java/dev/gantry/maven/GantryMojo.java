package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.Refusals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every Gantry goal shares: the configuration that decides the plan, and the one place where a
 * {@link GantryException} becomes a build failure. Subclasses implement {@link #run(ReactorRelease)}.
 */
abstract class GantryMojo extends AbstractMojo {

    static final String DEPLOY_SKIP = "maven.deploy.skip";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Skips Gantry. In a module's properties ({@code <gantry.skip>true</gantry.skip>}) it keeps that module
     * out of publishing while the rest of the reactor is released.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Plans and prints everything, changes nothing outside {@code target/}: no push, no publish, no tag.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * The preset branch rules: {@code gitflow} (microservices: main releases, develop publishes snapshots, images
     * by default) or {@code trunk} (libraries: main releases, feature/* and bugfix/* publish snapshots).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.flow", defaultValue = "gitflow")
    protected String flow;

    /**
     * Branch rules tried before the flow's presets; the first whose pattern matches decides. See
     * {@link BranchRuleConfig}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<BranchRuleConfig> branches = new ArrayList<>();

    /**
     * The release tag is this prefix followed by the version.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.tagPrefix", defaultValue = "v")
    protected String tagPrefix;

    /**
     * Allows a stable release with uncommitted changes to tracked files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.allowDirty", defaultValue = "false")
    protected boolean allowDirty;

    /**
     * The branch being built, overriding detection from git and the CI's variables.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.branch")
    protected String branch;

    /**
     * The git remote whose tags are read and to which release tags are pushed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.git.remote", defaultValue = "origin")
    protected String gitRemote;

    /**
     * The image repository, {@code registry/name} without tag. Unset: the image is written to an OCI tar under
     * {@code target/gantry/} (the embedded default).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.repository")
    protected String imageRepository;

    @Override
    public final void execute() throws MojoFailureException {
        try {
            if (!GantrySettings.skippedEverywhere(session)) {
                standAside(project);
            }
            ReactorRelease release = skip ? ReactorRelease.find(session) : reactorRelease();
            if (skip) {
                getLog().info("Skipping Gantry " + goal() + " for " + project.getArtifactId() + ": gantry.skip is true.");
            } else {
                run(release);
            }
            if (lastToArrive()) {
                ReactorRelease planned = release != null ? release : ReactorRelease.find(session);
                if (planned != null) {
                    finish(planned);
                }
            }
        } catch (GantryException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The goal's work in this module, once the plan is known. */
    protected abstract void run(ReactorRelease release) throws GantryException;

    /**
     * The goal's end-of-reactor work, once, in the last module to run the goal (after every module's {@link #run});
     * also when that module is skipped, so that the other modules' work is finished.
     */
    protected void finish(ReactorRelease release) throws GantryException {
    }

    protected abstract String goal();

    protected final GantryLog log() {
        return new MavenGantryLog(getLog());
    }

    /** The reactor's release: planned by the first goal that asks (normally {@code plan}, in validate). */
    protected final ReactorRelease reactorRelease() throws GantryException {
        synchronized (session) {
            ReactorRelease release = ReactorRelease.find(session);
            if (release == null) {
                ReleasePlanning.Planned planned = new ReleasePlanning(session, log()).plan(settings(), pluginKey());
                Plan plan = planned.plan();
                Path dir = gantryDirectory();
                JsonFiles.write(PlanJson.of(plan, dryRun), dir.resolve("plan.json"));
                plan.summary().forEach(getLog()::info);
                if (dryRun) {
                    getLog().info("  dry run: nothing will be pushed, published or tagged.");
                }
                release = new ReactorRelease(planned, new ReleaseReport(plan, dryRun, dir.resolve("release.json")), dryRun);
                ReactorRelease.store(session, release);
                session.getProjects().forEach(this::standAside);
            }
            return release;
        }
    }

    /** {@code target/gantry} of the top-level project. */
    protected final Path gantryDirectory() {
        return Path.of(session.getTopLevelProject().getBuild().getDirectory(), "gantry");
    }

    /**
     * Turns maven-deploy-plugin off in a module that declares {@code publish}, which deploys instead: it reads
     * {@code ${maven.deploy.skip}}, and a project property answers that unless {@code -D} says otherwise.
     */
    private void standAside(MavenProject p) {
        if (runsGoal(p, pluginKey(), "publish")) {
            p.getProperties().setProperty(DEPLOY_SKIP, "true");
        }
    }

    /**
     * With -fae or --fail-never the reactor goes on past a failed module; a release must not: the end-of-reactor work
     * that publishes or tags calls this first.
     */
    protected final void refuseAfterFailures() throws GantryException {
        if (session.getResult().hasExceptions()) {
            List<String> failed = session.getProjects().stream()
                    .filter(p -> session.getResult().getBuildSummary(p) instanceof BuildFailure)
                    .map(MavenProject::getArtifactId).toList();
            throw Refusals.reactorFailed(goal(), failed.isEmpty() ? List.of("a module") : failed);
        }
    }

    private String pluginKey() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
    }

    /** Whether this module is the last of the reactor to run this goal, where end-of-reactor work happens. */
    private boolean lastToArrive() {
        String plugin = pluginKey();
        long declaring = session.getProjects().stream().filter(p -> runsGoal(p, plugin, goal())).count();
        // invoked from the command line rather than bound in the POM: every module runs it
        int expected = declaring == 0 ? session.getProjects().size() : (int) declaring;
        return ReactorProgress.of(session).arrive(goal(), expected);
    }

    private static boolean runsGoal(MavenProject p, String plugin, String goal) {
        Plugin declared = p.getPlugin(plugin);
        return declared != null && declared.getExecutions().stream().anyMatch(e -> e.getGoals().contains(goal));
    }

    protected final GantrySettings settings() throws GantryException {
        List<BranchRule> rules = new ArrayList<>();
        for (BranchRuleConfig config : branches) {
            rules.add(config.toRule());
        }
        return new GantrySettings(Flow.parse(flow), rules, tagPrefix, allowDirty, blankToNull(branch), gitRemote,
                blankToNull(imageRepository));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
