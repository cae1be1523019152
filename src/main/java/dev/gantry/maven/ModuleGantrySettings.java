package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
     * Refuses the first module of the reactor that sets a setting of the plan to another value than the plan was given:
     * in the configuration of one of its Gantry executions that can run (in which Maven's model has merged the plugin's),
     * or among its properties. A value it only takes from {@code -D}, or leaves unset, is no setting of its own, and a
     * module left out of the release ({@link GantrySettings#skipped}, its executions at phase {@code none}) is not asked.
     *
     * @param planning the module the plan is made in
     * @param plans    the plan's values, as its goal was given them (null: unset)
     * @param branches the plan's {@code <branches>}, as its goal was given them, or null
     */
    static void check(List<MavenProject> reactor, MavenProject planning, Map<PlanSetting, String> plans,
            Xpp3Dom branches, Properties buildProperties) throws GantryException {
        Map<PlanSetting, String> planned = new LinkedHashMap<>();
        plans.forEach((setting, value) -> planned.put(setting, value == null ? null : setting.normalized(value)));
        for (MavenProject module : reactor) {
            Plugin plugin = module.getPlugin(GantryMojo.PLUGIN_KEY);
            if (module == planning || plugin == null || GantrySettings.skipped(module)) {
                continue;
            }
            for (Object configuration : configurations(plugin)) {
                for (Map.Entry<PlanSetting, String> plan : planned.entrySet()) {
                    PlanSetting setting = plan.getKey();
                    Optional<Deployers.Setting> theirs = Deployers.Setting.of(configuration, setting.parameter(),
                            setting.property(), module, buildProperties)
                            // -D's value is the planning module's too; an empty element leaves the setting unset
                            .filter(s -> !s.where().startsWith("-D") && !s.value().isBlank());
                    if (theirs.isPresent() && !setting.normalized(theirs.get().value()).equals(plan.getValue())) {
                        throw Refusals.planSettingInModule(module.getArtifactId(), setting.parameter(),
                                theirs.get().value() + " (" + theirs.get().where() + ")", planning.getArtifactId(),
                                plan.getValue() == null ? "is not set" : "is " + plan.getValue());
                    }
                }
                Xpp3Dom own = child(configuration, BRANCHES);
                if (own != null && !asRead(own).equals(asRead(branches))) {
                    throw Refusals.planSettingInModule(module.getArtifactId(), BRANCHES, own.getChildCount() == 0
                            ? "no rules (an empty <branches/>)" : "rules of its own (" + String.join(", ", patterns(own))
                                    + ")", planning.getArtifactId(), asRead(branches).isEmpty() ? "holds none"
                                    : "holds others (" + String.join(", ", patterns(branches)) + ")");
                }
            }
        }
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

    /**
     * The rules as Gantry reads them, to compare: a rule's elements by name, since their order in the POM means nothing
     * (the rules' own order does: the first that matches decides); values trimmed, {@code <release>} in any case,
     * booleans as Java parses them, an empty element (or a default) as an absent one.
     */
    private static List<Map<String, Object>> asRead(Xpp3Dom branches) {
        List<Map<String, Object>> rules = new ArrayList<>();
        if (branches == null) {
            return rules; // none, as an empty <branches/> holds
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
