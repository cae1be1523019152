package dev.gantry.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wildcard filters that exempt the moving tags from an image repository's tag immutability (ECR's
 * {@code IMMUTABLE_WITH_EXCLUSION}): every tag a plan pushes as mutable matches one, and no release version or commit
 * tag ({@code 1.4.0}, {@code sha-…}) does, so no one can ever overwrite those. A repository serves every branch, so
 * the filters cover the moving tags of every branch rule of the flow, not only the branch being built.
 *
 * <p>ECR allows at most {@value #MAX_FILTERS} filters of the characters {@code [0-9a-zA-Z._*-]}, up to 128 long.
 * More tags than that are merged by common prefix and suffix ({@code dev-latest}, {@code develop} → {@code dev*})
 * where the merged filter still matches no immutable tag; when that is not enough, the derivation fails rather than
 * settle for a weaker policy.
 */
public final class MutableTagFilters {

    public static final int MAX_FILTERS = 5;
    private static final int MAX_LENGTH = 128;
    /** A merged filter keeps this much of the tags: {@code *t} would free every tag that ends in t. */
    private static final int MIN_MERGED_LITERAL = 3;

    private final List<String> filters;

    private MutableTagFilters(List<String> filters) {
        this.filters = List.copyOf(filters);
    }

    /** The filters for every rule that can push an image: the POM's rules and the flow's presets. */
    public static MutableTagFilters of(List<BranchRule> rules) throws GantryException {
        // each filter with what it was derived from, for the message when they are too many
        Map<String, String> origins = new LinkedHashMap<>();
        for (BranchRule rule : rules) {
            if (rule.release() == ReleaseKind.NONE || Boolean.FALSE.equals(rule.images())) {
                continue;
            }
            boolean snapshot = rule.release() == ReleaseKind.SNAPSHOT;
            if (snapshot) {
                origins.putIfAbsent("*" + Version.SNAPSHOT_SUFFIX, "the snapshot version of branch '" + rule.pattern() + "'");
            }
            for (String template : rule.movingTags()) {
                if (!snapshot && template.equals("{version}")) {
                    continue; // the release version itself: pushed immutable, never moved
                }
                String filter = filterFor(template, snapshot);
                if (Wildcard.couldMatchImmutableTag(filter)) {
                    throw Refusals.movingTagMatchesReleases(template, rule.pattern(), filter);
                }
                origins.putIfAbsent(filter, "moving tag '" + template + "' of branch '" + rule.pattern() + "'");
            }
        }
        List<String> filters = merged(withoutCovered(new ArrayList<>(origins.keySet())));
        if (filters.size() > MAX_FILTERS) {
            throw Refusals.tooManyMovingTags(List.copyOf(origins.values()), filters);
        }
        return new MutableTagFilters(filters);
    }

    /**
     * The filter for one moving tag template: placeholders become wildcards that match at least what they can produce.
     * The rest is an image tag already ({@link BranchRule#validated}), of characters ECR filters allow.
     */
    static String filterFor(String template, boolean snapshot) {
        String filter = template.replace("{branch}", "*")
                .replace("{version}", snapshot ? "*" + Version.SNAPSHOT_SUFFIX : "*.*.*")
                .replaceAll("\\*+", "*");
        return filter.length() > MAX_LENGTH ? filter.substring(0, MAX_LENGTH - 1) + "*" : filter;
    }

    /** Drops each plain filter that another filter already matches ({@code dev-latest} beside {@code dev-*}). */
    private static List<String> withoutCovered(List<String> filters) {
        Set<String> kept = new LinkedHashSet<>(filters);
        for (String f : filters) {
            if (!f.contains("*") && kept.stream().anyMatch(other -> !other.equals(f) && Wildcard.matches(other, f))) {
                kept.remove(f);
            }
        }
        return new ArrayList<>(kept);
    }

    /**
     * Merges, while there are too many, the two filters whose common prefix and suffix are longest, as long as
     * the merged filter matches no immutable tag and keeps at least {@value #MIN_MERGED_LITERAL} characters.
     */
    private static List<String> merged(List<String> filters) {
        while (filters.size() > MAX_FILTERS) {
            String best = null;
            int first = -1;
            int second = -1;
            for (int i = 0; i < filters.size(); i++) {
                for (int j = i + 1; j < filters.size(); j++) {
                    String candidate = merge(filters.get(i), filters.get(j));
                    if (literalLength(candidate) >= MIN_MERGED_LITERAL && !Wildcard.couldMatchImmutableTag(candidate)
                            && (best == null || literalLength(candidate) > literalLength(best))) {
                        best = candidate;
                        first = i;
                        second = j;
                    }
                }
            }
            if (best == null) {
                return filters;
            }
            filters.remove(second);
            filters.set(first, best);
            filters = withoutCovered(new ArrayList<>(new LinkedHashSet<>(filters)));
        }
        return filters;
    }

    /** The common prefix, a star, and the common suffix: a filter that matches whatever either of the two matches. */
    static String merge(String a, String b) {
        int prefix = 0;
        while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int room = Math.min(a.length(), b.length()) - prefix;
        int suffix = 0;
        while (suffix < room && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return (a.substring(0, prefix) + "*" + a.substring(a.length() - suffix)).replaceAll("\\*+", "*");
    }

    private static int literalLength(String filter) {
        return filter.replace("*", "").length();
    }

    /** The filters, at most {@value #MAX_FILTERS}; empty when no rule has a mutable tag. */
    public List<String> filters() {
        return filters;
    }

    /** {@code IMMUTABLE_WITH_EXCLUSION} with filters, {@code IMMUTABLE} when no tag needs to move. */
    public String mutability() {
        return filters.isEmpty() ? "IMMUTABLE" : "IMMUTABLE_WITH_EXCLUSION";
    }

    @Override
    public String toString() {
        return filters.isEmpty() ? "IMMUTABLE" : "IMMUTABLE_WITH_EXCLUSION " + String.join(", ", filters);
    }
}
