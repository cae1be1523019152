package dev.gantry.publish;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;

/**
 * Credentials written into a repository's URL ({@code -DaltDeploymentRepository=id::https://ci:token@host/repo}), moved
 * into the repository's authentication: Maven's transfer log prints each upload's URL ("Uploading to id: https://…"),
 * and the token would be printed with it. The repository is reached with the same credentials, as HTTP Basic, and they
 * win over settings.xml's for the same id, as they did when Maven Resolver's transport read them from the URL.
 */
public final class UrlCredentials {

    private UrlCredentials() {
    }

    /** The repository with no user information in its URL; itself when there is none. */
    public static RemoteRepository movedToAuthentication(RemoteRepository repository) {
        // read by hand rather than with java.net.URI, which finds no user information in "https://u:p@ss@host/" (an
        // '@' left unencoded in a token) nor in an opaque "dav:https://u:p@host/": the authority ends at the first '/',
        // the user information at its last '@'
        String url = repository.getUrl();
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return repository;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = url.indexOf('/', authorityStart);
        String authority = url.substring(authorityStart, authorityEnd < 0 ? url.length() : authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return repository;
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        AuthenticationBuilder authentication = new AuthenticationBuilder()
                .addUsername(decoded(colon < 0 ? userInfo : userInfo.substring(0, colon)));
        if (colon >= 0) {
            authentication.addPassword(decoded(userInfo.substring(colon + 1)));
        }
        return new RemoteRepository.Builder(repository)
                .setUrl(url.substring(0, authorityStart) + url.substring(authorityStart + at + 1))
                .setAuthentication(authentication.build())
                .build();
    }

    /** A URL's percent-encoding undone, its '+' kept: a token may hold one. */
    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
