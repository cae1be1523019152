package dev.gantry.aws;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.gantry.image.CredentialSource;
import dev.gantry.image.FoundCredential;
import dev.gantry.image.RegistryCredential;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry credential of an ECR host: a token from {@code GetAuthorizationToken}, through the AWS SDK's default
 * credential chain. Fetched when a registry of that host is first looked up or pushed to, and again only when it is about
 * to expire (it lives 12 hours). Neither the token nor the password is ever logged.
 */
final class EcrCredentials implements CredentialSource {

    /** How a found credential names its source; {@link EcrRegistry} looks up through the SDK when it sees it. */
    static final String SOURCE = "ECR GetAuthorizationToken (AWS SDK default credential chain)";
    /** A token that expires sooner than this is fetched again rather than used for a push that may outlast it. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(15);

    private final Ecr ecr;
    private final Clock clock;
    private final GantryLog log;
    private final Map<String, EcrApi.Token> tokens = new HashMap<>();

    EcrCredentials(Ecr ecr, Clock clock, GantryLog log) {
        this.ecr = ecr;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public synchronized Optional<FoundCredential> find(ImageReference reference) throws GantryException {
        Optional<EcrApi> api = ecr.api(reference.getRegistry());
        if (api.isEmpty()) {
            return Optional.empty();
        }
        EcrApi.Token token = tokens.get(reference.getRegistry());
        if (token == null || token.expiresAt() == null
                || token.expiresAt().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            token = api.get().authorizationToken(reference.getRepository());
            tokens.put(reference.getRegistry(), token);
            log.debug("Got a registry token for " + reference.getRegistry() + " from ECR, valid until " + token.expiresAt()
                    + ".");
        }
        return Optional.of(new FoundCredential(new RegistryCredential(token.username(), token.password()), SOURCE));
    }
}
