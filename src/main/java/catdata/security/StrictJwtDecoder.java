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
        try {
            return delegate.decode(token);
        } catch (JwtValidationException e) {
            String message = e.getErrors().stream().map(error -> error.getDescription())
                    .filter(description -> description != null).findFirst().orElse("Invalid token.");
            throw new BadJwtException(message);
        } catch (JwtException e) {
            throw new BadJwtException(describe(token, e));
        } catch (RuntimeException e) {
            // A claim of an unexpected JSON type can trip a validator; that is the token's fault.
            log.debug("Token rejected: {}", e.getClass().getName());
            throw new BadJwtException(MALFORMED);
        }
    }

    /**
     * Names the case once decoding has failed, so a good token is parsed only once. Tokens not
     * signed with RS256 never reach a key lookup (the key selector admits RS256 only).
     */
    private static String describe(String token, JwtException e) {
        String header = headerProblem(token);
        if (header != null) {
            return header;
        }
        Throwable cause = e.getCause();
        if (cause instanceof KeySourceException) {
            log.warn("Token rejected: signing keys unavailable ({})", cause.getMessage());
            return UNKNOWN_KEY;
        }
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

    private static String headerProblem(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            return MALFORMED;
        }
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return ALGORITHM;
        }
        return null;
    }
}
