package dev.gantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One repository of the {@link EcrStandIn}, as ECR keeps it: tag mutability with its exclusion filters, scanning on
 * push, encryption, the lifecycle policy text, and when each image was pushed. Tests read it back to see what was set.
 * Validation follows ECR's API reference (the messages are ECR's where AWS documents them).
 */
public final class EcrRepository {

    /** {@code imageTagMutabilityExclusionFilters}: at most 5, of type WILDCARD, characters {@code [0-9a-zA-Z._*-]}. */
    public static final int MAX_EXCLUSION_FILTERS = 5;
    private static final Pattern FILTER = Pattern.compile("[0-9a-zA-Z._*-]{1,128}");
    private static final Set<String> MUTABILITIES = Set.of("MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION",
            "MUTABLE_WITH_EXCLUSION");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Instant createdAt;
    volatile String mutability = "MUTABLE";
    volatile List<String> exclusionFilters = List.of();
    volatile boolean scanOnPush;
    volatile String encryptionType = "AES256";
    volatile String kmsKey;
    volatile String lifecyclePolicyText;
    final Map<String, Instant> pushedAt = new ConcurrentHashMap<>();

    EcrRepository(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    /** {@code MUTABLE}, {@code IMMUTABLE}, {@code IMMUTABLE_WITH_EXCLUSION} or {@code MUTABLE_WITH_EXCLUSION}. */
    public String mutability() {
        return mutability;
    }

    /** The WILDCARD exclusion filters, in the order given. */
    public List<String> exclusionFilters() {
        return exclusionFilters;
    }

    public boolean scanOnPush() {
        return scanOnPush;
    }

    public String encryptionType() {
        return encryptionType;
    }

    public String kmsKey() {
        return kmsKey;
    }

    /** The lifecycle policy as put, or null. */
    public String lifecyclePolicyText() {
        return lifecyclePolicyText;
    }

    /** Whether an existing tag may be overwritten, as ECR decides on a manifest PUT. */
    public boolean isImmutable(String tag) {
        boolean excluded = exclusionFilters.stream().anyMatch(f -> matches(f, tag));
        return switch (mutability) {
            case "IMMUTABLE" -> true;
            case "IMMUTABLE_WITH_EXCLUSION" -> !excluded;
            case "MUTABLE_WITH_EXCLUSION" -> excluded;
            default -> false;
        };
    }

    /** A WILDCARD filter: {@code *} stands for any run of characters, the rest is literal; it matches the whole tag. */
    static boolean matches(String filter, String tag) {
        return Pattern.matches(Arrays.stream(filter.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), tag);
    }

    /** Changes tag mutability as an administrator would, outside the build under test. */
    public void setMutabilityForTest(String value, String... filters) {
        String problem = setMutability(value, List.of(filters));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Sets tag mutability as {@code PutImageTagMutability} and {@code CreateRepository} do.
     *
     * @return null when valid, else the {@code InvalidParameterException} message
     */
    String setMutability(String value, List<String> filters) {
        String problem = mutabilityProblem(value, filters);
        if (problem == null) {
            mutability = value == null ? "MUTABLE" : value;
            exclusionFilters = List.copyOf(filters);
        }
        return problem;
    }

    static String mutabilityProblem(String value, List<String> filters) {
        if (value != null && !MUTABILITIES.contains(value)) {
            return "Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value "
                    + "set: [IMMUTABLE_WITH_EXCLUSION, MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION]'";
        }
        boolean withExclusion = value != null && value.endsWith("_WITH_EXCLUSION");
        if (withExclusion && filters.isEmpty()) {
            return "Image tag mutability exclusion filters must be provided when image tag mutability is " + value + ".";
        }
        if (!withExclusion && !filters.isEmpty()) {
            return "Image tag mutability exclusion filters can only be provided when image tag mutability is "
                    + "IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION.";
        }
        if (filters.size() > MAX_EXCLUSION_FILTERS) {
            return "Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'Member must "
                    + "have length less than or equal to " + MAX_EXCLUSION_FILTERS + "'";
        }
        for (String filter : filters) {
            if (!FILTER.matcher(filter).matches()) {
                return "Invalid parameter at 'filter' failed to satisfy constraint: 'Member must satisfy regular "
                        + "expression pattern: ^[0-9a-zA-Z._*-]{1,128}'";
            }
        }
        return null;
    }

    /**
     * Checks a lifecycle policy as {@code PutLifecyclePolicy} does: rules with unique positive {@code rulePriority},
     * {@code selection.tagStatus} {@code tagged|untagged|any} ({@code tagged} needs {@code tagPrefixList} or
     * {@code tagPatternList}, not both), {@code countType} {@code imageCountMoreThan|sinceImagePushed} (the latter with
     * {@code countUnit} {@code days}), a positive {@code countNumber}, and {@code action.type} {@code expire}.
     *
     * @return null when valid, else the {@code InvalidParameterException} message
     */
    static String lifecyclePolicyProblem(String text) {
        JsonNode policy;
        try {
            policy = JSON.readTree(text);
        } catch (IOException e) {
            return "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation "
                    + "failure: the policy is not valid JSON'";
        }
        JsonNode rules = policy.path("rules");
        if (!rules.isArray() || rules.isEmpty()) {
            return fail("object has missing required properties ([\"rules\"])");
        }
        Set<Integer> priorities = new HashSet<>();
        for (JsonNode rule : rules) {
            int priority = rule.path("rulePriority").asInt(0);
            if (priority < 1 || !priorities.add(priority)) {
                return fail("rulePriority must be a unique integer of 1 or more, found " + rule.path("rulePriority"));
            }
            JsonNode selection = rule.path("selection");
            String tagStatus = selection.path("tagStatus").asText("");
            if (!Set.of("tagged", "untagged", "any").contains(tagStatus)) {
                return fail("tagStatus must be tagged, untagged or any, found '" + tagStatus + "'");
            }
            boolean prefixes = selection.has("tagPrefixList");
            boolean patterns = selection.has("tagPatternList");
            if (tagStatus.equals("tagged") && prefixes == patterns) {
                return fail("a tagged selection needs exactly one of tagPrefixList and tagPatternList");
            }
            String countType = selection.path("countType").asText("");
            if (countType.equals("sinceImagePushed")) {
                if (!selection.path("countUnit").asText("").equals("days")) {
                    return fail("countUnit must be days with sinceImagePushed");
                }
            } else if (!countType.equals("imageCountMoreThan")) {
                return fail("countType must be imageCountMoreThan or sinceImagePushed, found '" + countType + "'");
            }
            if (selection.path("countNumber").asInt(0) < 1) {
                return fail("countNumber must be a positive integer");
            }
            if (!rule.path("action").path("type").asText("").equals("expire")) {
                return fail("action.type must be expire");
            }
        }
        return null;
    }

    private static String fail(String why) {
        return "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation "
                + "failure: " + why + "'";
    }
}
