package dev.gantry.maven;

import dev.gantry.maven.OtherImagePushers.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The images a Dockerfile plugin's push goal pushes, as its configuration names them: Spotify's dockerfile-maven-plugin
 * its {@code <repository>} ({@code dockerfile.repository}); Spotify's older docker-maven-plugin its {@code <imageName>}
 * ({@code dockerImageName} for {@code build}, {@code imageName} for {@code push}, which {@code build} also sets) or, for
 * {@code tag}, its {@code <newName>}; fabric8's two plugins and JKube's the {@code <name>} of each {@code <image>} of
 * {@code <images>} that has a {@code <build>} without {@code <skipPush>true</skipPush>} (none pushes an image it does not
 * build: fabric8's RegistryService). Unknown where the configuration does not name them (fabric8's Dockerfile mode
 * without {@code <images>}, JKube's generators, a name from a placeholder Gantry cannot expand): the push is then taken
 * to be the module's own image.
 *
 * @param names the images' names as configured; null when unknown
 */
record DockerfileImages(List<String> names) {

    static DockerfileImages pushed(OtherImagePushers.Pusher pusher, Object configuration, MavenProject module,
            Properties properties) {
        Parameter named = switch (pusher.key() + ":" + pusher.goal()) {
            case "com.spotify:dockerfile-maven-plugin:push" -> new Parameter("repository", "dockerfile.repository");
            case "com.spotify:docker-maven-plugin:build" -> new Parameter("imageName", "dockerImageName");
            case "com.spotify:docker-maven-plugin:push" -> new Parameter("imageName", "imageName");
            case "com.spotify:docker-maven-plugin:tag" -> new Parameter("newName", "newName");
            default -> null; // fabric8's and JKube's <images>
        };
        if (named != null) {
            return new DockerfileImages(Deployers.Setting.of(configuration, named.name(), named.property(), module,
                    properties).map(s -> List.of(expanded(s.value(), module))).orElse(null));
        }
        Xpp3Dom images = configuration instanceof Xpp3Dom dom ? dom.getChild("images") : null;
        if (images == null) {
            return new DockerfileImages(null);
        }
        List<String> names = new ArrayList<>();
        for (Xpp3Dom image : images.getChildren("image")) {
            Xpp3Dom build = image.getChild("build");
            boolean skipped = build == null || build.getChild("skipPush") != null
                    && Boolean.parseBoolean(build.getChild("skipPush").getValue());
            if (!skipped) {
                Xpp3Dom name = image.getChild("name");
                if (name == null || name.getValue() == null) {
                    return new DockerfileImages(null);
                }
                names.add(expanded(name.getValue().trim(), module));
            }
        }
        return new DockerfileImages(names);
    }

    /** fabric8's and JKube's {@code %a}: the artifactId, lower-cased as they write it. */
    private static String expanded(String name, MavenProject module) {
        return name.contains("%a") ? name.replace("%a", module.getArtifactId().toLowerCase(Locale.ROOT)) : name;
    }

    /**
     * Whether one of them is pushed to this repository. Compared by the repository's last path segment, the image's own
     * name: the registry and namespace may be configured apart from it ({@code docker.push.registry}, {@code %g/}).
     * Unknown names, a name Gantry cannot read (a placeholder, an unresolved {@code ${…}}), or no repository of Gantry's
     * count as yes ({@link #unread}).
     */
    boolean pushes(String repository) {
        if (names == null || repository == null) {
            return names == null || !names.isEmpty();
        }
        String gantrys = lastSegment(repository);
        return names.stream().map(DockerfileImages::lastSegment).anyMatch(n -> unreadable(n) || n.equals(gantrys));
    }

    /**
     * The name Gantry could not read that makes the push count as one of this repository's images, for the message:
     * null when a name says so, or when no image is named (a generator's names, a Dockerfile mode: the module's own
     * application), or there is no repository to compare with.
     */
    String unread(String repository) {
        if (names == null || repository == null) {
            return null;
        }
        String gantrys = lastSegment(repository);
        if (names.stream().map(DockerfileImages::lastSegment).anyMatch(gantrys::equals)) {
            return null;
        }
        return names.stream().filter(n -> unreadable(lastSegment(n))).findFirst().orElse(null);
    }

    private static boolean unreadable(String name) {
        return name.contains("%") || name.contains("${");
    }

    /** {@code registry:5000/team/orders:1.0@sha256:…} is {@code orders}. */
    private static String lastSegment(String name) {
        String withoutDigest = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        String last = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        return last.contains(":") ? last.substring(0, last.indexOf(':')) : last;
    }
}
