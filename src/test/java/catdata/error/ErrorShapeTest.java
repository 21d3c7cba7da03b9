package catdata.error;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/**
 * One error shape, whichever layer answers: for every class of error, an error written by a
 * filter and one thrown from a controller look alike (status, body, content type, caching,
 * {@code Retry-After}); and real refusals from both layers have that shape too.
 */
class ErrorShapeTest extends ApiTest {

    private static final String FROM_CONTROLLER = "/api/test-errors/controller/";
    private static final String FROM_FILTER = "/api/test-errors/filter/";

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503})
    void aFilterAndAControllerWriteTheSameError(int status) {
        String token = newUserToken();

        ApiResponse fromFilter = api.get(FROM_FILTER + status, bearer(token));
        ApiResponse fromController = api.get(FROM_CONTROLLER + status, bearer(token));

        assertOneShape(fromFilter, status, "Refused on purpose.");
        assertOneShape(fromController, status, "Refused on purpose.");
        for (String header : List.of("Content-Type", "Cache-Control", "Retry-After")) {
            assertThat(fromFilter.header(header)).as(header).isEqualTo(fromController.header(header));
        }
        assertThat(fromFilter.json()).isEqualTo(fromController.json());
    }

    @Test
    void aPathTomcatRefusesIs400FromTheServerItself() {
        assertOneShape(api.get("/api/image/%2F1"), 400, "Malformed HTTP request.");
    }

    @Test
    void aUrlTheFirewallRejectsIs400BeforeTheSecurityChain() {
        assertOneShape(api.get("/api/image/1;jsessionid=x"), 400,
                "The request URL, a parameter or a header contains characters that are not allowed.");
    }

    @Test
    void noTokenIs401WithItsChallenge() {
        ApiResponse response = api.get("/api/containers");

        assertOneShape(response, 401, "No authorization token was found");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aForeignOriginIs403FromTheSecurityChain() {
        ApiResponse response = api.get("/api/containers", "Authorization", "Bearer " + newUserToken(),
                "Origin", "https://elsewhere.example");

        assertOneShape(response, 403, "Cross-origin request refused.");
    }

    @Test
    void anUnknownIdIs404FromTheController() {
        assertOneShape(api.get("/api/container/999999999", bearer(newUserToken())), 404, "Container not found.");
    }

    @Test
    void aWrongMethodIs405() {
        ApiResponse response = api.send("PUT", "/api/images", "application/json", json("{}"), bearer(newUserToken()));

        assertOneShape(response, 405, "Method not allowed.");
    }

    @Test
    void aNameTakenIs409() {
        String token = newUserToken();
        api.send("POST", "/api/container", "application/json", json("{\"name\": \"Box\"}"), bearer(token));

        ApiResponse response = api.send("POST", "/api/container", "application/json", json("{\"name\": \"box\"}"),
                bearer(token));

        assertThat(response.status()).isEqualTo(409);
        assertOneShape(response, 409, response.error());
    }

    @Test
    void anOversizeBodyIs413FromItsFilter() {
        byte[] body = new byte[2 * 1024 * 1024];
        ApiResponse response = api.send("POST", "/api/container", "application/json", body, bearer(newUserToken()));

        assertOneShape(response, 413, "Request body too large (max 1MB).");
    }

    @Test
    void aBodyOfTheWrongTypeIs415() {
        ApiResponse response = api.send("POST", "/api/container", "text/plain", json("Box"), bearer(newUserToken()));

        assertOneShape(response, 415, "Unsupported content type.");
    }

    private static void assertOneShape(ApiResponse response, int status, String message) {
        assertThat(response.status()).as("status").isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(response.header("Retry-After")).as("Retry-After").isEqualTo(status == 503 ? "5" : null);
        assertThat(response.json().propertyNames()).containsExactly("type", "title", "status", "detail", "error");
        assertThat(response.json().path("type").asString()).isEqualTo("about:blank");
        assertThat(response.json().path("title").asString()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).isEqualTo(message);
        assertThat(response.error()).isEqualTo(message);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers {@code /api/test-errors/…/{status}} from each layer, so every status can be asked for. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(ErrorRoutes.ControllerThatRefuses.class)
    static class ErrorRoutes {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> filterThatRefuses(ErrorWriter errors) {
            FilterRegistrationBean<OncePerRequestFilter> registration =
                    new FilterRegistrationBean<>(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
                            String path = request.getRequestURI();
                            if (!path.startsWith(FROM_FILTER)) {
                                chain.doFilter(request, response);
                                return;
                            }
                            int status = Integer.parseInt(path.substring(FROM_FILTER.length()));
                            errors.write(response, HttpStatus.valueOf(status), "Refused on purpose.");
                        }
                    });
            // After the security chain, as the service's own body checks run.
            registration.setOrder(0);
            return registration;
        }

        @RestController
        static class ControllerThatRefuses {

            @GetMapping(FROM_CONTROLLER + "{status}")
            void refuse(@PathVariable int status) {
                throw new Refused(HttpStatus.valueOf(status));
            }
        }
    }

    private static final class Refused extends ApiException {
        Refused(HttpStatus status) {
            super(status, "Refused on purpose.");
        }
    }
}
