package dev.gantry.release;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One branch rule: which branches it covers (a name or a glob where {@code *} matches any run of
 * characters, slashes included) and what they publish. The first rule whose pattern matches the
 * branch decides; the POM's rules are tried before the flow's presets.
 *
 * @param pattern          the branch name or glob, e.g. {@code main}, {@code release/*}
 * @param release          what a build of the branch publishes
 * @param movingTags       mutable image tags moved to every build of the branch; {@code {branch}} is
 *                         replaced by the branch name made tag-safe, {@code {version}} by the version
 * @param environmentTag   a git tag moved to every published commit of the branch, e.g.
 *                         {@code deploy/dev/current}, or, with release {@code none}, to every commit whose version is
 *                         already released ({@link #promotes}); null for none
 * @param images           whether the branch builds an image; null leaves it to the flow
 * @param allowMaintenance whether a stable version lower than the highest released one may be
 *                         released (maintenance branches such as {@code support/1.x})
 */
public record BranchRule(String pattern, ReleaseKind release, List<String> movingTags, String environmentTag,
        Boolean images, boolean allowMaintenance) {

    private static final Pattern DOCKER_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public BranchRule {
        movingTags = List.copyOf(movingTags);
    }

    /**
     * A rule checked for the mistakes a POM author makes, each refused with the offending value.
     */
    public static BranchRule validated(String pattern, ReleaseKind release, List<String> movingTags,
            String environmentTag, Boolean images, boolean allowMaintenance) throws GantryException {
        if (pattern == null || pattern.isBlank()) {
            throw Refusals.invalidRule("<pattern> is missing", null);
        }
        if (release == null) {
            throw Refusals.invalidRule("<release> is missing (stable, snapshot or none)", pattern);
        }
        for (String tag : movingTags) {
            String sample = expand(tag, "feature/sample", "1.0.0");
            if (!DOCKER_TAG.matcher(sample).matches()) {
                throw Refusals.invalidRule("moving tag '" + tag + "' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128)", pattern);
            }
        }
        if (environmentTag != null && !environmentTag.isBlank() && !GitRefNames.isValidTagName(environmentTag.trim())) {
            throw Refusals.invalidRule("environment tag '" + environmentTag + "' is not a valid git tag name", pattern);
        }
        if (release == ReleaseKind.NONE && !movingTags.isEmpty()) {
            throw Refusals.invalidRule("release 'none' publishes nothing, so moving tags " + movingTags + " would never be used", pattern);
        }
        return new BranchRule(pattern.trim(), release, movingTags,
                environmentTag == null || environmentTag.isBlank() ? null : environmentTag.trim(), images, allowMaintenance);
    }

    public static BranchRule of(String pattern, ReleaseKind release, String... movingTags) {
        return new BranchRule(pattern, release, List.of(movingTags), null, null, false);
    }

    public boolean matches(String branch) {
        return Wildcard.matches(pattern, branch);
    }

    /**
     * Whether this is a promotion branch ({@code prod}, merged from {@code main}): it publishes nothing and moves its
     * environment tag to a commit whose version is already released.
     */
    public boolean promotes() {
        return release == ReleaseKind.NONE && environmentTag != null;
    }

    public Optional<String> environmentTagName() {
        return Optional.ofNullable(environmentTag);
    }

    /** The moving tags of this rule for one build. */
    public List<String> movingTagsFor(String branch, String version) {
        return movingTags.stream().map(t -> expand(t, branch, version)).distinct().toList();
    }

    static String expand(String template, String branch, String version) {
        return template.replace("{branch}", slug(branch)).replace("{version}", version);
    }

    /** A branch name as an image tag: lower case, anything outside {@code [a-z0-9_.-]} as '-'. */
    static String slug(String branch) {
        String slug = branch.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[.-]+", "");
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("branch '").append(pattern).append("' → ").append(release.id());
        if (!movingTags.isEmpty()) {
            s.append(", moving image tags ").append(movingTags);
        }
        if (environmentTag != null) {
            s.append(", environment tag ").append(environmentTag);
        }
        if (images != null) {
            s.append(images ? ", images on" : ", images off");
        }
        if (allowMaintenance) {
            s.append(", maintenance releases allowed");
        }
        return s.toString();
    }
}
