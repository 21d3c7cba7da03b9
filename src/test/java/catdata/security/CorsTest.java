package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** The test application allows http://localhost:5173 and https://catalogue.example. */
class CorsTest extends ApiTest {

    private static final String ALLOWED = "https://catalogue.example";
    private static final String FRONT_END = "http://localhost:5173";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        ApiResponse response = api.options("/api/image/1", "Origin", ALLOWED,
                "Access-Control-Request-Method", "DELETE",
                "Access-Control-Request-Headers", "authorization, content-type");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization", "content-type");
    }

    @Test
    void aRefusalCarriesTheCorsHeadersSoTheBrowserCanReadIt() {
        ApiResponse response = api.get("/api/images", "Origin", "http://localhost:5173");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(response.error()).isEqualTo("No authorization token was found");
    }

    @Test
    void theLocationHeaderIsExposedToTheBrowser() {
        ApiResponse response = api.get("/api/images", "Origin", ALLOWED, "Authorization", "Bearer " + newUserToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Expose-Headers")).contains("Location");
    }

    @Test
    void theTotalCountOfAPagedListIsExposedToTheFrontEnd() {
        ApiResponse preflight = api.options("/api/items?limit=10", "Origin", FRONT_END,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        ApiResponse response = api.get("/api/items?limit=10", "Origin", FRONT_END,
                "Authorization", "Bearer " + newUserToken());

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("0");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Total-Count");
    }

    @Test
    void aForeignOriginGetsNoCorsHeaders() {
        ApiResponse preflight = api.options("/api/images", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        ApiResponse request = api.get("/api/images", "Origin", "https://evil.example",
                "Authorization", "Bearer " + newUserToken());

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(request.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aForeignOriginIsRefusedWithTheJsonErrorBeforeAnythingIsWritten() {
        String token = newUserToken();

        ApiResponse preflight = api.options("/api/container", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        ApiResponse request = api.send("POST", "/api/container", "application/json",
                "{\"name\": \"Box\"}".getBytes(StandardCharsets.UTF_8),
                "Origin", "https://evil.example", "Authorization", "Bearer " + token);

        for (ApiResponse refused : List.of(preflight, request)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.error()).isEqualTo("Cross-origin request refused.");
        }
        assertThat(api.get("/api/containers", "Authorization", "Bearer " + token).json()).isEmpty();
    }
}
