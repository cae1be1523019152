package dev.gantry.release;

/**
 * Where the artifacts go and how.
 *
 * @param repository the repository URL (the release or snapshot repository of {@code distributionManagement},
 *                   or the embedded default's {@code file:} URL)
 * @param mode       immutable for a release, replace-snapshot for a snapshot
 */
public record ArtifactPlan(String repository, Mode mode) {

    public enum Mode {
        IMMUTABLE("immutable"),
        REPLACE_SNAPSHOT("replace-snapshot");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
