package catdata.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jwt.Jwt;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * What a request's token check costs: the first time a token is seen (every cheap check, the claims
 * parsed, the RS256 signature verified) against every later time (the shape, one SHA-256 and a cache
 * lookup, the time checks). The decoder is the service's own, wired as the service wires it; the key
 * set is held in memory, so no network time is measured. The token looks like an Auth0 access token
 * (2048-bit key, two audiences, permissions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCheckBenchmark {

    private static final String ISSUER = "https://catdata.eu.auth0.com/";
    private static final String AUDIENCE = "https://cat-data.local/api";

    private String token;
    private VerifiedTokenCache firstCache;
    private StrictJwtDecoder firstDecoder;
    private StrictJwtDecoder cachedDecoder;

    @Setup
    public void setUp() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        token = accessToken(key);
        ImmutableJWKSet<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
        IssuerSettings issuer = new IssuerSettings(ISSUER, URI.create(ISSUER + ".well-known/jwks.json"), AUDIENCE);
        SigningKeyAvailability availability = new SigningKeyAvailability(Duration.ofHours(1).toMillis());
        Clock clock = Clock.systemUTC();
        firstCache = new VerifiedTokenCache(VerifiedTokenCache.MAX_ENTRIES, clock, Ticker.systemTicker(), Runnable::run);
        UnknownKeyScreen screen = new UnknownKeyScreen(new JwksFetchLimiter(new HeldKeySet(keys.getJWKSet()), 5),
                availability);
        firstDecoder = JwtDecoderConfiguration.strictDecoder(keys, screen, issuer, Duration.ofSeconds(30), availability,
                clock, firstCache);
        cachedDecoder = JwtDecoderConfiguration.strictDecoder(keys, screen, issuer, Duration.ofSeconds(30), availability,
                clock, new VerifiedTokenCache(clock));
        cachedDecoder.decode(token);
    }

    /** A miss every time: the entry the decoder just made is dropped again (one more hash, ~1% of the work). */
    @Benchmark
    public Jwt firstVerification() {
        Jwt jwt = firstDecoder.decode(token);
        firstCache.forget(token);
        return jwt;
    }

    @Benchmark
    public Jwt cachedCheck() {
        return cachedDecoder.decode(token);
    }

    private static String accessToken(RSAKey key) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("auth0|6651f0c2a4b3c1d2e3f4a5b6")
                .audience(List.of(AUDIENCE, ISSUER + "userinfo"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(24))))
                .claim("azp", "Xq8uJ3mD5kW2nP7rT9vY1zB4cF6hL0sA")
                .claim("scope", "openid profile email")
                .claim("permissions", List.of("read:catalog", "write:catalog"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
