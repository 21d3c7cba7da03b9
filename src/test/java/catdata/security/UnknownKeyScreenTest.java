package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;

import catdata.support.TestIssuer;

/**
 * The decoder as the service wires it, against a real issuer's JWKS over HTTP, with a fetch limit of
 * two a minute: once the limit is spent, a token naming a key id the held set lacks is refused
 * before any key lookup (so before its claims, the cache's hash or a signature), while the known
 * key keeps working; with fetches left an unknown key id still gets its refresh (a rotated key is
 * found), and with no usable key set the answer stays "keys unavailable", never the token's fault.
 */
class UnknownKeyScreenTest {

    private static final int FETCHES_PER_MINUTE = 2;
    private static final TestIssuer ISSUER = new TestIssuer();

    private final SigningKeyAvailability availability = new SigningKeyAvailability(Duration.ofHours(1).toMillis());
    private final UnknownKeyScreen screen;
    private final CountingKeySource keys;
    private final StrictJwtDecoder decoder;

    UnknownKeyScreenTest() throws MalformedURLException {
        IssuerSettings issuer = new IssuerSettings(ISSUER.issuer(), URI.create(ISSUER.jwksUrl()), TestIssuer.AUDIENCE);
        AuthProperties auth = new AuthProperties(null, ISSUER.issuer(), null, TestIssuer.AUDIENCE,
                Duration.ofSeconds(30), false, new AuthProperties.Jwks(Duration.ofMinutes(10), Duration.ofSeconds(30),
                        FETCHES_PER_MINUTE, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofHours(1)));
        JwtDecoderConfiguration configuration = new JwtDecoderConfiguration();
        screen = configuration.keyFetches(issuer, auth, availability);
        keys = new CountingKeySource(configuration.jwkSource(screen, auth, availability));
        Clock clock = Clock.systemUTC();
        decoder = JwtDecoderConfiguration.strictDecoder(keys, screen, issuer, auth.clockSkew(), availability, clock,
                new VerifiedTokenCache(clock));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void onceTheFetchLimitIsSpentAnUnknownKeyIdIsRefusedWithoutAKeyLookup() {
        decoder.decode(ISSUER.token().build());
        refusedAsUnknown(unknownKeyIdToken());
        assertThat(screen.refuses(randomKeyId(), System.currentTimeMillis())).as("both fetches spent").isTrue();
        int lookups = keys.uses();
        int fetches = ISSUER.jwksRequests();

        for (int i = 0; i < 50; i++) {
            refusedAsUnknown(unknownKeyIdToken());
        }

        assertThat(keys.uses()).as("key lookups").isEqualTo(lookups);
        assertThat(ISSUER.jwksRequests()).as("JWKS fetches").isEqualTo(fetches);
    }

    @Test
    void theKnownKeyKeepsWorkingWhileUnknownOnesAreRefused() {
        spendTheFetchLimit();

        String valid = ISSUER.token().subject("still-fine").build();

        assertThat(decoder.decode(valid).getSubject()).isEqualTo("still-fine");
        assertThat(screen.refuses(ISSUER.currentKey().getKeyID(), System.currentTimeMillis())).isFalse();
    }

    @Test
    void withFetchesLeftAnUnknownKeyIdStillRefreshesTheKeySet() {
        decoder.decode(ISSUER.token().build());
        ISSUER.rotate();
        int fetches = ISSUER.jwksRequests();

        String signedWithTheNewKey = ISSUER.token().subject("rotated").build();

        assertThat(decoder.decode(signedWithTheNewKey).getSubject()).isEqualTo("rotated");
        assertThat(ISSUER.jwksRequests()).isEqualTo(fetches + 1);
    }

    @Test
    void withNoUsableKeySetTheAnswerIsKeysUnavailableNotTheTokensFault() {
        ISSUER.stop();
        try {
            for (int i = 0; i < FETCHES_PER_MINUTE + 1; i++) {
                assertThatThrownBy(() -> decoder.decode(unknownKeyIdToken()))
                        .isInstanceOf(StrictJwtDecoder.SigningKeysUnavailable.class);
            }
            assertThat(screen.refuses(randomKeyId(), System.currentTimeMillis())).isFalse();
        } finally {
            ISSUER.restart();
        }
    }

    @Test
    void aHeaderSeenOnAVerifiedTokenIsNotParsedAgainAndAtMost64AreKept() {
        spendTheFetchLimit();
        long now = System.currentTimeMillis();
        List<String> remembered = new ArrayList<>();
        // The valid token verified while spending the limit took the first place.
        for (int i = 0; i < UnknownKeyScreen.MAX_VERIFIED_HEADERS - 1; i++) {
            remembered.add(unknownKeyIdToken());
            screen.verified(remembered.get(i));
        }
        String oneTooMany = unknownKeyIdToken();
        screen.verified(oneTooMany);

        // Waved through to the usual checks, which refuse them as before.
        assertThat(remembered).allSatisfy(token -> assertThat(screen.refusesToken(token, now)).isFalse());
        assertThat(screen.refusesToken(oneTooMany, now)).isTrue();
        assertThat(screen.refusesToken(unknownKeyIdToken(), now)).isTrue();
    }

    @Test
    void aHeaderThatIsNotAcceptableIsRefusedForWhatItIs() {
        String noKeyId = ISSUER.token().keyId(null).build();

        assertThatThrownBy(() -> screen.refusesToken(noKeyId, System.currentTimeMillis()))
                .isInstanceOf(BadJwtException.class).hasMessage(TokenPrecheck.NO_KEY_ID);
    }

    private void spendTheFetchLimit() {
        decoder.decode(ISSUER.token().build());
        while (!screen.refuses(randomKeyId(), System.currentTimeMillis())) {
            refusedAsUnknown(unknownKeyIdToken());
        }
    }

    private void refusedAsUnknown(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(StrictJwtDecoder.SigningKeysUnavailable.class)
                .hasMessage(StrictJwtDecoder.UNKNOWN_KEY);
    }

    /** A token as the issuer would sign it, naming a key id it never published. */
    private static String unknownKeyIdToken() {
        return ISSUER.token().keyId(randomKeyId()).build();
    }

    private static String randomKeyId() {
        return UUID.randomUUID().toString();
    }
}
