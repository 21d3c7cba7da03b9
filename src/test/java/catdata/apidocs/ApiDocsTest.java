package catdata.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiRoutes;
import catdata.support.ApiRoutes.Route;
import catdata.support.ApiTest;

/** The OpenAPI description is public, complete and honest about authentication and errors. */
class ApiDocsTest extends ApiTest {

    private final RequestMappingHandlerMapping handlerMapping;

    @Autowired
    ApiDocsTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    @Test
    void theDescriptionIsServedWithoutAToken() {
        ApiResponse docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("info").path("title").asString()).isEqualTo("Cat Data API");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        ApiResponse redirect = api.get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/swagger-ui/index.html");

        ApiResponse page = api.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        assertThat(api.get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
    }

    @Test
    void bearerTokensAreDeclaredForEveryOperationSoAuthorizeWorksInTheUi() {
        JsonNode docs = api.get("/v3/api-docs").json();

        JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.path("security").get(0).has("bearer")).isTrue();
    }

    @Test
    void everyApiRouteIsDescribedWithASummaryAndItsErrors() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");
        List<Route> routes = ApiRoutes.of(handlerMapping);
        assertThat(routes).hasSizeGreaterThanOrEqualTo(30);

        for (Route route : routes) {
            JsonNode operation = paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as("%s is in the description", route).isTrue();
            assertThat(operation.path("summary").asString()).as("summary of %s", route).isNotBlank();
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("401")).as("%s documents 401", route).isTrue();
            assertThat(responses.path("401").path("content").has("application/problem+json"))
                    .as("%s documents the error body", route).isTrue();
            if (route.path().contains("{id}")) {
                assertThat(responses.has("400") && responses.has("404")).as("%s documents 400 and 404", route).isTrue();
            }
            assertThat(responses.propertyNames().stream().anyMatch(status -> status.startsWith("2")))
                    .as("%s documents its success", route).isTrue();
        }
    }

    @Test
    void onlyTheApiIsDescribed() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void theCallerIsNotMistakenForAParameter() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        List<String> parameterNames = new ArrayList<>();
        paths.forEach(operations -> operations.forEach(operation ->
                operation.path("parameters").forEach(parameter -> parameterNames.add(parameter.path("name").asString()))));
        assertThat(parameterNames).isNotEmpty().doesNotContain("user", "sub", "file", "paging");
    }

    @Test
    void catalogueCallsNameTheirHouseholdAndViewersAreRefusedChanges() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        JsonNode list = paths.path("/api/containers").path("get");
        assertThat(list.path("parameters").findValuesAsString("name")).contains("X-Household", "household");
        assertThat(list.path("responses").has("403")).isFalse();
        JsonNode create = paths.path("/api/container").path("post");
        assertThat(create.path("parameters").findValuesAsString("name")).contains("X-Household", "household");
        assertThat(create.path("responses").has("403")).isTrue();
        assertThat(paths.path("/api/households").path("get").path("parameters").findValuesAsString("name"))
                .doesNotContain("X-Household");
    }

    @Test
    void conflictsAreDocumentedWhereNamesMustBeUnique() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/container").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/tag").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/container/{id}").path("delete").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/container").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/image").path("post").path("requestBody").path("content")
                .has("multipart/form-data")).isTrue();
    }

    @Test
    void pagedListsDeclareTheirTotalCountHeader() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        for (String list : List.of("/api/containers", "/api/tags", "/api/items", "/api/items/search-text", "/api/images")) {
            JsonNode ok = paths.path(list).path("get").path("responses").path("200");
            assertThat(ok.path("headers").has("X-Total-Count")).as(list).isTrue();
        }
        assertThat(paths.path("/api/item/{id}").path("get").path("responses").path("200").has("headers")).isFalse();
    }
}
