package dev.gantry.aws;

import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The authorization tokens of the CodeArtifact domains a build publishes to: one {@code GetAuthorizationToken} per domain
 * and owner for the whole build (a reactor's modules and its release and snapshot repositories share it), fetched again
 * only when about to expire. Neither the token nor any part of it is ever logged.
 */
final class CodeArtifactTokens {

    /** A token that expires sooner than this is fetched again rather than used for an upload that may outlast it. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(15);

    private final Clock clock;
    private final GantryLog log;
    private final Map<String, CodeArtifactApi.Token> tokens = new HashMap<>();

    CodeArtifactTokens(Clock clock, GantryLog log) {
        this.clock = clock;
        this.log = log;
    }

    /** The token of the API's domain, fetched now if there is none yet or it is about to expire. */
    synchronized CodeArtifactApi.Token token(CodeArtifactApi api) throws GantryException {
        CodeArtifactUrl where = api.where();
        String key = where.domain() + "-" + where.owner() + "@" + where.region();
        CodeArtifactApi.Token token = tokens.get(key);
        if (token == null || token.expiresAt() == null || token.expiresAt().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            token = api.authorizationToken();
            tokens.put(key, token);
            // where the credentials came from helps with a refused upload; the token itself is never shown
            log.info("Got a CodeArtifact token for domain " + where.domain() + " (owner " + where.owner() + ", region "
                    + where.region() + ") from GetAuthorizationToken (AWS SDK default credential chain), valid until "
                    + token.expiresAt() + ".");
        }
        return token;
    }
}
