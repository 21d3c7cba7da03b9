package catdata.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Tokens for tests: by default a valid RS256 access token from {@link TestIssuer}; each method
 * changes one thing, so a test says exactly what is wrong with the token it sends. The header and
 * payload are serialized here rather than by Nimbus's {@code SignedJWT}, so that a test can sign
 * headers Nimbus would refuse to build (a {@code kid} that is a number, a {@code crit} list).
 */
public final class TokenBuilder {

    private final RSAKey publishedKey;
    private RSAKey signingKey;
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private String keyId;
    private String issuer;
    private List<String> audience;
    private String subject = "user-" + UUID.randomUUID();
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private Instant notBefore;
    private Instant issuedAt = Instant.now();
    private String type = "JWT";
    private final Map<String, Object> extraHeaders = new LinkedHashMap<>();
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();
    private String rawHeader;
    private String rawPayload;

    public TokenBuilder(String issuer, String audience, RSAKey key) {
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

    /** No {@code aud} claim at all when called without values. */
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

    /** The {@code typ} header; {@code null} leaves it out. */
    public TokenBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** Any other claim, or a standard one with a value of the wrong type. */
    public TokenBuilder claim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    /** The {@code kid} header; {@code null} leaves it out. */
    public TokenBuilder keyId(String value) {
        this.keyId = value;
        return this;
    }

    /**
     * Any header parameter, with any JSON value, replacing the builder's own ({@code alg},
     * {@code kid}, {@code typ}) if it has the same name.
     */
    public TokenBuilder header(String name, Object value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Signs with this algorithm and says so in {@code alg}: RSA ones with the key, ES256 with a new EC key. */
    public TokenBuilder algorithm(JWSAlgorithm value) {
        this.algorithm = value;
        return this;
    }

    /** Signs with another key while still naming the published key's id: a forged signature. */
    public TokenBuilder signedWith(RSAKey key) {
        this.signingKey = key;
        return this;
    }

    /** This exact text, base64url-encoded, as the header (signed as RS256 with the key). */
    public TokenBuilder rawHeader(String json) {
        this.rawHeader = json;
        return this;
    }

    /** This exact text, base64url-encoded, as the payload. */
    public TokenBuilder rawPayload(String json) {
        this.rawPayload = json;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String build() {
        String signingInput = encode(rawHeader != null ? rawHeader : JSONObjectUtils.toJSONString(header())) + "."
                + encode(rawPayload != null ? rawPayload : claims().toString());
        return signingInput + "." + sign(signingInput);
    }

    /** The same claims, unsigned ({@code alg: none}, empty signature). */
    public String buildUnsigned() {
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "none"));
        return encode(JSONObjectUtils.toJSONString(header)) + "." + encode(claims().toString()) + ".";
    }

    /**
     * HS256 with the issuer's public key as the HMAC secret: the classic key-confusion attack on
     * verifiers that trust the token's {@code alg}.
     */
    public String buildHs256WithPublicKey() {
        return algorithm(JWSAlgorithm.HS256).build();
    }

    /** A token whose signature part is replaced, everything else intact. */
    public String buildWithSignature(Base64URL signature) {
        String[] parts = build().split("\\.");
        return parts[0] + "." + parts[1] + "." + signature;
    }

    /** The signed token nested in a JWE encrypted to the published key: five parts. */
    public String buildEncrypted() {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(keyId).build(), new Payload(build()));
        try {
            jwe.encrypt(new RSAEncrypter(publishedKey.toRSAPublicKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwe.serialize();
    }

    private Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm.getName());
        if (type != null) {
            header.put("typ", type);
        }
        if (keyId != null) {
            header.put("kid", keyId);
        }
        header.putAll(extraHeaders);
        return header;
    }

    private String sign(String signingInput) {
        try {
            return signer().sign(new JWSHeader(algorithm), signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWSSigner signer() throws JOSEException {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            byte[] secret = publishedKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            return new MACSigner(secret);
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            return new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate());
        }
        return new RSASSASigner(signingKey);
    }

    private static String encode(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience.isEmpty() ? null : audience)
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        extraClaims.forEach(claims::claim);
        return claims.build();
    }
}
