package catdata.security;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.proc.BadJWTException;

/**
 * Spring's Nimbus decoder behind {@link TokenPrecheck}, an {@link UnknownKeyScreen} and a
 * {@link VerifiedTokenCache}: a token is looked at cheaply first, so that only well-formed RS256 tokens with acceptable claims ever cost a
 * key lookup, and a token already verified costs only its time checks (the one part of the verdict
 * that changes while the token stays the same: see {@link VerifiedTokenCache}). Every bad
 * token becomes a {@link BadJwtException} (a 401) with a message saying which case it is; the one
 * other outcome is {@link SigningKeysUnavailable} (a 503), when no usable key set can be had.
 */
final class StrictJwtDecoder implements JwtDecoder {

    static final String MALFORMED = "Malformed token.";
    static final String SIGNATURE = "Invalid token signature.";
    static final String UNKNOWN_KEY = "Token signing key is not known.";

    private static final Logger log = LoggerFactory.getLogger(StrictJwtDecoder.class);

    private final TokenPrecheck precheck;
    private final UnknownKeyScreen unknownKeys;
    private final JwtDecoder delegate;
    private final SigningKeyAvailability keys;
    private final VerifiedTokenCache verified;
    private final OAuth2TokenValidator<Jwt> times;

    /**
     * @param times the time checks of the validator {@code delegate} runs, the same instance, run
     *        again on every token found in {@code verified}
     */
    StrictJwtDecoder(TokenPrecheck precheck, UnknownKeyScreen unknownKeys, JwtDecoder delegate,
            SigningKeyAvailability keys, VerifiedTokenCache verified, OAuth2TokenValidator<Jwt> times) {
        this.precheck = precheck;
        this.unknownKeys = unknownKeys;
        this.delegate = delegate;
        this.keys = keys;
        this.verified = verified;
        this.times = times;
    }

    @Override
    public Jwt decode(String token) {
        try {
            // Before the hash: a token with another spelling of the same bytes is refused, not looked up.
            TokenPrecheck.checkShape(token);
            // Before the hash too: a flood of made-up key ids costs a glance at each header, no more.
            if (unknownKeys.refusesToken(token, System.currentTimeMillis())) {
                throw new ScreenedOut();
            }
            Optional<Jwt> known = verified.find(token);
            if (known.isPresent()) {
                return stillInTime(known.get());
            }
            precheck.checkContents(token);
            Jwt jwt = delegate.decode(token);
            verified.remember(jwt);
            unknownKeys.verified(token);
            return jwt;
        } catch (BadJwtException e) {
            if (e instanceof JwtValidationException invalid) {
                throw new BadJwtException(firstDescription(invalid));
            }
            throw e.getCause() == null ? e : new BadJwtException(describe(e.getCause()));
        } catch (JwtException e) {
            throw keyLookupFailure(e);
        } catch (RuntimeException e) {
            // A claim of an unexpected JSON type can trip a validator; that is the token's fault.
            log.debug("Token rejected: {}", e.getClass().getName());
            throw new BadJwtException(MALFORMED);
        }
    }

    private Jwt stillInTime(Jwt jwt) {
        OAuth2TokenValidatorResult result = times.validate(jwt);
        if (result.hasErrors()) {
            verified.forget(jwt.getTokenValue());
            throw new JwtValidationException("Token is out of its validity period", result.getErrors());
        }
        return jwt;
    }

    private static String firstDescription(JwtValidationException e) {
        return e.getErrors().stream().map(error -> error.getDescription())
                .filter(description -> description != null).findFirst().orElse("Invalid token.");
    }

    /**
     * A key lookup that failed: with a usable key set still held, the token names a key we do not
     * have (a flood of made-up key ids ends here once the fetch budget is spent); with none, no token
     * can be checked until the issuer answers again.
     */
    private JwtException keyLookupFailure(JwtException e) {
        if (!(e.getCause() instanceof KeySourceException cause)) {
            log.debug("Token rejected: {}", e.getMessage());
            return new BadJwtException(MALFORMED);
        }
        if (keys.hasUsableKeys(System.currentTimeMillis())) {
            return new BadJwtException(UNKNOWN_KEY);
        }
        log.warn("Signing keys unavailable: {}", cause.getMessage());
        return new SigningKeysUnavailable(e);
    }

    /** Names the case of a token Nimbus refused after the pre-check had passed it. */
    private static String describe(Throwable cause) {
        if (cause instanceof BadJWSException) {
            return SIGNATURE;
        }
        if (cause instanceof BadJWTException) {
            return MALFORMED;
        }
        if (cause instanceof BadJOSEException) {
            return UNKNOWN_KEY;
        }
        return MALFORMED;
    }

    /** "Key not known", decided by the {@link UnknownKeyScreen} from the header alone. */
    static final class ScreenedOut extends BadJwtException {

        private static final long serialVersionUID = 1L;

        ScreenedOut() {
            super(UNKNOWN_KEY);
        }
    }

    /** No usable signing keys: not the token's fault. Spring makes it an authentication service failure. */
    static final class SigningKeysUnavailable extends JwtException {

        SigningKeysUnavailable(Throwable cause) {
            super("Signing keys unavailable", cause);
        }
    }
}
