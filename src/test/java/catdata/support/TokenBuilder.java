package catdata.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens for tests: by default a valid RS256 access token from {@link TestIssuer}; each method
 * changes one thing, so a test says exactly what is wrong with the token it sends.
 */
public final class TokenBuilder {

    private final RSAKey publishedKey;
    private RSAKey signingKey;
    private String keyId;
    private String issuer;
    private List<String> audience;
    private String subject = "user-" + UUID.randomUUID();
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private Instant notBefore;
    private Instant issuedAt = Instant.now();
    private JOSEObjectType type = JOSEObjectType.JWT;
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();

    TokenBuilder(String issuer, String audience, RSAKey key) {
        this.issuer = issuer;
        this.audience = List.of(audience);
        this.publishedKey = key;
        this.signingKey = key;
        this.keyId = key.getKeyID();
    }

    public TokenBuilder subject(String value) {
        this.subject = value;
        return this;
    }

    public TokenBuilder issuer(String value) {
        this.issuer = value;
        return this;
    }

    public TokenBuilder audience(String... values) {
        this.audience = List.of(values);
        return this;
    }

    public TokenBuilder expiresAt(Instant value) {
        this.expiresAt = value;
        return this;
    }

    public TokenBuilder issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    /** Issued an hour before it expired, as a real expired token was. */
    public TokenBuilder expiredAt(Instant value) {
        return expiresAt(value).issuedAt(value.minus(Duration.ofHours(1)));
    }

    public TokenBuilder notBefore(Instant value) {
        this.notBefore = value;
        return this;
    }

    public TokenBuilder type(String value) {
        this.type = value == null ? null : new JOSEObjectType(value);
        return this;
    }

    /** Any other claim, or a standard one with a value of the wrong type. */
    public TokenBuilder claim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    public TokenBuilder keyId(String value) {
        this.keyId = value;
        return this;
    }

    /** Signs with another key while still naming the published key's id: a forged signature. */
    public TokenBuilder signedWith(RSAKey key) {
        this.signingKey = key;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String build() {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(type).build(), claims());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The same claims, unsigned ({@code alg: none}). */
    public String buildUnsigned() {
        return new PlainJWT(claims()).serialize();
    }

    /**
     * HS256 with the issuer's public key as the HMAC secret: the classic key-confusion attack on
     * verifiers that trust the token's {@code alg}.
     */
    public String buildHs256WithPublicKey() {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims());
        try {
            byte[] secret = publishedKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token whose signature part is replaced, everything else intact. */
    public String buildWithSignature(Base64URL signature) {
        String[] parts = build().split("\\.");
        return parts[0] + "." + parts[1] + "." + signature;
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        extraClaims.forEach(claims::claim);
        return claims.build();
    }
}
