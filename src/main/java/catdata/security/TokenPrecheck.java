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

    /**
     * The checks that depend on the token's text alone and need no parsing, cheap enough for every
     * request: at most 8 KiB, three parts, each empty or canonical unpadded base64url. After this a
     * token has exactly one spelling, so its text can identify it ({@link VerifiedTokenCache}). An
     * empty part is left to {@link #checkContents}, which names what it lacks.
     */
    static void checkShape(String token) {
        if (token.length() > MAX_LENGTH) {
            throw new BadJwtException(TOO_LONG);
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new BadJwtException(PARTS);
        }
        if (!isCanonicalBase64Url(token, 0, firstDot) || !isCanonicalBase64Url(token, firstDot + 1, secondDot)
                || !isCanonicalBase64Url(token, secondDot + 1, token.length())) {
            throw new BadJwtException(ENCODING);
        }
    }

    /**
     * The header of a token that passed {@link #checkShape}, parsed and checked: RS256, none of the
     * refused parameters, and a key id of the accepted form, which it returns. Throws a
     * {@link BadJwtException} naming the first problem found.
     */
    static String checkHeader(String token) {
        Map<String, Object> header = jsonObject(token.substring(0, token.indexOf('.')));
        checkHeader(header);
        return (String) header.get("kid");
    }

    /**
     * Everything after {@link #checkShape}, which the token must have passed: its header, claims and
     * signature length. Throws a {@link BadJwtException} naming the first problem found.
     */
    void checkContents(String token) {
        int firstDot = token.indexOf('.');
        int secondDot = token.indexOf('.', firstDot + 1);
        Map<String, Object> header = jsonObject(token.substring(0, firstDot));
        checkHeader(header);
        Map<String, Object> payload = jsonObject(token.substring(firstDot + 1, secondDot));
        String signature = token.substring(secondDot + 1);
        if (signature.isEmpty()) {
            throw new BadJwtException(ENCODING);
        }
        checkSignatureLength(Base64.getUrlDecoder().decode(signature).length);
        checkClaims(token, header, payload);
    }

    /**
     * Unpadded base64url with no other spelling of the same bytes: its alphabet only, never a length
     * of 4n+1, and the bits the last character carries beyond the encoded bytes all zero (a decoder
     * ignores them, so setting them would spell the same bytes another way). A loop rather than a
     * regular expression: it runs over every token of every request.
     */
    static boolean isCanonicalBase64Url(String text, int start, int end) {
        int length = end - start;
        if (length % 4 == 1) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (base64UrlValue(text.charAt(i)) < 0) {
                return false;
            }
        }
        if (length == 0) {
            return true;
        }
        int last = base64UrlValue(text.charAt(end - 1));
        // 4n+2 characters end with 4 spare bits, 4n+3 with 2, 4n with none.
        int spareBits = switch (length % 4) {
            case 2 -> 0b1111;
            case 3 -> 0b11;
            default -> 0;
        };
        return (last & spareBits) == 0;
    }

    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
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
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(part)))
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

}
