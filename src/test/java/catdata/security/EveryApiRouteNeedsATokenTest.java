package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import catdata.support.ApiResponse;
import catdata.support.ApiRoutes.Route;
import catdata.support.ApiRoutes;
import catdata.support.ApiTest;
import catdata.support.TableChecksums;
import catdata.support.TestIssuer;

/**
 * Every route the application serves under /api, read from Spring MVC itself so that a new
 * endpoint cannot be forgotten, refuses a request without a valid token, and writes nothing.
 */
class EveryApiRouteNeedsATokenTest extends ApiTest {

    /** A body every write endpoint would accept, were the caller authenticated. */
    private static final byte[] BODY = """
            {"name": "Box", "container_id": 1, "to_container_id": 1}""".getBytes(StandardCharsets.UTF_8);

    private final RequestMappingHandlerMapping handlerMapping;
    private final JdbcClient jdbc;

    @Autowired
    EveryApiRouteNeedsATokenTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping,
            JdbcClient jdbc) {
        this.handlerMapping = handlerMapping;
        this.jdbc = jdbc;
    }

    @Test
    void withoutATokenEveryRouteIsA401WithABareChallenge() {
        Map<String, String> rowsBefore = TableChecksums.of(jdbc);

        for (Route route : apiRoutes()) {
            ApiResponse response = call(route);

            assertThat(response.status()).as("%s: %s", route, response).isEqualTo(401);
            assertThat(response.error()).as("%s", route).isEqualTo("No authorization token was found");
            assertThat(response.header("WWW-Authenticate")).as("%s", route).startsWith("Bearer");
        }
        assertThat(TableChecksums.of(jdbc)).isEqualTo(rowsBefore);
    }

    @Test
    void withAnInvalidTokenEveryRouteIsA401SayingWhy() {
        String expired = ISSUER.token().expiredAt(Instant.now().minus(Duration.ofHours(1))).build();
        String forged = ISSUER.token().signedWith(TestIssuer.newKey()).build();
        Map<String, String> rowsBefore = TableChecksums.of(jdbc);

        for (Route route : apiRoutes()) {
            for (String token : List.of(expired, forged, "not-a-jwt")) {
                ApiResponse response = call(route, bearer(token));

                assertThat(response.status()).as("%s: %s", route, response).isEqualTo(401);
                assertThat(response.error()).as("%s", route).isNotBlank();
                assertThat(response.header("WWW-Authenticate")).as("%s", route).startsWith("Bearer error=\"invalid_token\"");
            }
        }
        assertThat(TableChecksums.of(jdbc)).isEqualTo(rowsBefore);
    }

    @Test
    void theRoutesTriedAreTheWholeApi() {
        assertThat(apiRoutes()).contains(new Route("POST", "/api/item"), new Route("PATCH", "/api/tag/1"),
                new Route("POST", "/api/container/1/move-items"), new Route("GET", "/api/items/search-text"))
                .hasSizeGreaterThanOrEqualTo(30);
    }

    private ApiResponse call(Route route, String... headers) {
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
            return api.send(route.method(), route.path(), null, new byte[0], headers);
        }
        return api.send(route.method(), route.path(), "application/json", BODY, headers);
    }

    private List<Route> apiRoutes() {
        return ApiRoutes.of(handlerMapping).stream()
                .map(route -> new Route(route.method(), route.pathWithId(1)))
                .toList();
    }
}
