package dev.gantry.maven;

import dev.gantry.git.BranchResolver;
import dev.gantry.git.GitRepository;
import dev.gantry.git.HeadFacts;
import dev.gantry.git.MavenProjectConfig;
import dev.gantry.git.RemoteUrls;
import dev.gantry.git.ResolvedBranch;
import dev.gantry.image.ImageReferences;
import dev.gantry.release.BranchRule;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Plan;
import dev.gantry.release.PlanSettings;
import dev.gantry.release.Planner;
import dev.gantry.release.ReleaseContext;
import dev.gantry.release.ReleaseHistory;
import dev.gantry.release.ReleaseKind;
import dev.gantry.release.Refusals;
import dev.gantry.release.VersionSetting;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Gathers the facts of the reactor from git and Maven, and asks the core for the plan. */
final class ReleasePlanning {

    private final MavenSession session;
    private final GantryLog log;

    ReleasePlanning(MavenSession session, GantryLog log) {
        this.session = session;
        this.log = log;
    }

    /**
     * The plan, with the commit's time and the remote's URL read while the repository is open (the image's creation
     * time and source label need them; opening the repository again costs time on every build).
     *
     * @param gitHead          HEAD as the git command line read it, for the tag goal; empty when JGit read it
     * @param gitRemote        the remote whose URL {@code gitHead} holds
     * @param remoteConfigured whether the clone has the git remote the plan asked for (its URL may be a local path)
     * @param versionSetting   where the version is set, read only for a refusal that says to change it
     */
    record Planned(Plan plan, Instant commitTime, String sourceUrl, Optional<HeadFacts> gitHead, String gitRemote,
            boolean remoteConfigured, Supplier<VersionSetting> versionSetting) {
    }

    /**
     * @param modules    which of the plugin's steps each module runs in this build
     * @param imageBuilt whether a module of the reactor builds the image in this build ({@link ImageModule})
     */
    Planned plan(GantrySettings settings, ModuleSteps modules, boolean imageBuilt) throws GantryException {
        MavenProject top = session.getTopLevelProject();
        Properties buildProperties = Deployers.buildProperties(session);
        for (MavenProject module : session.getProjects()) {
            if (modules.runs(module, "publish")) {
                AltDeploymentRepository.of(module, buildProperties); // refused now, before anything is built
            }
        }
        // where the artifacts go: the first published module's repository (an aggregator above it may declare none)
        MavenProject published = ReleaseGate.publishedModules(session, modules).stream().findFirst().orElse(top);
        PlanSettings planSettings = new PlanSettings(settings.flow(), settings.rules(), settings.tagPrefix(),
                settings.allowDirty(), settings.imageRepository(), top.getArtifactId(),
                repositoryUrl(published, top, false, buildProperties), repositoryUrl(published, top, true, buildProperties),
                declaredGoals(modules, imageBuilt));
        Planner planner = new Planner(planSettings);
        try (GitRepository git = GitRepository.open(top.getBasedir().toPath(), settings.gitRemote(), log,
                ReadsHeadAhead.find(session))) {
            ResolvedBranch branch = BranchResolver.resolve(settings.branch(), git.checkedOutBranch(), environment(),
                    settings.gitRemote());
            log.debug("Branch " + branch.name() + " from " + branch.source());
            boolean deploying = reachesDeploy(session);
            BranchRule rule = planner.ruleFor(branch.name());
            if (rule.release() == ReleaseKind.STABLE || rule.promotes()) {
                // a release's decision needs the remote's tags and (deploying) the work tree's status: both git processes
                // run while the version at the first parent is read; a promotion needs the tags only; other branches
                // start neither
                git.lookAhead(settings.tagPrefix(), rule.promotes() ? null : branch.name(),
                        deploying && !settings.allowDirty() && !rule.promotes(), shippedDirectories());
            }
            String commit = git.headCommit();
            MavenProjectConfig projectConfig = projectConfig(session, top);
            String previous = git.versionAtFirstParent(top.getFile().toPath(), projectConfig,
                    session.getUserProperties()).orElse(null);
            ReleaseHistory history = deploying ? git : new PreviewHistory(git, log);
            // as written: flatten-maven-plugin makes the project's file its flattened POM, the model keeps the one read
            File pom = top.getModel().getPomFile() != null ? top.getModel().getPomFile() : top.getFile();
            Supplier<VersionSetting> versionSetting = () -> WrittenVersion.of(pom, top, session.getUserProperties(),
                    projectConfig);
            Plan plan = planner.plan(new ReleaseContext(branch.name(), commit, top.getVersion(), previous, history,
                    branch.pullRequest(), versionSetting));
            if (plan.image() != null && !plan.image().local()) {
                ImageReferences.checkRepository(plan.image().repository()); // here, not after the tests
            }
            return new Planned(plan, git.headCommitTime(), git.sourceUrl().orElse(null), git.readByGit(),
                    settings.gitRemote(), git.hasRemote(), versionSetting);
        }
    }

    /**
     * The {@code .mvn} files that give this build user properties: in the directory Maven found {@code .mvn} in, else
     * the top project's; its properties files only under Maven 4, which reads them.
     */
    static MavenProjectConfig projectConfig(MavenSession session, MavenProject top) {
        File root = session.getRequest().getMultiModuleProjectDirectory();
        return new MavenProjectConfig((root != null ? root : top.getBasedir()).toPath().resolve(".mvn"), maven4(session));
    }

    /** Whether this build runs on Maven 4. */
    static boolean maven4(MavenSession session) {
        return session.getSystemProperties().getProperty("maven.version", "").startsWith("4.");
    }

    /** Whether this Maven run goes as far as {@code deploy}, or runs a goal by name (which may be one of ours). */
    static boolean reachesDeploy(MavenSession session) {
        return session.getGoals().stream().anyMatch(g -> g.equals("deploy") || g.contains(":"));
    }

    /**
     * The Gantry goals that the reactor's POMs bind in executions that run in this build (all of them when none is: goals
     * run from the command line), less {@code image} when no module builds it (no jar or quarkus module, or each one skips it), and less {@code publish} when
     * maven-deploy-plugin is told to skip every module that runs it ({@link DeploySkipped}).
     */
    private Set<String> declaredGoals(ModuleSteps modules, boolean imageBuilt) {
        Set<String> goals = new HashSet<>();
        for (String goal : PlanSettings.ALL_GOALS) {
            // an execution turned off with <phase>none</phase>, or bound to a phase this build does not reach, runs nothing
            if (session.getProjects().stream().anyMatch(p -> modules.runs(p, goal))) {
                goals.add(goal);
            }
        }
        if (DeploySkipped.of(session).skipsEveryPublisher(session.getProjects(), modules)) {
            goals.remove("publish"); // maven-deploy-plugin is told to skip every module that publishes: no artifacts
        }
        if (goals.isEmpty()) {
            goals.addAll(PlanSettings.ALL_GOALS);
        }
        if (!imageBuilt) {
            goals.remove("image"); // no jar (or Quarkus) module builds it: none, or each one skips it
        }
        return goals;
    }

    /**
     * The directories whose files go into a module's artifacts and image: its {@code src/main} (code, resources, Jib's
     * extra directory), and its source and resource directories where the POM moves them.
     */
    private List<Path> shippedDirectories() {
        List<Path> directories = new ArrayList<>();
        for (MavenProject module : session.getProjects()) {
            Path base = module.getBasedir().toPath().toAbsolutePath().normalize();
            directories.add(base.resolve("src/main"));
            List<Path> moved = new ArrayList<>();
            if (module.getBuild().getSourceDirectory() != null) {
                moved.add(base.resolve(module.getBuild().getSourceDirectory()).normalize());
            }
            module.getBuild().getResources().forEach(r -> moved.add(base.resolve(r.getDirectory()).normalize()));
            // a resource directory at the module's base or above it (<directory>${project.basedir}</directory> with
            // <includes>LICENSE</includes>) would make every untracked file of the module count: its src/main does
            // and one under the build directory (generated resources) holds what the build writes, not sources
            Path output = base.resolve(module.getBuild().getDirectory() == null ? "target"
                    : module.getBuild().getDirectory()).normalize();
            moved.stream().filter(d -> d.startsWith(base) && !d.equals(base) && !d.startsWith(output))
                    .forEach(directories::add);
        }
        return directories;
    }

    private Map<String, String> environment() {
        return System.getenv();
    }

    /** The URL the top-level project would be deployed to ({@link DeployTarget}), without credentials: it is shown. */
    static String repositoryUrl(MavenProject project, MavenProject top, boolean snapshot, Properties buildProperties)
            throws GantryException {
        // shown in the log and plan.json: a URL may carry credentials (https://user:token@host/…), never printed
        return RemoteUrls.withoutCredentials(DeployTarget.of(project, top, buildProperties, snapshot).url());
    }
}
