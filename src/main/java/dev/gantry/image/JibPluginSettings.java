package dev.gantry.image;

import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.gantry.release.GantryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings that shape the image in a jib-maven-plugin declared in the module Gantry builds the image from: what a
 * team that built its image with {@code mvn jib:build} configured, and what Gantry, which reads none of it, must be
 * configured with to build the same image. Only what the POM sets is here (null or empty where it sets nothing: Jib's
 * defaults are Gantry's, or close enough to be named in docs/migrating-from-jib.md).
 *
 * @param from             {@code <from><image>}
 * @param platforms        {@code <from><platforms>}, each {@code os/architecture}
 * @param mainClass        {@code <container><mainClass>}
 * @param jvmFlags         {@code <container><jvmFlags>}
 * @param args             {@code <container><args>}
 * @param environment      {@code <container><environment>}
 * @param ports            {@code <container><ports>}
 * @param labels           {@code <container><labels>}
 * @param user             {@code <container><user>}
 * @param appRoot          {@code <container><appRoot>}
 * @param extraDirectories {@code <extraDirectories><paths>}: each directory, absolute, and where it goes in the image
 * @param unmatched        the settings Gantry has no equivalent of, as written ({@code <container><entrypoint>}), with
 *                         what they hold
 */
public record JibPluginSettings(String from, List<String> platforms, String mainClass, List<String> jvmFlags,
        List<String> args, Map<String, String> environment, List<String> ports, Map<String, String> labels, String user,
        String appRoot, List<ExtraDirectory> extraDirectories, Map<String, String> unmatched) {

    /** Where the plugin's configuration lives, for messages. */
    public static final String PLUGIN = "jib-maven-plugin";

    /** An extra directory of Jib's: its files go {@code into} this path of the image ({@code /} by default). */
    public record ExtraDirectory(Path path, String into) {
    }

    /** Labels Gantry sets itself on every image (its own values win): a value of Jib's for one is no difference. */
    private static final Set<String> GANTRY_LABELS = Set.of(ProjectImage.LABEL_VERSION, ProjectImage.LABEL_REVISION,
            ProjectImage.LABEL_SOURCE, ProjectImage.LABEL_CREATED, ProjectImage.LABEL_REF_NAME,
            ProjectImage.LABEL_BASE_NAME, ProjectImage.LABEL_BASE_DIGEST);

    public JibPluginSettings {
        platforms = List.copyOf(platforms);
        jvmFlags = List.copyOf(jvmFlags);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
        extraDirectories = List.copyOf(extraDirectories);
        unmatched = Map.copyOf(unmatched);
    }

    /**
     * Each setting of Jib's that the image Gantry is about to build does not carry, worded as what to set: empty when
     * Gantry's image is the one Jib was configured to build (as far as these settings go).
     *
     * @param mainClass the main class Gantry resolved for the image, or null (a Quarkus service starts Quarkus's runner)
     */
    List<String> differencesFrom(ImageRequest request, MainClass mainClass) {
        List<String> differences = new ArrayList<>();
        if (from != null && !sameImage(from, request.from())) {
            differences.add("<from><image> is " + from + "; Gantry builds on " + request.from() + ": set Gantry's <from>");
        }
        if (!platforms.isEmpty() && !platformSet(platforms).equals(platformSet(gantryPlatforms(request)))) {
            differences.add("<from><platforms> are " + String.join(", ", platforms) + "; Gantry's are "
                    + String.join(", ", gantryPlatforms(request)) + ": set Gantry's <platforms>");
        }
        if (this.mainClass != null && mainClass != null && !this.mainClass.equals(mainClass.name())) {
            differences.add("<container><mainClass> is " + this.mainClass + "; Gantry starts " + mainClass.name() + " ("
                    + mainClass.source() + "): set Gantry's <mainClass>");
        }
        if (!jvmFlags.isEmpty() && !jvmFlags.equals(request.jvmFlags())) {
            differences.add("<container><jvmFlags> are " + jvmFlags + "; Gantry's are " + request.jvmFlags()
                    + ": set Gantry's <jvmFlags>");
        }
        if (!args.isEmpty() && !args.equals(request.arguments())) {
            differences.add("<container><args> are " + args + "; Gantry's are " + request.arguments()
                    + ": set Gantry's <args>");
        }
        List<String> environmentMissing = missing(environment, request.environment(), Set.of());
        if (!environmentMissing.isEmpty()) {
            differences.add("<container><environment> sets " + String.join(", ", environmentMissing) + ", which Gantry's "
                    + "image does not: set Gantry's <environment>");
        }
        List<String> portsMissing = portsMissing(request);
        if (!portsMissing.isEmpty()) {
            differences.add("<container><ports> expose " + String.join(", ", portsMissing) + ", which Gantry's image does "
                    + "not: set Gantry's <ports>");
        }
        List<String> labelsMissing = missing(labels, request.labels(), GANTRY_LABELS);
        if (!labelsMissing.isEmpty()) {
            differences.add("<container><labels> set " + String.join(", ", labelsMissing) + ", which Gantry's image does "
                    + "not: set Gantry's <labels>");
        }
        if (user != null && !user.equals(request.user())) {
            differences.add("<container><user> is " + user + "; Gantry's image runs as "
                    + (request.user() == null || request.user().isBlank() ? "the base image's user" : request.user())
                    + ": set Gantry's <user>");
        }
        if (appRoot != null && !appRoot.equals(request.appRoot())) {
            differences.add("<container><appRoot> is " + appRoot + "; Gantry's is " + request.appRoot()
                    + ": set Gantry's <appRoot>");
        }
        extraDirectoryDifference(request).ifPresent(differences::add);
        unmatched.forEach((setting, value) -> differences.add(setting + " is " + value + "; Gantry has no such setting"));
        return differences;
    }

    private Optional<String> extraDirectoryDifference(ImageRequest request) {
        if (extraDirectories.isEmpty()) {
            return Optional.empty();
        }
        Path gantrys = request.extraDirectory();
        boolean same = extraDirectories.size() == 1 && "/".equals(extraDirectories.get(0).into())
                && gantrys != null && extraDirectories.get(0).path().normalize().equals(gantrys.toAbsolutePath().normalize());
        if (same) {
            return Optional.empty();
        }
        List<String> named = extraDirectories.stream()
                .map(d -> d.path() + ("/".equals(d.into()) ? "" : " into " + d.into())).toList();
        return Optional.of("<extraDirectories> copy " + String.join(", ", named) + "; Gantry copies "
                + (gantrys == null ? "none" : gantrys + " to /") + ": set Gantry's <extraDirectory> (one directory, "
                + "copied to /)");
    }

    private static List<String> missing(Map<String, String> jibs, Map<String, String> gantrys, Set<String> ignored) {
        return jibs.entrySet().stream()
                .filter(e -> !ignored.contains(e.getKey()) && !Objects.equals(e.getValue(), gantrys.get(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    private List<String> portsMissing(ImageRequest request) {
        Set<String> gantrys = new LinkedHashSet<>();
        for (String port : request.ports()) {
            gantrys.addAll(expanded(port));
        }
        return ports.stream().filter(p -> !gantrys.containsAll(expanded(p))).toList();
    }

    /** A port range as single ports ({@code 8080/tcp}); a value Gantry cannot read stays as written. */
    private static List<String> expanded(String port) {
        try {
            return ProjectImage.ports(port).stream().map(JibPluginSettings::text).toList();
        } catch (GantryException e) {
            return List.of(port.strip());
        }
    }

    private static String text(Port port) {
        return port.getPort() + "/" + port.getProtocol();
    }

    private static List<String> gantryPlatforms(ImageRequest request) {
        return request.platforms().isEmpty() ? List.of("linux/amd64") : request.platforms();
    }

    private static Set<String> platformSet(List<String> platforms) {
        Set<String> set = new LinkedHashSet<>();
        for (String platform : platforms) {
            try {
                Platform parsed = ProjectImage.platform(platform);
                set.add(parsed.getOs() + "/" + parsed.getArchitecture());
            } catch (GantryException e) {
                set.add(platform.strip());
            }
        }
        return set;
    }

    /** The same image whichever way it is written ({@code eclipse-temurin:17-jre}, {@code docker.io/library/…}). */
    private static boolean sameImage(String jibs, String gantrys) {
        Optional<String> jibsParsed = ImageReferences.tryParse(jibs).map(Object::toString);
        return jibsParsed.isPresent() ? jibsParsed.equals(ImageReferences.tryParse(gantrys).map(Object::toString))
                : jibs.strip().equals(gantrys);
    }
}
