package catdata.security;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import catdata.config.InvalidConfigurationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token verification: cheap checks first, then the signature with the issuer's key set, fetched
 * with timeouts, refreshed in the background, fetched at most N times a minute, and kept through
 * outages of the issuer.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    /** {@code AUTH0_DOMAIN} or {@code OIDC_ISSUER}; local mode declares its own settings. */
    @Bean
    @Conditional(AuthMode.Configured.class)
    IssuerSettings issuerSettings(AuthProperties auth, JsonMapper json) {
        boolean hasDomain = StringUtils.hasText(auth.auth0Domain());
        boolean hasIssuer = StringUtils.hasText(auth.oidcIssuer());
        if (hasDomain && hasIssuer) {
            throw new InvalidConfigurationException("AUTH0_DOMAIN and OIDC_ISSUER are both set; set only one");
        }
        if (hasDomain) {
            return IssuerSettings.forAuth0Domain(auth.auth0Domain(), auth.audience());
        }
        OidcDiscovery discovery = new OidcDiscovery(json, auth.jwks());
        return IssuerSettings.forOidcIssuer(auth.oidcIssuer(), auth.oidcJwksUri(), auth.audience(),
                discovery::jwksUri);
    }

    @Bean
    SigningKeyAvailability signingKeyAvailability(AuthProperties auth) {
        return new SigningKeyAvailability(keptFor(auth.jwks()).toMillis());
    }

    /**
     * The fetches of the issuer's key set as they leave the service: timeouts, a size bound, one log
     * line each, at most N a minute, and the key ids of each set fetched, for refusing a token whose
     * key id cannot be had before any work on it.
     */
    @Bean
    UnknownKeyScreen keyFetches(IssuerSettings issuer, AuthProperties auth, SigningKeyAvailability keys)
            throws MalformedURLException {
        AuthProperties.Jwks jwks = auth.jwks();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) jwks.connectTimeout().toMillis(), (int) jwks.readTimeout().toMillis(), JWKS_SIZE_LIMIT);
        return new UnknownKeyScreen(new JwksFetchLimiter(new JwksFetchLog(
                new URLBasedJWKSetSource<>(issuer.jwksUri().toURL(), retriever), issuer.jwksUri()),
                jwks.fetchesPerMinute()), keys);
    }

    /**
     * A bean so that Spring closes it, stopping the refresh threads. The key set is kept for its time
     * to live plus the outage tolerance, and from the end of its time to live on it is refreshed in the
     * background: a request whose key is cached never waits for the issuer, however slow or down it
     * is, until the tolerance too has run out. A key id not in the set waits for one refresh of its own.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(UnknownKeyScreen keyFetches, AuthProperties auth, SigningKeyAvailability keys) {
        AuthProperties.Jwks jwks = auth.jwks();
        long keptFor = keptFor(jwks).toMillis();
        long refreshTimeout = jwks.connectTimeout().plus(jwks.readTimeout()).toMillis();
        // Nimbus wants the refresh-ahead time and the refresh timeout to fit in the cache's lifetime;
        // a time to live shorter than the refresh timeout (as in tests) starts the refreshes that much later.
        long refreshAhead = Math.min(jwks.outageTolerance().plus(jwks.refreshAhead()).toMillis(),
                keptFor - refreshTimeout);
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(keyFetches).cache(keptFor, refreshTimeout);
        if (refreshAhead > 0) {
            builder.refreshAheadCache(refreshAhead, true);
        } else {
            builder.refreshAheadCache(false);
        }
        return builder
                .rateLimited(false)
                .retrying(true)
                // The long-lived cache is the outage tolerance; Nimbus's own would extend it once more.
                .outageTolerant(false)
                .healthReporting(keys)
                .build();
    }

    private static Duration keptFor(AuthProperties.Jwks jwks) {
        return jwks.cacheTtl().plus(jwks.outageTolerance());
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, UnknownKeyScreen keyFetches, IssuerSettings issuer,
            AuthProperties auth, SigningKeyAvailability keys) {
        Clock clock = Clock.systemUTC();
        return strictDecoder(jwkSource, keyFetches, issuer, auth.clockSkew(), keys, clock, new VerifiedTokenCache(clock));
    }

    /** The decoder as the service runs it, with the clock and the cache given: also how tests build it. */
    static StrictJwtDecoder strictDecoder(JWKSource<SecurityContext> jwkSource, UnknownKeyScreen unknownKeys,
            IssuerSettings issuer, Duration clockSkew, SigningKeyAvailability keys, Clock clock,
            VerifiedTokenCache verified) {
        TokenTimestampValidator times = new TokenTimestampValidator(clockSkew, clock);
        OAuth2TokenValidator<Jwt> validator = TokenValidators.create(issuer, times);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        nimbus.setJwtValidator(validator);
        nimbus.setClaimSetConverter(TokenClaims::convert);
        return new StrictJwtDecoder(new TokenPrecheck(validator, TokenClaims::convert), unknownKeys, nimbus, keys,
                verified, times);
    }
}
