package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.ArrayList;
import java.util.HashMap;
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
    static void refuseSnapshots(String version, List<MavenProject> released) throws GantryException {
        Set<String> found = new LinkedHashSet<>();
        for (MavenProject module : released) {
            Parent parent = module.getModel().getParent();
            if (parent != null && ArtifactUtils.isSnapshot(parent.getVersion())) {
                found.add(module.getArtifactId() + "'s parent " + parent.getGroupId() + ":" + parent.getArtifactId() + ":"
                        + parent.getVersion());
            }
            for (Dependency dependency : builtIn(module)) {
                if (ArtifactUtils.isSnapshot(dependency.getVersion())) {
                    found.add(module.getArtifactId() + " depends on " + dependency.getGroupId() + ":"
                            + dependency.getArtifactId() + ":" + dependency.getVersion() + " (" + scope(dependency) + ")");
                }
            }
        }
        if (!found.isEmpty()) {
            throw Refusals.snapshotDependencies(version, List.copyOf(found));
        }
    }

    /**
     * A published module whose parent, or a dependency it passes on, is a module of this reactor that the release does
     * not publish (maven-deploy-plugin told to skip it, most often): its users could not resolve it.
     *
     * @param reactor    every module of the build
     * @param published  the modules the release publishes
     * @param whyLeftOut why a module of the reactor is not published, as the end of a sentence
     */
    static void refuseUnpublishedModules(List<MavenProject> reactor, List<MavenProject> published,
            Function<MavenProject, String> whyLeftOut) throws GantryException {
        Map<String, MavenProject> leftOut = new HashMap<>();
        for (MavenProject module : reactor) {
            if (!published.contains(module)) {
                leftOut.put(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion(), module);
            }
        }
        if (leftOut.isEmpty()) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (MavenProject module : published) {
            Parent parent = module.getModel().getParent();
            if (parent != null) {
                MavenProject missing = leftOut.get(parent.getGroupId() + ":" + parent.getArtifactId() + ":"
                        + parent.getVersion());
                if (missing != null) {
                    found.add(module.getArtifactId() + "'s parent " + missing.getArtifactId() + ", "
                            + whyLeftOut.apply(missing));
                }
            }
            for (Dependency dependency : passedOn(module)) {
                MavenProject missing = leftOut.get(dependency.getGroupId() + ":" + dependency.getArtifactId() + ":"
                        + dependency.getVersion());
                if (missing != null) {
                    found.add(module.getArtifactId() + " depends on " + missing.getArtifactId() + " ("
                            + scope(dependency) + "), " + whyLeftOut.apply(missing));
                }
            }
        }
        if (!found.isEmpty()) {
            throw Refusals.dependsOnUnpublishedModules(found);
        }
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

    private static String scope(Dependency dependency) {
        return dependency.getScope() == null ? "compile" : dependency.getScope();
    }
}
