package catdata.local;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a person agreed to by signing in at {@code /authorize}, carried by an authorization code
 * into the token answer and by a refresh token into the next ones: who, for which client and API,
 * with which scopes, and the {@code nonce} the client's ID token must repeat.
 */
record Grant(LocalUser user, String clientId, String audience, List<String> scopes, String nonce, Instant authTime) {

    static List<String> scopes(String scope) {
        return Arrays.stream(scope.split(" ")).filter(part -> !part.isBlank()).distinct().toList();
    }

    boolean openId() {
        return scopes.contains("openid");
    }

    /** Auth0 issues a refresh token only when {@code offline_access} is asked for. */
    boolean offline() {
        return scopes.contains("offline_access");
    }

    String scope() {
        return String.join(" ", scopes);
    }
}
