package catdata.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.util.StringUtils;

/**
 * The claim checks every token passes after its signature: type, times, issuer, audience, subject. Spring's
 * validators do the checking; each is given the message a client sees when it fails.
 */
final class TokenValidators {

    private TokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> create(IssuerSettings settings, Duration clockSkew, Clock clock) {
        // Auth0 issues plain JWTs or, when configured, RFC 9068 access tokens ("at+jwt").
        JwtTypeValidator type = new JwtTypeValidator(List.of("JWT", "at+jwt", "application/at+jwt"));
        type.setAllowEmpty(true);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                withMessage(type, "Token type (typ) is not accepted."),
                new TokenTimestampValidator(clockSkew, clock),
                withMessage(new JwtIssuerValidator(settings.issuer()), "Token issuer (iss) is not accepted."),
                withMessage(new JwtAudienceValidator(settings.audience()), "Token audience (aud) is not accepted."),
                withMessage(new JwtClaimValidator<Object>(JwtClaimNames.SUB,
                        sub -> sub instanceof String text && StringUtils.hasText(text)), "Token has no subject (sub).")));
    }

    private static OAuth2TokenValidator<Jwt> withMessage(OAuth2TokenValidator<Jwt> validator, String message) {
        return jwt -> validator.validate(jwt).hasErrors()
                ? TokenTimestampValidator.failure(message)
                : OAuth2TokenValidatorResult.success();
    }
}
