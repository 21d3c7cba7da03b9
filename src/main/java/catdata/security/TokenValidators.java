package catdata.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * The claim checks every token passes twice: on its unverified claims before any key is looked up
 * ({@link TokenPrecheck}), and again once its signature is verified; the time checks alone run
 * once more on each later request with the same token ({@link VerifiedTokenCache}). Type, times,
 * issuer, audience, subject; Spring's validators do most of the checking, each given the message a client sees.
 */
final class TokenValidators {

    private static final List<String> ACCEPTED_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");

    private TokenValidators() {
    }

    /**
     * @param times the time checks, passed in because {@link StrictJwtDecoder} runs them again, alone,
     *        on every token it finds already verified
     */
    static OAuth2TokenValidator<Jwt> create(IssuerSettings settings, TokenTimestampValidator times) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                withMessage(TokenValidators::acceptedType, "Token type (typ) is not accepted."),
                times,
                withMessage(new JwtIssuerValidator(settings.issuer()), "Token issuer (iss) is not accepted."),
                withMessage(new JwtAudienceValidator(settings.audience()), "Token audience (aud) is not accepted."),
                withMessage(new JwtClaimValidator<Object>(JwtClaimNames.SUB,
                        sub -> sub instanceof String text && StringUtils.hasText(text)), "Token has no subject (sub).")));
    }

    /**
     * Auth0 issues plain JWTs or, when configured, RFC 9068 access tokens ("at+jwt"); {@code typ} is
     * compared ignoring case (RFC 7515). Spring's {@code JwtTypeValidator} would also take an empty
     * {@code typ} and fail on one that is not a string.
     */
    private static OAuth2TokenValidatorResult acceptedType(Jwt jwt) {
        if (!jwt.getHeaders().containsKey(JoseHeaderNames.TYP)) {
            return OAuth2TokenValidatorResult.success();
        }
        Object typ = jwt.getHeaders().get(JoseHeaderNames.TYP);
        boolean accepted = typ instanceof String text && ACCEPTED_TYPES.stream().anyMatch(text::equalsIgnoreCase);
        return accepted ? OAuth2TokenValidatorResult.success() : TokenTimestampValidator.failure("typ");
    }

    private static OAuth2TokenValidator<Jwt> withMessage(OAuth2TokenValidator<Jwt> validator, String message) {
        return jwt -> validator.validate(jwt).hasErrors()
                ? TokenTimestampValidator.failure(message)
                : OAuth2TokenValidatorResult.success();
    }
}
