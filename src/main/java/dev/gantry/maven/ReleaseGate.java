package dev.gantry.maven;

import dev.gantry.publish.ArtifactPublisher;
import dev.gantry.publish.ModuleArtifacts;
import dev.gantry.publish.ReleaseOrigin;
import dev.gantry.release.ArtifactPlan;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.Refusals;
import dev.gantry.release.ReleaseKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Every check that stands between the plan and anything pushed, and the end-of-reactor barrier, in one place: the goals
 * ask it, in this order, and only then move something.
 * <ol>
 * <li>planning: every published module carries the release's version; a release is made of the whole reactor (no
 * {@code -pl}, {@code -rf}); {@code mvn -o deploy} moves nothing remote ({@link #checkPlanned});</li>
 * <li>the image goal, before its image moves: no module has failed under {@code -fae} ({@link #imageHeldBack}), and the
 * artifacts publish will deliver are not refused ({@link #checkBeforeImageMoves});</li>
 * <li>publish and tag, at the end of the reactor: no module failed under {@code -fae} ({@link #refuseAfterFailures}),
 * and every module that takes part has arrived ({@link #arrive});</li>
 * <li>tag: the image and the artifacts of the plan are in place ({@link #checkBeforeTag});</li>
 * <li>the end of the session: a release the plan promised and the build did not make fails the build
 * ({@link #unfinished}), never a silent BUILD SUCCESS.</li>
 * </ol>
 * Idempotence: each check only reads (the registry, the repository, git), so a re-run of the same commit passes the
 * same gate. Concurrency ({@code mvn -T}): the arrivals are counted per module in {@link ReactorProgress}, so the
 * end-of-reactor work happens once, in whichever module arrives last; a module takes part in a goal when it runs it in
 * this build, as decided once when the plan is made ({@link ModuleSteps}, {@link #participants}).
 */
final class ReleaseGate {

    private static final String FINISHED_IN_ANY_REALM = "dev.gantry.finished.";

    /** The steps of a release, in the order Maven runs them in deploy; the last one the reactor runs completes it. */
    static final List<String> STEPS = List.of("image", "publish", "tag");

    private final MavenSession session;
    private final ModuleSteps modules;

    /** @param modules which steps each module runs in this build, decided when the plan was made */
    ReleaseGate(MavenSession session, ModuleSteps modules) {
        this.session = session;
        this.modules = modules;
    }

    // --- 1. planning -----------------------------------------------------------------------------------------------

    /**
     * The checks of a plan that publishes, made before any goal moves anything.
     *
     * @param imageModule the module the image is built from, or null
     * @return the warnings of checks that do not refuse
     */
    List<String> checkPlanned(Plan plan, boolean deploying, boolean dryRun, MavenProject imageModule,
            String imageRepository) throws GantryException {
        List<String> warnings = new ArrayList<>();
        refuseDeployGoalNamed();
        refuseOtherDeployers();
        refuseImagePushedTwice(imageModule, plan.image() != null ? plan.image().repository() : imageRepository);
        if (plan.publishes()) {
            checkReactorVersions(plan.image() != null ? imageModule : null);
            List<MavenProject> published = plan.artifacts() != null ? publishedModules(session, modules) : List.of();
            if (plan.artifacts() != null) {
                UnresolvedPomVersions.refuseInPlan(ReleasePlanning.maven4(session), Deployers.buildProperties(session),
                        published);
            }
            try {
                // a preview (mvn verify) runs no publish goal: judged by the modules that declare it
                checkDependencies(plan, deploying ? published : previewPublished(plan), imageModule, warnings);
            } catch (GantryException e) {
                if (deploying) {
                    throw e;
                }
                warnings.add("mvn deploy would refuse: " + e.getMessage());
            }
            if (deploying) {
                checkWholeReactor();
                refuseDeploysOutsideTheRelease();
                if (!dryRun) {
                    refuseEmptyRelease(plan);
                }
            }
        }
        refuseOffline(plan, dryRun);
        return warnings;
    }

    /**
     * A {@code mvn deploy} in which another publisher deploys a module that {@code gantry:publish} deploys too
     * ({@link Deployers}) would deploy it twice: refused on every branch, so that the POM is fixed before a release
     * meets it. So is one in which it deploys a module that runs {@code gantry:publish} but that Gantry leaves out only
     * because maven-deploy-plugin is told to skip it (often set for the other publisher, which replaces it): that module
     * would be published by the other publisher alone, outside the branch's rules.
     */
    private void refuseOtherDeployers() throws GantryException {
        if (!session.getGoals().contains("deploy")) {
            return;
        }
        Properties properties = Deployers.buildProperties(session);
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        Map<Deployers.Deployer, List<String>> twice = new LinkedHashMap<>();
        Map<Deployers.Deployer, List<String>> alone = new LinkedHashMap<>();
        // the modules a publisher leaves out that Gantry publishes once that publisher is gone
        Map<Deployers.Deployer, List<String>> excluded = new LinkedHashMap<>();
        for (MavenProject project : session.getProjects()) {
            // a quarkus-packaged module deploys nothing, whatever a publisher would do (its lifecycle has no deploy)
            if (modules.runs(project, "publish") && !GantrySettings.skipped(project)
                    && !QuarkusBuild.PACKAGING.equals(project.getPackaging())) {
                Map<Deployers.Deployer, List<String>> found = deploySkipped.contains(project) ? alone : twice;
                Deployers.other(project, properties).ifPresent(
                        d -> found.computeIfAbsent(d, k -> new ArrayList<>()).add(project.getArtifactId()));
                if (!deploySkipped.contains(project)) {
                    Deployers.excluding(project, properties).ifPresent(
                            d -> excluded.computeIfAbsent(d, k -> new ArrayList<>()).add(project.getArtifactId()));
                }
            }
        }
        if (!twice.isEmpty()) {
            Deployers.Deployer deployer = twice.keySet().iterator().next();
            throw Refusals.otherDeployer(deployer.artifactId(), deployer.goal(), deployer.skipParameter(),
                    twice.get(deployer), excluded.getOrDefault(deployer, List.of()));
        }
        if (!alone.isEmpty()) {
            Deployers.Deployer deployer = alone.keySet().iterator().next();
            throw Refusals.otherDeployerAlone(deployer.artifactId(), deployer.goal(), deployer.skipParameter(),
                    alone.get(deployer));
        }
    }

    /**
     * A {@code mvn deploy} in which another plugin pushes the image's module's image beside gantry:image (jib-maven-plugin,
     * Spring Boot's build-image, a Dockerfile plugin's push, a Quarkus build told to push: {@link OtherImagePushers}),
     * bound in a POM or named on the command line as the pipeline Gantry replaces ran it, would push the image twice, the
     * other push before Gantry's checks and on any branch: refused on every branch, as another deployer is. A Dockerfile
     * plugin in a module that depends on the image module counts too; one in any other module pushes another image,
     * which is that module's business.
     *
     * @param repository where gantry:image pushes (the plan's, else the configured one), or null
     */
    private void refuseImagePushedTwice(MavenProject imageModule, String repository) throws GantryException {
        if (!session.getGoals().contains("deploy") || imageModule == null || !modules.runs(imageModule, "image")
                || ImageModule.skipsImage(imageModule, session.getUserProperties(), session.getSystemProperties())) {
            return;
        }
        Optional<OtherImagePushers.Found> other = OtherImagePushers.in(imageModule, session.getProjects(),
                session.getGoals(), Deployers.buildProperties(session), System.getenv(), repository, modules.maven(),
                session.isParallel() ? null : session.getCurrentProject());
        if (other.isPresent()) {
            throw other.get().refusal(imageModule);
        }
    }

    /**
     * An aggregator that is not published still gives the plan its version: one other than its modules' makes the plan
     * judge a version nobody publishes (already released, or no release version at all). Asked before the plan.
     */
    void checkUnpublishedTopLevelVersion() throws GantryException {
        MavenProject top = session.getTopLevelProject();
        List<MavenProject> published = publishedModules(session, modules);
        if (published.contains(top)) {
            return;
        }
        List<String> differing = published.stream().filter(p -> !top.getVersion().equals(p.getVersion()))
                .map(p -> p.getArtifactId() + " has " + p.getVersion()).toList();
        if (!differing.isEmpty()) {
            throw Refusals.unpublishedTopLevelVersion(top.getArtifactId(), top.getVersion(), differing);
        }
    }

    /**
     * maven-deploy-plugin's goal named on the command line ({@code mvn verify deploy:deploy}) runs in an execution of
     * its own, beside the POM's: it deploys every module outside the release, on any branch, with no tag and no check.
     */
    private void refuseDeployGoalNamed() throws GantryException {
        Optional<String> named = session.getGoals().stream().filter(ReleaseGate::namesMavenDeploy).findFirst();
        if (named.isPresent() && session.getProjects().stream().anyMatch(p -> modules.declares(p, "publish"))) {
            throw Refusals.deployGoalNamed(named.get());
        }
    }

    static boolean namesMavenDeploy(String goal) {
        return goal.matches("(deploy|(org\\.apache\\.maven\\.plugins:)?maven-deploy-plugin(:[^:@]+)?):deploy(@.*)?");
    }

    /**
     * A module of the reactor that does not declare Gantry's publish (its parent is outside the reactor, or it does not
     * inherit the plugin) is deployed by maven-deploy-plugin on its own: outside the release's all-or-none publish,
     * after the tag if it comes later, and again by every re-run. Refused before anything is built. Goals run from the
     * command line (no module declares publish) leave nothing to compare with.
     */
    private void refuseDeploysOutsideTheRelease() throws GantryException {
        List<MavenProject> projects = session.getProjects();
        if (projects.stream().noneMatch(p -> modules.declares(p, "publish"))) {
            return;
        }
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        List<String> outside = projects.stream()
                .filter(p -> !modules.declares(p, "publish") && MavenDeployPlugin.runsIn(p) && !deploySkipped.contains(p))
                .map(MavenProject::getArtifactId).toList();
        if (!outside.isEmpty()) {
            throw Refusals.deployedOutsideTheRelease(outside);
        }
    }

    /**
     * Whether Gantry publishes the module's artifacts: it runs the publish goal, is not left out with
     * {@code gantry.skip}, and maven-deploy-plugin is not told to skip it ({@link DeploySkipped}).
     */
    static boolean gantryPublishes(MavenProject project, ModuleSteps modules, DeploySkipped deploySkipped) {
        return modules.runs(project, "publish") && !leftOut(project, deploySkipped);
    }

    /** Whether the module's own settings leave it out of the publish: gantry.skip, or maven-deploy-plugin's skip. */
    private static boolean leftOut(MavenProject project, DeploySkipped deploySkipped) {
        return GantrySettings.skipped(project) || deploySkipped.contains(project);
    }

    /** What the release's modules depend on ({@link ReleaseDependencies}). */
    private void checkDependencies(Plan plan, List<MavenProject> published, MavenProject imageModule,
            List<String> warnings) throws GantryException {
        if (plan.release() == ReleaseKind.STABLE) {
            List<MavenProject> released = new ArrayList<>(published);
            if (plan.image() != null && imageModule != null && !released.contains(imageModule)) {
                released.add(imageModule);
            }
            ReleaseDependencies.refuseSnapshots(plan.version(), released, session.getProjects());
        }
        if (plan.artifacts() != null) {
            warnings.addAll(ReleaseDependencies.refuseUnpublishedModules(session.getProjects(), published,
                    plan.image() != null ? imageModule : null, this::whyNotPublished, Deployers.buildProperties(session)));
        }
    }

    /** The modules a {@code mvn deploy} of this commit would publish: those that declare the publish goal. */
    private List<MavenProject> previewPublished(Plan plan) {
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        return plan.artifacts() == null ? List.of() : session.getProjects().stream()
                .filter(p -> modules.declares(p, "publish") && !leftOut(p, deploySkipped)).toList();
    }

    /** Why a module of the reactor is not among those Gantry publishes, as the end of a sentence. */
    private String whyNotPublished(MavenProject module) {
        if (QuarkusBuild.PACKAGING.equals(module.getPackaging())) {
            return "whose packaging (quarkus) deploys nothing";
        }
        if (DeploySkipped.of(session).contains(module)) {
            return "which maven-deploy-plugin is told to skip (maven.deploy.skip or its <skip>)";
        }
        if (GantrySettings.skipped(module)) {
            return "which gantry.skip leaves out";
        }
        return "which does not run gantry-maven-plugin's publish goal in this build";
    }

    /** The modules whose artifacts Gantry publishes ({@link #gantryPublishes}), in the reactor's order. */
    static List<MavenProject> publishedModules(MavenSession session, ModuleSteps modules) {
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        return session.getProjects().stream().filter(p -> gantryPublishes(p, modules, deploySkipped)).toList();
    }

    /**
     * Every module that publishes, and the image's module, must carry the version the plan releases; one left out of the
     * release (gantry.skip, maven.deploy.skip, phase none) may keep its own.
     */
    private void checkReactorVersions(MavenProject imageModule) throws GantryException {
        String version = session.getTopLevelProject().getVersion();
        DeploySkipped deploySkipped = DeploySkipped.of(session);
        List<String> differing = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            // the image module too, published or not: its image is tagged with the plan's version
            boolean released = gantryPublishes(project, modules, deploySkipped) || project == imageModule;
            if (released && !version.equals(project.getVersion())) {
                differing.add(project.getArtifactId() + " has " + project.getVersion()
                        + (project == imageModule ? " (the module the image, tagged " + version + ", is built from)" : ""));
            }
        }
        if (!differing.isEmpty()) {
            throw Refusals.reactorVersionsDiffer(version, differing);
        }
    }

    /**
     * A release is made of every module: a build of part of the reactor (-pl, -rf) publishes nothing, nor one started
     * in a module's directory ({@code cd app && mvn deploy}, {@code -f app/pom.xml}), which Maven builds alone.
     */
    private void checkWholeReactor() throws GantryException {
        List<String> leftOut = leftOutOfTheRelease();
        if (!leftOut.isEmpty()) {
            throw Refusals.partialReactor(leftOut);
        }
        MavenProject top = session.getTopLevelProject();
        if (!session.getRequest().isRecursive() && !top.getModules().isEmpty()) {
            // -N: Maven's session holds the top project alone, as its "all projects" too; Maven 4 gives a 4.1.0 POM's
            // <subprojects> as its modules (IT non-recursive-subprojects-refused)
            throw Refusals.nonRecursiveBuild(top.getArtifactId(), top.getModules());
        }
        Optional<java.nio.file.Path> enclosing = top.getBasedir() == null ? Optional.empty()
                : EnclosingReactor.of(top.getBasedir().toPath());
        if (enclosing.isPresent()) {
            throw Refusals.buildStartedInModule(top.getArtifactId(), top.getBasedir().toString(), enclosing.get().toString());
        }
    }

    /**
     * A new release without an image whose every module maven-deploy-plugin is told to skip ({@code
     * -Dmaven.deploy.skip=true}, often passed to mean "do not publish") would push the release tag alone: the version
     * would count as released, with nothing in it.
     */
    private void refuseEmptyRelease(Plan plan) throws GantryException {
        if (plan.image() != null || plan.artifacts() != null || plan.gitTag() == null || plan.tagOnThisCommit() != null) {
            return;
        }
        if (DeploySkipped.of(session).skipsEveryPublisher(session.getProjects(), modules)) {
            throw Refusals.emptyRelease(plan.version(), plan.gitTag(), plan.noImage());
        }
    }

    /**
     * What a preview ({@code mvn verify -pl lib}) says of modules of the release that its selection leaves out: the same
     * selection would be refused by {@code mvn deploy}; empty when it leaves none out.
     */
    Optional<String> previewLeavesOut(Plan plan) throws GantryException {
        List<String> leftOut = plan.publishes() ? leftOutOfTheRelease() : List.of();
        return leftOut.isEmpty() ? Optional.empty() : Optional.of(Refusals.previewLeavesOut(leftOut));
    }

    /**
     * The modules this build leaves out ({@code -pl}, {@code -rf}) that take part in the release: each one whose POM runs
     * a step of Gantry's (image, publish or tag) is part of it, published or not: its build gates the release (a module
     * of integration tests after the application, a benchmark that must compile). Only a module out of the release by
     * its own POM may be left out: {@code gantry.skip} in its properties, or its executions at phase {@code none}.
     */
    private List<String> leftOutOfTheRelease() throws GantryException {
        List<MavenProject> all = session.getAllProjects();
        if (all == null || session.getProjects().size() >= all.size()) {
            return List.of();
        }
        List<MavenProject> leftOut = all.stream().filter(p -> !session.getProjects().contains(p)).toList();
        ModuleSteps theirs = modules.leftOut(leftOut);
        return leftOut.stream()
                .filter(p -> !GantrySettings.skipped(p) && STEPS.stream().anyMatch(step -> theirs.runs(p, step)))
                .map(MavenProject::getArtifactId).toList();
    }

    /**
     * {@code mvn -o deploy} cannot publish, yet Jib and the AWS SDK do not follow Maven's offline mode: the image would be
     * pushed and the publish refused at the end. Refused here, in validate, before anything moves.
     */
    private void refuseOffline(Plan plan, boolean dryRun) throws GantryException {
        if (dryRun || !session.isOffline() || session.getGoals().stream().noneMatch("deploy"::equals)) {
            return;
        }
        List<String> remote = new ArrayList<>();
        if (plan.image() != null && !plan.image().local()) {
            remote.add("push the image to " + plan.image().repository());
        }
        if (plan.artifacts() != null && !plan.artifacts().repository().startsWith("file:")) {
            remote.add("publish the artifacts to " + plan.artifacts().repository());
        }
        if (!remote.isEmpty()) {
            throw Refusals.offline(String.join(" and ", remote));
        }
    }

    // --- 2. before the image moves ---------------------------------------------------------------------------------

    /**
     * What publish would refuse, asked by the image goal before its image moves. Maven runs {@code image} before
     * {@code publish} in deploy, and publish deploys only at the end of the reactor; yet a release whose artifacts will
     * be refused must push no image either (DESIGN.md: nothing half-published), nor a snapshot whose files would be
     * (CodeArtifact's origin controls blocking a package). Which files conflict and whether the
     * release already published is this commit's are decided by {@link ArtifactPublisher}, the very code publish runs at
     * the end, through the same {@link ArtifactRepositories} (a CodeArtifact repository answers from its asset hashes,
     * with the token publish then reuses). Silent: a conflict stops the build here, and any warning is given once, by
     * publish. {@code origin} is what the image goal knows of the release's commit once it has looked up the registry.
     */
    void checkBeforeImageMoves(ReactorRelease release, ReleaseOrigin origin, RepositorySystem repositorySystem,
            GantryLog log) throws GantryException {
        if (release.plan.artifacts() != null) {
            ArtifactRepositories repositories = ArtifactRepositories.of(session, repositorySystem, log,
                    PublishMojo.keepSnapshots(session));
            ArtifactPublisher publisher = new ArtifactPublisher(repositorySystem, session.getRepositorySession(),
                    GantryLog.SILENT);
            List<ModuleArtifacts> modules = ProjectArtifacts.packagedSoFar(session, repositories);
            if (release.plan.artifacts().mode() == ArtifactPlan.Mode.IMMUTABLE) {
                publisher.alreadyPublished(modules, origin);
            } else {
                publisher.checkedSnapshots(modules); // a snapshot too: its image does not move when its files would be refused
            }
        }
    }

    // --- 3. the end-of-reactor barrier -----------------------------------------------------------------------------

    /**
     * Records that {@code project} ran {@code goal}; true when it is the last of the modules that take part in the goal,
     * where the end-of-reactor work happens.
     */
    boolean arrive(String goal, MavenProject project) {
        Set<String> expected = participants(goal).stream().map(ReleaseGate::id).collect(Collectors.toSet());
        return ReactorProgress.of(session).arrive(goal, id(project), expected);
    }

    /** Whether a module that takes part in the goal, other than {@code project}, has not run it yet. */
    boolean othersToCome(String goal, MavenProject project) {
        Set<String> arrived = ReactorProgress.of(session).arrived(goal);
        return participants(goal).stream().map(ReleaseGate::id)
                .anyMatch(id -> !id.equals(id(project)) && !arrived.contains(id));
    }

    /** Records that the goal's end-of-reactor work is done. */
    void finished(String goal) {
        ReactorProgress.of(session).finished(goal);
        // a goal named on the command line (mvn package gantry:publish) runs in a class realm of its own: the build
        // extension's end-of-session check, in another, reads this under a key of the JDK's own types
        session.getRepositorySession().getData().set(FINISHED_IN_ANY_REALM + goal, Boolean.TRUE);
    }

    private boolean finishedInAnyRealm(String goal) {
        return Boolean.TRUE.equals(session.getRepositorySession().getData().get(FINISHED_IN_ANY_REALM + goal));
    }

    /**
     * With -fae or --fail-never the reactor goes on past a failed module; a release must not: the end-of-reactor work
     * that publishes or tags calls this first.
     */
    void refuseAfterFailures(String goal) throws GantryException {
        if (session.getResult().hasExceptions()) {
            throw Refusals.reactorFailed(goal, failedModules());
        }
    }

    /**
     * Under -fae or --fail-never, once a module has failed the release cannot complete: the image does not move either
     * (its moving tags would name an image whose release never came). A warning, not a second failure: the build fails
     * already, and the end of the session reports the release incomplete. Empty when no module failed.
     */
    Optional<String> imageHeldBack() {
        return session.getResult().hasExceptions() ? Optional.of(Refusals.imageHeldBack(failedModules())) : Optional.empty();
    }

    private List<String> failedModules() {
        List<String> failed = session.getProjects().stream()
                .filter(p -> session.getResult().getBuildSummary(p) instanceof BuildFailure)
                .map(MavenProject::getArtifactId).toList();
        return failed.isEmpty() ? List.of("a module") : failed;
    }

    /**
     * The modules that run {@code goal}: those whose POM binds it in an execution that runs in this build
     * ({@link ModuleSteps}: maven-deploy-plugin's {@code deployAtEnd} likewise leaves out an execution bound to phase
     * {@code none}); every module when no POM binds it (run from the command line).
     */
    List<MavenProject> participants(String goal) {
        List<MavenProject> projects = session.getProjects();
        if (!declared(goal)) {
            return projects;
        }
        return projects.stream().filter(p -> modules.runs(p, goal)).toList();
    }

    /** Whether some module's POM binds {@code goal}, whether or not it runs in this build. */
    boolean declared(String goal) {
        return session.getProjects().stream().anyMatch(p -> modules.declares(p, goal));
    }

    /**
     * Whether this goal is the last step due in this build ({@link #stepsDue}: the reactor's in a {@code mvn deploy}, the
     * goals named otherwise, as in {@code mvn package gantry:publish}): once it is done, what was asked is complete.
     */
    boolean lastStep(String goal) {
        List<String> steps = stepsDue();
        return steps.isEmpty() ? STEPS.contains(goal) : steps.get(steps.size() - 1).equals(goal);
    }

    /**
     * Whether the publish goal publishes the release's artifacts after the image goal's end-of-reactor push, in this
     * build: then the image's mutable tags wait for it ({@link dev.gantry.image.TagMoves}).
     */
    boolean publishesAfterTheImage(ReactorRelease release) {
        return release.plan.artifacts() != null && !release.dryRun && due("publish")
                && !ReactorProgress.of(session).isFinished("publish") && !finishedInAnyRealm("publish");
    }

    /** Whether this build was meant to run the step ({@link #stepsDue}): a {@code mvn deploy}'s, or one named. */
    boolean due(String step) {
        return stepsDue().contains(step);
    }

    /** The steps some module of the reactor runs, in order. */
    private List<String> steps() {
        return STEPS.stream().filter(step -> session.getProjects().stream().anyMatch(p -> modules.runs(p, step))).toList();
    }

    // --- 4. before the tag -----------------------------------------------------------------------------------------

    /** The git tag is written only once the image and the artifacts of the plan are in place. */
    void checkBeforeTag(ReactorRelease release) throws GantryException {
        Plan plan = release.plan;
        if (plan.image() != null && !release.report.hasImage()) {
            throw Refusals.stepMissing("an image", "the image goal did not build one: its module skipped it, or the goal is "
                    + "not declared in the module the image is built from");
        }
        if (plan.artifacts() != null && !release.report.hasArtifacts()) {
            throw Refusals.stepMissing("artifacts to publish", "the publish goal published nothing");
        }
    }

    // --- 5. the end of the session ---------------------------------------------------------------------------------

    /**
     * The refusal of a release that the plan promised and the build did not finish: a step due in this build
     * ({@link #stepsDue}) never did its end-of-reactor work; empty when the release is complete, nothing was due, or the
     * report already tells of a failure.
     */
    Optional<GantryException> unfinished(ReactorRelease release) {
        Plan plan = release.plan;
        boolean releases = plan.publishes() || plan.image() != null || plan.gitTag() != null || plan.environmentTag() != null;
        if (!releases || !release.report.inProgress()) {
            return Optional.empty();
        }
        ReactorProgress progress = ReactorProgress.of(session);
        List<String> missing = stepsDue().stream()
                .filter(step -> !progress.isFinished(step) && !finishedInAnyRealm(step)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String step = missing.get(0);
        Set<String> arrived = progress.arrived(step);
        Map<String, List<String>> modulesByWhy = new LinkedHashMap<>();
        for (MavenProject p : participants(step)) {
            if (!arrived.contains(id(p))) {
                modulesByWhy.computeIfAbsent(whyNotRun(p), w -> new ArrayList<>()).add(p.getArtifactId());
            }
        }
        return Optional.of(Refusals.releaseUnfinished(plan.version(), named(plan, missing), modulesByWhy,
                release.report.done(), release.report.nothingInPlace() && plan.tagOnThisCommit() == null,
                session.getResult().hasExceptions()));
    }

    /**
     * The missing steps as the release's parts: a step whose goal has nothing of this plan's to do (the image of a
     * library without one, the tag of a snapshot) is left unsaid, unless nothing else is missing.
     */
    static List<String> named(Plan plan, List<String> missing) {
        List<String> named = missing.stream().filter(step -> hasWork(plan, step)).toList();
        return named.isEmpty() ? missing : named;
    }

    private static boolean hasWork(Plan plan, String step) {
        return switch (step) {
            case "image" -> plan.image() != null;
            case "publish" -> plan.artifacts() != null;
            default -> plan.gitTag() != null || plan.environmentTag() != null;
        };
    }

    /**
     * The steps this build was meant to run: those the reactor binds when it goes as far as {@code deploy}, those named
     * on the command line otherwise ({@code gantry:image}); none for {@code mvn verify}, which only previews.
     */
    private List<String> stepsDue() {
        if (session.getGoals().contains("deploy")) {
            return steps().isEmpty() ? STEPS : steps();
        }
        return STEPS.stream().filter(step -> session.getGoals().stream().anyMatch(g -> g.endsWith(":" + step))).toList();
    }

    private String whyNotRun(MavenProject p) {
        BuildSummary summary = session.getResult().getBuildSummary(p);
        if (summary instanceof BuildFailure) {
            return "failed";
        }
        if (summary == null) {
            return "was not built (an earlier module failed, or the build stopped before it)";
        }
        return "never ran it";
    }

    // --- which modules run which goal --------------------------------------------------------------------------------

    /** Whether the module's POM binds {@code goal} of {@code plugin} ({@code groupId:artifactId}), in any phase. */
    static boolean declaresGoal(MavenProject p, String plugin, String goal) {
        Plugin declared = p.getPlugin(plugin);
        return declared != null && declared.getExecutions().stream().anyMatch(e -> e.getGoals().contains(goal));
    }

    private static String id(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId();
    }
}
