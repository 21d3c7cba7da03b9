package catdata.local;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Who is signed in to the local issuer's sign-in page, by session cookie. Kept in memory: a
 * restart signs everyone out, as local mode keeps nothing a person would miss.
 */
final class Sessions {

    static final String COOKIE = "catdata_local_session";
    /** Until logout (or a restart), or 30 days, as long as a browser keeps a front end signed in anyway. */
    static final Duration IDLE = Duration.ofDays(30);

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Session> sessions = Caffeine.newBuilder().expireAfterAccess(IDLE)
            .maximumSize(10_000).build();

    record Session(LocalUser user, Instant signedInAt) {
    }

    /** A new session for {@code user}; its id goes into the cookie. */
    String start(LocalUser user) {
        String id = randomId(random);
        sessions.put(id, new Session(user, Instant.now()));
        return id;
    }

    Optional<Session> find(Optional<String> id) {
        return id.map(sessions::getIfPresent);
    }

    void end(Optional<String> id) {
        id.ifPresent(sessions::invalidate);
    }

    /** The {@code Set-Cookie} value for a session id: never sent to scripts, nor on cross-site posts. */
    static String cookie(String id) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + IDLE.toSeconds();
    }

    static String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
    }

    /** 256 random bits, base64url: what every secret of the issuer (session, code, refresh token) is made of. */
    static String randomId(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
