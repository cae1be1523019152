package dev.gantry.git;

import java.util.regex.Pattern;

/**
 * Removes credentials from remote URLs before they reach a log, a message or an image label: CI systems often
 * clone from {@code https://x-access-token:<token>@github.com/…}, and git repeats that URL in its errors.
 */
public final class RemoteUrls {

    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

    private RemoteUrls() {
    }

    /** {@code https://user:token@host/repo.git} → {@code https://host/repo.git}; scp-like {@code git@host:repo} is kept. */
    public static String withoutCredentials(String url) {
        return USERINFO.matcher(url).replaceAll("$1");
    }

    /** The text with the user information of every URL in it removed: for git's error output. */
    public static String redact(String text) {
        return withoutCredentials(text);
    }
}
