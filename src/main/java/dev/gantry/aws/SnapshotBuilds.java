package dev.gantry.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which builds of a snapshot version to delete after a publish. As CodeArtifact's user guide describes it ("Use Maven
 * snapshots"), each publish of {@code 1.0-SNAPSHOT} creates a package version named after its timestamped files,
 * {@code 1.0-20210728.194552-1} (a <em>build</em>); once its {@code maven-metadata.xml} is uploaded, {@code 1.0-SNAPSHOT}
 * is the {@code Published} version holding that build's files, and the build itself, like every earlier one, is
 * {@code Unlisted}. So the Unlisted builds include the one just published (the newest), and the earlier ones pile up
 * until deleted. Keeping {@code keep} builds keeps the newest {@code keep} Unlisted builds, the one just published
 * included; the rest go. The build this publish sent is never deleted, even when it is not among the newest: another
 * pipeline that started later may have published a build with a later timestamp meanwhile (the timestamp is each
 * build's start), while this build's {@code maven-metadata.xml}, uploaded last, makes its files {@code 1.0-SNAPSHOT}.
 * {@code 1.0-SNAPSHOT} itself is never touched.
 */
final class SnapshotBuilds {

    static final String UNLISTED = "Unlisted";
    private static final String SUFFIX = "-SNAPSHOT";

    /** A package version as {@code ListPackageVersions} lists it. */
    record Listed(String version, String status) {
    }

    /** One build: its timestamp ({@code yyyyMMdd.HHmmss}, UTC) and build number, which orders builds of one version. */
    private record Build(String version, String timestamp, long number) {
    }

    private SnapshotBuilds() {
    }

    /**
     * The versions to delete, oldest first.
     *
     * @param snapshotVersion the version just published, such as {@code 1.0-SNAPSHOT}; any other version has no builds
     * @param listed          the package's versions as listed, of any status and snapshot line
     * @param keep            how many builds stay, the one just published included; 0 or less: no clean-up
     * @param published       the versions this publish sent (its build, {@code 1.0-20210728.194552-4}): never deleted
     */
    static List<String> toDelete(String snapshotVersion, List<Listed> listed, int keep, Set<String> published) {
        if (keep <= 0 || snapshotVersion == null || !snapshotVersion.endsWith(SUFFIX)) {
            return List.of();
        }
        String base = snapshotVersion.substring(0, snapshotVersion.length() - SUFFIX.length());
        Pattern build = Pattern.compile(Pattern.quote(base) + "-(\\d{8}\\.\\d{6})-(\\d+)");
        List<Build> builds = new ArrayList<>();
        for (Listed version : listed) {
            Matcher m = build.matcher(version.version());
            if (UNLISTED.equals(version.status()) && m.matches()) {
                builds.add(new Build(version.version(), m.group(1), Long.parseLong(m.group(2))));
            }
        }
        // newest first by the deploying client's timestamp (UTC, so it sorts as text); the build number breaks ties
        builds.sort(Comparator.comparing(Build::timestamp).thenComparingLong(Build::number).reversed());
        List<String> delete = new ArrayList<>();
        for (int i = builds.size() - 1; i >= keep; i--) {
            if (!published.contains(builds.get(i).version())) {
                delete.add(builds.get(i).version());
            }
        }
        return delete;
    }
}
