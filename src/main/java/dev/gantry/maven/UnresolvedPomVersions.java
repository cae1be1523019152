package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * POMs that would be published with a CI-friendly version unresolved ({@code <version>${revision}${changelist}</version>}
 * as written). Maven 3.9 deploys a module's POM as written, and a consumer can neither resolve that version nor read the
 * parent it names: a release would be published broken, and a release is immutable. Maven 4 deploys a consumer POM with
 * the version resolved; under Maven 3.9, flatten-maven-plugin writes a POM with it resolved, which Maven deploys instead.
 */
final class UnresolvedPomVersions {

    /** A property reference; {@code ${project.…}} ones are resolved by a consumer's Maven from the POM itself. */
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(?!project\\.|pom\\.)[^}]+}");

    private UnresolvedPomVersions() {
    }

    /**
     * Refused in {@code validate}: the modules Gantry publishes whose POM as written has such a version and which no
     * flatten-maven-plugin execution replaces (Maven 3.9 only).
     */
    static void refuseInPlan(boolean maven4, Properties buildProperties, List<MavenProject> published)
            throws GantryException {
        if (maven4) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (MavenProject project : published) {
            Optional<String> flatten = flatten(project, buildProperties);
            if (flatten.isPresent() && flatten.get().isEmpty()) {
                continue; // replaced by the flattened POM
            }
            String note = flatten.map(why -> ": " + why).orElse("");
            // Maven 3.9 keeps the model as written beside the interpolated one: nothing to read again
            unresolved(project.getOriginalModel()).forEach(
                    element -> found.add(element + " (" + project.getArtifactId() + note + ")"));
        }
        if (!found.isEmpty()) {
            throw Refusals.unresolvedPomVersion(found, true);
        }
    }

    /**
     * The last check, when the publish collects a module's artifacts under Maven 3.9: the POM it deploys (flatten's,
     * when that replaced it) has its version resolved.
     */
    static void refuseAtPublish(boolean maven4, MavenProject project) throws GantryException {
        if (maven4) {
            return;
        }
        // the POM file Maven deploys: the one it read (its model as written is at hand), or flatten's
        File deployed = project.getFile();
        Model model = deployed.equals(project.getModel().getPomFile()) ? project.getOriginalModel()
                : WrittenVersion.read(deployed).orElse(null);
        List<String> found = unresolved(model).stream()
                .map(element -> element + " (" + project.getArtifactId() + ", " + project.getFile().getName() + ")")
                .toList();
        if (!found.isEmpty()) {
            throw Refusals.unresolvedPomVersion(found, false);
        }
    }

    /**
     * {@code <version>} and {@code <parent><version>} of a POM as written, each when it refers to a property; none for a
     * POM that could not be read (null), which Maven, having read it, would have refused.
     */
    static List<String> unresolved(Model model) {
        if (model == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        if (refersToProperty(model.getVersion())) {
            found.add("<version>" + model.getVersion().trim() + "</version>");
        }
        if (model.getParent() != null && refersToProperty(model.getParent().getVersion())) {
            found.add("<parent><version>" + model.getParent().getVersion().trim() + "</version>");
        }
        return found;
    }

    private static boolean refersToProperty(String version) {
        return version != null && PROPERTY.matcher(version).find();
    }

    /**
     * Whether a flatten-maven-plugin execution of its {@code flatten} goal runs in the module (not bound to
     * {@code none}, not told to skip): empty when none does; an empty text when it puts the flattened POM in place of
     * the one Maven deploys; else why it does not. It does so, unless told otherwise ({@code <updatePomFile>}), for a
     * module not packaged {@code pom}, and for a {@code pom} module only in its {@code bom} mode.
     */
    private static Optional<String> flatten(MavenProject project, Properties buildProperties) {
        return flattenRun(project, buildProperties).map(FlattenRun::notInPlace);
    }

    /**
     * The configuration of the flatten-maven-plugin execution that puts its flattened POM in place of the one Maven
     * deploys, when one does ({@link #flatten}): what the published POM is made by.
     */
    static Optional<Object> flattenedPomConfiguration(MavenProject project, Properties buildProperties) {
        // an execution configured nowhere has none: an empty one, so that the answer is not taken for "none runs"
        return flattenRun(project, buildProperties).filter(run -> run.notInPlace().isEmpty())
                .map(run -> run.configuration() != null ? run.configuration() : new Xpp3Dom("configuration"));
    }

    /** The flatten execution that runs, its configuration, and why its POM is not put in place ("" when it is). */
    private record FlattenRun(Object configuration, String notInPlace) {
    }

    private static Optional<FlattenRun> flattenRun(MavenProject project, Properties buildProperties) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!plugin.getArtifactId().endsWith("flatten-maven-plugin")) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (!execution.getGoals().contains("flatten") || "none".equals(execution.getPhase())) {
                    continue;
                }
                // Maven's model has merged the plugin's configuration into the execution's
                Object configuration = execution.getConfiguration() != null ? execution.getConfiguration()
                        : plugin.getConfiguration();
                if (isTrue(configuration, "skip", "flatten.skip", project, buildProperties)
                        || isTrue(configuration, "skipFlatten", "flatten.flatten.skip", project, buildProperties)) {
                    continue;
                }
                Optional<Deployers.Setting> update = Deployers.Setting.of(configuration, "updatePomFile",
                        "updatePomFile", project, buildProperties);
                boolean pom = "pom".equals(project.getPackaging());
                boolean bom = Deployers.Setting.of(configuration, "flattenMode", "flatten.mode", project, buildProperties)
                        .map(mode -> mode.value().equalsIgnoreCase("bom")).orElse(false);
                if (update.map(Deployers.Setting::isTrue).orElse(!pom || bom)) {
                    return Optional.of(new FlattenRun(configuration, ""));
                }
                return Optional.of(new FlattenRun(configuration, update.isPresent()
                        ? "flatten-maven-plugin is told not to put its POM in place, " + update.get().where()
                        : "flatten-maven-plugin leaves a pom module's POM as written without "
                                + "<updatePomFile>true</updatePomFile>"));
            }
        }
        return Optional.empty();
    }

    private static boolean isTrue(Object configuration, String parameter, String property, MavenProject project,
            Properties buildProperties) {
        return Deployers.Setting.of(configuration, parameter, property, project, buildProperties)
                .map(Deployers.Setting::isTrue).orElse(false);
    }
}
