package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.project.MavenProject;

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
     * @return the warnings for the image's module
     */
    static List<String> refuseUnpublishedModules(List<MavenProject> reactor, List<MavenProject> published,
            MavenProject imageModule, Function<MavenProject, String> whyLeftOut) throws GantryException {
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
            if (parent != null && !runs(module, FLATTEN)) { // flattened, the published POM names no parent
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
        }
        if (!refused.isEmpty()) {
            throw Refusals.dependsOnUnpublishedModules(refused);
        }
        return warned.isEmpty() ? List.of() : List.of(Refusals.imageModuleNeedsUnpublishedModules(
                imageModule.getArtifactId(), warned));
    }

    private static final String FLATTEN = "org.codehaus.mojo:flatten-maven-plugin";
    private static final String SHADE = "org.apache.maven.plugins:maven-shade-plugin";

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
