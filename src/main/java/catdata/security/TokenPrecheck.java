package catdata.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The checks a token must pass before any key is looked up, so that no hostile token costs a
 * request to the issuer's JWKS: its shape, its header, and then every claim check, run on the
 * still unverified claims by the same validators that run again once the signature is verified.
 *
 * <p>Stricter than Nimbus on purpose: a token has exactly one spelling (canonical unpadded
 * base64url, so nothing can be appended to or re-spelt in a signature that still verifies), and
 * header parameters that would let a token choose its own key ({@code jku}, {@code x5u},
 * {@code jwk}, {@code x5c}) or extend the rules ({@code crit}) are refused outright: Auth0 never
 * sends them.
 */
final class TokenPrecheck {

    static final int MAX_LENGTH = 8 * 1024;
    static final int MAX_KEY_ID_LENGTH = 256;
    private static final int MIN_SIGNATURE_BYTES = 2048 / 8;
    private static final int MAX_SIGNATURE_BYTES = 8192 / 8;
    private static final int SIGNATURE_BYTES_STEP = 1024 / 8;

    static final String TOO_LONG = "Token is longer than 8 KiB.";
    static final String PARTS = "Malformed token: not three dot-separated parts.";
    static final String ENCODING = "Malformed token: a part is not unpadded base64url.";
    static final String NOT_JSON = "Malformed token: header and payload must be JSON objects.";
    static final String SIGNATURE_LENGTH = "Malformed token: the signature is not the length of an RS256 one.";
    static final String CLAIM_TYPE = "Malformed token: a standard claim has the wrong type.";
    static final String ALGORITHM = "Token algorithm is not accepted (RS256 only).";
    static final String NO_KEY_ID = "Token has no key id (kid).";
    static final String KEY_ID = "Token key id (kid) is not accepted.";

    private static final List<String> REFUSED_HEADERS = List.of("jku", "x5u", "jwk", "x5c", "crit");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    /** Auth0's key ids are base64url; this admits those and base64's {@code +} and {@code =}, never a path. */
    private static final Pattern KEY_ID_CHARACTERS = Pattern.compile("[A-Za-z0-9._~+=-]+");
    /** {@code .} and {@code ..} name directories, not keys. */
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");

    private final OAuth2TokenValidator<Jwt> validator;
    private final Converter<Map<String, Object>, Map<String, Object>> claimSetConverter;

    TokenPrecheck(OAuth2TokenValidator<Jwt> validator,
            Converter<Map<String, Object>, Map<String, Object>> claimSetConverter) {
        this.validator = validator;
        this.claimSetConverter = claimSetConverter;
    }

    /** Throws a {@link BadJwtException} naming the first problem found. */
    void check(String token) {
        if (token.length() > MAX_LENGTH) {
            throw new BadJwtException(TOO_LONG);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new BadJwtException(PARTS);
        }
        Map<String, Object> header = jsonObject(parts[0]);
        checkHeader(header);
        Map<String, Object> payload = jsonObject(parts[1]);
        if (parts[2].isEmpty()) {
            throw new BadJwtException(ENCODING);
        }
        checkSignatureLength(decode(parts[2]).length);
        checkClaims(token, header, payload);
    }

    /**
     * An RS256 signature is exactly as long as the key's modulus: 2048 bits at least (RFC 7518), and
     * issuers use whole multiples of 1024 bits (Auth0: 2048). Anything appended to a signature makes
     * it another length, refused here rather than after a key lookup for its {@code kid}.
     */
    private static void checkSignatureLength(int bytes) {
        if (bytes < MIN_SIGNATURE_BYTES || bytes > MAX_SIGNATURE_BYTES || bytes % SIGNATURE_BYTES_STEP != 0) {
            throw new BadJwtException(SIGNATURE_LENGTH);
        }
    }

    private static void checkHeader(Map<String, Object> header) {
        if (!"RS256".equals(header.get("alg"))) {
            throw new BadJwtException(ALGORITHM);
        }
        for (String name : REFUSED_HEADERS) {
            if (header.containsKey(name)) {
                throw new BadJwtException("Token header parameter '" + name + "' is not accepted.");
            }
        }
        if (!header.containsKey("kid")) {
            throw new BadJwtException(NO_KEY_ID);
        }
        if (!(header.get("kid") instanceof String kid) || kid.length() > MAX_KEY_ID_LENGTH
                || !KEY_ID_CHARACTERS.matcher(kid).matches() || ONLY_DOTS.matcher(kid).matches()) {
            throw new BadJwtException(KEY_ID);
        }
    }

    /** The claims as Nimbus would hand them to Spring, converted and validated as the verified token's are. */
    private void checkClaims(String token, Map<String, Object> header, Map<String, Object> payload) {
        Map<String, Object> claims;
        try {
            claims = JWTClaimsSet.parse(payload).getClaims();
        } catch (ParseException e) {
            throw new BadJwtException(CLAIM_TYPE);
        }
        Jwt unverified;
        try {
            unverified = Jwt.withTokenValue(token)
                    .headers(headers -> headers.putAll(header))
                    .claims(values -> values.putAll(claimSetConverter.convert(claims)))
                    .build();
        } catch (RuntimeException e) {
            // No claims at all, a time that is not one, or iat after exp: Spring cannot even hold it.
            throw new BadJwtException(StrictJwtDecoder.MALFORMED);
        }
        validator.validate(unverified).getErrors().stream().map(OAuth2Error::getDescription).findFirst()
                .ifPresent(message -> {
                    throw new BadJwtException(message);
                });
    }

    private static Map<String, Object> jsonObject(String part) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decode(part)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadJwtException(NOT_JSON);
        }
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            if (object == null) {
                throw new BadJwtException(NOT_JSON);
            }
            return object;
        } catch (ParseException e) {
            throw new BadJwtException(NOT_JSON);
        }
    }

    /** Strict base64url: its alphabet only, no padding, and the one canonical spelling of its bytes. */
    private static byte[] decode(String part) {
        if (!part.isEmpty() && !BASE64URL.matcher(part).matches()) {
            throw new BadJwtException(ENCODING);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
                throw new BadJwtException(ENCODING);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new BadJwtException(ENCODING);
        }
    }
}
