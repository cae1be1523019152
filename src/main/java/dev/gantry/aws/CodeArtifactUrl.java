package dev.gantry.aws;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS CodeArtifact Maven repository, recognised by its URL alone:
 * {@code https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com[:port]/maven/<repository>[/]} (China's
 * {@code .amazonaws.com.cn} too), its dual-stack twin
 * {@code https://<domain>-<owner>.codeartifact.<region>.on.aws[:port]/maven/<repository>[/]}, or a VPC endpoint's.
 * Domain, owner, region and repository come from the URL, so nothing else needs configuring. A domain may hold hyphens,
 * so the owner is the last {@code -}-separated part: exactly 12 digits.
 *
 * @param url        the URL as written
 * @param domain     the domain, such as {@code acme} ({@code [a-z][a-z0-9-]{0,48}[a-z0-9]})
 * @param owner      the 12-digit AWS account that owns the domain
 * @param region     the AWS region, such as {@code us-east-1}
 * @param repository the repository in the domain, such as {@code releases}
 * @param dualStack  whether the URL is the dual-stack endpoint, which a runner without IPv4 can reach (the API's
 *                   default one it cannot); set by {@link #parse} from the form that matched
 */
public record CodeArtifactUrl(String url, String domain, String owner, String region, String repository,
        boolean dualStack) {

    private static final String DOMAIN = "([a-z][a-z0-9-]{0,48}[a-z0-9])-(\\d{12})";
    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d+)";
    private static final String REPOSITORY = "([A-Za-z0-9][A-Za-z0-9._-]{1,99})/?";
    private static final Pattern URL = Pattern.compile("https://" + DOMAIN + "\\.d\\.codeartifact\\." + REGION
            + "\\.amazonaws\\.com(?:\\.cn)?(?::\\d{1,5})?/maven/" + REPOSITORY);
    /**
     * What {@code GetRepositoryEndpoint} returns for {@code endpointType=dualstack} (IPv4 and IPv6): the same first
     * label, no {@code d} label, AWS's {@code on.aws} zone. AWS's API reference documents the parameter, not the host
     * (docs.aws.amazon.com/codeartifact/latest/APIReference/API_GetRepositoryEndpoint.html), and its VPC guide ("Use
     * CodeArtifact from a VPC") shows only the IPv4 names. The form is what users of other CodeArtifact clients report
     * from live domains: github.com/clarityai-eng/codeartifact-gradle-plugin/pull/822 (merged; it prints both forms
     * from {@code get-repository-endpoint} for a domain in eu-central-1) and
     * github.com/jmkeyes/keyrings.codeartifact/pull/36 (open, not merged: its author reports the same form). No test
     * here can catch a wrong form, since the stand-in answers with this one: {@code AwsSmoke} asks real AWS. No China
     * form: none is documented, and the SDK's endpoint metadata (2.40.2) has no CodeArtifact in {@code aws-cn}.
     */
    private static final Pattern DUAL_STACK_URL = Pattern.compile("https://" + DOMAIN + "\\.codeartifact\\." + REGION
            + "\\.on\\.aws(?::\\d{1,5})?/maven/" + REPOSITORY);
    /**
     * Through a VPC endpoint of {@code com.amazonaws.<region>.codeartifact.repositories} without private DNS, as AWS
     * documents it ("Use CodeArtifact from a VPC"): the endpoint's own host, the domain and owner in the path.
     */
    private static final Pattern VPC_URL = Pattern.compile("https://vpce-[a-z0-9]+(?:-[a-z0-9]+)+\\.d\\.codeartifact\\."
            + REGION + "\\.vpce\\.amazonaws\\.com(?:\\.cn)?(?::\\d{1,5})?/maven/d/" + DOMAIN + "/" + REPOSITORY);

    /** The CodeArtifact repository of a Maven repository URL, if it is one. */
    public static Optional<CodeArtifactUrl> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String lowered = lowerCaseHost(url.trim());
        for (Pattern byHost : List.of(URL, DUAL_STACK_URL)) {
            Matcher m = byHost.matcher(lowered);
            if (m.matches()) {
                return Optional.of(new CodeArtifactUrl(url, m.group(1), m.group(2), m.group(3), m.group(4),
                        byHost == DUAL_STACK_URL));
            }
        }
        Matcher vpc = VPC_URL.matcher(lowered);
        if (vpc.matches()) {
            return Optional.of(new CodeArtifactUrl(url, vpc.group(2), vpc.group(3), vpc.group(1), vpc.group(4), false));
        }
        return Optional.empty();
    }

    public static boolean recognises(String url) {
        return parse(url).isPresent();
    }

    /**
     * Whether a URL names a CodeArtifact host (a {@code codeartifact} label inside its host name) in a form {@link #parse}
     * does not accept: {@code http://}, another path than {@code /maven/<repository>/}, a mistyped owner, a mix of the
     * IPv4 and dual-stack forms. Such a URL gets the generic Maven repository, with no token: said before the build
     * ({@code dev.gantry.maven.ArtifactRepositories}), and again if the repository answers 401.
     */
    public static boolean namesCodeArtifactHostUnrecognised(String url) {
        if (url == null || recognises(url)) {
            return false;
        }
        String lowered = lowerCaseHost(url.trim());
        int authorityStart = lowered.indexOf("://");
        if (authorityStart < 0) {
            return false;
        }
        int authorityEnd = lowered.indexOf('/', authorityStart + 3);
        String authority = lowered.substring(authorityStart + 3, authorityEnd < 0 ? lowered.length() : authorityEnd);
        // user:password@ and :port are no part of the host
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        return ("." + host + ".").contains(".codeartifact.");
    }

    /** Host names are case-insensitive, repository names are not: only the scheme and host are lowered. */
    private static String lowerCaseHost(String url) {
        int hostStart = url.indexOf("://");
        if (hostStart < 0) {
            return url;
        }
        int pathStart = url.indexOf('/', hostStart + 3);
        int end = pathStart < 0 ? url.length() : pathStart;
        return url.substring(0, end).toLowerCase(Locale.ROOT) + url.substring(end);
    }

    /** How messages name it: {@code repository releases in domain acme (owner 123456789012, region us-east-1)}. */
    public String describe() {
        return "repository " + repository + " in domain " + domain + " (owner " + owner + ", region " + region + ")";
    }
}
