package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.gantry.release.GantryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        environment = ordered(environment);
        ports = List.copyOf(ports);
        labels = ordered(labels);
        extraDirectories = List.copyOf(extraDirectories);
        unmatched = ordered(unmatched);
    }

    /** In the POM's order, for messages that follow it. */
    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
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
            differences.add("<from><image> is " + from + "; Gantry builds on " + request.from() + ": set Gantry's <from>"
                    + from + "</from>");
        }
        if (!platforms.isEmpty() && !platformSet(platforms).equals(platformSet(gantryPlatforms(request)))) {
            differences.add("<from><platforms> are " + String.join(", ", platforms) + "; Gantry's are "
                    + String.join(", ", gantryPlatforms(request)) + ": set Gantry's " + elements("platforms", "platform",
                            platforms));
        }
        if (this.mainClass != null && mainClass != null && !this.mainClass.equals(mainClass.name())) {
            differences.add("<container><mainClass> is " + this.mainClass + "; Gantry starts " + mainClass.name() + " ("
                    + mainClass.source() + "): set Gantry's <mainClass>" + this.mainClass + "</mainClass>");
        }
        if (!jvmFlags.isEmpty() && !jvmFlags.equals(request.jvmFlags())) {
            differences.add(listDiffers("jvmFlags", "jvmFlag", jvmFlags, request.jvmFlags()));
        }
        if (!args.isEmpty() && !args.equals(request.arguments())) {
            differences.add(listDiffers("args", "arg", args, request.arguments()));
        }
        Map<String, String> environmentMissing = missing(environment, request.environment(), Set.of());
        if (!environmentMissing.isEmpty()) {
            differences.add("<container><environment> sets " + entries(environmentMissing) + ", which Gantry's image "
                    + "does not: add " + elements(environmentMissing) + " to Gantry's <environment>");
        }
        List<String> portsMissing = portsMissing(request);
        if (!portsMissing.isEmpty()) {
            differences.add("<container><ports> expose " + String.join(", ", portsMissing) + ", which Gantry's image does "
                    + "not: add " + elements(null, "port", portsMissing) + " to Gantry's <ports>");
        }
        Map<String, String> labelsMissing = missing(labels, request.labels(), GANTRY_LABELS);
        if (!labelsMissing.isEmpty()) {
            differences.add("<container><labels> set " + entries(labelsMissing) + ", which Gantry's image does not: add "
                    + elements(labelsMissing) + " to Gantry's <labels>");
        }
        if (user != null && !user.equals(request.user())) {
            differences.add("<container><user> is " + user + "; Gantry's image runs as "
                    + (request.user() == null || request.user().isBlank() ? "the base image's user" : request.user())
                    + ": set Gantry's <user>" + user + "</user>");
        }
        if (appRoot != null && !appRoot.equals(request.appRoot())) {
            differences.add("<container><appRoot> is " + appRoot + "; Gantry's is " + request.appRoot()
                    + ": set Gantry's <appRoot>" + appRoot + "</appRoot>");
        }
        extraDirectoryDifference(request).ifPresent(differences::add);
        unmatched.forEach((setting, value) -> differences.add(setting + " is " + value + ": Gantry has no such setting"));
        return differences;
    }

    /** Whether any difference is a setting Gantry has no equivalent of: then moving settings over cannot be all. */
    boolean hasUnmatched() {
        return !unmatched.isEmpty();
    }

    private static String listDiffers(String parameter, String item, List<String> jibs, List<String> gantrys) {
        return "<container><" + parameter + "> are " + elements(null, item, jibs) + "; Gantry's are "
                + (gantrys.isEmpty() ? "none" : elements(null, item, gantrys)) + ": set Gantry's "
                + elements(parameter, item, jibs);
    }

    /** A list as the POM writes it, each item an element: one item holding a comma cannot pass for two. */
    private static String elements(String parameter, String item, List<String> values) {
        StringBuilder xml = new StringBuilder(parameter == null ? "" : "<" + parameter + ">");
        values.forEach(v -> xml.append('<').append(item).append('>').append(v).append("</").append(item).append('>'));
        return xml.append(parameter == null ? "" : "</" + parameter + ">").toString();
    }

    private static String elements(Map<String, String> entries) {
        StringBuilder xml = new StringBuilder();
        entries.forEach((k, v) -> xml.append('<').append(k).append('>').append(v).append("</").append(k).append('>'));
        return xml.toString();
    }

    private static String entries(Map<String, String> entries) {
        return String.join(", ", entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
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

    private static Map<String, String> missing(Map<String, String> jibs, Map<String, String> gantrys,
            Set<String> ignored) {
        Map<String, String> missing = new LinkedHashMap<>();
        jibs.forEach((key, value) -> {
            if (!ignored.contains(key) && !Objects.equals(value, gantrys.get(key))) {
                missing.put(key, value);
            }
        });
        return missing;
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

    /**
     * The same image whichever way it is written ({@code eclipse-temurin:17-jre}, {@code docker.io/library/…}): the
     * same repository, and Jib's digest if it names one (Gantry's may add the tag), else Jib's tag (Gantry's may pin it
     * to a digest, as images.md advises).
     */
    private static boolean sameImage(String jibs, String gantrys) {
        Optional<ImageReference> jib = ImageReferences.tryParse(jibs);
        Optional<ImageReference> gantry = ImageReferences.tryParse(gantrys);
        if (jib.isEmpty() || gantry.isEmpty()) {
            return jibs.strip().equals(gantrys);
        }
        ImageReference j = jib.get();
        ImageReference g = gantry.get();
        if (j.isScratch() || g.isScratch()) {
            return j.isScratch() && g.isScratch();
        }
        if (!j.getRegistry().equals(g.getRegistry()) || !j.getRepository().equals(g.getRepository())) {
            return false;
        }
        if (j.getDigest().isPresent()) {
            return j.getDigest().equals(g.getDigest());
        }
        return j.getTag().orElse("latest").equals(g.getTag().orElse(g.getDigest().isPresent() ? "" : "latest"));
    }
}
