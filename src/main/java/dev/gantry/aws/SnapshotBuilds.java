package dev.gantry.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which earlier builds of a snapshot version to delete after a publish. CodeArtifact keeps the newest publish of
 * {@code 1.0-SNAPSHOT} as the version {@code 1.0-SNAPSHOT} itself (status {@code Published}) and every earlier one as a
 * version named after its timestamped files, {@code 1.0-20210728.194552-1}, with status {@code Unlisted} ("Use Maven
 * snapshots" in CodeArtifact's user guide). Keeping {@code keep} builds counts the one just published: the newest
 * {@code keep - 1} Unlisted builds stay, the rest go.
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
     */
    static List<String> toDelete(String snapshotVersion, List<Listed> listed, int keep) {
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
        for (int i = builds.size() - 1; i >= keep - 1; i--) {
            delete.add(builds.get(i).version());
        }
        return delete;
    }
}
