package catdata.web;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** Every error is JSON with an {@code error} member, whatever went wrong. */
class ErrorResponsesTest extends ApiTest {

    @Test
    void anUnknownRouteIsAJson404() {
        ApiResponse response = api.get("/api/no-such-thing", bearer(newUserToken()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).contains("json");
        assertThat(response.error()).isEqualTo("Not found.");
    }

    @Test
    void aWrongMethodIsAJson405() {
        ApiResponse response = api.send("PUT", "/api/images", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), bearer(newUserToken()));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.error()).isEqualTo("Method not allowed.");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void aUrlTheFirewallRejectsIsAJson400Too() {
        ApiResponse response = api.get("/api/image/1;jsessionid=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo("Bad Request.");
    }

    @Test
    void errorBodiesAreProblemDetailsToo() {
        ApiResponse response = api.get("/api/image/abc", bearer(newUserToken()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(response.json().path("title").asString()).isEqualTo("Bad Request");
        assertThat(response.json().path("detail").asString()).isEqualTo("Invalid id.");
        assertThat(response.error()).isEqualTo("Invalid id.");
    }
}
