package catdata.security;

import java.text.ParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;

/**
 * Wraps Spring's Nimbus decoder so that every bad token becomes a {@link BadJwtException} (a 401)
 * with a message saying which case it is. Left alone, a JWKS fetch failure or a rate-limited
 * refresh would surface as a plain {@link JwtException}, which Spring answers with a 500.
 */
final class StrictJwtDecoder implements JwtDecoder {

    static final String MALFORMED = "Malformed token.";
    static final String ALGORITHM = "Token algorithm is not accepted (RS256 only).";
    static final String SIGNATURE = "Invalid token signature.";
    static final String UNKNOWN_KEY = "Token signing key is not known.";

    private static final Logger log = LoggerFactory.getLogger(StrictJwtDecoder.class);

    private final JwtDecoder delegate;

    StrictJwtDecoder(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) {
        requireRs256(token);
        try {
            return delegate.decode(token);
        } catch (JwtValidationException e) {
            String message = e.getErrors().stream().map(error -> error.getDescription())
                    .filter(description -> description != null).findFirst().orElse("Invalid token.");
            throw new BadJwtException(message);
        } catch (BadJwtException e) {
            throw new BadJwtException(describe(e));
        } catch (JwtException e) {
            if (e.getCause() instanceof KeySourceException) {
                log.warn("Token rejected: signing keys unavailable ({})", e.getCause().getMessage());
                throw new BadJwtException(UNKNOWN_KEY);
            }
            throw new BadJwtException(describe(e));
        } catch (RuntimeException e) {
            // A claim of an unexpected JSON type can trip a validator; that is the token's fault.
            log.debug("Token rejected: {}", e.getClass().getName());
            throw new BadJwtException(MALFORMED);
        }
    }

    /** Only RS256 is accepted; say so before any key is looked up. */
    private static void requireRs256(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException(MALFORMED);
        }
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new BadJwtException(ALGORITHM);
        }
    }

    private static String describe(JwtException e) {
        Throwable cause = e.getCause();
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
}
