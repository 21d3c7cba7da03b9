package catdata.error;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(response.error()).isEqualTo(
                "The request URL, a parameter or a header contains characters that are not allowed.");
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

    @ParameterizedTest
    @ValueSource(strings = {"/api/items?limit=%ff", "/api/containers?x=%ff", "/api/images?limit=%ff",
            "/api/items/search?name=%ED%A0%80"})
    void aQueryStringThatIsNotUtf8IsAJson400(String path) {
        ApiResponse response = api.get(path, bearer(newUserToken()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Malformed query string.");
    }

    @Test
    void aClientThatCannotReadJsonIsRefusedBeforeAnythingIsWritten() {
        String token = newUserToken();

        ApiResponse response = api.send("POST", "/api/container", "application/json",
                "{\"name\": \"Box\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + token, "Accept", "image/png");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.error()).isEqualTo("Not acceptable.");
        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
    }

    @Test
    void theFrontEndsUsualAcceptHeaderGetsJson() {
        ApiResponse response = api.get("/api/containers", "Authorization", "Bearer " + newUserToken(),
                "Accept", "application/json, text/plain, */*");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    /**
     * A browser ranks XML above anything else; the answer is JSON all the same. The tests' class
     * path holds an XML mapper (the S3 server's), so Boot adds an XML converter here: every route
     * declaring that it produces JSON is what keeps it from answering.
     */
    @Test
    void aBrowsersAcceptHeaderGetsJsonAndAskingForXmlAloneIsNotAcceptable() {
        String token = newUserToken();

        ApiResponse browser = api.get("/api/me", "Authorization", "Bearer " + token,
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        ApiResponse xml = api.get("/api/me", "Authorization", "Bearer " + token, "Accept", "application/xml");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.header("Content-Type")).startsWith("application/json");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.error()).isEqualTo("Not acceptable.");
    }
}
