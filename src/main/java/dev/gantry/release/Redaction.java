package dev.gantry.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text from elsewhere before it reaches a log, a message or release.json: the user part of a URL
 * ({@code https://x-access-token:<token>@github.com/…}, {@code -DaltDeploymentRepository=id::https://user:pw@host/…}),
 * which git and Resolver repeat in their errors, and a URL's query, where a registry's storage redirect carries its
 * signature and session token (ECR's S3 {@code ?X-Amz-Security-Token=…&X-Amz-Signature=…}, GCS's
 * {@code X-Goog-Signature}, Azure's {@code sig}), which Jib and the JDK name in theirs. A query is dropped whole: no list
 * of parameter names covers every store's, and none of it tells a reader what failed.
 */
public final class Redaction {

    /** A URL's user part, up to its last {@code @} before the path: a password may hold an unencoded {@code @}. */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s\"'<>]*)@");
    /** A URL's query, up to the space, quote or end after it; a colon or comma closing a sentence stays. */
    private static final Pattern QUERY = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s?#\"'<>]*)\\?[^\\s\"'<>]*?(?=[:;,.)\\]]?(?:[\\s\"'<>]|$))");
    static final String HIDDEN_QUERY = "?(query hidden)";

    private Redaction() {
    }

    /** The text with every URL's user part and query removed; null stays null. */
    public static String text(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        String withoutUsers = withoutUserInfo(text);
        return QUERY.matcher(withoutUsers).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN_QUERY));
    }

    /** The text with the user part of every URL in it removed, the rest as it is. */
    public static String withoutUserInfo(String text) {
        return USERINFO.matcher(text).replaceAll("$1");
    }

    /** The user part of the first URL in the text, without its {@code @}; empty when it has none. */
    public static Optional<String> userInfo(String text) {
        Matcher userInfo = USERINFO.matcher(text);
        return userInfo.find() ? Optional.of(userInfo.group(2)) : Optional.empty();
    }

    /**
     * A copy of the failure and its causes whose messages are redacted, with their stack traces: Maven prints the
     * causes with {@code -e} and {@code -X}, and a secret never reaches the output. The failure itself when nothing in
     * its chain needed it.
     */
    public static Throwable chain(Throwable failure) {
        if (failure == null || !needsRedaction(failure)) {
            return failure;
        }
        return new RedactedFailure(failure);
    }

    /**
     * The unexpected failure to rethrow: itself, or, when its chain names a secret, a redacted copy that Maven prints
     * the same way ({@code Execution … failed: <message>}, its causes with {@code -e}).
     */
    public static RuntimeException unchecked(RuntimeException failure) {
        return needsRedaction(failure) ? new RedactedFailure(failure) : failure;
    }

    private static boolean needsRedaction(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String shown = t.toString();
            if (!text(shown).equals(shown)) {
                return true;
            }
        }
        return false;
    }

    /** Prints as the original would, less its secrets: its class and redacted message, its trace, its causes. */
    private static final class RedactedFailure extends RuntimeException {

        private final String shown;

        RedactedFailure(Throwable original) {
            super(text(original.getMessage()), causeOf(original), false, true);
            this.shown = text(original.toString());
            setStackTrace(original.getStackTrace());
        }

        private static Throwable causeOf(Throwable original) {
            Throwable cause = original.getCause();
            return cause == null || cause == original ? null : new RedactedFailure(cause);
        }

        @Override
        public String toString() {
            return shown;
        }
    }
}
