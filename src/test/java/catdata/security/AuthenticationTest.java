package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.Base64URL;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestIssuer;

/**
 * The auth matrix: the ways a request succeeds, and those in which a well-formed token still fails
 * (its key, its signature). Tokens refused by the cheap checks are tried in {@link HostileTokenTest},
 * the Authorization header's forms in {@link BearerHeaderTest}.
 */
class AuthenticationTest extends ApiTest {

    private static final String PROTECTED = "/api/images";

    @Test
    void aValidTokenIsAccepted() {
        ApiResponse response = api.get(PROTECTED, bearer(newUserToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @Test
    void anRfc9068AccessTokenIsAccepted() {
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().type("at+jwt").build())).status()).isEqualTo(200);
    }

    @Test
    void aTokenWhoseAudienceListContainsOursIsAccepted() {
        String token = ISSUER.token().audience("https://someone-else", TestIssuer.AUDIENCE).build();

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void noAuthorizationHeaderIsRefusedWithABareChallenge() {
        ApiResponse response = api.get(PROTECTED);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("No authorization token was found");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(response.header("Content-Type")).contains("json");
    }

    @Test
    void anotherSchemeCountsAsNoToken() {
        ApiResponse response = api.get(PROTECTED, "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("No authorization token was found");
        assertThat(response.header("WWW-Authenticate")).doesNotContain("error=");
    }

    @Test
    void bearerWithoutATokenIsMalformed() {
        assertInvalidToken(api.get(PROTECTED, "Authorization", "Bearer "), "Bearer token is malformed");
    }

    @Test
    void aTokenExpiredWithinTheLeewayIsStillAccepted() {
        String token = ISSUER.token().expiredAt(Instant.now().minus(Duration.ofSeconds(10))).build();

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderAKnownKidIsRefused() {
        String token = ISSUER.token().signedWith(TestIssuer.newKey()).build();

        assertInvalidToken(api.get(PROTECTED, bearer(token)), StrictJwtDecoder.SIGNATURE);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = ISSUER.token().buildWithSignature(Base64URL.encode(new byte[256]));

        assertInvalidToken(api.get(PROTECTED, bearer(token)), StrictJwtDecoder.SIGNATURE);
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() {
        String token = ISSUER.token().keyId("unknown-" + System.nanoTime()).build();

        assertInvalidToken(api.get(PROTECTED, bearer(token)), StrictJwtDecoder.UNKNOWN_KEY);
    }

    @Test
    void aTokenWithoutIssuedAtIsAccepted() {
        String token = ISSUER.token().issuedAt(null).expiresAt(Instant.now().plus(Duration.ofHours(12))).build();

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void scopesOfAnUnexpectedShapeDoNotBreakAuthentication() {
        String token = ISSUER.token().claim("scp", List.of(1, 2)).claim("scope", 42).build();

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void withoutAuth0RequiredPermissionsATokenWithoutPermissionsMayReadAndWrite() {
        String token = newUserToken();

        ApiResponse created = api.send("POST", "/api/tag", "application/json",
                "{\"name\": \"plain\"}".getBytes(StandardCharsets.UTF_8), bearer(token));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/api/tags", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void theBannerAndHealthAreOpen() {
        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/").text()).isEqualTo("Hello from CAT API");
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void everythingElseNeedsAToken() {
        assertThat(api.get("/actuator/env").status()).isEqualTo(401);
        assertThat(api.get("/no-such-page").status()).isEqualTo(401);
    }

    private static void assertInvalidToken(ApiResponse response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error()).isEqualTo(message);
        assertThat(response.header("WWW-Authenticate"))
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("error_description=\"" + message + "\"");
    }
}
