package dev.gantry.release;

/**
 * The setting that names a repository Gantry talks to, so that a registry failure's advice says what to check there:
 * the repository the image is pushed to, or the one its base image is read from.
 */
public enum RepositorySetting {
    IMAGE_REPOSITORY("the image repository (<imageRepository>, or -Dgantry.image.repository where no POM sets it)",
            "push elsewhere with <imageRepository> in the gantry-maven-plugin configuration (or "
                    + "-Dgantry.image.repository=<registry>/<name> where no POM sets it: a POM's parameter wins)"),
    BASE_IMAGE("the base image (<from>, or -Dgantry.image.from where no POM sets it)",
            "build on another base image with <from> in the gantry-maven-plugin configuration (or "
                    + "-Dgantry.image.from=<image> where no POM sets it: a POM's parameter wins)");

    private final String described;
    private final String elsewhere;

    RepositorySetting(String described, String elsewhere) {
        this.described = described;
        this.elsewhere = elsewhere;
    }

    /** "the image repository (&lt;imageRepository&gt;, or -Dgantry.image.repository where no POM sets it)". */
    String described() {
        return described;
    }

    /** What to do instead of using this repository, as the end of a sentence. */
    String elsewhere() {
        return elsewhere;
    }
}
