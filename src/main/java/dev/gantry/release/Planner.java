package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision: from the branch, the version and the release history, what this build publishes —
 * or a refusal that says what is wrong and how to fix it. Pure: everything it knows comes in through
 * {@link ReleaseContext} and {@link PlanSettings}.
 */
public final class Planner {

    private final PlanSettings settings;

    public Planner(PlanSettings settings) {
        this.settings = settings;
    }

    public Plan plan(ReleaseContext context) throws GantryException {
        BranchRule rule = ruleFor(context.branch());
        if (context.pullRequest() != null) {
            return nothing(context, rule, "A pull request build (" + context.pullRequest() + " is set) builds a merge commit that "
                    + "is on no branch: it is verified only. '" + context.branch() + "' publishes once the pull request is merged.");
        }
        Version version = Version.of(context.version());
        return switch (rule.release()) {
            case NONE -> verifyOnly(context, rule);
            case SNAPSHOT -> snapshot(context, rule, version);
            case STABLE -> stable(context, rule, version);
        };
    }

    /** The first of the POM's rules, then the flow's, whose pattern matches; a verify-only rule when none does. */
    public BranchRule ruleFor(String branch) {
        return settings.effectiveRules().stream()
                .filter(r -> r.matches(branch))
                .findFirst()
                .orElse(new BranchRule("*", ReleaseKind.NONE, List.of(), null, false, false));
    }

    private Plan verifyOnly(ReleaseContext context, BranchRule rule) throws GantryException {
        if (rule.promotes()) {
            return promotion(context, rule, Version.of(context.version()));
        }
        String reason = "Branch '" + context.branch() + "' publishes nothing (" + rule + "): the build is verified only.";
        return nothing(context, rule, reason);
    }

    /**
     * A promotion branch's build: the version is one released elsewhere ({@code main}), which this branch's merge brings
     * in; nothing is built for it or published, and the environment tag moves to this commit, last, as on any branch.
     */
    private Plan promotion(ReleaseContext context, BranchRule rule, Version version) throws GantryException {
        if (!version.isStable()) {
            throw Refusals.promotionNeedsReleasedVersion(context.branch(), version, rule, null);
        }
        String tag = settings.tagPrefix() + version;
        String taggedCommit = GitRefNames.isValidTagName(tag)
                ? context.history().releaseTags(settings.tagPrefix()).get(tag) : null;
        if (taggedCommit == null && !context.history().remoteTagsRead()) {
            // a preview without the remote's tags (warned of already): the tag may well be there
            return nothing(context, rule, "Branch '" + context.branch() + "' promotes released versions (" + rule + "): "
                    + "whether " + version + " is released (tag " + tag + ") is not known without the remote's tags, "
                    + "which this preview could not read; a deploy asks the remote.");
        }
        if (taggedCommit == null) {
            throw Refusals.promotionNeedsReleasedVersion(context.branch(), version, rule, tag);
        }
        String environmentTag = rule.environmentTagName().orElseThrow();
        String reason = "Branch '" + context.branch() + "' promotes released versions (" + rule + "): " + version
                + " is released (tag " + tag + " on " + ReleaseContext.shorten(taggedCommit) + "): a deploy moves "
                + environmentTag + " to this commit, and nothing is built for it or published.";
        return new Plan(context.branch(), context.commit(), context.version(), context.previousVersion(), ReleaseKind.NONE,
                reason, rule.toString(), null, null, null, settings.runs("tag") ? environmentTag : null, reason, null);
    }

    private Plan snapshot(ReleaseContext context, BranchRule rule, Version version) throws GantryException {
        if (!version.isSnapshot()) {
            throw Refusals.snapshotBranchNeedsSnapshot(context.branch(), version, rule, context.versionSetting().get());
        }
        String reason = "Branch '" + context.branch() + "' publishes every commit as a snapshot: " + version
                + " replaces any earlier " + version + ".";
        return new Plan(context.branch(), context.commit(), context.version(), context.previousVersion(), ReleaseKind.SNAPSHOT,
                reason, rule.toString(), image(context, rule, false, true),
                artifacts(settings.snapshotRepository(), ArtifactPlan.Mode.REPLACE_SNAPSHOT), null,
                settings.runs("tag") ? rule.environmentTagName().orElse(null) : null, noImage(context, rule), null);
    }

    private Plan stable(ReleaseContext context, BranchRule rule, Version version) throws GantryException {
        if (!version.isStable()) {
            throw Refusals.stableBranchNeedsRelease(context.branch(), version, rule, context.versionSetting().get());
        }
        String tag = settings.tagPrefix() + version;
        if (!GitRefNames.isValidTagName(tag)) {
            // refused here, in validate: git would refuse it only at the tag goal, once the image and artifacts are out
            throw Refusals.invalidReleaseTag(tag, settings.tagPrefix());
        }
        Map<String, String> releaseTags = context.history().releaseTags(settings.tagPrefix());
        String taggedCommit = releaseTags.get(tag);
        Optional<Version> highest = highestReleased(releaseTags.keySet());
        boolean superseded = highest.isPresent() && version.compareTo(highest.get()) < 0;
        String reason;
        if (taggedCommit != null && !taggedCommit.equals(context.commit())) {
            if (context.previousVersion() != null && !context.previousVersion().equals(context.version())) {
                // the bump suggested must pass the next plan: above the highest release, unless the branch maintains
                Version above = superseded && !rule.allowMaintenance() ? highest.get() : version;
                throw Refusals.alreadyReleasedElsewhere(version, tag, taggedCommit, context.commit(), above,
                        context.versionSetting().get());
            }
            if (context.previousVersion() == null) {
                // a shallow clone lacks the parent: a commit that sets a released version again cannot be told apart
                return nothing(context, rule, version + " is already released (tag " + tag + " on "
                        + ReleaseContext.shorten(taggedCommit) + "), and the version at this commit's parent is unknown "
                        + "(not in this clone, as in a shallow checkout, or without the POM), so this commit is taken for "
                        + "one that does not change it: nothing to publish. Bump the version to release; fetch the history "
                        + "(fetch-depth: 0) for Gantry to refuse a commit that sets a released version again.");
            }
            return nothing(context, rule, version + " is already released (tag " + tag + " on " + ReleaseContext.shorten(taggedCommit)
                    + ") and this commit does not change the version: nothing to publish. Bump the version to release.");
        }
        boolean moving = true;
        if (taggedCommit != null) {
            reason = version + " is already tagged " + tag + " on this commit: completing the release, keeping whatever is already in place.";
            if (superseded) {
                // re-running an old release must not take latest or the environment tag back to it
                moving = false;
                reason += " " + highest.get() + " is released since, so the moving tags and the environment tag stay where they are.";
            }
        } else {
            if (superseded && !rule.allowMaintenance()) {
                throw Refusals.versionGoesBackwards(version, highest.get(), settings.tagPrefix() + highest.get(), context.branch(),
                        context.versionSetting().get());
            }
            String previous = context.previousVersion() == null ? ""
                    : context.previousVersion().equals(context.version())
                    // set by an earlier commit that was not released (its release failed, or never ran)
                    ? "; the parent commit has it too, not released"
                    : "; previous version " + context.previousVersion();
            reason = version + " is a new version on '" + context.branch() + "' (no tag " + tag + " yet" + previous
                    + "): releasing it.";
            if (superseded) {
                // the image's moving tags keep a higher release's image themselves (MovingTags): a rule of the older
                // line may have tags of its own (support-latest) that move with it
                reason += " " + highest.get() + " is released already: a moving tag that holds a higher release's image "
                        + "stays there.";
            }
        }
        if (taggedCommit == null) {
            // a re-run of a release tagged on this commit completes it, wherever the branch went since
            Optional<RemoteBranchTip> tip = context.history().remoteBranchLacks(context.branch(), context.commit());
            if (tip.isPresent()) {
                throw Refusals.commitNotOnRemoteBranch(tip.get(), context.commit());
            }
        }
        if (!settings.allowDirty()) {
            List<String> dirty = context.history().uncommittedChanges();
            if (!dirty.isEmpty()) {
                throw Refusals.uncommittedChanges(dirty);
            }
        }
        return new Plan(context.branch(), context.commit(), context.version(), context.previousVersion(), ReleaseKind.STABLE,
                reason, rule.toString(), image(context, rule, true, moving),
                artifacts(settings.releaseRepository(), ArtifactPlan.Mode.IMMUTABLE), settings.runs("tag") ? tag : null,
                settings.runs("tag") && moving ? rule.environmentTagName().orElse(null) : null, noImage(context, rule),
                taggedCommit != null ? tag : null);
    }

    private Optional<Version> highestReleased(Iterable<String> tags) {
        Version highest = null;
        for (String tag : tags) {
            Version v = Version.of(tag.substring(settings.tagPrefix().length()));
            if (v.isStable() && (highest == null || v.compareTo(highest) > 0)) {
                highest = v;
            }
        }
        return Optional.ofNullable(highest);
    }

    private ArtifactPlan artifacts(String repository, ArtifactPlan.Mode mode) {
        return settings.runs("publish") ? new ArtifactPlan(repository, mode) : null;
    }

    private ImagePlan image(ReleaseContext context, BranchRule rule, boolean stable, boolean moving) throws GantryException {
        if (noImage(context, rule) != null) {
            return null;
        }
        boolean configured = settings.imageRepository() != null;
        List<ImageTag> tags = new ArrayList<>();
        if (stable) {
            tags.add(new ImageTag(context.version(), false));
        }
        tags.add(new ImageTag("sha-" + context.commit().substring(0, 12), false));
        if (!stable) {
            tags.add(new ImageTag(context.version(), true));
        }
        for (String tag : moving ? rule.movingTagsFor(context.branch(), context.version()) : List.<String>of()) {
            if (!ImageTag.isValidName(tag)) {
                // refused here, in validate: the registry would refuse it only once the immutable tags are pushed
                throw Refusals.invalidMovingTag(tag, context.branch(), rule);
            }
            if (tags.stream().noneMatch(t -> t.name().equals(tag))) {
                tags.add(new ImageTag(tag, true));
            }
        }
        return configured
                ? new ImagePlan(settings.imageRepository(), false, tags)
                : new ImagePlan(settings.embeddedImageName(), true, tags);
    }

    /**
     * Why a release of this branch has no image, in the words of the setting that decides it; null when it has one.
     * The rule's own {@code images} first, then the flow's default.
     */
    private String noImage(ReleaseContext context, BranchRule rule) {
        if (!settings.runs("image")) {
            return "no module builds it in this build: an image is built from a module packaged jar (or quarkus), and "
                    + "none is, or each one skips it (gantry.skip, gantry.image.skip or <skipImage>).";
        }
        if (Boolean.FALSE.equals(rule.images())) {
            return "images are off for branch '" + context.branch() + "' (" + rule + "); set <images>true</images> in its "
                    + "<branches><branch> entry to build one.";
        }
        if (rule.images() == null && !settings.flow().imagesByDefault() && settings.imageRepository() == null) {
            return "the " + settings.flow().id() + " flow builds an image only when an image repository is configured; set "
                    + "<imageRepository> or pass -Dgantry.image.repository=<registry>/<name> to build one.";
        }
        return null;
    }

    /**
     * A plan that publishes nothing: its reason is also why there is no image, unless no module would build one anyway
     * ({@code -Dgantry.image.skip=true}), which is then the reason the image goal gives.
     */
    private Plan nothing(ReleaseContext context, BranchRule rule, String reason) {
        String noImage = settings.runs("image") ? reason : noImage(context, rule);
        return new Plan(context.branch(), context.commit(), context.version(), context.previousVersion(), ReleaseKind.NONE,
                reason, rule.toString(), null, null, null, null, noImage, null);
    }
}
