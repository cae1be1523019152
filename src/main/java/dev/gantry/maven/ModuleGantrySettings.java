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
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
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
                // a module is named by its artifactId, or groupId:artifactId (ImageModule.named)
                case "imageModule" -> value.trim().substring(value.trim().lastIndexOf(':') + 1);
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
    /** Not compared between modules: read where the image is built ({@link #imageRepository}). */
    static final PlanSetting IMAGE_REPOSITORY = new PlanSetting("imageRepository", "gantry.image.repository");
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
        return Deployers.Setting.of(imageConfiguration(plugin), IMAGE_REPOSITORY.parameter(), IMAGE_REPOSITORY.property(),
                imageModule, buildProperties).map(Deployers.Setting::value).filter(v -> !v.isBlank()).orElse(null);
    }

    /** Whether the module's own POM (not a parent's) names an image repository: the parameter, or the property. */
    static boolean namesItsOwnImageRepository(MavenProject module) {
        Model own = module.getOriginalModel();
        if (own == null) {
            return false;
        }
        if (own.getProperties().containsKey(IMAGE_REPOSITORY.property())) {
            return true;
        }
        return own.getBuild() != null && own.getBuild().getPlugins().stream()
                .filter(p -> GantryMojo.PLUGIN_KEY.equals(p.getKey()))
                .anyMatch(p -> p.getConfiguration() instanceof Xpp3Dom c
                        && c.getChild(IMAGE_REPOSITORY.parameter()) != null
                        || p.getExecutions().stream().anyMatch(e -> e.getConfiguration() instanceof Xpp3Dom c
                                && c.getChild(IMAGE_REPOSITORY.parameter()) != null));
    }

    /**
     * The image repository the plan takes from the image module rather than from the planning goal ({@link
     * #imageRepository}), or null: the image module is the planning module, sets none, or there is none.
     */
    static String imageModulesOwnRepository(MavenProject imageModule, MavenProject planning, Properties buildProperties) {
        return imageModule == null || imageModule == planning ? null : imageRepository(imageModule, buildProperties);
    }

    /** The configuration a module's image goal is given, Gantry's plugin being declared there. */
    private static Object imageConfiguration(Plugin plugin) {
        return Deployers.configurationFor(plugin, "image");
    }

    /**
     * Where the goal's parameter gets its value, for the log to say: {@code <imageModule>} when its configuration sets it,
     * else the property it is taken from ({@code -Dgantry.image.module=shop-app}, or the POM's {@code <properties>}),
     * which a {@code <imageModule>${gantry.image.module}</imageModule>} defers to as well.
     */
    static String whereSet(PlanSetting setting, Object configuration, MavenProject module, Properties buildProperties) {
        return Deployers.Setting.of(configuration, setting.parameter(), setting.property(), module, buildProperties)
                .filter(s -> !s.setInTheConfiguration())
                // named: the line is about another module, the image's
                .map(s -> s.where().replace("in the module's <properties>", "in the <properties> of "
                        + module.getArtifactId()))
                .orElse("<" + setting.parameter() + ">");
    }

    /**
     * The warnings of {@link #commandLineOutranked} for the image's settings, each read where the plan reads it (an
     * outranked image module is refused: the build would ship another service's image than asked for): the
     * image module from the planning goal's configuration, the image repository from the image module's image goal's
     * configuration when that module sets one ({@link #imageRepository}, as {@code GantryMojo} plans with it), else from
     * the planning goal's.
     *
     * @param userProperties        what {@code -D} gave
     * @param planning              the module the plan is made in
     * @param planningConfiguration the configuration Maven gives the planning goal
     * @param imageModule           the module the image is built from, or null
     */
    static List<String> imageSettingsOutranking(Properties userProperties, MavenProject planning,
            Object planningConfiguration, MavenProject imageModule, Properties buildProperties) throws GantryException {
        Optional<Deployers.Setting> module = outranking(IMAGE_MODULE, planningConfiguration, planning, userProperties,
                buildProperties);
        if (module.isPresent()) {
            throw Refusals.imageModuleOutranked(userProperties.getProperty(IMAGE_MODULE.property()).trim(),
                    module.get().value(), planning.getArtifactId(),
                    declaringPom(planningConfiguration, IMAGE_MODULE.parameter()));
        }
        List<String> warnings = new ArrayList<>();
        boolean theirs = imageModulesOwnRepository(imageModule, planning, buildProperties) != null;
        commandLineOutranked(IMAGE_REPOSITORY, theirs ? imageConfiguration(imageModule.getPlugin(GantryMojo.PLUGIN_KEY))
                : planningConfiguration, theirs ? imageModule : planning, userProperties, buildProperties)
                .ifPresent(warnings::add);
        return warnings;
    }

    /**
     * Warns of a setting given with {@code -D} (a user property) that the plan does not use: the goal's configuration in
     * a POM sets the parameter to another value, and Maven gives a parameter its POM value before its property, silently
     * ({@code -Dgantry.image.repository} against a platform parent's {@code <imageRepository>}). A POM that sets the
     * parameter to the property's expression lets {@code -D} choose, and is not warned of.
     *
     * @param configuration the configuration the value the plan uses is read from (the planning goal's own, or the image
     *                      module's image goal's), in which Maven's model has merged the plugin's
     * @param module        the module of that configuration
     * @param userProperties the build's user properties: what {@code -D} gave
     * @return the warning, when {@code -D} gave a value and a POM's configuration sets another
     */
    static Optional<String> commandLineOutranked(PlanSetting setting, Object configuration, MavenProject module,
            Properties userProperties, Properties buildProperties) {
        return outranking(setting, configuration, module, userProperties, buildProperties)
                .map(used -> Refusals.commandLineOutranked(setting.parameter(), setting.property(),
                        userProperties.getProperty(setting.property()).trim(), used.value(), module.getArtifactId(),
                        declaringPom(configuration, setting.parameter())));
    }

    /** The POM's setting that outranks a different value given with {@code -D}, if any. */
    private static Optional<Deployers.Setting> outranking(PlanSetting setting, Object configuration, MavenProject module,
            Properties userProperties, Properties buildProperties) {
        String given = userProperties.getProperty(setting.property());
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        return Deployers.Setting.of(configuration, setting.parameter(), setting.property(), module, buildProperties)
                // taken from a property, -D's value is the one used (-D outranks the module's <properties>)
                .filter(s -> s.setInTheConfiguration() && !s.value().isBlank())
                .filter(used -> !setting.normalized(used.value()).equals(setting.normalized(given)));
    }

    /**
     * The POM that sets the parameter in this configuration, {@code groupId:artifactId:version}, as Maven's model tracks
     * where each element was read (a platform parent's, say); null when it is not tracked (the message then says "its
     * POM or a parent's"). Maven 4 tracks it in its own API's type ({@code org.apache.maven.api.model.InputLocation}),
     * which a plugin built against Maven 3 cannot name: read by its accessors, which have the same names.
     */
    private static String declaringPom(Object configuration, String parameter) {
        Xpp3Dom element = configuration instanceof Xpp3Dom dom ? dom.getChild(parameter) : null;
        Object location = element == null ? null : element.getInputLocation();
        if (location instanceof InputLocation maven3) {
            return maven3.getSource() == null ? null : maven3.getSource().getModelId();
        }
        try {
            Object source = location == null ? null : location.getClass().getMethod("getSource").invoke(location);
            return source == null ? null : (String) source.getClass().getMethod("getModelId").invoke(source);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
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
        List<Map<String, Object>> plannedRules = asRead(branches);
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
                if (own != null && !asRead(own).equals(plannedRules)) {
                    throw Refusals.planSettingInModule(module.getArtifactId(), BRANCHES, own.getChildCount() == 0
                            ? "no rules (an empty <branches/>)" : "rules of its own (" + String.join(", ", patterns(own))
                                    + ")", planning.getArtifactId(), plannedRules.isEmpty() ? "holds none"
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
