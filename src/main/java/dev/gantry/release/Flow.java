package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The preset branch rules. A POM's own rules are tried first; these are the defaults behind them.
 */
public enum Flow {

    /** Microservices: {@code main} releases, {@code develop} publishes snapshots, images by default. */
    GITFLOW(true, List.of(
            BranchRule.of("main", ReleaseKind.STABLE, "latest"),
            BranchRule.of("master", ReleaseKind.STABLE, "latest"),
            BranchRule.of("develop", ReleaseKind.SNAPSHOT, "develop", "dev-latest"))),

    /** Shared libraries: {@code main} releases, feature and bugfix branches publish snapshots, no image unless configured. */
    TRUNK(false, List.of(
            BranchRule.of("main", ReleaseKind.STABLE, "latest"),
            BranchRule.of("master", ReleaseKind.STABLE, "latest"),
            BranchRule.of("feature/*", ReleaseKind.SNAPSHOT),
            BranchRule.of("bugfix/*", ReleaseKind.SNAPSHOT)));

    private final boolean imagesByDefault;
    private final List<BranchRule> rules;

    Flow(boolean imagesByDefault, List<BranchRule> rules) {
        this.imagesByDefault = imagesByDefault;
        this.rules = rules;
    }

    public List<BranchRule> rules() {
        return rules;
    }

    /** A POM's own rules followed by this flow's presets: the order in which they are tried. */
    public List<BranchRule> behind(List<BranchRule> own) {
        List<BranchRule> all = new ArrayList<>(own);
        all.addAll(rules);
        return List.copyOf(all);
    }

    /** Whether a branch of this flow builds an image when neither its rule nor the POM says. */
    public boolean imagesByDefault() {
        return imagesByDefault;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Flow parse(String text) throws GantryException {
        for (Flow flow : values()) {
            if (flow.id().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return flow;
            }
        }
        throw Refusals.unknownFlow(text);
    }
}
