package dev.gantry.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
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
 * configured with to build the same image. Only what is set is here (null or empty where nothing is: Jib's defaults are
 * not compared, and docs/migrating-from-jib.md names where they differ from Gantry's).
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
 * @param workingDirectory {@code <container><workingDirectory>}
 * @param appRoot          {@code <container><appRoot>}
 * @param extraDirectories {@code <extraDirectories><paths>}: each directory that exists, and where it goes in the image
 * @param unmatched        the settings Gantry has no equivalent of, as written ({@code <container><entrypoint>}), with
 *                         what they hold
 */
public record JibPluginSettings(String from, List<String> platforms, String mainClass, List<String> jvmFlags,
        List<String> args, Map<String, String> environment, List<String> ports, Map<String, String> labels, String user,
        String workingDirectory, String appRoot, List<ExtraDirectory> extraDirectories, Map<String, String> unmatched) {

    /** Without a working directory, Jib's default (the base image's). */
    public JibPluginSettings(String from, List<String> platforms, String mainClass, List<String> jvmFlags,
            List<String> args, Map<String, String> environment, List<String> ports, Map<String, String> labels, String user,
            String appRoot, List<ExtraDirectory> extraDirectories, Map<String, String> unmatched) {
        this(from, platforms, mainClass, jvmFlags, args, environment, ports, labels, user, null, appRoot, extraDirectories,
                unmatched);
    }

    /**
     * An extra directory of Jib's: its files go {@code into} this path of the image ({@code /} by default).
     *
     * @param path    the directory, absolute
     * @param written the directory as the POM or property writes it, for messages
     */
    public record ExtraDirectory(Path path, String written, String into) {
    }

    /**
     * The OCI labels Gantry sets itself from the build (version, commit, source, time, base): a value of Jib's for one
     * was written by hand for what Gantry now records, and is no difference.
     */
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
            differences.add(Refusals.jibSettingDiffers("<from><image>", "jib.from.image", from, request.from(),
                    "<from>" + from + "</from> (-Dgantry.image.from)" + (ImageReferences.tryParse(request.from())
                            .flatMap(ImageReference::getDigest).isPresent() ? ", pinned as " + from + "@sha256:… if you pin it"
                            : "")));
        }
        if (!platforms.isEmpty() && !platformSet(platforms).equals(platformSet(gantryPlatforms(request)))) {
            differences.add(Refusals.jibSettingDiffers("<from><platforms>", "jib.from.platforms",
                    String.join(", ", platforms), String.join(", ", gantryPlatforms(request)),
                    elements("platforms", "platform", platforms)));
        }
        if (this.mainClass != null && mainClass != null && !this.mainClass.equals(mainClass.name())) {
            differences.add(Refusals.jibSettingDiffers("<container><mainClass>", "jib.container.mainClass", this.mainClass,
                    mainClass.name() + " (" + mainClass.source() + ")", "<mainClass>" + this.mainClass + "</mainClass>"));
        }
        if (!jvmFlags.isEmpty() && !jvmFlags.equals(request.jvmFlags())) {
            differences.add(listDiffers("jvmFlags", "jvmFlag", jvmFlags, request.jvmFlags()));
        }
        if (!args.isEmpty() && !args.equals(request.arguments())) {
            differences.add(listDiffers("args", "arg", args, request.arguments()));
        }
        Map<String, String> environmentMissing = missing(environment, request.environment(), Set.of());
        if (!environmentMissing.isEmpty()) {
            differences.add(Refusals.jibSettingMissing("<container><environment>", "jib.container.environment",
                    entries(environmentMissing), elements(environmentMissing), "<environment>"));
        }
        List<String> portsMissing = portsMissing(request);
        if (!portsMissing.isEmpty()) {
            differences.add(Refusals.jibSettingMissing("<container><ports>", "jib.container.ports",
                    String.join(", ", portsMissing), elements(null, "port", portsMissing), "<ports>"));
        }
        Map<String, String> labelsMissing = missing(labels, request.labels(), GANTRY_LABELS);
        if (!labelsMissing.isEmpty()) {
            differences.add(Refusals.jibSettingMissing("<container><labels>", "jib.container.labels",
                    entries(labelsMissing), elements(labelsMissing), "<labels>"));
        }
        if (user != null && !user.equals(request.user())) {
            differences.add(Refusals.jibSettingDiffers("<container><user>", "jib.container.user", user,
                    request.user() == null || request.user().isBlank() ? "none (the base image's user)" : request.user(),
                    "<user>" + user + "</user>"));
        }
        if (workingDirectory != null && !workingDirectory.equals(request.workingDirectory())) {
            differences.add(Refusals.jibSettingDiffers("<container><workingDirectory>", "jib.container.workingDirectory",
                    workingDirectory, request.workingDirectory() == null || request.workingDirectory().isBlank()
                            ? "none (the base image's)" : request.workingDirectory(),
                    "<workingDirectory>" + workingDirectory + "</workingDirectory>"));
        }
        if (appRoot != null && !appRoot.equals(request.appRoot())) {
            differences.add(Refusals.jibSettingDiffers("<container><appRoot>", "jib.container.appRoot", appRoot,
                    request.appRoot(), "<appRoot>" + appRoot + "</appRoot>"));
        }
        extraDirectoryDifference(request).ifPresent(differences::add);
        unmatched.forEach((setting, value) -> differences.add(Refusals.jibSettingWithoutEquivalent(setting, value)));
        return differences;
    }

    /** Whether a setting Gantry has no equivalent of is set: then moving settings over cannot be all. */
    boolean hasUnmatched() {
        return !unmatched.isEmpty() || !extraDirectoriesCarried();
    }

    /** Jib's extra directories as Gantry can copy them: none, or one, copied to {@code /}. */
    private boolean extraDirectoriesCarried() {
        return extraDirectories.isEmpty() || extraDirectories.size() == 1 && "/".equals(extraDirectories.get(0).into());
    }

    private Optional<String> extraDirectoryDifference(ImageRequest request) {
        if (extraDirectories.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", extraDirectories.stream()
                .map(d -> d.written() + ("/".equals(d.into()) ? "" : " into " + d.into())).toList());
        if (!extraDirectoriesCarried()) {
            return Optional.of(Refusals.jibSettingWithoutEquivalent("<extraDirectories><paths> (jib.extraDirectories.paths)",
                    named + " (Gantry copies one directory, to /)"));
        }
        Path gantrys = request.extraDirectory();
        String written = extraDirectories.get(0).written();
        if (gantrys != null && extraDirectories.get(0).path().normalize().equals(gantrys.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of(Refusals.jibSettingDiffers("<extraDirectories><paths>", "jib.extraDirectories.paths", named,
                gantrys == null ? "none" : gantrys.toString(), "<extraDirectory>" + (Path.of(written).isAbsolute()
                        ? written : "${project.basedir}/" + written) + "</extraDirectory>"));
    }

    private static String listDiffers(String parameter, String item, List<String> jibs, List<String> gantrys) {
        return Refusals.jibSettingDiffers("<container><" + parameter + ">", "jib.container." + parameter,
                elements(null, item, jibs), gantrys.isEmpty() ? "none" : elements(null, item, gantrys),
                elements(parameter, item, jibs));
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
