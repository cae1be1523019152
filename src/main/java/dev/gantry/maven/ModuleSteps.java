package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * Which release steps each module of the reactor runs in this build, decided once, when the plan is made (in validate,
 * before anything moves), and kept in the resolver session's data: the plan, the end-of-reactor count and the end of the
 * session all read this one decision.
 * <p>
 * An execution left at its goal's own phase ({@code deploy}, named or not) runs in every {@code mvn deploy}, and one bound
 * to phase {@code none} never does (the idiom that turns an inherited execution off, which maven-deploy-plugin's {@code deployAtEnd} leaves out too):
 * both are read from the POM. Any other phase is Maven's to judge, not ours: Maven 3 and 4 do not share the same phases
 * (Maven 4 has {@code before:}/{@code after:} phases and reads {@code pre-site} as an alias), so the module's own execution
 * plan is asked of Maven's {@link LifecycleExecutor}, for this build's goals taken as far as {@code deploy} (a preview
 * shows what {@code mvn deploy} would do). A module whose execution of a step does not run leaves that step, as with
 * phase {@code none}. Maven is asked only then: Maven 4 takes some 20–100 ms to plan a module, more than the rest of a
 * feature branch's plan can spare (issue 11), while the POM answers the usual cases exactly.
 */
final class ModuleSteps {

    /** The executions Maven's own execution plan runs in a module in this build. */
    @FunctionalInterface
    interface MavenPlan {
        Set<Planned> executionsRun(MavenProject module) throws GantryException;
    }

    /**
     * An execution of Maven's plan.
     *
     * @param plugin    groupId:artifactId
     * @param execution the execution's id
     */
    record Planned(String plugin, String goal, String execution) {
    }

    /**
     * An execution of a step that does not run in this build, and why: the phase it is bound to.
     *
     * @param module    the module's artifactId
     * @param execution the execution's id
     * @param phase     the phase it is bound to ({@code none}, or one this build does not reach)
     * @param steps     the steps it binds, in their order
     */
    record Unreached(String module, String execution, String phase, List<String> steps) {

        boolean turnedOff() {
            return NO_PHASE.equalsIgnoreCase(phase);
        }
    }

    private static final Object KEY = ModuleSteps.class; // this class realm's own: see ReactorRelease
    static final String NO_PHASE = "none";
    /** The phase every step is bound to by default ({@code defaultPhase} of the image, publish and tag mojos). */
    private static final String OWN_PHASE = "deploy";

    private final String plugin;
    private final Map<String, Set<String>> running;
    private final List<Unreached> unreached;
    private final MavenPlan maven;

    private ModuleSteps(String plugin, Map<String, Set<String>> running, List<Unreached> unreached, MavenPlan maven) {
        this.plugin = plugin;
        this.running = running;
        this.unreached = unreached;
        this.maven = maven;
    }

    /** This session's decision, made on the first call (from the plan) and kept for the session's end. */
    static ModuleSteps of(MavenSession session, String plugin, MavenPlan maven) throws GantryException {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            ModuleSteps steps = (ModuleSteps) data.get(KEY);
            if (steps == null) {
                steps = decide(session.getProjects(), plugin, maven);
                data.set(KEY, steps);
            }
            return steps;
        }
    }

    /** The decision of this session, or null when no Gantry goal has asked for it. */
    static ModuleSteps find(MavenSession session) {
        return (ModuleSteps) session.getRepositorySession().getData().get(KEY);
    }

    /** Which of {@code plugin}'s release steps each module runs; Maven is asked only about the phases it must judge. */
    static ModuleSteps decide(List<MavenProject> modules, String plugin, MavenPlan maven) throws GantryException {
        Map<String, Set<String>> running = new HashMap<>();
        List<Unreached> unreached = new ArrayList<>();
        for (MavenProject module : modules) {
            Plugin declared = module.getPlugin(plugin);
            if (declared == null) {
                continue;
            }
            Set<String> runs = new LinkedHashSet<>();
            Set<Planned> planned = null;
            for (String step : ReleaseGate.STEPS) {
                List<PluginExecution> binding = declared.getExecutions().stream().filter(e -> e.getGoals().contains(step))
                        .toList();
                if (binding.stream().anyMatch(e -> e.getPhase() == null || OWN_PHASE.equals(e.getPhase()))) {
                    runs.add(step); // the goal's own phase, deploy, which every mvn deploy reaches
                } else if (binding.stream().anyMatch(e -> !NO_PHASE.equalsIgnoreCase(e.getPhase()))) {
                    planned = planned != null ? planned : maven.executionsRun(module);
                    if (planned.stream().anyMatch(e -> e.plugin().equals(plugin) && e.goal().equals(step))) {
                        runs.add(step);
                    }
                }
            }
            running.put(id(module), runs);
            for (PluginExecution execution : declared.getExecutions()) {
                List<String> off = ReleaseGate.STEPS.stream()
                        .filter(step -> execution.getGoals().contains(step) && !runs.contains(step)).toList();
                if (!off.isEmpty()) {
                    unreached.add(new Unreached(module.getArtifactId(), execution.getId(), execution.getPhase(), off));
                }
            }
        }
        return new ModuleSteps(plugin, running, List.copyOf(unreached), maven);
    }

    /**
     * Asks Maven's {@link LifecycleExecutor} which executions it plans in a module, as it does when the build reaches that
     * module: on a copy of the session whose current project is that module (the executor plans the current project),
     * without setting the mojos up (their configuration is not needed to know whether they run). Each module is planned
     * once, when first asked.
     */
    static MavenPlan askingMaven(MavenSession session, LifecycleExecutor executor) {
        List<String> goals = session.getGoals();
        String[] tasks = Stream.concat(goals.stream(), goals.contains("deploy") ? Stream.empty() : Stream.of("deploy"))
                .toArray(String[]::new);
        Map<MavenProject, Set<Planned>> planned = new ConcurrentHashMap<>();
        return module -> {
            Set<Planned> executions = planned.get(module);
            if (executions != null) {
                return executions;
            }
            MavenSession forModule = session.clone();
            forModule.setCurrentProject(module);
            try {
                executions = executor.calculateExecutionPlan(forModule, false, tasks).getMojoExecutions().stream()
                        .map(m -> new Planned(m.getGroupId() + ":" + m.getArtifactId(), m.getGoal(), m.getExecutionId()))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (Exception e) { // nine checked exceptions of plugin and lifecycle resolution, one answer
                throw Refusals.cannotPlanModule(module.getArtifactId(), String.join(" ", tasks), e);
            }
            planned.put(module, executions);
            return executions;
        };
    }

    /**
     * The steps modules that this build leaves out ({@code -pl '!bench'}) would run in a whole build, from their POMs
     * alone: a phase only Maven could judge is taken to run (Maven does not plan a module outside the build).
     */
    ModuleSteps leftOut(List<MavenProject> modules) throws GantryException {
        return decide(modules, plugin, module -> ReleaseGate.STEPS.stream().map(step -> new Planned(plugin, step, null))
                .collect(Collectors.toSet()));
    }

    /** Maven's plan of each module in this build, for other questions of what runs ({@link OtherImagePushers}). */
    MavenPlan maven() {
        return maven;
    }

    /** Whether the module runs {@code step} of the release in this build. */
    boolean runs(MavenProject module, String step) {
        return running.getOrDefault(id(module), Set.of()).contains(step);
    }

    /** Whether the module's POM binds {@code step}, whether or not it runs. */
    boolean declares(MavenProject module, String step) {
        return ReleaseGate.declaresGoal(module, plugin, step);
    }

    /** The executions turned off with {@code <phase>none</phase>}, as "artifactId (step, …)". */
    List<String> turnedOff() {
        return unreached.stream().filter(Unreached::turnedOff)
                .map(u -> u.module() + " (" + String.join(", ", u.steps()) + ")").distinct().toList();
    }

    /** The executions bound to a phase this build does not reach (not {@code none}): each a warning of the plan. */
    List<Unreached> notReached() {
        return unreached.stream().filter(u -> !u.turnedOff()).toList();
    }

    private static String id(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId();
    }
}
