package dev.gantry.maven;

import java.util.stream.Collectors;

/** The few lines of Markdown that GitHub Actions shows on the run's page ({@code $GITHUB_STEP_SUMMARY}). */
final class GitHubSummary {

    private GitHubSummary() {
    }

    static String of(Handoff h) {
        StringBuilder md = new StringBuilder();
        // an environment tag moved by a run that released nothing: a promotion branch's
        String heading = h.released() ? "released " + h.version()
                : h.superseded() ? "not released: a newer commit's build finished first (" + h.version() + ")"
                : h.environmentTag() != null ? "promoted " + h.version() : "nothing released (" + h.version() + ")";
        md.append("### Gantry: ").append(heading).append("\n\n| | |\n|---|---|\n");
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
        if (h.environmentTagKept() != null) {
            row(md, "environment tag", code(h.environmentTagKept()) + " left where a later build put it, not moved here");
        }
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /**
     * A code span in a table cell. The names come from the project's configuration and {@code -D} (a {@code ${revision}},
     * a tag prefix): a {@code |} would end the cell even inside the span, so GitHub's tables take it escaped; a backtick
     * would end the span, so one holding it is opened and closed with two.
     */
    static String code(String s) {
        String fence = s.contains("`") ? "``" : "`";
        String pad = s.contains("`") ? " " : "";
        return fence + pad + s.replace("|", "\\|") + pad + fence;
    }
}
