package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Parent;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What a release's modules point at outside themselves, judged in {@code validate} from the POMs (the dependencies as
 * declared, with their managed versions, and the parent), before anything is built: a stable release must not depend on
 * a snapshot, and a published module must not depend on a module of the reactor that the release leaves out. Either
 * would publish something its users cannot rebuild or resolve, with BUILD SUCCESS. Test-scoped dependencies are not
 * judged: they are not in the image, and a user of the published module never resolves them.
 */
final class ReleaseDependencies {

    private ReleaseDependencies() {
    }

    /**
     * A stable release whose published modules or image depend on a snapshot ({@code -SNAPSHOT}, or a timestamped
     * snapshot a repository may purge): the image would hold, and the published POMs name, whatever that snapshot is
     * when the release is built, and the release could not be rebuilt from its tag.
     *
     * @param released the modules published, and the image's
     */
    static void refuseSnapshots(String version, List<MavenProject> released, List<MavenProject> reactor)
            throws GantryException {
        // a module of the reactor is built from this commit: one left out of the publish may keep a version of its own
        Set<String> built = new HashSet<>();
        reactor.forEach(m -> built.add(id(m.getGroupId(), m.getArtifactId(), m.getVersion())));
        Set<String> found = new LinkedHashSet<>();
        for (MavenProject module : released) {
            Parent parent = module.getModel().getParent();
            if (parent != null && ArtifactUtils.isSnapshot(parent.getVersion())
                    && !built.contains(id(parent.getGroupId(), parent.getArtifactId(), parent.getVersion()))) {
                found.add(module.getArtifactId() + "'s parent " + id(parent.getGroupId(), parent.getArtifactId(),
                        parent.getVersion()));
            }
            for (Dependency dependency : builtIn(module)) {
                String id = id(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
                if (ArtifactUtils.isSnapshot(dependency.getVersion()) && !built.contains(id)) {
                    found.add(module.getArtifactId() + " depends on " + id + " (" + scope(dependency) + ")");
                }
            }
        }
        if (!found.isEmpty()) {
            throw Refusals.snapshotDependencies(version, List.copyOf(found));
        }
    }

    /**
     * A published module whose parent, or a dependency it passes on, is a module of this reactor that the release does
     * not publish (maven-deploy-plugin told to skip it, most often): its users could not resolve it. Refused; but the
     * image's module, a service whose release is its image, is only warned of: its jar is published as a by-product that
     * seldom has users, and its image holds what the jar's POM names.
     *
     * @param reactor     every module of the build
     * @param published   the modules the release publishes
     * @param imageModule the module the image is built from, or null
     * @param whyLeftOut  why a module of the reactor is not published, as the end of a sentence
     * @param buildProperties the build's user and system properties, which flatten-maven-plugin's settings may come from
     * @return the warnings for the image's module
     */
    static List<String> refuseUnpublishedModules(List<MavenProject> reactor, List<MavenProject> published,
            MavenProject imageModule, Function<MavenProject, String> whyLeftOut, Properties buildProperties)
            throws GantryException {
        Map<String, MavenProject> leftOut = new HashMap<>();
        for (MavenProject module : reactor) {
            if (!published.contains(module)) {
                leftOut.put(id(module.getGroupId(), module.getArtifactId(), module.getVersion()), module);
            }
        }
        if (leftOut.isEmpty()) {
            return List.of();
        }
        List<String> refused = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        for (MavenProject module : published) {
            List<String> found = module == imageModule ? warned : refused;
            Parent parent = module.getModel().getParent();
            if (parent != null && !flattensItsParentAway(module, buildProperties)) {
                MavenProject missing = leftOut.get(id(parent.getGroupId(), parent.getArtifactId(), parent.getVersion()));
                if (missing != null) {
                    found.add(module.getArtifactId() + "'s parent " + missing.getArtifactId() + ", "
                            + whyLeftOut.apply(missing));
                }
            }
            // shaded, a module of the reactor is bundled into the jar, and left out of the dependency-reduced POM
            for (Dependency dependency : runs(module, SHADE) ? List.<Dependency>of() : passedOn(module)) {
                MavenProject missing = leftOut.get(id(dependency.getGroupId(), dependency.getArtifactId(),
                        dependency.getVersion()));
                if (missing != null) {
                    found.add(module.getArtifactId() + " depends on " + missing.getArtifactId() + " ("
                            + scope(dependency) + "), " + whyLeftOut.apply(missing));
                }
            }
            for (String bom : importedBoms(module)) {
                MavenProject missing = leftOut.get(bom);
                if (missing != null) {
                    found.add(module.getArtifactId() + " imports the BOM " + missing.getArtifactId() + ", "
                            + whyLeftOut.apply(missing));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw Refusals.dependsOnUnpublishedModules(refused);
        }
        return warned.isEmpty() ? List.of() : List.of(Refusals.imageModuleNeedsUnpublishedModules(
                imageModule.getArtifactId(), warned));
    }

    private static final String SHADE = "org.apache.maven.plugins:maven-shade-plugin";

    /**
     * Whether flatten-maven-plugin writes the module's published POM without its parent: it puts its POM in place
     * ({@link UnresolvedPomVersions#flattenedPomConfiguration}), in any mode but {@code resolveCiFriendliesOnly}, and
     * {@code <pomElements><parent>} does not keep the parent.
     */
    private static boolean flattensItsParentAway(MavenProject module, Properties buildProperties) {
        return UnresolvedPomVersions.flattenedPomConfiguration(module, buildProperties).map(configuration ->
                !Deployers.Setting.of(configuration, "flattenMode", "flatten.mode", module, buildProperties)
                        .map(mode -> mode.value().trim().equals("resolveCiFriendliesOnly")).orElse(false)
                        && !keepsParent(configuration)).orElse(false);
    }

    private static boolean keepsParent(Object configuration) {
        Xpp3Dom elements = configuration instanceof Xpp3Dom dom ? dom.getChild("pomElements") : null;
        Xpp3Dom parent = elements == null ? null : elements.getChild("parent");
        return parent != null && parent.getValue() != null && !List.of("flatten", "remove").contains(parent.getValue().trim());
    }

    /**
     * The BOMs the module's own POM imports ({@code <scope>import</scope>} in its dependency management), as
     * "groupId:artifactId:version": the published POM names them, and a user's build resolves them. Read from the POM
     * as written (the effective model has them replaced by what they manage), its {@code ${…}} taken from the
     * project's coordinates and properties; one that stays unresolved is not judged.
     */
    private static List<String> importedBoms(MavenProject module) {
        DependencyManagement management = module.getOriginalModel() == null ? null
                : module.getOriginalModel().getDependencyManagement();
        if (management == null) {
            return List.of();
        }
        Properties values = new Properties();
        values.putAll(module.getProperties());
        values.setProperty("project.groupId", module.getGroupId());
        values.setProperty("project.version", module.getVersion());
        values.setProperty("project.parent.version", module.getParent() != null ? module.getParent().getVersion()
                : module.getVersion());
        List<String> boms = new ArrayList<>();
        for (Dependency dependency : management.getDependencies()) {
            if ("import".equals(dependency.getScope())) {
                String id = interpolated(id(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion()),
                        values);
                if (!id.contains("${")) {
                    boms.add(id);
                }
            }
        }
        return boms;
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * By hand: Maven interpolates a raw model only inside its model builder, which a plugin cannot call on one
     * element; an import's references are the project's coordinates and properties, which this resolves.
     */
    private static String interpolated(String text, Properties values) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String value = values.getProperty(reference.group(1));
            reference.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : reference.group()));
        }
        return reference.appendTail(result).toString();
    }

    /** Whether the module's build runs the plugin (an execution of it bound to a phase). */
    private static boolean runs(MavenProject module, String pluginKey) {
        return module.getBuildPlugins().stream().anyMatch(p -> pluginKey.equals(p.getKey())
                && p.getExecutions().stream().anyMatch(e -> !"none".equals(e.getPhase())));
    }

    /** The dependencies the module is compiled against or its image holds: all but the test-scoped. */
    private static List<Dependency> builtIn(MavenProject module) {
        return module.getDependencies().stream()
                .filter(d -> !"test".equals(d.getScope()) && d.getVersion() != null)
                .toList();
    }

    /** The dependencies a user of the published module resolves with it: compile and runtime scope, not optional. */
    private static List<Dependency> passedOn(MavenProject module) {
        return builtIn(module).stream()
                .filter(d -> (d.getScope() == null || d.getScope().equals("compile") || d.getScope().equals("runtime"))
                        && !d.isOptional())
                .toList();
    }

    /** "groupId:artifactId:version", how a module, a parent and a dependency are matched and named. */
    private static String id(String groupId, String artifactId, String version) {
        return groupId + ":" + artifactId + ":" + version;
    }

    private static String scope(Dependency dependency) {
        return dependency.getScope() == null ? "compile" : dependency.getScope();
    }
}
