package dev.gantry.aws;

import dev.gantry.release.GantryException;
import java.util.Map;
import java.util.Objects;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;

/**
 * Resolver's credentials for a CodeArtifact repository: user {@code aws} and the domain's authorization token as
 * password. The token is fetched only when Resolver's transport asks for the password, that is when something is
 * actually sent to or read from the repository; {@link #digest} (Resolver's cache key) never fetches it. Resolver's
 * {@code fill} cannot throw a checked exception, so a token that cannot be had travels as
 * {@link CodeArtifactTokenUnavailable}, whose message is the refusal's and reaches the deploy failure.
 */
final class CodeArtifactAuthentication implements Authentication {

    static final String USER = "aws";

    private final CodeArtifactApi api;
    private final CodeArtifactTokens tokens;

    CodeArtifactAuthentication(CodeArtifactApi api, CodeArtifactTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Override
    public void fill(AuthenticationContext context, String key, Map<String, String> data) {
        if (AuthenticationContext.USERNAME.equals(key)) {
            context.put(AuthenticationContext.USERNAME, USER);
        } else if (AuthenticationContext.PASSWORD.equals(key)) {
            try {
                // a char[] as Resolver's own secrets are: the context wipes it when it is closed
                context.put(AuthenticationContext.PASSWORD, tokens.token(api).value().toCharArray());
            } catch (GantryException e) {
                throw new CodeArtifactTokenUnavailable(e);
            }
        }
    }

    /** Identifies the credentials by their domain, not by a token value: no call to AWS. */
    @Override
    public void digest(AuthenticationDigest digest) {
        CodeArtifactUrl where = api.where();
        digest.update(AuthenticationContext.USERNAME, USER, "codeartifact", where.domain(), where.owner(), where.region());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CodeArtifactAuthentication that)) {
            return false;
        }
        CodeArtifactUrl a = api.where();
        CodeArtifactUrl b = that.api.where();
        return a.domain().equals(b.domain()) && a.owner().equals(b.owner()) && a.region().equals(b.region());
    }

    @Override
    public int hashCode() {
        CodeArtifactUrl where = api.where();
        return Objects.hash(where.domain(), where.owner(), where.region());
    }

    @Override
    public String toString() {
        CodeArtifactUrl where = api.where();
        return "username=" + USER + ", password=<CodeArtifact token of domain " + where.domain() + ", owner "
                + where.owner() + ">";
    }
}
