package catdata.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Authorization codes between {@code /authorize} and {@code /oauth/token}: each lives at most
 * {@link #LIFETIME} and works once, for the client and {@code redirect_uri} it was issued to, and
 * only with the PKCE verifier whose S256 challenge it was asked with (RFC 7636).
 */
final class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Issued> codes;

    record Issued(Grant grant, String redirectUri, String codeChallenge) {
    }

    AuthorizationCodes() {
        this(LIFETIME);
    }

    /** With another lifetime: the tests' expired codes. */
    AuthorizationCodes(Duration lifetime) {
        this.codes = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
    }

    String issue(Grant grant, String redirectUri, String codeChallenge) {
        String code = Sessions.randomId(random);
        codes.put(code, new Issued(grant, redirectUri, codeChallenge));
        return code;
    }

    /** The code's grant, taken: a second exchange of the same code finds nothing. Empty if unknown or expired. */
    Optional<Issued> take(String code) {
        return Optional.ofNullable(codes.asMap().remove(code));
    }

    /** Whether {@code verifier} is the one whose S256 challenge is {@code challenge}. */
    static boolean verifies(String verifier, String challenge) {
        // RFC 7636 §4.1: 43 to 128 unreserved characters.
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return false;
        }
        return MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
