package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Files;
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

    /** The plugin's {@code groupId:artifactId}, fixed by the user contract. */
    static final String PLUGIN_KEY = "dev.gantry:gantry-maven-plugin";

    /** The steps of a release, in the order Maven runs them in deploy; the last one the reactor runs completes it. */
    private static final List<String> STEPS = List.of("image", "publish", "tag");

    private static final String PLAN_JSON = "plan.json";
    private static final String RELEASE_JSON = "release.json";
    /**
     * The outputs CI reads, in {@code target/gantry}: removed before planning, so that a file there is always this run's
     * (image.digest is written by the image goal).
     */
    private static final List<String> OUTPUTS = List.of(PLAN_JSON, RELEASE_JSON, "image.digest");

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
                    if (lastStep()) {
                        planned.report.succeeded();
                    }
                }
            }
        } catch (GantryException e) {
            reportFailure(e.getMessage());
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            reportFailure(String.valueOf(e));
            throw e;
        }
    }

    /**
     * Writes release.json as failed, keeping what was done before; when planning itself failed there is no release yet,
     * and the file says just that, so that CI never reads an earlier run's success.
     */
    private void reportFailure(String message) {
        ReactorRelease release = ReactorRelease.find(session);
        ReleaseReport report = release != null ? release.report
                : ReleaseReport.withoutPlan(dryRun, gantryDirectory().resolve(RELEASE_JSON));
        try {
            report.failed(goal(), project.getArtifactId(), message);
        } catch (GantryException unwritable) {
            getLog().warn(unwritable.getMessage());
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
                long start = System.nanoTime();
                removeOutputs(gantryDirectory());
                ReleasePlanning.Planned planned = new ReleasePlanning(session, log()).plan(settings(), pluginKey());
                Plan plan = planned.plan();
                refuseOffline(plan);
                Path dir = gantryDirectory();
                JsonFiles.write(PlanJson.of(plan, dryRun), dir.resolve(PLAN_JSON));
                plan.summary().forEach(getLog()::info);
                if (dryRun) {
                    getLog().info("  dry run: nothing will be pushed, published or tagged.");
                }
                release = new ReactorRelease(planned, new ReleaseReport(plan, dryRun, dir.resolve(RELEASE_JSON)), dryRun);
                ReactorRelease.store(session, release);
                getLog().debug("Gantry planned in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                List<String> fallenBack = session.getProjects().stream().filter(this::standAside)
                        .map(MavenProject::getArtifactId).toList();
                if (!fallenBack.isEmpty()) {
                    getLog().warn(Refusals.deployPluginNotUnbound(fallenBack));
                }
            }
            return release;
        }
    }

    /**
     * {@code mvn -o deploy} cannot publish, yet Jib and the AWS SDK do not follow Maven's offline mode: the image would be
     * pushed and the publish refused at the end. Refused here, in validate, before anything moves.
     */
    private void refuseOffline(Plan plan) throws GantryException {
        if (dryRun || !session.isOffline() || session.getGoals().stream().noneMatch("deploy"::equals)) {
            return;
        }
        List<String> remote = new ArrayList<>();
        if (plan.image() != null && !plan.image().local()) {
            remote.add("push the image to " + plan.image().repository());
        }
        if (plan.publishes() && !plan.artifacts().repository().startsWith("file:")) {
            remote.add("publish the artifacts to " + plan.artifacts().repository());
        }
        if (!remote.isEmpty()) {
            throw Refusals.offline(String.join(" and ", remote));
        }
    }

    private static void removeOutputs(Path dir) throws GantryException {
        for (String name : OUTPUTS) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                throw new GantryException("Cannot remove " + dir.resolve(name) + ", left by an earlier run: " + e.getMessage()
                        + ". Check that the build directory is writable, or run mvn clean.", e);
            }
        }
    }

    /** {@code target/gantry} of the top-level project. */
    protected final Path gantryDirectory() {
        return Path.of(session.getTopLevelProject().getBuild().getDirectory(), "gantry");
    }

    /**
     * The fallback when the plugin is not loaded as a build extension ({@link PublishReplacesDeploy} did not unbind
     * maven-deploy-plugin): turns it off in a module that declares {@code publish}, which deploys instead, through the
     * {@code maven.deploy.skip} project property it reads (unless {@code -D} says otherwise). Other plugins read that
     * property too, hence the warning. True when the fallback was needed in this module.
     */
    private boolean standAside(MavenProject p) {
        if (runsGoal(p, pluginKey(), "publish") && MavenDeployPlugin.runsIn(p)) {
            p.getProperties().setProperty(MavenDeployPlugin.SKIP_PROPERTY, "true");
            return true;
        }
        return false;
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

    /**
     * Whether this goal is the last step of the release that the reactor runs (every goal is, when they run from the
     * command line rather than bound in the POM): once it is done, the release is complete.
     */
    private boolean lastStep() {
        String plugin = pluginKey();
        List<String> declared = STEPS.stream()
                .filter(step -> session.getProjects().stream().anyMatch(p -> runsGoal(p, plugin, step))).toList();
        return declared.isEmpty() ? STEPS.contains(goal()) : declared.get(declared.size() - 1).equals(goal());
    }

    /** Whether the module's POM binds {@code goal} of {@code plugin} ({@code groupId:artifactId}). */
    static boolean runsGoal(MavenProject p, String plugin, String goal) {
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
