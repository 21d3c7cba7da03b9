package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import catdata.support.TestIssuer;

/**
 * Every request that reaches the issuer's JWKS endpoint is one {@code JWKS fetched} line, and nothing
 * else is: during a flood of unknown key ids the log counts exactly the fetches the issuer saw.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwksFetchLogTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final int FETCHES_PER_MINUTE = 5;

    private final Logger logger = (Logger) LoggerFactory.getLogger(JwksFetchLog.class);

    @BeforeEach
    void logInfo() {
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void quietAgain() {
        logger.setLevel(null);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void eachFetchFromTheIssuerIsOneLogLineWithItsAddressAndKeyCount(CapturedOutput output) throws Exception {
        ISSUER.rotate();
        JWKSource<SecurityContext> keys = keySource();
        int before = ISSUER.jwksRequests();

        for (int i = 0; i < 20; i++) {
            lookUpUnknownKey(keys);
        }

        int fetches = ISSUER.jwksRequests() - before;
        assertThat(fetches).isBetween(1, FETCHES_PER_MINUTE);
        // Only this issuer's lines: a key source left by another test may refresh its own keys
        // in the background and log while this one runs.
        assertThat(output.getOut().lines().filter(line -> line.contains("JWKS fetched from " + ISSUER.jwksUrl())))
                .hasSize(fetches)
                .allSatisfy(line -> assertThat(line).contains("INFO")
                        .contains("JWKS fetched from " + ISSUER.jwksUrl() + ": 2 keys"));
    }

    private static void lookUpUnknownKey(JWKSource<SecurityContext> keys) {
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(UUID.randomUUID().toString()).build()), null);
        } catch (KeySourceException refusedOnceTheFetchLimitIsSpent) {
            // The limiter's refusal: what the flood is meant to run into.
        }
    }

    private static JWKSource<SecurityContext> keySource() throws MalformedURLException {
        AuthProperties auth = new AuthProperties(null, ISSUER.issuer(), null, TestIssuer.AUDIENCE,
                Duration.ofSeconds(30), false, new AuthProperties.Jwks(Duration.ofMinutes(10), Duration.ofSeconds(30),
                        FETCHES_PER_MINUTE, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofHours(1)));
        IssuerSettings issuer = new IssuerSettings(ISSUER.issuer(), URI.create(ISSUER.jwksUrl()), TestIssuer.AUDIENCE);
        SigningKeyAvailability availability = new SigningKeyAvailability(Duration.ofHours(1).toMillis());
        JwtDecoderConfiguration configuration = new JwtDecoderConfiguration();
        return configuration.jwkSource(configuration.keyFetches(issuer, auth, availability), auth, availability);
    }
}
