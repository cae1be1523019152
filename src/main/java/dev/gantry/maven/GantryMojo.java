package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.Flow;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.Redaction;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseKind;
import dev.gantry.release.VersionTaken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What every Gantry goal shares: the configuration that decides the plan, and the one place where a
 * {@link GantryException} becomes a build failure. Subclasses implement {@link #run(ReactorRelease)}.
 */
abstract class GantryMojo extends AbstractMojo {

    /** The plugin's {@code groupId:artifactId}, fixed by the user contract. */
    static final String PLUGIN_KEY = "dev.gantry:gantry-maven-plugin";

    private static final String PLAN_JSON = "plan.json";
    private static final String RELEASE_JSON = "release.json";
    /**
     * The outputs CI reads, in {@code target/gantry}: removed before planning, so that a file there is always this run's
     * (image.digest and the embedded default's image.tar are written by the image goal).
     */
    private static final List<String> OUTPUTS = List.of(PLAN_JSON, RELEASE_JSON, "image.digest", "image.tar",
            CiOutputs.RELEASE_ENV);
    /** The session's key for the outputs an earlier build left, removed once in a build that skips Gantry. */
    private static final String OUTPUTS_REMOVED = GantryMojo.class.getName() + ".outputsRemoved";

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
     * The module ({@code artifactId}) whose image is built: a reactor releases one image. By default the last module
     * of the reactor with packaging {@code jar} (the application, which depends on the others) that has main sources
     * of its own and does not set {@code gantry.image.skip}: a module of integration tests listed after the
     * application is passed over.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.module")
    private String imageModule;

    /**
     * The image repository, {@code registry/name} without tag. Unset: the image is written to an OCI tar under
     * {@code target/gantry/} (the embedded default).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gantry.image.repository")
    protected String imageRepository;

    /** Maven's own planning of the build, asked which of Gantry's executions run ({@link ModuleSteps}). */
    private final LifecycleExecutor lifecycleExecutor;
    /** Decrypts the passwords of settings.xml: its proxies' here, its servers' in the goals that use them. */
    protected final SettingsDecrypter decrypter;

    protected GantryMojo(LifecycleExecutor lifecycleExecutor, SettingsDecrypter decrypter) {
        this.lifecycleExecutor = lifecycleExecutor;
        this.decrypter = decrypter;
    }

    @Override
    public final void execute() throws MojoFailureException {
        try {
            DeploySkipped.of(session); // read before standAside sets maven.deploy.skip itself
            if (!GantrySettings.skippedEverywhere(session)) {
                standAside(project);
            }
            if (!skip) {
                // before the plan, whose look-ups (JGit's, without the git command) and look-aheads would go direct
                SettingsProxies.applyOnce(session, decrypter, log());
            }
            ReactorRelease release = skip ? ReactorRelease.find(session) : reactorRelease();
            if (skip) {
                getLog().info("Skipping Gantry " + goal() + " for " + project.getArtifactId() + ": "
                        + (GantrySettings.skippedEverywhere(session) || GantrySettings.skippedByProperty(project)
                        ? "gantry.skip is true." : "<skip> is true in the plugin's configuration."));
                if (GantrySettings.skippedEverywhere(session)) {
                    removeEarlierOutputsOnce(); // so that no file there says an earlier run's release is this one's
                }
            } else {
                run(release);
            }
            ReleaseGate gate = gate();
            if (gate.arrive(goal(), project)) {
                ReactorRelease planned = release != null ? release : ReactorRelease.find(session);
                if (planned != null) {
                    finish(planned);
                    gate.finished(goal());
                    if (gate.lastStep(goal())) {
                        try {
                            planned.report.succeeded();
                            new CiOutputs(gantryDirectory(), System.getenv(), log()).write(planned.report.handoff());
                        } catch (GantryException e) {
                            throw planned.plan.publishes() && !planned.dryRun ? Refusals.releaseCompleteOutputsNot(e) : e;
                        }
                    }
                }
            }
        } catch (GantryException refusal) {
            GantryException e = namingTheVersionSetting(refusal);
            // a message may repeat a URL of Jib's, git's or Resolver's: no token or signature in it reaches the output
            String message = Redaction.text(e.getMessage());
            reportFailure(message);
            throw new MojoFailureException(message, Redaction.chain(e));
        } catch (RuntimeException e) {
            reportFailure(Redaction.text(String.valueOf(e)));
            throw Redaction.unchecked(e);
        }
    }

    /**
     * A refusal raised where the version setting is not known (a taken image tag, a differing release, a release tag on
     * another commit) says to bump the version where this project sets it: pom.xml, or a CI-friendly property.
     */
    protected final GantryException namingTheVersionSetting(GantryException e) {
        ReactorRelease release = ReactorRelease.find(session);
        return e instanceof VersionTaken taken && release != null ? taken.where(release.versionSetting.get()) : e;
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
        // not the MavenSession: under -T each module runs with a clone of it; the repository session is shared
        synchronized (session.getRepositorySession().getData()) {
            ReactorRelease release = ReactorRelease.find(session);
            if (release == null) {
                long start = System.nanoTime();
                removeOutputs(gantryDirectory());
                long asked = System.nanoTime();
                ModuleSteps modules = moduleSteps();
                getLog().debug("Gantry read which steps each module runs in " + (System.nanoTime() - asked) / 1_000_000
                        + " ms");
                // the plan promises an image only when a module will build it
                MavenProject imageModule = imageProject();
                Properties buildProperties = Deployers.buildProperties(session);
                refuseSettingsIgnoredElsewhere(imageModule, buildProperties);
                GantrySettings settings = settingsForTheImageOf(imageModule, buildProperties);
                imageSettingsOutrankingTheCommandLine(imageModule, buildProperties).forEach(getLog()::warn);
                boolean imageBuilt = imageModule != null && !ImageModule.skipsImage(imageModule, session.getUserProperties(),
                        session.getSystemProperties());
                if (ReleasePlanning.reachesDeploy(session)) {
                    gate().checkUnpublishedTopLevelVersion();
                }
                ReleasePlanning.Planned planned = new ReleasePlanning(session, log()).plan(settings, modules, imageBuilt);
                Plan plan = planned.plan();
                ReleaseGate gate = gate();
                List<String> planWarnings = gate.checkPlanned(plan, ReleasePlanning.reachesDeploy(session), dryRun,
                        imageModule, settings.imageRepository());
                if (imageModule == null) {
                    refuseReleaseWithoutItsImage(plan, settings.imageRepository(), gate);
                }
                refuseReleaseWithoutRemote(planned, gate);
                if (!ReleasePlanning.reachesDeploy(session)) {
                    gate.previewLeavesOut(plan).ifPresent(getLog()::warn);
                }
                // a reactor's image module is named with the plan, and an <imageModule> naming none refused before the build
                Optional<String> imageFrom = plan.image() != null && session.getProjects().size() > 1
                        ? imageFrom(imageModule, buildProperties) : Optional.empty();
                Path dir = gantryDirectory();
                JsonFiles.write(PlanJson.of(plan, dryRun), dir.resolve(PLAN_JSON));
                plan.summary().forEach(getLog()::info);
                planWarnings.forEach(getLog()::warn);
                if (plan.artifacts() != null) {
                    ArtifactRepositories.planWarning(plan.artifacts().repository()).ifPresent(getLog()::warn);
                }
                if (dryRun) {
                    getLog().info("  dry run: nothing will be pushed, published or tagged.");
                }
                List<String> turnedOff = modules.turnedOff();
                if (!turnedOff.isEmpty()) {
                    getLog().info("Left out of the release, their execution bound to phase none: "
                            + String.join(", ", turnedOff));
                }
                modules.notReached().forEach(u -> getLog().warn(
                        Refusals.phaseNotReached(u.module(), u.execution(), u.phase(), u.steps())));
                List<String> deploySkipped = DeploySkipped.of(session).artifactIds();
                if (plan.publishes() && !deploySkipped.isEmpty()) {
                    getLog().info("Not published, as maven-deploy-plugin is told to skip them (maven.deploy.skip or its "
                            + "<skip>): " + String.join(", ", deploySkipped) + ".");
                }
                List<String> deployingNothing = DeploySkipped.of(session).packagingDeploysNothing();
                if (plan.publishes() && !deployingNothing.isEmpty()) {
                    getLog().info("Not published, as their packaging (quarkus) deploys nothing: "
                            + String.join(", ", deployingNothing) + ".");
                }
                if (releasesToEmbeddedDefault(plan, modules)) {
                    getLog().warn(Refusals.releaseToEmbeddedDefault(plan.version(), plan.gitTag(), settings().gitRemote(),
                            plan.artifacts().repository(), plan.image() == null || plan.image().local()));
                }
                imageFrom.ifPresent(getLog()::info);
                if (imageFrom.isPresent()) {
                    List<String> otherServices = session.getProjects().stream()
                            .filter(p -> p != imageModule && ImageModule.isServiceOfItsOwn(p))
                            .map(MavenProject::getArtifactId).toList();
                    if (!otherServices.isEmpty() && imageModuleSet()) {
                        // chosen with <imageModule> or -D, as the advice for several services says: no news
                        getLog().info(Refusals.otherServicesNotBuiltHere(otherServices));
                    } else if (!otherServices.isEmpty()) {
                        // a service that names an image repository in its own POM expects an image there (trial)
                        List<String> ownRepositories = session.getProjects().stream()
                                .filter(p -> p != imageModule && ImageModule.isServiceOfItsOwn(p)
                                        && ModuleGantrySettings.namesItsOwnImageRepository(p))
                                .map(p -> Optional.ofNullable(ModuleGantrySettings.imageRepository(p, buildProperties))
                                        .map(r -> p.getArtifactId() + " (" + r + ")").orElse(p.getArtifactId())).toList();
                        getLog().warn(Refusals.otherServicesWithoutImage(imageModule.getArtifactId(), otherServices,
                                ownRepositories));
                    }
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
     * A release whose artifacts go to the embedded default (no distributionManagement): its tag goes to the remote all
     * the same, so the version is taken for a release that only this machine holds. Said, not refused: the bundled
     * example and a first try do just that, on purpose.
     */
    private boolean releasesToEmbeddedDefault(Plan plan, ModuleSteps modules) {
        if (dryRun || plan.release() != ReleaseKind.STABLE || plan.artifacts() == null || plan.gitTag() == null
                || !DeployTarget.isEmbedded(plan.artifacts().repository(), session.getTopLevelProject())) {
            return false;
        }
        return !ReleaseGate.publishedModules(session, modules).isEmpty();
    }

    /**
     * A release that tags, to a registry or repository others use, from a clone without the git remote: refused before
     * anything is built, rather than published with its tag in this clone only. A release to the embedded default (only
     * this machine sees it: the demo) is warned of instead ({@link #releasesToEmbeddedDefault}).
     */
    private void refuseReleaseWithoutRemote(ReleasePlanning.Planned planned, ReleaseGate gate) throws GantryException {
        Plan plan = planned.plan();
        if (dryRun || plan.release() != ReleaseKind.STABLE || plan.gitTag() == null || planned.remoteConfigured()
                || !gate.due("tag")) {
            return; // mvn package gantry:image on a developer's clone pushes an image and tags nothing
        }
        boolean artifactsElsewhere = plan.artifacts() != null
                && !DeployTarget.isEmbedded(plan.artifacts().repository(), session.getTopLevelProject());
        boolean imageElsewhere = plan.image() != null && !plan.image().local();
        if (artifactsElsewhere || imageElsewhere) {
            throw Refusals.releaseWithoutRemote(plan.version(), plan.gitTag(), planned.gitRemote());
        }
    }

    /** Which module of a reactor the image is built from, and why: said once, with the plan. */
    private Optional<String> imageFrom(MavenProject module, Properties buildProperties) {
        if (module == null) {
            return Optional.empty();
        }
        if (!imageModuleSet()) {
            return Optional.of("Image built from module " + module.getArtifactId() + ": the reactor's last module with "
                    + "packaging jar and main sources of its own (<imageModule> or -Dgantry.image.module names another).");
        }
        return Optional.of("Image built from module " + module.getArtifactId() + " (" + ModuleGantrySettings.whereSet(
                ModuleGantrySettings.IMAGE_MODULE, mojoExecution.getConfiguration(), project, buildProperties) + ").");
    }

    /**
     * The image settings given with {@code -D} that the plan does not use, a POM's configuration setting them to other
     * values: Maven says nothing of it, and the image would go elsewhere than the command line asks (refused for the
     * image module, whose image would be another service's).
     */
    private List<String> imageSettingsOutrankingTheCommandLine(MavenProject imageModule, Properties buildProperties)
            throws GantryException {
        return ModuleGantrySettings.imageSettingsOutranking(session.getUserProperties(), project,
                mojoExecution.getConfiguration(), imageModule, buildProperties);
    }

    /** With -Dgantry.skip=true nothing is planned, and the outputs an earlier build left in target/gantry go too. */
    private void removeEarlierOutputsOnce() throws GantryException {
        org.eclipse.aether.SessionData data = session.getRepositorySession().getData();
        // the repository session is shared by the module sessions of -T
        synchronized (data) {
            if (data.get(OUTPUTS_REMOVED) == null) {
                removeOutputs(gantryDirectory());
                data.set(OUTPUTS_REMOVED, Boolean.TRUE);
            }
        }
    }

    private static void removeOutputs(Path dir) throws GantryException {
        for (String name : OUTPUTS) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                throw Refusals.cannotRemoveOutput(String.valueOf(dir.resolve(name)), e);
            }
        }
    }

    /**
     * {@code target/gantry} of the top-level project: the project Maven runs in, also when {@code -pl} or {@code -rf}
     * leave it out of the build (Maven's "top-level project" is then the first module built), so that CI finds this
     * run's outputs where it always does, not an earlier run's.
     */
    protected final Path gantryDirectory() {
        MavenProject top = session.getAllProjects() == null ? null : session.getAllProjects().stream()
                .filter(MavenProject::isExecutionRoot).findFirst().orElse(null);
        return Path.of((top != null ? top : session.getTopLevelProject()).getBuild().getDirectory(), "gantry");
    }

    /**
     * The fallback when the plugin is not loaded as a build extension ({@link PublishReplacesDeploy} did not unbind
     * maven-deploy-plugin): turns it off in a module that declares {@code publish}, which deploys instead, through the
     * {@code maven.deploy.skip} project property it reads (unless {@code -D} says otherwise). Other plugins read that
     * property too, hence the warning. True when the fallback was needed in this module.
     */
    private boolean standAside(MavenProject p) {
        // a module that maven-deploy-plugin is told to skip already needs nothing
        if (ReleaseGate.declaresGoal(p, pluginKey(), "publish") && MavenDeployPlugin.runsIn(p)
                && !DeploySkipped.of(session).contains(p)) {
            p.getProperties().setProperty(MavenDeployPlugin.SKIP_PROPERTY, "true");
            return true;
        }
        return false;
    }

    /**
     * The one module of the reactor that the image is built from ({@link ImageModule}), or null when no module has
     * packaging jar (or quarkus): the same answer in every module, asked by the plan and by each module's image goal.
     */
    protected final MavenProject imageProject() throws GantryException {
        List<MavenProject> projects = session.getProjects();
        if (imageModuleSet()) {
            String where = ModuleGantrySettings.whereSet(ModuleGantrySettings.IMAGE_MODULE, mojoExecution.getConfiguration(),
                    project, Deployers.buildProperties(session));
            MavenProject named = projects.stream().filter(p -> ImageModule.named(p, imageModule)).findFirst()
                    // the candidates only: an aggregator or a BOM named would be refused next (trial)
                    .orElseThrow(() -> Refusals.imageModuleNotFound(imageModule.trim(), where,
                            projects.stream().filter(ImageModule::packagedForImage).map(MavenProject::getArtifactId)
                                    .toList()));
            if (!ImageModule.packagedForImage(named)) {
                // refused now: the image goal would meet it only after the whole build, without classes to build from
                throw Refusals.imageModuleNotPackagedForImage(named.getArtifactId(), named.getPackaging(), where,
                        projects.stream().filter(ImageModule::packagedForImage).map(MavenProject::getArtifactId).toList());
            }
            return named;
        }
        // a module whose image execution is off (phase none) takes no part
        List<MavenProject> taking = gate().participants("image");
        return ImageModule.chosenFrom(projects.stream()
                .filter(p -> ImageModule.packagedForImage(p) && !GantrySettings.skipped(p) && taking.contains(p)
                        && !ImageModule.skipsImage(p, session.getUserProperties(),
                                session.getSystemProperties()))
                .toList());
    }

    /**
     * A release whose POM names an image repository, while no module can be built into an image by its packaging (a
     * Spring Boot service packaged war): refused in validate, rather than released without the image and a line of
     * info. Only where the plan publishes and the build was meant to build the image; otherwise (a preview,
     * {@code mvn verify}) warned.
     */
    private void refuseReleaseWithoutItsImage(Plan plan, String repository, ReleaseGate gate) throws GantryException {
        if (!plan.publishes() || repository == null || !gate.declared("image")) {
            return;
        }
        List<String> packaged = ImageModule.packagedOtherwise(gate.participants("image"), session.getUserProperties(),
                session.getSystemProperties());
        if (packaged.isEmpty()) {
            return;
        }
        GantryException refusal = Refusals.noModulePackagedForImage(repository, packaged);
        if (gate.due("image") && !dryRun) {
            throw refusal; // a mvn deploy's, or gantry:image named: not mvn package gantry:publish, which asks for none
        }
        getLog().warn("mvn deploy would refuse: " + refusal.getMessage());
    }

    /** Whether {@code <imageModule>} names the module, rather than the default choosing it. */
    private boolean imageModuleSet() {
        return imageModule != null && !imageModule.isBlank();
    }

    /** The checks that must pass before anything moves, and the end-of-reactor barrier: see {@link ReleaseGate}. */
    protected final ReleaseGate gate() throws GantryException {
        return new ReleaseGate(session, moduleSteps());
    }

    /** Which steps each module runs in this build: decided by the first goal that asks (the plan), then kept. */
    private ModuleSteps moduleSteps() throws GantryException {
        return ModuleSteps.of(session, pluginKey(), ModuleSteps.askingMaven(session, lifecycleExecutor));
    }

    private String pluginKey() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
    }

    protected final GantrySettings settings() throws GantryException {
        List<BranchRule> rules = new ArrayList<>();
        for (BranchRuleConfig config : branches) {
            rules.add(config.toRule());
        }
        return new GantrySettings(Flow.parse(flow), rules, tagPrefix, allowDirty, blankToNull(branch), gitRemote,
                blankToNull(imageRepository));
    }

    /**
     * A module that sets one of the plan's settings to another value than this goal was given would have it ignored
     * ({@link ModuleGantrySettings}). Not asked of a goal named on the command line ({@code mvn gantry:plan}): it runs
     * with the plugin's configuration, while the modules' executions that hold theirs do not run.
     */
    private void refuseSettingsIgnoredElsewhere(MavenProject chosen, Properties buildProperties)
            throws GantryException {
        if (mojoExecution.getSource() == MojoExecution.Source.CLI) {
            return;
        }
        Map<ModuleGantrySettings.PlanSetting, String> plans = new LinkedHashMap<>();
        plans.put(ModuleGantrySettings.FLOW, flow);
        plans.put(ModuleGantrySettings.TAG_PREFIX, tagPrefix);
        plans.put(ModuleGantrySettings.ALLOW_DIRTY, String.valueOf(allowDirty));
        plans.put(ModuleGantrySettings.BRANCH, blankToNull(branch));
        plans.put(ModuleGantrySettings.GIT_REMOTE, gitRemote);
        // the module the plan builds the image from, named or chosen: a module naming the same one agrees
        plans.put(ModuleGantrySettings.IMAGE_MODULE, imageModuleSet() ? imageModule.trim()
                : chosen == null ? null : chosen.getArtifactId());
        Xpp3Dom configuration = mojoExecution.getConfiguration();
        ModuleGantrySettings.check(session.getProjects(), project, plans,
                configuration == null ? null : configuration.getChild("branches"), buildProperties);
    }

    /**
     * The settings, with the image repository the image module's image goal is given where that module sets one: a
     * service module's own {@code <imageRepository>} is where its image goes (read by its image goal too), whichever
     * module the plan is made in ({@link ModuleGantrySettings}).
     */
    private GantrySettings settingsForTheImageOf(MavenProject imageModule, Properties buildProperties)
            throws GantryException {
        GantrySettings settings = settings();
        String theirs = ModuleGantrySettings.imageModulesOwnRepository(imageModule, project, buildProperties);
        return theirs == null ? settings : new GantrySettings(settings.flow(), settings.rules(), settings.tagPrefix(),
                settings.allowDirty(), settings.branch(), settings.gitRemote(), theirs);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
