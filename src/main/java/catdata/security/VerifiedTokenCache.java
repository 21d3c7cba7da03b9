package catdata.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import org.springframework.security.oauth2.jwt.Jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Tokens whose signature, header and claims were verified, so that a client sending the same token
 * on every request pays for the RSA check and the JSON parsing once. Keyed by the SHA-256 of the
 * exact token text, which {@link TokenPrecheck#checkShape} has made the token's one spelling; kept
 * until the earlier of the token's {@code exp} and {@link #MAX_AGE}; at most {@link #MAX_ENTRIES}.
 *
 * <p>What a hit may skip is what depends on the token's bytes alone: shape, header ({@code alg},
 * {@code kid}), signature, issuer, audience, subject, type. What depends on the time is not skipped:
 * {@link StrictJwtDecoder} runs the time checks again on every hit, so an entry the cache has not yet
 * dropped still cannot serve an expired token.
 *
 * <p>The trade-off, accepted for the saving: a verified token is not looked up in the key set again
 * while cached, so a key removed from the issuer's JWKS keeps admitting the tokens it already signed
 * (and that were already seen) for at most {@link #MAX_AGE}, the same delay a JWKS cache gives new
 * tokens. Tokens never seen before are checked against the current key set as always.
 */
final class VerifiedTokenCache {

    static final int MAX_ENTRIES = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Cache<TokenDigest, Jwt> verified;
    private final Clock clock;

    /** @param clock the wall clock that {@code exp} is compared with, the time checks' own */
    VerifiedTokenCache(Clock clock) {
        this(MAX_ENTRIES, clock, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /**
     * @param ticker Caffeine's time source for the age of entries
     * @param executor where Caffeine evicts and expires entries (its default is the common pool)
     */
    VerifiedTokenCache(int maxEntries, Clock clock, Ticker ticker, Executor executor) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilExpiryOrMaxAge())
                .ticker(ticker)
                .executor(executor)
                .build();
    }

    Optional<Jwt> find(String token) {
        return Optional.ofNullable(verified.getIfPresent(TokenDigest.of(token)));
    }

    /** Only for tokens that passed every check, signature included. */
    void remember(Jwt jwt) {
        verified.put(TokenDigest.of(jwt.getTokenValue()), jwt);
    }

    void forget(String token) {
        verified.invalidate(TokenDigest.of(token));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private final class UntilExpiryOrMaxAge implements Expiry<TokenDigest, Jwt> {

        @Override
        public long expireAfterCreate(TokenDigest key, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return 0;
            }
            Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
            if (untilExpiry.isNegative()) {
                return 0;
            }
            return untilExpiry.compareTo(MAX_AGE) < 0 ? untilExpiry.toNanos() : MAX_AGE.toNanos();
        }

        @Override
        public long expireAfterUpdate(TokenDigest key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(TokenDigest key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** The SHA-256 of a token as four longs: a small key with value equality, unlike a {@code byte[]}. */
    private record TokenDigest(long first, long second, long third, long fourth) {

        static TokenDigest of(String token) {
            ByteBuffer digest = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
            return new TokenDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }
}
