package catdata.security;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import catdata.startup.InvalidConfigurationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token verification: the issuer's key set fetched with timeouts, cached and refreshed ahead of
 * expiry, fetched at most N times a minute, and kept through outages of the issuer.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    private static final int JWKS_SIZE_LIMIT = 512 * 1024;
    private static final MappedJwtClaimSetConverter DEFAULT_CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

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

    /** A bean so that Spring closes it, stopping the refresh-ahead threads. */
    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerSettings issuer, AuthProperties auth) throws MalformedURLException {
        AuthProperties.Jwks jwks = auth.jwks();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) jwks.connectTimeout().toMillis(), (int) jwks.readTimeout().toMillis(), JWKS_SIZE_LIMIT);
        JWKSetSource<SecurityContext> fetcher = new JwksFetchLimiter(
                new URLBasedJWKSetSource<>(issuer.jwksUri().toURL(), retriever), jwks.fetchesPerMinute());
        long ttl = jwks.cacheTtl().toMillis();
        long refreshTimeout = jwks.connectTimeout().plus(jwks.readTimeout()).toMillis();
        // Nimbus refuses a refresh-ahead time that, with the refresh timeout, does not fit in the
        // TTL; a TTL that short (under 10 s, as in tests) gets a plain expiring cache instead.
        long refreshAhead = Math.min(Math.min(jwks.refreshAhead().toMillis(), ttl / 2), ttl - refreshTimeout);
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(fetcher).cache(ttl, refreshTimeout);
        if (refreshAhead > 0) {
            builder.refreshAheadCache(refreshAhead, true);
        } else {
            builder.refreshAheadCache(false);
        }
        return builder
                .rateLimited(false)
                .retrying(true)
                .outageTolerant(jwks.outageTolerance().toMillis())
                .build();
    }

    /**
     * Spring's default claim conversion, except that a token without {@code iat} keeps none: Spring
     * invents {@code exp - 1s}, which would make a long-lived token look issued in the future.
     */
    private static Map<String, Object> withoutInventedIssuedAt(Map<String, Object> claims) {
        Map<String, Object> converted = new HashMap<>(DEFAULT_CLAIMS.convert(claims));
        if (!claims.containsKey(JwtClaimNames.IAT)) {
            converted.remove(JwtClaimNames.IAT);
        }
        return converted;
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IssuerSettings issuer, AuthProperties auth) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        nimbus.setJwtValidator(TokenValidators.create(issuer, auth.clockSkew(), Clock.systemUTC()));
        nimbus.setClaimSetConverter(JwtDecoderConfiguration::withoutInventedIssuedAt);
        return new StrictJwtDecoder(nimbus);
    }
}
