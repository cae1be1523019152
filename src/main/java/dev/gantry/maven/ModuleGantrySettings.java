package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Gantry's settings as each module's POM gives them, against the plan's. The plan is made once, in the first module that
 * runs a Gantry goal (the top-level project, normally), from the settings Maven gives that goal; the same settings given
 * another value in another module (its gantry-maven-plugin configuration, or a {@code gantry.*} property of its own)
 * would be ignored there, silently: a service module's {@code <flow>trunk</flow>} while the plan follows gitflow. Such a
 * module is refused in validate. The image repository is the exception: it belongs to the module the image is built
 * from, and is read there ({@link #imageRepository}).
 */
final class ModuleGantrySettings {

    /** A setting the plan reads: Gantry's parameter and its property ({@link GantryMojo}). */
    record PlanSetting(String parameter, String property) {

        /** The value as Gantry reads it: a flow's name in any case, a boolean as Java parses it. */
        String normalized(String value) {
            return switch (parameter) {
                case "flow" -> value.trim().toLowerCase(Locale.ROOT);
                case "allowDirty" -> String.valueOf(Boolean.parseBoolean(value.trim()));
                default -> value.trim();
            };
        }
    }

    static final PlanSetting FLOW = new PlanSetting("flow", "gantry.flow");
    static final PlanSetting TAG_PREFIX = new PlanSetting("tagPrefix", "gantry.tagPrefix");
    static final PlanSetting ALLOW_DIRTY = new PlanSetting("allowDirty", "gantry.allowDirty");
    static final PlanSetting BRANCH = new PlanSetting("branch", "gantry.branch");
    static final PlanSetting GIT_REMOTE = new PlanSetting("gitRemote", "gantry.git.remote");
    static final PlanSetting IMAGE_MODULE = new PlanSetting("imageModule", "gantry.image.module");
    private static final String BRANCHES = "branches";

    private ModuleGantrySettings() {
    }

    /**
     * The image repository as the image module's image goal is given it: its execution's configuration, else
     * {@code gantry.image.repository} ({@code -D}, then the module's properties); null when none is set, or the module
     * does not declare Gantry.
     */
    static String imageRepository(MavenProject imageModule, Properties buildProperties) {
        Plugin plugin = imageModule.getPlugin(GantryMojo.PLUGIN_KEY);
        if (plugin == null) {
            return null;
        }
        return Deployers.Setting.of(Deployers.configurationFor(plugin, "image"), "imageRepository",
                "gantry.image.repository", imageModule, buildProperties).map(Deployers.Setting::value)
                .filter(v -> !v.isBlank()).orElse(null);
    }

    /**
     * The plan as its goal was given it, in the module it is made in.
     *
     * @param module   the module the plan is made in
     * @param values   the plan's values (null: unset)
     * @param branches the plan's {@code <branches>}, or null
     * @param defaults each setting's value where nothing sets it (null: none, or, for the image module, chosen alike
     *                 wherever the plan is made)
     */
    record Planning(MavenProject module, Map<PlanSetting, String> values, Xpp3Dom branches,
            Map<PlanSetting, String> defaults) {
    }

    /**
     * Refuses the first module of the reactor that sets a setting of the plan to another value than the plan was given:
     * in the configuration of one of its Gantry executions that can run (in which Maven's model has merged the plugin's),
     * or among its properties. A value it only takes from {@code -D}, or leaves unset, is no setting of its own, and a
     * module left out of the release ({@link GantrySettings#skipped}, its executions at phase {@code none}) is not asked.
     * A module that may make the plan in another run of the same parallel build ({@code racing}) is compared on the
     * value it would plan with, set or not: otherwise the build would refuse or not, and release one way or another,
     * depending on which module Maven started first.
     *
     * @param racing under {@code -T}, the modules that do not wait for the planning module; empty otherwise
     */
    static void check(List<MavenProject> reactor, Planning plan, Properties buildProperties, Set<MavenProject> racing)
            throws GantryException {
        Map<PlanSetting, String> planned = new LinkedHashMap<>();
        plan.values().forEach((setting, value) -> planned.put(setting, value == null ? null : setting.normalized(value)));
        for (MavenProject module : reactor) {
            Plugin plugin = module.getPlugin(GantryMojo.PLUGIN_KEY);
            if (module == plan.module() || plugin == null || GantrySettings.skipped(module)) {
                continue;
            }
            boolean mayPlan = racing.contains(module);
            for (Object configuration : mayPlan ? planningConfigurations(plugin) : configurations(plugin)) {
                for (Map.Entry<PlanSetting, String> entry : planned.entrySet()) {
                    PlanSetting setting = entry.getKey();
                    Optional<Deployers.Setting> theirs = Deployers.Setting.of(configuration, setting.parameter(),
                            setting.property(), module, buildProperties);
                    String plans = entry.getValue() == null ? "is not set" : "is " + entry.getValue();
                    if (mayPlan) {
                        refuseRacing(module, setting, theirs, plan, entry.getValue(), plans);
                    } else {
                        // a value it only takes from -D is no choice of its own: the planning module was given it too
                        theirs = theirs.filter(t -> !t.where().startsWith("-D"));
                        if (theirs.isPresent() && !setting.normalized(theirs.get().value()).equals(entry.getValue())) {
                            throw Refusals.planSettingInModule(module.getArtifactId(), setting.parameter(),
                                    theirs.get().value() + " (" + theirs.get().where() + ")",
                                    plan.module().getArtifactId(), plans);
                        }
                    }
                }
                refuseOtherRules(module, child(configuration, BRANCHES), plan, mayPlan);
            }
        }
    }

    /** A module that may make the plan instead, compared on the value it would plan with: its own, -D's, or the default. */
    private static void refuseRacing(MavenProject module, PlanSetting setting, Optional<Deployers.Setting> theirs,
            Planning plan, String planned, String plans) throws GantryException {
        if (theirs.isEmpty() && setting.equals(IMAGE_MODULE)) {
            return; // chosen alike wherever the plan is made
        }
        String would = theirs.map(Deployers.Setting::value).orElse(plan.defaults().get(setting));
        if (!Objects.equals(would == null ? null : setting.normalized(would), planned)) {
            String what = theirs.map(t -> t.value() + " (" + t.where() + ")").orElse(would == null
                    ? "no value (the module leaves it unset)" : would + " (the default: the module leaves it unset)");
            throw Refusals.planSettingRacing(module.getArtifactId(), setting.parameter(), what,
                    plan.module().getArtifactId(), plans);
        }
    }

    private static void refuseOtherRules(MavenProject module, Xpp3Dom own, Planning plan, boolean mayPlan)
            throws GantryException {
        if ((own == null && !mayPlan) || sameRules(own, plan.branches())) {
            return;
        }
        String theirs = own == null ? "no rules (the module sets none)"
                : "rules of its own (" + String.join(", ", patterns(own)) + ")";
        String plans = asRead(plan.branches()).isEmpty() ? "holds none" : "holds " + (own == null ? "rules" : "others")
                + " (" + String.join(", ", patterns(plan.branches())) + ")";
        String planning = plan.module().getArtifactId();
        throw mayPlan ? Refusals.planSettingRacing(module.getArtifactId(), BRANCHES, theirs, planning, plans)
                : Refusals.planSettingInModule(module.getArtifactId(), BRANCHES, theirs, planning, plans);
    }

    /**
     * The configurations a module may plan with: those of its executions that bind the plan goal, which runs before its
     * other goals; else, where it binds none, those of all that can run (its first Gantry goal plans).
     */
    private static List<Object> planningConfigurations(Plugin plugin) {
        List<Object> planning = new ArrayList<>();
        plugin.getExecutions().stream().filter(e -> !ModuleSteps.NO_PHASE.equalsIgnoreCase(e.getPhase()))
                .filter(e -> e.getGoals().contains("plan")).forEach(e -> planning.add(e.getConfiguration()));
        return planning.isEmpty() ? configurations(plugin) : planning;
    }

    /** The configuration of each execution that can run (not at phase {@code none}), else the plugin's. */
    private static List<Object> configurations(Plugin plugin) {
        List<Object> configurations = new ArrayList<>();
        plugin.getExecutions().stream().filter(e -> !ModuleSteps.NO_PHASE.equalsIgnoreCase(e.getPhase()))
                .forEach(e -> configurations.add(e.getConfiguration()));
        if (plugin.getExecutions().isEmpty()) {
            configurations.add(plugin.getConfiguration());
        }
        return configurations;
    }

    /** Whether both hold the same rules as Gantry reads them; none (or an empty {@code <branches/>}) agree. */
    private static boolean sameRules(Xpp3Dom ours, Xpp3Dom theirs) {
        return asRead(ours).equals(asRead(theirs));
    }

    /**
     * The rules as Gantry reads them, to compare: a rule's elements by name, since their order in the POM means nothing
     * (the rules' own order does: the first that matches decides); values trimmed, {@code <release>} in any case,
     * booleans as Java parses them, an empty element (or a default) as an absent one.
     */
    private static List<Map<String, Object>> asRead(Xpp3Dom branches) {
        List<Map<String, Object>> rules = new ArrayList<>();
        if (branches == null) {
            return rules;
        }
        for (Xpp3Dom rule : branches.getChildren()) {
            Map<String, Object> read = new TreeMap<>();
            for (Xpp3Dom element : rule.getChildren()) {
                Object value = element.getChildCount() > 0
                        ? Arrays.stream(element.getChildren()).map(tag -> String.valueOf(tag.getValue()).trim()).toList()
                        : ruleValue(element.getName(), element.getValue());
                if (value != null) {
                    read.put(element.getName(), value);
                }
            }
            rules.add(read);
        }
        return rules;
    }

    private static String ruleValue(String element, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (element) {
            case "release" -> value.trim().toLowerCase(Locale.ROOT);
            case "images" -> String.valueOf(Boolean.parseBoolean(value.trim()));
            case "allowMaintenance" -> Boolean.parseBoolean(value.trim()) ? "true" : null; // false is its default
            default -> value.trim();
        };
    }

    /** Each rule's {@code <pattern>}, to tell the rules apart in a message. */
    private static List<String> patterns(Xpp3Dom branches) {
        List<String> patterns = new ArrayList<>();
        for (Xpp3Dom rule : branches.getChildren()) {
            Xpp3Dom pattern = rule.getChild("pattern");
            patterns.add(pattern == null ? "?" : pattern.getValue());
        }
        return patterns;
    }

    private static Xpp3Dom child(Object configuration, String name) {
        return configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
    }
}
