package catdata;

import static catdata.NamedResource.row;
import static catdata.NamedResource.withEach;
import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.assertFreshTimestamps;
import static catdata.support.CatalogueFixtures.assertPage;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.instant;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TokenBuilder;

/**
 * What the container and tag endpoints share: create, read, list, rename and delete, and every
 * refusal of an id, a body, a token or a page. Names have {@link NameRulesTest}; what only one of
 * them does is in {@code ContainerApiTest} and {@code TagApiTest}.
 */
class NamedResourceApiTest extends ApiTest {

    private static final String INVALID_NAME = "Invalid value for 'name'.";
    private static final String MALFORMED = "Malformed JSON request body.";

    private final JdbcClient jdbc;

    @Autowired
    NamedResourceApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- success paths ---

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aCreatedOneComesBackWithItsLocationATrimmedNameAndExactlyTheContractFields(NamedResource resource) {
        ApiResponse response = resource.post(api, newUserToken(), json("name", "  Garage shelf \t\n"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.propertyNames()).containsExactlyInAnyOrder(resource.fields);
        assertThat(response.header("Location")).isEqualTo(resource.path(id(created)));
        assertThat(id(created)).isPositive();
        assertThat(created.path("name").asString()).isEqualTo("Garage shelf");
        assertFreshTimestamps(created);
        assertThat(created.path("updated_at")).isEqualTo(created.path("created_at"));
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void oneIsReadBackByIdAsItWasCreated(NamedResource resource) {
        String token = newUserToken();
        JsonNode created = resource.create(api, token, "Attic");

        ApiResponse response = api.get(resource.path(id(created)), bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
    }

    /** The order's finer cases are tried on the query itself, in ContainerRepositoryTest and TagRepositoryTest. */
    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void theListHoldsOnlyTheCallersOnesOrderedByNameIgnoringCase(NamedResource resource) {
        String token = newUserToken();
        for (String name : List.of("beta", "ALPHA2", "Alpha")) {
            resource.create(api, token, name);
        }
        resource.create(api, newUserToken(), "Aardvark");

        ApiResponse response = api.get(resource.list, bearer(token));

        assertThat(names(response)).containsExactly("Alpha", "ALPHA2", "beta");
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream().forEach(row -> {
            assertThat(row.propertyNames()).containsExactlyInAnyOrder(resource.fields);
            assertThat(row.path("created_at").asString()).matches(ISO_MILLIS);
            assertThat(row.path("updated_at").asString()).matches(ISO_MILLIS);
        });
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aNewUserHasNone(NamedResource resource) {
        String token = newUserToken();

        assertThat(api.get(resource.list, bearer(token)).json().isEmpty()).isTrue();
        assertThat(api.get(resource.listWithCounts, bearer(token)).json().isEmpty()).isTrue();
    }

    static Stream<Arguments> putAndPatch() {
        return withEach("PUT", "PATCH");
    }

    @ParameterizedTest
    @MethodSource("putAndPatch")
    void aNameRenamesItTrimmed(NamedResource resource, String method) {
        String token = newUserToken();
        JsonNode created = resource.create(api, token, "winter");

        ApiResponse response = sendJson(api, method, resource.path(id(created)), token,
                json("name", " Winter clothes "));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode renamed = response.json();
        assertThat(renamed.propertyNames()).containsExactlyInAnyOrder(resource.fields);
        assertThat(renamed.path("id")).isEqualTo(created.path("id"));
        assertThat(renamed.path("name").asString()).isEqualTo("Winter clothes");
        assertThat(renamed.path("created_at")).isEqualTo(created.path("created_at"));
        assertThat(instant(renamed, "updated_at")).isAfter(instant(created, "updated_at"));
        assertThat(api.get(resource.path(id(created)), bearer(token)).json()).isEqualTo(renamed);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void deletingAnUnusedOneAnswers204AndItIsGone(NamedResource resource) {
        String token = newUserToken();
        long id = id(resource.create(api, token, "Box"));

        ApiResponse response = api.delete(resource.path(id), bearer(token));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertError(api.get(resource.path(id), bearer(token)), 404, resource.notFound);
        assertError(api.delete(resource.path(id), bearer(token)), 404, resource.notFound);
        assertThat(names(api.get(resource.list, bearer(token)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("putAndPatch")
    void anUpdateWithNothingToUpdateIsRefused(NamedResource resource, String method) {
        String token = newUserToken();
        JsonNode row = resource.create(api, token, "Box");

        assertBadRequest(sendJson(api, method, resource.path(id(row)), token, "{}"), "Nothing to update.");
        assertBadRequest(sendJson(api, method, resource.path(id(row)), token, "{\"colour\": \"red\", \"id\": 5}"),
                "Nothing to update.");
        assertThat(api.get(resource.path(id(row)), bearer(token)).json()).isEqualTo(row);
    }

    // --- ids ---

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void anUnknownIdIsNotFoundForEveryMethod(NamedResource resource) {
        String token = newUserToken();
        String unknown = resource.path(Long.MAX_VALUE);

        assertError(api.get(unknown, bearer(token)), 404, resource.notFound);
        assertError(sendJson(api, "PUT", unknown, token, json("name", "Box")), 404, resource.notFound);
        assertError(sendJson(api, "PATCH", unknown, token, json("name", "Box")), 404, resource.notFound);
        assertError(api.delete(unknown, bearer(token)), 404, resource.notFound);
        assertThat(names(api.get(resource.list, bearer(token)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void anotherUsersOneIsNotFound(NamedResource resource) {
        String theirs = resource.path(id(resource.create(api, newUserToken(), "Box")));
        String token = newUserToken();

        assertError(api.get(theirs, bearer(token)), 404, resource.notFound);
        assertError(sendJson(api, "PUT", theirs, token, json("name", "Mine")), 404, resource.notFound);
        assertError(sendJson(api, "PATCH", theirs, token, json("name", "Mine")), 404, resource.notFound);
        assertError(api.delete(theirs, bearer(token)), 404, resource.notFound);
    }

    static Stream<Arguments> aPathIdThatIsNotAPositiveLongIsInvalid() {
        return withEach(Stream.of("GET", "PUT", "PATCH", "DELETE")
                .flatMap(method -> Stream.of("abc", "0", "-1", "1.5", "99999999999999999999", "0x1", "+1", "1%20",
                        "01x").map(id -> row(method, id)))
                .toArray());
    }

    @ParameterizedTest
    @MethodSource
    void aPathIdThatIsNotAPositiveLongIsInvalid(NamedResource resource, String method, String id) {
        ApiResponse response = api.send(method, resource.path(id), "application/json", utf8(json("name", "Box")),
                bearer(newUserToken()));

        assertBadRequest(response, "Invalid id.");
    }

    // --- bodies ---

    static Stream<Arguments> aBodyThatIsNotOneIsRefusedOnCreateAndUpdate() {
        return withEach(
                row("{\"name\": 5}", INVALID_NAME),
                row("{\"name\": true}", INVALID_NAME),
                row("{\"name\": 1.5}", INVALID_NAME),
                row("{\"name\": [\"Box\"]}", INVALID_NAME),
                row("{\"name\": {\"first\": \"Box\"}}", INVALID_NAME),
                row("{name: \"Box\"}", MALFORMED),
                row("{\"name\": \"Box\"", MALFORMED),
                row("not json", MALFORMED),
                row("[{\"name\": \"Box\"}]", MALFORMED),
                row("\"Box\"", MALFORMED),
                row("null", MALFORMED),
                row("{\"name\": \"Box\"} {}", MALFORMED),
                row("{\"name\": \"Box\"} []", MALFORMED),
                row("{\"name\": \"Box\", \"name\": \"Bin\"}", MALFORMED));
    }

    @ParameterizedTest
    @MethodSource
    void aBodyThatIsNotOneIsRefusedOnCreateAndUpdate(NamedResource resource, String body, String error) {
        String token = newUserToken();
        JsonNode existing = resource.create(api, token, "Existing");

        assertBadRequest(resource.post(api, token, body), error);
        assertBadRequest(sendJson(api, "PUT", resource.path(id(existing)), token, body), error);
        assertBadRequest(sendJson(api, "PATCH", resource.path(id(existing)), token, body), error);
        assertThat(api.get(resource.list, bearer(token)).json().valueStream()).containsExactly(existing);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void anEmptyBodyIsMalformed(NamedResource resource) {
        ApiResponse response = api.send("POST", resource.path, "application/json", new byte[0], bearer(newUserToken()));

        assertBadRequest(response, MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void unknownAndServerOwnedFieldsAreIgnored(NamedResource resource) {
        String token = newUserToken();

        ApiResponse response = resource.post(api, token, """
                {"name": "Box", "colour": "red", "id": 424242, "count": 9,
                 "created_at": "1999-01-01T00:00:00.000Z", "nested": {"a": [1, 2]}, "paint": {"r": 1}}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(resource.fields);
        assertThat(id(response.json())).isNotEqualTo(424242);
        assertFreshTimestamps(response.json());
        for (String method : List.of("PUT", "PATCH")) {
            ApiResponse renamed = sendJson(api, method, resource.path(id(response.json())), token,
                    "{\"name\": \"Crate " + method + "\", \"id\": 1, \"updated_at\": \"1999-01-01T00:00:00.000Z\"}");
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.json().path("id")).isEqualTo(response.json().path("id"));
            assertFreshTimestamps(renamed.json());
        }
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aBodyThatIsNotJsonIsAnUnsupportedContentType(NamedResource resource) {
        String token = newUserToken();
        long id = id(resource.create(api, token, "Box"));

        for (ApiResponse response : List.of(
                api.send("POST", resource.path, "text/plain", utf8(json("name", "Crate")), bearer(token)),
                api.send("PUT", resource.path(id), "text/plain", utf8(json("name", "Crate")), bearer(token)),
                api.send("PATCH", resource.path(id), "application/x-www-form-urlencoded", utf8("name=Crate"),
                        bearer(token)))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertThat(response.error()).isEqualTo("Unsupported content type.");
        }
        assertThat(names(api.get(resource.list, bearer(token)))).containsExactly("Box");
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aBodyOverOneMebibyteIsTooLarge(NamedResource resource) {
        String token = newUserToken();
        long id = id(resource.create(api, token, "Box"));
        String huge = json("name", "Huge", "padding", "p".repeat(1024 * 1024));

        for (ApiResponse response : List.of(resource.post(api, token, huge),
                sendJson(api, "PUT", resource.path(id), token, huge),
                sendJson(api, "PATCH", resource.path(id), token, huge))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.error()).isEqualTo("Request body too large (max 1MB).");
        }
        assertThat(names(api.get(resource.list, bearer(token)))).containsExactly("Box");
    }

    static Stream<Arguments> everyEndpointNeedsAValidToken() {
        return Stream.of(NamedResource.values()).flatMap(resource -> Stream.of(
                Arguments.of(resource, "GET", resource.list),
                Arguments.of(resource, "GET", resource.listWithCounts),
                Arguments.of(resource, "GET", resource.path(1)),
                Arguments.of(resource, "POST", resource.path),
                Arguments.of(resource, "PUT", resource.path(1)),
                Arguments.of(resource, "PATCH", resource.path(1)),
                Arguments.of(resource, "DELETE", resource.path(1))));
    }

    @ParameterizedTest
    @MethodSource
    void everyEndpointNeedsAValidToken(NamedResource resource, String method, String path) {
        ApiResponse missing = api.send(method, path, "application/json", utf8(json("name", "Box")));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(401);
        assertThat(missing.header("Content-Type")).contains("json");
        assertThat(missing.error()).isEqualTo("No authorization token was found");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

        ApiResponse invalid = api.send(method, path, "application/json", utf8(json("name", "Box")),
                bearer("not-a-jwt"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(401);
        assertThat(invalid.header("Content-Type")).contains("json");
        assertThat(invalid.error()).isNotBlank();
        assertThat(invalid.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    // --- paging ---

    static Stream<Arguments> eachList() {
        return Stream.of(NamedResource.values())
                .flatMap(resource -> resource.lists().stream().map(list -> Arguments.of(resource, list)));
    }

    /** How the pages are cut (a short last page, one past the end) is tried on the queries, in the repository tests. */
    @ParameterizedTest
    @MethodSource("eachList")
    void aListCanBeReadInPagesWithTheTotalInAHeader(NamedResource resource, String list) {
        String token = newUserToken();
        for (String name : List.of("e", "D", "c", "B", "a")) {
            resource.create(api, token, name);
        }

        assertPage(api.get(list + "?limit=2", bearer(token)), 5, "a", "B");
        assertPage(api.get(list + "?limit=2&offset=2", bearer(token)), 5, "c", "D");
        assertPage(api.get(list + "?offset=3", bearer(token)), 5, "D", "e");
        assertPage(api.get(list + "?limit=1000", bearer(token)), 5, "a", "B", "c", "D", "e");
        assertPage(api.get(list + "?offset=100", bearer(token)), 5);
        ApiResponse whole = api.get(list, bearer(token));
        assertThat(whole.header("X-Total-Count")).isNull();
        assertThat(names(whole)).containsExactly("a", "B", "c", "D", "e");
        // An empty value is no value: the whole list again, without a total.
        ApiResponse emptyValues = api.get(list + "?limit=&offset=", bearer(token));
        assertThat(emptyValues.header("X-Total-Count")).isNull();
        assertThat(names(emptyValues)).containsExactly("a", "B", "c", "D", "e");
        assertPage(api.get(list + "?limit=2&offset=", bearer(token)), 5, "a", "B");
    }

    static Stream<Arguments> pagingOutOfRangeIsRefused() {
        List<String[]> refusals = List.of(
                new String[] {"?limit=0", "limit must be between 1 and 1000."},
                new String[] {"?limit=1001", "limit must be between 1 and 1000."},
                new String[] {"?limit=-5", "limit must be between 1 and 1000."},
                new String[] {"?limit=abc", "Invalid value for 'limit'."},
                new String[] {"?limit=1.5", "Invalid value for 'limit'."},
                new String[] {"?limit=0x1", "Invalid value for 'limit'."},
                new String[] {"?limit=+1", "Invalid value for 'limit'."},
                new String[] {"?limit=%2B1", "Invalid value for 'limit'."},
                new String[] {"?offset=-1", "offset must be 0 or more."},
                new String[] {"?offset=abc", "Invalid value for 'offset'."});
        return Stream.of(NamedResource.values()).flatMap(resource -> resource.lists().stream()
                .flatMap(list -> refusals.stream()
                        .map(refusal -> Arguments.of(resource, list + refusal[0], refusal[1]))));
    }

    @ParameterizedTest
    @MethodSource
    void pagingOutOfRangeIsRefused(NamedResource resource, String request, String error) {
        assertBadRequest(api.get(request, bearer(newUserToken())), error);
    }

    // --- nothing written ---

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void refusedRequestsWriteNothing(NamedResource resource) {
        TokenBuilder user = ISSUER.token();
        String token = user.build();
        JsonNode winter = resource.create(api, token, "winter");
        JsonNode summer = resource.create(api, token, "summer");
        List<JsonNode> before = api.get(resource.list, bearer(token)).json().valueStream().toList();

        List<ApiResponse> refusals = List.of(
                resource.post(api, token, json("name", " ")),
                resource.post(api, token, json("name", "n".repeat(256))),
                resource.post(api, token, json("name", "nul\u0000")),
                resource.post(api, token, json("name", "WINTER")),
                resource.post(api, token, "{\"name\": 5}"),
                resource.post(api, token, "{\"name\": true}"),
                resource.post(api, token, "[]"),
                resource.post(api, token, "{broken"),
                api.send("POST", resource.path, "text/plain", utf8(json("name", "plain")), bearer(token)),
                api.send("POST", resource.path, "application/json", utf8(json("name", "anonymous"))),
                api.send("POST", resource.path, "application/json", utf8(json("name", "forged")), bearer("x.y.z")),
                sendJson(api, "PUT", resource.path(id(winter)), token, json("name", "Summer")),
                sendJson(api, "PATCH", resource.path(id(winter)), token, json("name", "")),
                sendJson(api, "PUT", resource.path(id(summer)), token, json("name", "")),
                sendJson(api, "PATCH", resource.path(id(summer)), token, json("name", 3)),
                sendJson(api, "PUT", resource.path(id(summer)), token, "{}"));

        assertThat(refusals).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isBetween(400, 499));
        assertThat(api.get(resource.list, bearer(token)).json().valueStream().toList())
                .containsExactlyElementsOf(before);
        assertThat(resource.rowsOf(jdbc, user.subject())).isEqualTo(2);
    }
}
