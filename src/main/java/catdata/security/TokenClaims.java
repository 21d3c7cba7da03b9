package catdata.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * How a token's claims become a Spring {@code Jwt}'s, for the unverified pre-check and the verified
 * token alike: Spring's default conversion, except that {@code iss} is compared exactly as the
 * token spells it, and that a token without {@code iat} keeps none (Spring invents
 * {@code exp - 1s}, which would make a long-lived token look issued in the future).
 */
final class TokenClaims {

    /** {@code iss} kept as sent: Spring would make it a URL first, which lowercases its scheme. */
    private static final MappedJwtClaimSetConverter DEFAULT_CLAIMS = MappedJwtClaimSetConverter.withDefaults(
            Map.of(JwtClaimNames.ISS, issuer -> issuer));

    private TokenClaims() {
    }

    static Map<String, Object> convert(Map<String, Object> claims) {
        Map<String, Object> converted = new HashMap<>(DEFAULT_CLAIMS.convert(claims));
        if (!claims.containsKey(JwtClaimNames.IAT)) {
            converted.remove(JwtClaimNames.IAT);
        }
        return converted;
    }
}
