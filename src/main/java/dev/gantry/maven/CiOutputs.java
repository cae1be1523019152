package dev.gantry.maven;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands a finished run over to the pipeline's next job: {@code target/gantry/release.env} always (a dotenv file that
 * GitLab's {@code artifacts:reports:dotenv} and a CodeBuild buildspec read), and on GitHub Actions the step's outputs
 * ({@code $GITHUB_OUTPUT}) and a table in the job summary ({@code $GITHUB_STEP_SUMMARY}). Written once, when the run
 * succeeded, so that a deployment never starts from a failed release. Nothing here is secret: names, versions, digests.
 */
final class CiOutputs {

    static final String RELEASE_ENV = "release.env";

    private final Path gantryDirectory;
    private final Map<String, String> env;
    private final GantryLog log;

    CiOutputs(Path gantryDirectory, Map<String, String> env, GantryLog log) {
        this.gantryDirectory = gantryDirectory;
        this.env = env;
        this.log = log;
    }

    void write(Handoff handoff) throws GantryException {
        StringBuilder dotenv = new StringBuilder();
        for (Handoff.Value v : handoff.values()) {
            // GitLab's dotenv takes one KEY=value a line, no quotes, no blank lines, no comments
            dotenv.append(v.envName()).append('=').append(v.value()).append('\n');
        }
        Path file = gantryDirectory.resolve(RELEASE_ENV);
        try {
            WholeFile.write(file, dotenv);
        } catch (IOException e) {
            throw new GantryException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the build directory is writable.", e);
        }
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            append("GITHUB_OUTPUT", outputs(handoff.values()));
            append("GITHUB_STEP_SUMMARY", GitHubSummary.of(handoff));
            log.info("Gantry outputs for the next steps: released=" + handoff.released()
                    + (handoff.imageByDigest() == null ? "" : ", image=" + handoff.imageByDigest())
                    + (handoff.environmentTag() == null ? "" : ", environment-tag=" + handoff.environmentTag()));
        }
    }

    /**
     * GitHub's {@code name=value} lines; a value with a line break would end the value early, so it takes the
     * {@code name<<delimiter} form with a delimiter that cannot occur in it.
     */
    static String outputs(List<Handoff.Value> values) {
        StringBuilder text = new StringBuilder();
        for (Handoff.Value v : values) {
            if (v.value().contains("\n") || v.value().contains("\r")) {
                String delimiter = "ghadelimiter_" + UUID.randomUUID();
                text.append(v.name()).append("<<").append(delimiter).append('\n').append(v.value()).append('\n')
                        .append(delimiter).append('\n');
            } else {
                text.append(v.name()).append('=').append(v.value()).append('\n');
            }
        }
        return text.toString();
    }

    /** Appends: other steps of the job write to the same files, and GitHub reads them once the step ends. */
    private void append(String variable, String text) throws GantryException {
        String path = env.get(variable);
        if (path == null || path.isBlank()) {
            log.warn("GITHUB_ACTIONS is true but " + variable + " is not set: the release's outputs are in "
                    + gantryDirectory.resolve(RELEASE_ENV) + " and release.json only.");
            return;
        }
        Path file = Path.of(path);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new GantryException("The release is complete, but writing its outputs to " + variable + " (" + file
                    + ") failed: " + e.getMessage() + ". The next steps of the job would miss them: check that the "
                    + "step can write that file (it is the runner's), then re-run the job: the release is found in place.",
                    e);
        }
    }
}
