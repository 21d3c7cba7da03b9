package catdata.tag;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.assertFreshTimestamps;
import static catdata.support.CatalogueFixtures.assertPage;
import static catdata.support.CatalogueFixtures.createContainer;
import static catdata.support.CatalogueFixtures.createItem;
import static catdata.support.CatalogueFixtures.createTag;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.inParallel;
import static catdata.support.CatalogueFixtures.instant;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TokenBuilder;

/** The tag endpoints: every success the front end relies on, and every refusal. */
class TagApiTest extends ApiTest {

    private static final String[] FIELDS = {"id", "name", "created_at", "updated_at"};
    private static final String NAME_REQUIRED = "Name is required.";
    private static final String NAME_TOO_LONG = "Name must be at most 255 characters.";
    private static final String NOT_FOUND = "Tag not found.";
    private static final String TAKEN = "Tag name must be unique.";
    private static final String CAT = "\uD83D\uDC31";

    private final JdbcClient jdbc;

    @Autowired
    TagApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- success paths ---

    @Test
    void aCreatedTagComesBackWithItsLocationATrimmedNameAndExactlyTheContractFields() {
        ApiResponse response = post(newUserToken(), json("name", "  fragile \n"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode tag = response.json();
        assertThat(tag.propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(response.header("Location")).isEqualTo("/api/tag/" + id(tag));
        assertThat(id(tag)).isPositive();
        assertThat(tag.path("name").asString()).isEqualTo("fragile");
        assertFreshTimestamps(tag);
        assertThat(tag.path("updated_at")).isEqualTo(tag.path("created_at"));
    }

    @Test
    void aTagIsReadBackByIdAsItWasCreated() {
        String token = newUserToken();
        JsonNode created = createTag(api, token, "winter");

        ApiResponse response = api.get(path(id(created)), bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
    }

    @Test
    void theListHoldsOnlyTheCallersTagsOrderedByNameIgnoringCase() {
        String token = newUserToken();
        for (String name : List.of("tools", "Kitchen", "BOOKS", "kids")) {
            createTag(api, token, name);
        }
        createTag(api, newUserToken(), "Antiques");

        ApiResponse response = api.get("/api/tags", bearer(token));

        assertThat(names(response)).containsExactly("BOOKS", "kids", "Kitchen", "tools");
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream().forEach(row -> {
            assertThat(row.propertyNames()).containsExactlyInAnyOrder(FIELDS);
            assertThat(row.path("updated_at").asString()).matches(ISO_MILLIS);
        });
    }

    @Test
    void aNewUserHasNoTags() {
        String token = newUserToken();

        assertThat(api.get("/api/tags", bearer(token)).json().isEmpty()).isTrue();
        assertThat(api.get("/api/tags-with-counts", bearer(token)).json().isEmpty()).isTrue();
    }

    @Test
    void withCountsGivesEveryTagItsNumberOfItemsZeroForUnusedOnes() {
        String token = newUserToken();
        long box = id(createContainer(api, token, "Box"));
        long fragile = id(createTag(api, token, "fragile"));
        long blue = id(createTag(api, token, "Blue"));
        createTag(api, token, "unused");
        createItem(api, token, "Vase", box, fragile, blue);
        createItem(api, token, "Glass", box, fragile);
        createItem(api, token, "Rope", box);

        ApiResponse response = api.get("/api/tags-with-counts", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isNull();
        assertThat(response.json().valueStream()
                .map(row -> row.path("name").asString() + "=" + row.path("count").asLong()))
                .containsExactly("Blue=1", "fragile=2", "unused=0");
        JsonNode first = response.json().get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "name", "created_at", "updated_at", "count");
        assertThat(first.path("count").isIntegralNumber()).isTrue();
        assertThat(first.path("created_at").asString()).matches(ISO_MILLIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aTagIsRenamed(String method) {
        String token = newUserToken();
        JsonNode created = createTag(api, token, "winter");

        ApiResponse response = sendJson(api, method, path(id(created)), token, json("name", " Winter clothes "));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode renamed = response.json();
        assertThat(renamed.propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(renamed.path("id")).isEqualTo(created.path("id"));
        assertThat(renamed.path("name").asString()).isEqualTo("Winter clothes");
        assertThat(renamed.path("created_at")).isEqualTo(created.path("created_at"));
        assertThat(instant(renamed, "updated_at")).isAfter(instant(created, "updated_at"));
        assertThat(api.get(path(id(created)), bearer(token)).json()).isEqualTo(renamed);
    }

    @Test
    void deletingATagAnswers204AndItIsGone() {
        String token = newUserToken();
        long id = id(createTag(api, token, "winter"));

        ApiResponse response = api.delete(path(id), bearer(token));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertNotFound(api.get(path(id), bearer(token)));
        assertNotFound(api.delete(path(id), bearer(token)));
        assertThat(names(api.get("/api/tags", bearer(token)))).isEmpty();
    }

    @Test
    void deletingATagTakesItOffItsItemsAndKeepsTheItems() {
        String token = newUserToken();
        long box = id(createContainer(api, token, "Box"));
        long fragile = id(createTag(api, token, "fragile"));
        long blue = id(createTag(api, token, "blue"));
        JsonNode vase = createItem(api, token, "Vase", box, fragile, blue);
        JsonNode glass = createItem(api, token, "Glass", box, fragile);

        assertThat(api.delete(path(fragile), bearer(token)).status()).isEqualTo(204);

        JsonNode vaseNow = api.get("/api/item/" + id(vase), bearer(token)).json();
        assertThat(vaseNow.path("tags").valueStream().map(JsonNode::asLong)).containsExactly(blue);
        assertThat(vaseNow.path("name").asString()).isEqualTo("Vase");
        assertThat(vaseNow.path("container_id").asLong()).isEqualTo(box);
        JsonNode glassNow = api.get("/api/item/" + id(glass), bearer(token)).json();
        assertThat(glassNow.path("tags").isArray()).isTrue();
        assertThat(glassNow.path("tags").isEmpty()).isTrue();
        assertThat(api.get("/api/items", bearer(token)).json().valueStream().map(row -> id(row)))
                .containsExactly(id(vase), id(glass));
        assertThat(names(api.get("/api/tags-with-counts", bearer(token)))).containsExactly("blue");
        assertThat(api.get("/api/tags-with-counts", bearer(token)).json().get(0).path("count").asLong()).isEqualTo(1);
    }

    // --- names: required, trimmed, bounded, unique per user ---

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}",
            "{\"name\": \"\\t\\n\"}", "{\"description\": \"only\"}"})
    void aTagNeedsAName(String body) {
        assertBadRequest(post(newUserToken(), body), NAME_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \" \\t \"}"})
    void aRenameCannotRemoveTheName(String body) {
        String token = newUserToken();
        JsonNode tag = createTag(api, token, "winter");

        assertBadRequest(sendJson(api, "PUT", path(id(tag)), token, body), NAME_REQUIRED);
        assertBadRequest(sendJson(api, "PATCH", path(id(tag)), token, body), NAME_REQUIRED);
        assertThat(api.get(path(id(tag)), bearer(token)).json()).isEqualTo(tag);
    }

    @Test
    void aNameOf255CharactersIsAcceptedAnd256Refused() {
        String token = newUserToken();

        ApiResponse longest = post(token, json("name", "\t" + "n".repeat(255) + " "));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo("n".repeat(255));

        assertBadRequest(post(token, json("name", "m".repeat(256))), NAME_TOO_LONG);
        assertBadRequest(sendJson(api, "PUT", path(id(longest.json())), token, json("name", "m".repeat(256))),
                NAME_TOO_LONG);
    }

    @Test
    void nameLengthCountsCharactersNotUtf16Units() {
        String token = newUserToken();

        ApiResponse longest = post(token, json("name", CAT.repeat(255)));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo(CAT.repeat(255));

        assertBadRequest(post(token, json("name", CAT.repeat(256))), NAME_TOO_LONG);
    }

    @Test
    void aNulCharacterIsRefused() {
        String token = newUserToken();

        assertBadRequest(post(token, json("name", "a\u0000b")), "Name must not contain NUL characters.");
        long id = id(createTag(api, token, "winter"));
        assertBadRequest(sendJson(api, "PATCH", path(id), token, json("name", "\u0000")),
                "Name must not contain NUL characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Winter", "WINTER", "winter", " wInTeR\t"})
    void aNameTheUserAlreadyHasIsAConflictWhateverItsCase(String again) {
        String token = newUserToken();
        createTag(api, token, "Winter");

        ApiResponse response = post(token, json("name", again));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(TAKEN);
        assertThat(names(api.get("/api/tags", bearer(token)))).containsExactly("Winter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void renamingToAnotherTagsNameIsAConflict(String method) {
        String token = newUserToken();
        createTag(api, token, "summer");
        JsonNode winter = createTag(api, token, "winter");

        ApiResponse response = sendJson(api, method, path(id(winter)), token, json("name", "Summer"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(TAKEN);
        assertThat(api.get(path(id(winter)), bearer(token)).json()).isEqualTo(winter);
    }

    @Test
    void aTagCanBeRenamedToItsOwnNameInAnotherCase() {
        String token = newUserToken();
        long id = id(createTag(api, token, "winter"));

        ApiResponse response = sendJson(api, "PATCH", path(id), token, json("name", "WINTER"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("WINTER");
    }

    @Test
    void anotherUserMayUseTheSameName() {
        createTag(api, newUserToken(), "winter");

        assertThat(post(newUserToken(), json("name", "Winter")).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void anUpdateWithNothingToUpdateIsRefused(String method) {
        String token = newUserToken();
        JsonNode tag = createTag(api, token, "winter");

        assertBadRequest(sendJson(api, method, path(id(tag)), token, "{}"), "Nothing to update.");
        assertBadRequest(sendJson(api, method, path(id(tag)), token, "{\"description\": \"x\", \"id\": 5}"),
                "Nothing to update.");
        assertThat(api.get(path(id(tag)), bearer(token)).json()).isEqualTo(tag);
    }

    // --- ids ---

    @Test
    void anUnknownIdIsNotFoundForEveryMethod() {
        String token = newUserToken();
        String unknown = path(Long.MAX_VALUE);

        assertNotFound(api.get(unknown, bearer(token)));
        assertNotFound(sendJson(api, "PUT", unknown, token, json("name", "x")));
        assertNotFound(sendJson(api, "PATCH", unknown, token, json("name", "x")));
        assertNotFound(api.delete(unknown, bearer(token)));
        assertThat(names(api.get("/api/tags", bearer(token)))).isEmpty();
    }

    @Test
    void anotherUsersTagIsNotFound() {
        long theirs = id(createTag(api, newUserToken(), "winter"));
        String token = newUserToken();

        assertNotFound(api.get(path(theirs), bearer(token)));
        assertNotFound(sendJson(api, "PUT", path(theirs), token, json("name", "mine")));
        assertNotFound(api.delete(path(theirs), bearer(token)));
    }

    @ParameterizedTest
    @CsvSource({"GET,abc", "GET,0", "GET,-1", "GET,1.5", "GET,99999999999999999999", "PUT,abc", "PUT,0",
            "PUT,-1", "PUT,1.5", "PUT,99999999999999999999", "PATCH,abc", "PATCH,0", "PATCH,-1", "PATCH,1.5",
            "PATCH,99999999999999999999", "DELETE,abc", "DELETE,0", "DELETE,-1", "DELETE,1.5",
            "DELETE,99999999999999999999"})
    void aPathIdThatIsNotAPositiveLongIsInvalid(String method, String id) {
        ApiResponse response = api.send(method, "/api/tag/" + id, "application/json", utf8(json("name", "x")),
                bearer(newUserToken()));

        assertBadRequest(response, "Invalid id.");
    }

    // --- bodies ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": 5}                    | Invalid value for 'name'.",
            "{\"name\": true}                 | Invalid value for 'name'.",
            "{\"name\": 1.5}                  | Invalid value for 'name'.",
            "{\"name\": [\"winter\"]}         | Invalid value for 'name'.",
            "{\"name\": {\"en\": \"winter\"}} | Invalid value for 'name'.",
            "{name: \"winter\"}               | Malformed JSON request body.",
            "{\"name\": \"winter\"            | Malformed JSON request body.",
            "not json                         | Malformed JSON request body.",
            "[{\"name\": \"winter\"}]         | Malformed JSON request body.",
            "\"winter\"                       | Malformed JSON request body.",
            "null                             | Malformed JSON request body.",
            "{\"name\": \"a\"} []             | Malformed JSON request body.",
            "{\"name\": \"a\", \"name\": \"b\"} | Malformed JSON request body."})
    void aBodyThatIsNotATagIsRefusedOnCreateAndRename(String body, String error) {
        String token = newUserToken();
        JsonNode tag = createTag(api, token, "existing");

        assertBadRequest(post(token, body), error);
        assertBadRequest(sendJson(api, "PUT", path(id(tag)), token, body), error);
        assertBadRequest(sendJson(api, "PATCH", path(id(tag)), token, body), error);
        assertThat(api.get("/api/tags", bearer(token)).json().valueStream()).containsExactly(tag);
    }

    @Test
    void anEmptyBodyIsMalformed() {
        ApiResponse response = api.send("POST", "/api/tag", "application/json", new byte[0], bearer(newUserToken()));

        assertBadRequest(response, "Malformed JSON request body.");
    }

    @Test
    void unknownAndServerOwnedFieldsAreIgnored() {
        String token = newUserToken();

        ApiResponse response = post(token, """
                {"name": "winter", "description": "cold", "id": 424242, "count": 3,
                 "created_at": "1999-01-01T00:00:00.000Z", "colour": {"r": 1}}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(id(response.json())).isNotEqualTo(424242);
        assertFreshTimestamps(response.json());
        ApiResponse renamed = sendJson(api, "PATCH", path(id(response.json())), token,
                "{\"name\": \"cold\", \"id\": 1, \"updated_at\": \"1999-01-01T00:00:00.000Z\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("id")).isEqualTo(response.json().path("id"));
        assertFreshTimestamps(renamed.json());
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedContentType() {
        String token = newUserToken();
        long id = id(createTag(api, token, "winter"));

        for (ApiResponse response : List.of(
                api.send("POST", "/api/tag", "text/plain", utf8(json("name", "summer")), bearer(token)),
                api.send("PUT", path(id), "text/plain", utf8(json("name", "summer")), bearer(token)),
                api.send("PATCH", path(id), "application/x-www-form-urlencoded", utf8("name=summer"), bearer(token)))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertThat(response.error()).isEqualTo("Unsupported content type.");
        }
        assertThat(names(api.get("/api/tags", bearer(token)))).containsExactly("winter");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String token = newUserToken();
        long id = id(createTag(api, token, "winter"));
        String huge = json("name", "huge", "padding", "p".repeat(1024 * 1024));

        for (ApiResponse response : List.of(post(token, huge), sendJson(api, "PATCH", path(id), token, huge))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.error()).isEqualTo("Request body too large (max 1MB).");
        }
        assertThat(names(api.get("/api/tags", bearer(token)))).containsExactly("winter");
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/tags", "GET,/api/tags-with-counts", "GET,/api/tag/1", "POST,/api/tag",
            "PUT,/api/tag/1", "PATCH,/api/tag/1", "DELETE,/api/tag/1"})
    void everyEndpointNeedsAValidToken(String method, String path) {
        ApiResponse missing = api.send(method, path, "application/json", utf8(json("name", "x")));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(401);
        assertThat(missing.header("Content-Type")).contains("json");
        assertThat(missing.error()).isEqualTo("No authorization token was found");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

        ApiResponse invalid = api.send(method, path, "application/json", utf8(json("name", "x")),
                bearer("not-a-jwt"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(401);
        assertThat(invalid.header("Content-Type")).contains("json");
        assertThat(invalid.error()).isNotBlank();
        assertThat(invalid.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    // --- paging ---

    @ParameterizedTest
    @ValueSource(strings = {"/api/tags", "/api/tags-with-counts"})
    void aListCanBeReadInPagesWithTheTotalInAHeader(String list) {
        String token = newUserToken();
        for (String name : List.of("e", "D", "c", "B", "a")) {
            createTag(api, token, name);
        }

        assertPage(api.get(list + "?limit=2", bearer(token)), 5, "a", "B");
        assertPage(api.get(list + "?limit=2&offset=2", bearer(token)), 5, "c", "D");
        assertPage(api.get(list + "?offset=4&limit=2", bearer(token)), 5, "e");
        assertPage(api.get(list + "?offset=3", bearer(token)), 5, "D", "e");
        assertPage(api.get(list + "?limit=1000", bearer(token)), 5, "a", "B", "c", "D", "e");
        assertPage(api.get(list + "?limit=2&offset=5", bearer(token)), 5);
        assertPage(api.get(list + "?offset=100", bearer(token)), 5);
        ApiResponse whole = api.get(list, bearer(token));
        assertThat(whole.header("X-Total-Count")).isNull();
        assertThat(names(whole)).containsExactly("a", "B", "c", "D", "e");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/api/tags?limit=0                 | limit must be between 1 and 1000.",
            "/api/tags?limit=1001              | limit must be between 1 and 1000.",
            "/api/tags?limit=abc               | Invalid value for 'limit'.",
            "/api/tags?offset=-1               | offset must be 0 or more.",
            "/api/tags?offset=abc              | Invalid value for 'offset'.",
            "/api/tags-with-counts?limit=0     | limit must be between 1 and 1000.",
            "/api/tags-with-counts?limit=1001  | limit must be between 1 and 1000.",
            "/api/tags-with-counts?limit=abc   | Invalid value for 'limit'.",
            "/api/tags-with-counts?offset=-1   | offset must be 0 or more."})
    void pagingOutOfRangeIsRefused(String request, String error) {
        assertBadRequest(api.get(request, bearer(newUserToken())), error);
    }

    // --- concurrency and nothing written ---

    @Test
    void ofTwentyParallelCreatesOfOneNameExactlyOneSucceeds() {
        TokenBuilder user = ISSUER.token();
        String token = user.build();

        List<ApiResponse> responses = inParallel(20, () -> post(token, json("name", "race")));

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
        assertThat(statuses).as(responses.toString()).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 19L));
        responses.stream().filter(response -> response.status() == 409)
                .forEach(response -> assertThat(response.error()).isEqualTo(TAKEN));
        assertThat(rowsOf(user.subject())).isEqualTo(1);
    }

    @Test
    void refusedRequestsWriteNothing() {
        TokenBuilder user = ISSUER.token();
        String token = user.build();
        JsonNode winter = createTag(api, token, "winter");
        JsonNode summer = createTag(api, token, "summer");
        List<JsonNode> before = api.get("/api/tags", bearer(token)).json().valueStream().toList();

        List<ApiResponse> refusals = List.of(
                post(token, json("name", " ")),
                post(token, json("name", "n".repeat(256))),
                post(token, json("name", "nul\u0000")),
                post(token, json("name", "WINTER")),
                post(token, "{\"name\": true}"),
                post(token, "[]"),
                post(token, "{broken"),
                api.send("POST", "/api/tag", "text/plain", utf8(json("name", "plain")), bearer(token)),
                api.send("POST", "/api/tag", "application/json", utf8(json("name", "anonymous"))),
                api.send("POST", "/api/tag", "application/json", utf8(json("name", "forged")), bearer("x.y.z")),
                sendJson(api, "PUT", path(id(winter)), token, json("name", "Summer")),
                sendJson(api, "PATCH", path(id(winter)), token, json("name", "")),
                sendJson(api, "PATCH", path(id(summer)), token, json("name", 3)),
                sendJson(api, "PUT", path(id(summer)), token, "{}"));

        assertThat(refusals).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isBetween(400, 499));
        assertThat(api.get("/api/tags", bearer(token)).json().valueStream().toList())
                .containsExactlyElementsOf(before);
        assertThat(rowsOf(user.subject())).isEqualTo(2);
    }

    // --- helpers ---

    private ApiResponse post(String token, String body) {
        return sendJson(api, "POST", "/api/tag", token, body);
    }

    private static String path(long id) {
        return "/api/tag/" + id;
    }

    private long rowsOf(String owner) {
        return jdbc.sql("SELECT count(*) FROM tags WHERE owner_sub = :owner")
                .param("owner", owner).query(Long.class).single();
    }




    private static void assertNotFound(ApiResponse response) {
        assertError(response, 404, NOT_FOUND);
    }
}
