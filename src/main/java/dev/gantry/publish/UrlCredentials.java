package dev.gantry.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;

/**
 * Credentials written into a repository's URL ({@code -DaltDeploymentRepository=id::https://ci:token@host/repo}), moved
 * into the repository's authentication: Maven's transfer log prints each upload's URL ("Uploading to id: https://…"),
 * and the token would be printed with it. The repository is reached with the same credentials, as HTTP Basic, unless
 * settings.xml already gives its id some, which then win as they would for maven-deploy-plugin's transport.
 */
public final class UrlCredentials {

    private UrlCredentials() {
    }

    /** The repository with no user information in its URL; itself when there is none. */
    public static RemoteRepository movedToAuthentication(RemoteRepository repository) {
        URI url;
        try {
            url = new URI(repository.getUrl());
        } catch (URISyntaxException notAUri) {
            return repository; // Resolver refuses it with its own words, which Gantry redacts
        }
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return repository;
        }
        String withoutUserInfo = repository.getUrl().replaceFirst("://[^/]*@", "://");
        RemoteRepository.Builder moved = new RemoteRepository.Builder(repository).setUrl(withoutUserInfo);
        if (repository.getAuthentication() == null) {
            int colon = userInfo.indexOf(':');
            AuthenticationBuilder authentication = new AuthenticationBuilder()
                    .addUsername(decoded(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                authentication.addPassword(decoded(userInfo.substring(colon + 1)));
            }
            moved.setAuthentication(authentication.build());
        }
        return moved.build();
    }

    /** A URL's percent-encoding undone, its '+' kept: a token may hold one. */
    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
