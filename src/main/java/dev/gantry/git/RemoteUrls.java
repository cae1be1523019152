package dev.gantry.git;

import dev.gantry.release.Redaction;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from remote URLs before they reach a log, a message or an image label: CI systems often
 * clone from {@code https://x-access-token:<token>@github.com/…}, and git repeats that URL in its errors.
 */
public final class RemoteUrls {

    /** {@code scheme://[user@]host[:port]/path}. */
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^/@]*@)?([^/:]+)(?::(\\d*))?(/.*)?");
    /** git's scp-like form {@code [user@]host:path}: a colon before any slash, a host of more than one letter. */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?([^/:]{2,}):(?!//)(.+)");

    private RemoteUrls() {
    }

    /** {@code https://user:token@host/repo.git} → {@code https://host/repo.git}; scp-like {@code git@host:repo} is kept. */
    public static String withoutCredentials(String url) {
        return Redaction.withoutUserInfo(url);
    }

    /** The text with the user information and the query of every URL in it removed: for git's error output. */
    public static String redact(String text) {
        return Redaction.text(text);
    }

    /**
     * The repository's web address, one spelling for every way of cloning it, for the image label
     * {@code org.opencontainers.image.source}: {@code git@github.com:o/r.git}, {@code ssh://git@github.com/o/r.git}
     * and {@code https://user:token@github.com/o/r.git} all give {@code https://github.com/o/r}. A clone spelled
     * otherwise must not give another label, hence another digest, for the same commit. No credentials, no
     * {@code .git}, no trailing slash, the host in lower case; an SSH port is dropped (it is not the web server's),
     * an {@code http(s)} URL keeps its scheme and port (that is where the repository is served).
     *
     * <p>A local remote (a path or a {@code file:} URL) gives none: a path on the build machine is no address a
     * deployment can follow, and it would make the image depend on where that machine keeps its remote.
     */
    public static Optional<String> sourceUrl(String remoteUrl) {
        String url = remoteUrl == null ? "" : remoteUrl.strip();
        Matcher full = URL.matcher(url);
        if (full.matches()) {
            String scheme = full.group(1).toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (!web && !scheme.equals("ssh") && !scheme.equals("git") && !scheme.endsWith("+ssh")) {
                return Optional.empty(); // file:, or a transport that names no web address
            }
            String port = web && full.group(3) != null && !full.group(3).isEmpty() ? ":" + full.group(3) : "";
            return web(web ? scheme : "https", full.group(2) + port, full.group(4));
        }
        Matcher scp = SCP_LIKE.matcher(url);
        if (scp.matches() && !url.startsWith("/") && !url.startsWith(".")) {
            return web("https", scp.group(1), scp.group(2));
        }
        return Optional.empty(); // a local path
    }

    private static Optional<String> web(String scheme, String host, String path) {
        String p = path == null ? "" : path.replaceAll("/+$", "");
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        p = p.replaceAll("/+$", "");
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + p);
    }
}
