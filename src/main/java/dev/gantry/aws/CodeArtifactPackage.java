package dev.gantry.aws;

/**
 * A Maven package as CodeArtifact names it: namespace = {@code groupId}, package = {@code artifactId}, and a version.
 *
 * @param version the version, or null when a call is about the package as a whole
 */
public record CodeArtifactPackage(String groupId, String artifactId, String version) {

    /** The same package without a version. */
    CodeArtifactPackage withoutVersion() {
        return new CodeArtifactPackage(groupId, artifactId, null);
    }

    /** As messages name it: {@code com.acme:orders:1.4.0}, or {@code com.acme:orders} without a version. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + (version == null ? "" : ":" + version);
    }
}
