package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import catdata.support.TestIssuer;
import catdata.support.TokenBuilder;

/**
 * Coverage-guided fuzzing of a bearer token's text through the decoder as the service wires it, with
 * the fetch limit spent so that the {@link UnknownKeyScreen} is at work: every input is refused with
 * a {@link BadJwtException} (never another exception, never "keys unavailable" while keys are held),
 * a token the screen refuses is refused as "key not known", and only the one validly signed token is
 * accepted.
 *
 * <p>Under {@code mvn verify} the target runs in regression mode over the seeds below; {@code
 * fuzz/run.sh token} fuzzes for real.
 */
@Tag("jazzer")
class TokenDecoderFuzzTest {

    private static final RSAKey KEY = TestIssuer.newKey();
    private static final String ISSUER = "https://issuer.example/";
    private static final SigningKeyAvailability AVAILABILITY = new SigningKeyAvailability(Duration.ofHours(1).toMillis());
    private static final UnknownKeyScreen SCREEN = new UnknownKeyScreen(
            new JwksFetchLimiter(new HeldKeySet(new JWKSet(KEY.toPublicJWK())), 1), AVAILABILITY);
    private static final StrictJwtDecoder DECODER = decoder();
    private static final String VALID = new TokenBuilder(ISSUER, TestIssuer.AUDIENCE, KEY)
            .expiresAt(java.time.Instant.now().plus(Duration.ofDays(29))).build();

    static {
        // The one fetch the limit allows: keys are held from now on, and the screen is at work.
        DECODER.decode(VALID);
    }

    @FuzzTest
    void token(byte[] input) {
        fuzz(input);
    }

    @Test
    void theSeedsExerciseEveryBranchTheyName() {
        assertThat(SCREEN.refusesToken(new TokenBuilder(ISSUER, TestIssuer.AUDIENCE, KEY).keyId("made-up").build(),
                System.currentTimeMillis())).isTrue();
        for (String seed : new String[] {VALID, new TokenBuilder(ISSUER, TestIssuer.AUDIENCE, KEY).keyId("made-up").build(),
                new TokenBuilder(ISSUER, TestIssuer.AUDIENCE, TestIssuer.newKey()).build(), "a.b.c", "", "..",
                VALID.substring(0, VALID.lastIndexOf('.')) + ".x"}) {
            fuzz(seed.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void fuzz(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        boolean screened = false;
        try {
            TokenPrecheck.checkShape(token);
            screened = SCREEN.refusesToken(token, System.currentTimeMillis());
        } catch (BadJwtException refusedEarly) {
            // The decoder refuses it too, below.
        }
        try {
            DECODER.decode(token);
            if (!token.equals(VALID)) {
                throw new AssertionError("accepted a token that is not the one signed: " + token);
            }
        } catch (StrictJwtDecoder.SigningKeysUnavailable e) {
            throw new AssertionError("keys are held, yet 'unavailable' for " + token, e);
        } catch (BadJwtException refused) {
            if (token.equals(VALID)) {
                throw new AssertionError("refused the validly signed token: " + refused.getMessage());
            }
            if (screened && !StrictJwtDecoder.UNKNOWN_KEY.equals(refused.getMessage())) {
                throw new AssertionError("screened, yet refused as '" + refused.getMessage() + "': " + token);
            }
        }
    }

    private static StrictJwtDecoder decoder() {
        AuthProperties auth = new AuthProperties(null, ISSUER, null, TestIssuer.AUDIENCE, Duration.ofSeconds(30), false,
                new AuthProperties.Jwks(Duration.ofMinutes(10), Duration.ofSeconds(30), 1, Duration.ofSeconds(2),
                        Duration.ofSeconds(3), Duration.ofHours(1)));
        IssuerSettings issuer = new IssuerSettings(ISSUER, URI.create(ISSUER + ".well-known/jwks.json"),
                TestIssuer.AUDIENCE);
        Clock clock = Clock.systemUTC();
        return JwtDecoderConfiguration.strictDecoder(new JwtDecoderConfiguration().jwkSource(SCREEN, auth, AVAILABILITY),
                SCREEN, issuer, auth.clockSkew(), AVAILABILITY, clock, new VerifiedTokenCache(clock));
    }
}
