package dev.gantry.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon ECR registry host, recognised by its name alone: {@code <account>.dkr.ecr.<region>.amazonaws.com}, its FIPS
 * form {@code dkr.ecr-fips}, China's {@code .amazonaws.com.cn}, and the dual-stack
 * {@code <account>.dkr-ecr[-fips].<region>.on.aws}, each with an optional {@code :port}. Account and region come from
 * the host, so nothing else needs configuring.
 *
 * @param registry  the host as written, with its port if any: what Jib and the registry API connect to
 * @param account   the 12-digit AWS account id
 * @param region    the AWS region, such as {@code us-east-1} or {@code cn-north-1}
 * @param fips      the FIPS endpoint ({@code ecr-fips})
 * @param dualStack the IPv4 and IPv6 endpoint ({@code on.aws})
 */
public record EcrHost(String registry, String account, String region, boolean fips, boolean dualStack) {

    private static final Pattern CLASSIC = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?:\\.cn)?(?::\\d{1,5})?");
    private static final Pattern DUAL_STACK = Pattern.compile(
            "(\\d{12})\\.dkr-ecr(-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.on\\.aws(?::\\d{1,5})?");

    /** The ECR host of a registry host or image reference ({@code host[:port][/name…]}), if it is one. */
    public static Optional<EcrHost> parse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        int slash = reference.indexOf('/');
        String host = (slash < 0 ? reference : reference.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
        for (Pattern pattern : new Pattern[] {CLASSIC, DUAL_STACK}) {
            Matcher m = pattern.matcher(host);
            if (m.matches()) {
                return Optional.of(new EcrHost(host, m.group(1), m.group(3), m.group(2) != null, pattern == DUAL_STACK));
            }
        }
        return Optional.empty();
    }

    public static boolean recognises(String reference) {
        return parse(reference).isPresent();
    }
}
