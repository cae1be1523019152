package dev.gantry.publish;

import dev.gantry.release.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    /**
     * The repository with no user information in its URL; itself when there is none. The user information is what
     * {@link Redaction} takes out of a URL in messages, so that what the log never shows is what is moved: up to the
     * authority's last {@code @} (a token may hold one unencoded), after any prefix ({@code dav:https://…}).
     */
    public static RemoteRepository movedToAuthentication(RemoteRepository repository) {
        String url = repository.getUrl();
        Optional<String> userInfo = Redaction.userInfo(url);
        if (userInfo.isEmpty()) {
            return repository;
        }
        int colon = userInfo.get().indexOf(':');
        AuthenticationBuilder authentication = new AuthenticationBuilder()
                .addUsername(decoded(colon < 0 ? userInfo.get() : userInfo.get().substring(0, colon)));
        if (colon >= 0) {
            authentication.addPassword(decoded(userInfo.get().substring(colon + 1)));
        }
        return new RemoteRepository.Builder(repository)
                .setUrl(Redaction.withoutUserInfo(url))
                .setAuthentication(authentication.build())
                .build();
    }

    /** A URL's percent-encoding undone, its '+' kept: a token may hold one. */
    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
