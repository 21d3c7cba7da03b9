package catdata.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code exp} required, not past and at most {@link #MAX_LIFETIME} ahead, {@code nbf} and {@code iat}
 * not in the future, each with the clock-skew leeway. Auth0 access tokens live 24 hours by default
 * and 30 days at most; a token claiming more was not issued by it. Written here rather than taken from {@code JwtTimestampValidator} so that each
 * case gets its own message: a client can tell "expired" from "not yet valid".
 */
final class TokenTimestampValidator implements OAuth2TokenValidator<Jwt> {

    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final Duration leeway;
    private final Clock clock;

    TokenTimestampValidator(Duration leeway, Clock clock) {
        this.leeway = leeway;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return failure("Token has no expiry (exp).");
        }
        if (now.minus(leeway).isAfter(expiresAt)) {
            return failure("Token has expired.");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            return failure("Token expires more than 30 days ahead (exp).");
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.plus(leeway).isBefore(notBefore)) {
            return failure("Token is not valid yet (nbf).");
        }
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt != null && now.plus(leeway).isBefore(issuedAt)) {
            return failure("Token is issued in the future (iat).");
        }
        return OAuth2TokenValidatorResult.success();
    }

    static OAuth2TokenValidatorResult failure(String message) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, message, null));
    }
}
