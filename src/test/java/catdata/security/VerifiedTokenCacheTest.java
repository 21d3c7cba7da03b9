package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import catdata.support.TestIssuer;

/**
 * The decoder as the service wires it, against a real issuer's JWKS over HTTP, with a clock and a
 * cache ticker the tests move: a token already verified costs no key lookup (so no signature
 * check), yet is refused the moment it expires; failures are never kept; the size bound holds.
 */
class VerifiedTokenCacheTest {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = new TestIssuer();
    private static final AuthProperties AUTH = new AuthProperties(null, ISSUER.issuer(), null, TestIssuer.AUDIENCE,
            CLOCK_SKEW, false, new AuthProperties.Jwks(Duration.ofMinutes(10), Duration.ofSeconds(30), 5,
                    Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofHours(1)));

    private final MovableTime time = new MovableTime();
    private final SigningKeyAvailability availability = new SigningKeyAvailability(Duration.ofHours(1).toMillis());
    private final UnknownKeyScreen keyFetches = keyFetches(availability);
    private final CountingKeySource keys = new CountingKeySource(realKeySource(keyFetches, availability));
    private final VerifiedTokenCache cache = new VerifiedTokenCache(VerifiedTokenCache.MAX_ENTRIES, time,
            time::nanos, Runnable::run);
    private final StrictJwtDecoder decoder = JwtDecoderConfiguration.strictDecoder(keys, keyFetches, issuerSettings(), CLOCK_SKEW,
            availability, time, cache);

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void aTokenSentAgainIsVerifiedOnlyOnce() {
        String token = ISSUER.token().subject("repeat").build();

        for (int i = 0; i < 3; i++) {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("repeat");
        }

        assertThat(keys.uses()).as("signature checks").isEqualTo(1);
    }

    @Test
    void aCachedTokenIsRefusedOncePastItsExpiryEvenWhileItsEntryIsStillThere() {
        String token = ISSUER.token().expiresAt(time.instant().plusSeconds(60)).build();
        decoder.decode(token);

        // Only the wall clock moves: the cache's own ticker still holds the entry.
        time.advanceWallClock(Duration.ofSeconds(60).plus(CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessage("Token has expired.");
        assertThat(keys.uses()).as("refused from the cache, not verified again").isEqualTo(1);
        assertThat(cache.find(token)).as("the expired entry is dropped").isEmpty();
    }

    @Test
    void aCachedTokenIsStillAcceptedWithinTheClockSkewAfterItsExpiry() {
        String token = ISSUER.token().expiresAt(time.instant().plusSeconds(60)).build();
        decoder.decode(token);

        time.advanceWallClock(Duration.ofSeconds(60).plus(CLOCK_SKEW).minusSeconds(1));

        assertThat(decoder.decode(token).getTokenValue()).isEqualTo(token);
    }

    @Test
    void anEntryIsKeptNoLongerThanItsTokensExpiry() {
        String token = ISSUER.token().expiresAt(time.instant().plusSeconds(60)).build();
        decoder.decode(token);

        time.advance(Duration.ofSeconds(59));
        assertThat(cache.find(token)).isPresent();
        time.advance(Duration.ofSeconds(2));

        assertThat(cache.find(token)).isEmpty();
    }

    @Test
    void anEntryIsKeptAtMostFiveMinutesSoARemovedKeyStopsWorkingByThen() {
        String token = ISSUER.token().expiresAt(time.instant().plus(Duration.ofHours(1))).build();
        decoder.decode(token);

        time.advance(VerifiedTokenCache.MAX_AGE.minusSeconds(1));
        decoder.decode(token);
        assertThat(keys.uses()).isEqualTo(1);
        time.advance(Duration.ofSeconds(2));
        decoder.decode(token);

        assertThat(keys.uses()).as("verified again after five minutes").isEqualTo(2);
    }

    @Test
    void aWronglySignedTokenIsNeverCachedAndAlwaysRefused() {
        String forged = ISSUER.token().signedWith(TestIssuer.newKey()).build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class)
                    .hasMessage(StrictJwtDecoder.SIGNATURE);
        }

        assertThat(keys.uses()).as("every attempt checked its signature").isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenDifferingInAnyCharacterMissesTheCache() {
        String token = ISSUER.token().build();
        decoder.decode(token);
        assertThat(cache.find(token)).isPresent();

        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            String changed = token.substring(0, i) + other(token.charAt(i)) + token.substring(i + 1);
            assertThat(cache.find(changed)).as("changed at %d", i).isEmpty();
            assertThatThrownBy(() -> decoder.decode(changed)).as("changed at %d", i)
                    .isInstanceOf(BadJwtException.class);
        }
        assertThat(cache.size()).as("only the original").isEqualTo(1);
    }

    @Test
    void aSecondTokenOfTheSameCallerIsVerifiedOnItsOwn() {
        String first = ISSUER.token().subject("same").build();
        String second = ISSUER.token().subject("same").issuedAt(time.instant().minusSeconds(1)).build();

        decoder.decode(first);
        decoder.decode(second);

        assertThat(keys.uses()).isEqualTo(2);
    }

    @Test
    void theCacheHoldsAtMostTenThousandTokens() {
        int tokens = VerifiedTokenCache.MAX_ENTRIES + 500;
        for (int i = 0; i < tokens; i++) {
            cache.remember(Jwt.withTokenValue("token-" + i).header("alg", "RS256").subject("caller-" + i)
                    .expiresAt(time.instant().plus(Duration.ofHours(1))).build());
        }

        assertThat(cache.size()).isEqualTo(VerifiedTokenCache.MAX_ENTRIES);
    }

    /** Another base64url character: the 64 letters are in two halves that differ in one bit. */
    private static char other(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) ^ 32);
    }

    private static IssuerSettings issuerSettings() {
        return new IssuerSettings(ISSUER.issuer(), URI.create(ISSUER.jwksUrl()), TestIssuer.AUDIENCE);
    }

    private static UnknownKeyScreen keyFetches(SigningKeyAvailability availability) {
        try {
            return new JwtDecoderConfiguration().keyFetches(issuerSettings(), AUTH, availability);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWKSource<SecurityContext> realKeySource(UnknownKeyScreen keyFetches,
            SigningKeyAvailability availability) {
        return new JwtDecoderConfiguration().jwkSource(keyFetches, AUTH, availability);
    }

    /** A wall clock and a cache ticker that tests move, together or the wall clock alone. */
    private static final class MovableTime extends Clock {

        private volatile Instant now = Instant.now();
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration duration) {
            advanceWallClock(duration);
            nanos.addAndGet(duration.toNanos());
        }

        void advanceWallClock(Duration duration) {
            now = now.plus(duration);
        }

        long nanos() {
            return nanos.get();
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
