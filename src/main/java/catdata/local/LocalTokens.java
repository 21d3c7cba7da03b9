package catdata.local;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The tokens local mode signs, shaped as Auth0's: access tokens for the API (a machine's, from
 * the client-credentials grant, or a person's, with the {@code /userinfo} audience beside the
 * API's), and ID tokens for the client, with the {@code nonce} it asked for.
 */
final class LocalTokens {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(10);
    /**
     * Every API permission, in both places Auth0 may put them, so that local tokens also work with
     * {@code AUTH0_REQUIRED_PERMISSIONS=true}.
     */
    static final List<String> PERMISSIONS = List.of("read:catalog", "write:catalog");

    private final RSAKey key;
    private final String issuer;

    LocalTokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    String userinfoAudience() {
        return issuer + "userinfo";
    }

    /** A machine's token: {@code <client>@clients}, as Auth0 names a client-credentials subject. */
    String forClient(String clientId, String audience) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId + "@clients")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
                .claim("azp", clientId)
                .claim("gty", "client-credentials")
                .claim("permissions", PERMISSIONS)
                .claim("scope", String.join(" ", PERMISSIONS))
                .build());
    }

    /** A person's token for the API, and for {@code /userinfo} when {@code openid} was asked for. */
    String accessToken(Grant grant) {
        Instant now = Instant.now();
        List<String> audiences = grant.openId() ? List.of(grant.audience(), userinfoAudience()) : List.of(grant.audience());
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.user().subject())
                .audience(audiences)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
                .claim("azp", grant.clientId())
                .claim("scope", grant.scope())
                .claim("permissions", PERMISSIONS)
                .build());
    }

    String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.user().subject())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)))
                .claim("azp", grant.clientId())
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("name", grant.user().name())
                .claim("nickname", grant.user().name())
                .claim("email", grant.user().email())
                .claim("email_verified", false);
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        return sign(claims.build());
    }

    /**
     * The subject of an access token this issuer signed for {@code /userinfo}, still valid; empty
     * for anything else.
     */
    Optional<String> userinfoSubject(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = issuer.equals(claims.getIssuer()) && claims.getAudience().contains(userinfoAudience())
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now());
            return valid ? Optional.ofNullable(claims.getSubject()) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Local issuer could not sign a token", e);
        }
        return jwt.serialize();
    }
}
