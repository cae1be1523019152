package dev.gantry.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clean-up an image repository gets (ECR's lifecycle policy): images older than {@code expireAfterDays} expire,
 * except those carrying a protected tag and, with {@code keepReleases}, those of released versions.
 *
 * <p>ECR's only action is {@code expire}, and an image selected by a rule cannot be expired by a rule of lower
 * priority (a higher {@code rulePriority} number). So "keep" is a rule of higher priority that selects the images
 * and expires only beyond a count no repository reaches. One rule per protected tag, because the patterns of one
 * rule's {@code tagPatternList} must all match (AND). Snapshot versions ({@code 1.5.0-SNAPSHOT}) also match the
 * release pattern {@code *.*.*}, so they get their own age rule before it. The rule for {@code any} comes last, as
 * ECR requires.
 */
public final class LifecyclePolicy {

    public static final int DEFAULT_EXPIRE_AFTER_DAYS = 60;
    public static final List<String> DEFAULT_PROTECTED_TAGS = List.of("latest", "dev-latest");

    /** Above ECR's limit of images per repository: a count rule with it keeps every image it selects. */
    static final int KEEP_ALL = 100_000;
    static final String RELEASE_PATTERN = "*.*.*";
    static final String SNAPSHOT_PATTERN = "*" + Version.SNAPSHOT_SUFFIX;
    private static final Pattern TAG_PATTERN = Pattern.compile("[0-9A-Za-z_.*-]{1,128}");
    private static final int MAX_WILDCARDS = 4;

    private final int expireAfterDays;
    private final List<String> protectedTags;
    private final boolean keepReleases;

    private LifecyclePolicy(int expireAfterDays, List<String> protectedTags, boolean keepReleases) {
        this.expireAfterDays = expireAfterDays;
        this.protectedTags = List.copyOf(protectedTags);
        this.keepReleases = keepReleases;
    }

    /** A policy checked for the values ECR would refuse, each refused here with the value. */
    public static LifecyclePolicy of(int expireAfterDays, List<String> protectedTags, boolean keepReleases)
            throws GantryException {
        if (expireAfterDays < 1) {
            throw Refusals.invalidLifecycleSetting("expireAfterDays is " + expireAfterDays + ", expected 1 or more days");
        }
        List<String> tags = new ArrayList<>();
        for (String tag : protectedTags) {
            String t = tag.trim();
            if (t.isEmpty() || tags.contains(t)) {
                continue;
            }
            if (!TAG_PATTERN.matcher(t).matches() || t.chars().filter(c -> c == '*').count() > MAX_WILDCARDS) {
                throw Refusals.invalidLifecycleSetting("protected tag '" + t + "' is not an image tag or an ECR tag pattern "
                        + "(letters, digits, '_', '.', '-', at most " + MAX_WILDCARDS + " '*'; at most 128)");
            }
            tags.add(t);
        }
        return new LifecyclePolicy(expireAfterDays, tags, keepReleases);
    }

    /** The rules in priority order, as ECR's lifecycle policy JSON (compact, keys in ECR's documented order). */
    public String toJson() {
        List<String> rules = new ArrayList<>();
        for (String tag : protectedTags) {
            rules.add(keep(rules.size() + 1, "Keep images tagged " + tag, tag));
        }
        if (keepReleases) {
            rules.add(rule(rules.size() + 1, "Expire snapshot versions after " + expireAfterDays + " days",
                    "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"" + SNAPSHOT_PATTERN + "\"]," + sinceDays()));
            rules.add(keep(rules.size() + 1, "Keep released versions", RELEASE_PATTERN));
        }
        rules.add(rule(rules.size() + 1, "Expire images after " + expireAfterDays + " days",
                "\"tagStatus\":\"any\"," + sinceDays()));
        return "{\"rules\":[" + String.join(",", rules) + "]}";
    }

    private static String keep(int priority, String description, String pattern) {
        return rule(priority, description, "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"" + pattern + "\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":" + KEEP_ALL);
    }

    private String sinceDays() {
        return "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":" + expireAfterDays;
    }

    private static String rule(int priority, String description, String selection) {
        // tags and patterns are checked to [0-9A-Za-z_.*-]: nothing in them needs escaping
        return "{\"rulePriority\":" + priority + ",\"description\":\"" + description + "\",\"selection\":{" + selection
                + "},\"action\":{\"type\":\"expire\"}}";
    }

    @Override
    public String toString() {
        return "expire images after " + expireAfterDays + " days"
                + (protectedTags.isEmpty() ? "" : ", except those tagged " + String.join(", ", protectedTags))
                + (keepReleases ? (protectedTags.isEmpty() ? ", except" : " or") + " released versions (" + RELEASE_PATTERN
                        + "); snapshot versions (" + SNAPSHOT_PATTERN + ") expire too" : "");
    }
}
