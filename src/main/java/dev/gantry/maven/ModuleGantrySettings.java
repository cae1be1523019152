package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Gantry's settings as each module's POM gives them, against the plan's. The plan is made once, in the module the build
 * plans in (the top-level project, normally), from the settings its goal is given; the same settings given another value
 * in another module (its gantry-maven-plugin configuration, or a {@code gantry.*} property of its own) would be ignored
 * there, silently: a service module's {@code <flow>trunk</flow>} while the plan follows gitflow. Such a module is refused
 * in validate. The image repository is the exception: it belongs to the module the image is built from, and is read
 * there ({@link #imageRepository}).
 */
final class ModuleGantrySettings {

    /** A setting the plan reads: Gantry's parameter, its property and its default ({@link GantryMojo}). */
    private record PlanSetting(String parameter, String property, String defaultValue) {
    }

    private static final List<PlanSetting> PLAN_SETTINGS = List.of(new PlanSetting("flow", "gantry.flow", "gitflow"),
            new PlanSetting("tagPrefix", "gantry.tagPrefix", "v"),
            new PlanSetting("allowDirty", "gantry.allowDirty", "false"),
            new PlanSetting("branch", "gantry.branch", null),
            new PlanSetting("gitRemote", "gantry.git.remote", "origin"),
            new PlanSetting("imageModule", "gantry.image.module", null));
    private static final String BRANCHES = "branches";
    private static final String IMAGE_REPOSITORY = "imageRepository";

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
        Optional<PluginExecution> image = plugin.getExecutions().stream().filter(e -> e.getGoals().contains("image"))
                .findFirst();
        Object configuration = image.isPresent() ? image.get().getConfiguration() : plugin.getConfiguration();
        return Deployers.Setting.of(configuration, IMAGE_REPOSITORY, "gantry.image.repository", imageModule,
                buildProperties).map(Deployers.Setting::value).filter(v -> !v.isBlank()).orElse(null);
    }

    /**
     * The first module of the reactor that sets a setting of the plan to another value than the module the plan is made
     * in: in one of its Gantry executions' configuration (in which Maven's model has merged the plugin's) or its
     * properties. A module that leaves it unset is not asked (its own default is no choice of the user's, and the plan
     * does not read it), nor is a module left out of the release ({@link GantrySettings#skipped}).
     *
     * @param planning    the module the plan is made in
     * @param planningRun the id of the execution that makes the plan there
     */
    static Optional<GantryException> differing(List<MavenProject> reactor, MavenProject planning, String planningRun,
            Properties buildProperties) {
        Object planned = configurationOf(planning, planningRun);
        for (MavenProject module : reactor) {
            Plugin plugin = module.getPlugin(GantryMojo.PLUGIN_KEY);
            if (module == planning || plugin == null || GantrySettings.skipped(module)) {
                continue;
            }
            for (Object configuration : configurations(plugin)) {
                for (PlanSetting setting : PLAN_SETTINGS) {
                    Optional<Deployers.Setting> theirs = Deployers.Setting.of(configuration, setting.parameter(),
                            setting.property(), module, buildProperties);
                    String plans = value(planned, setting, planning, buildProperties);
                    if (theirs.isPresent() && !theirs.get().value().equals(plans)) {
                        return Optional.of(Refusals.planSettingInModule(module.getArtifactId(), setting.parameter(),
                                theirs.get().value() + " (" + theirs.get().where() + ")", planning.getArtifactId(),
                                plans == null ? "none" : plans));
                    }
                }
                Xpp3Dom branches = child(configuration, BRANCHES);
                if (branches != null && !branches.equals(child(planned, BRANCHES))) {
                    return Optional.of(Refusals.planSettingInModule(module.getArtifactId(), BRANCHES,
                            "rules of its own (<branches> in its configuration)", planning.getArtifactId(),
                            child(planned, BRANCHES) == null ? "none" : "others"));
                }
            }
        }
        return Optional.empty();
    }

    private static String value(Object configuration, PlanSetting setting, MavenProject module, Properties properties) {
        return Deployers.Setting.of(configuration, setting.parameter(), setting.property(), module, properties)
                .map(Deployers.Setting::value).orElse(setting.defaultValue());
    }

    /** The configuration the planning execution is given: its own, else the plugin's. */
    private static Object configurationOf(MavenProject planning, String execution) {
        Plugin plugin = planning.getPlugin(GantryMojo.PLUGIN_KEY);
        if (plugin == null) {
            return null;
        }
        PluginExecution planningRun = plugin.getExecutionsAsMap().get(execution);
        return planningRun != null ? planningRun.getConfiguration() : plugin.getConfiguration();
    }

    /** Each execution's configuration, else the plugin's. */
    private static List<Object> configurations(Plugin plugin) {
        List<Object> configurations = new ArrayList<>();
        plugin.getExecutions().forEach(e -> configurations.add(e.getConfiguration()));
        if (configurations.isEmpty()) {
            configurations.add(plugin.getConfiguration());
        }
        return configurations;
    }

    private static Xpp3Dom child(Object configuration, String name) {
        return configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
    }
}
