package catdata.local;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Refresh tokens with rotation, as Auth0 does it: each works once and is replaced by a new one of
 * the same family; one used a second time means it was copied, so its whole family (every token
 * descended from the same sign-in) is revoked and the client must sign in again.
 */
final class RefreshTokens {

    /** A family unused this long is forgotten, as Auth0's inactivity lifetime does. */
    static final Duration IDLE = Duration.ofDays(15);

    private final SecureRandom random = new SecureRandom();
    /** Live tokens: the one each family may use next. */
    private final Cache<String, Live> live = Caffeine.newBuilder().expireAfterWrite(IDLE).maximumSize(10_000).build();
    /** Used tokens, by family: seen again, they revoke it. */
    private final Cache<String, String> used = Caffeine.newBuilder().expireAfterWrite(IDLE).maximumSize(100_000).build();
    private final Cache<String, Boolean> revoked = Caffeine.newBuilder().expireAfterWrite(IDLE).maximumSize(10_000)
            .build();

    private record Live(String family, Grant grant) {
    }

    /** The first token of a new family. */
    String issue(Grant grant) {
        return issueIn(Sessions.randomId(random), grant);
    }

    /**
     * The grant behind {@code token} and the token to use next, if {@code token} is its family's
     * live one for this client. A token already used revokes its family; any other is unknown.
     */
    Optional<Rotated> rotate(String token, String clientId) {
        Live current = live.asMap().remove(token);
        if (current == null) {
            String family = used.getIfPresent(token);
            if (family != null) {
                revoke(family);
            }
            return Optional.empty();
        }
        used.put(token, current.family());
        if (revoked.getIfPresent(current.family()) != null || !current.grant().clientId().equals(clientId)) {
            revoke(current.family());
            return Optional.empty();
        }
        return Optional.of(new Rotated(current.grant(), issueIn(current.family(), current.grant())));
    }

    record Rotated(Grant grant, String next) {
    }

    private String issueIn(String family, Grant grant) {
        String token = Sessions.randomId(random);
        live.put(token, new Live(family, grant));
        return token;
    }

    private void revoke(String family) {
        revoked.put(family, Boolean.TRUE);
        live.asMap().values().removeIf(entry -> entry.family().equals(family));
    }
}
