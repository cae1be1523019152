package dev.gantry.maven;

import java.util.stream.Collectors;

/** The few lines of Markdown that GitHub Actions shows on the run's page ({@code $GITHUB_STEP_SUMMARY}). */
final class GitHubSummary {

    private GitHubSummary() {
    }

    static String of(Handoff h) {
        StringBuilder md = new StringBuilder();
        md.append("### Gantry: ").append(h.released() ? "released " + h.version() : "nothing released (" + h.version() + ")")
                .append("\n\n| | |\n|---|---|\n");
        row(md, "version", code(h.version()));
        if (h.imageByDigest() != null) {
            row(md, "image", code(h.imageByDigest()));
            row(md, "image tags", h.imageTags().stream().map(GitHubSummary::code).collect(Collectors.joining(", ")));
        }
        if (h.artifactCount() > 0) {
            row(md, "artifacts", h.artifactCount() + " files");
        }
        if (h.gitTag() != null) {
            row(md, "git tag", code(h.gitTag()));
        }
        if (h.environmentTag() != null) {
            row(md, "environment tag", code(h.environmentTag()));
        }
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String code(String s) {
        return "`" + s + "`";
    }
}
