package catdata.container;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.assertFreshTimestamps;
import static catdata.support.CatalogueFixtures.assertPage;
import static catdata.support.CatalogueFixtures.createContainer;
import static catdata.support.CatalogueFixtures.createItem;
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

/** The container endpoints: every success the front end relies on, and every refusal. */
class ContainerApiTest extends ApiTest {

    private static final String[] FIELDS = {"id", "name", "description", "created_at", "updated_at"};
    private static final String NAME_REQUIRED = "Name is required.";
    private static final String NAME_TOO_LONG = "Name must be at most 255 characters.";
    private static final String NOT_FOUND = "Container not found.";
    private static final String TAKEN = "Container name must be unique.";
    private static final String CAT = "\uD83D\uDC31";

    private final JdbcClient jdbc;

    @Autowired
    ContainerApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- success paths ---

    @Test
    void aCreatedContainerComesBackWithItsLocationATrimmedNameAndExactlyTheContractFields() {
        ApiResponse response = post(newUserToken(), json("name", "  Garage shelf \t", "description", " Top "));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode container = response.json();
        assertThat(container.propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(response.header("Location")).isEqualTo("/api/container/" + id(container));
        assertThat(id(container)).isPositive();
        assertThat(container.path("name").asString()).isEqualTo("Garage shelf");
        assertThat(container.path("description").asString()).isEqualTo(" Top ");
        assertFreshTimestamps(container);
        assertThat(container.path("updated_at")).isEqualTo(container.path("created_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Box\"}", "{\"name\": \"Box\", \"description\": null}"})
    void theDescriptionDefaultsToEmpty(String body) {
        ApiResponse response = post(newUserToken(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("description").isString()).isTrue();
        assertThat(response.json().path("description").asString()).isEmpty();
    }

    @Test
    void aContainerIsReadBackByIdAsItWasCreated() {
        String token = newUserToken();
        JsonNode created = createContainer(api, token, "Attic");

        ApiResponse response = api.get(path(id(created)), bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
    }

    @Test
    void theListHoldsOnlyTheCallersContainersOrderedByNameIgnoringCase() {
        String token = newUserToken();
        for (String name : List.of("beta", "ALPHA2", "gamma", "Alpha")) {
            createContainer(api, token, name);
        }
        createContainer(api, newUserToken(), "Aardvark");

        ApiResponse response = api.get("/api/containers", bearer(token));

        assertThat(names(response)).containsExactly("Alpha", "ALPHA2", "beta", "gamma");
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream().forEach(row -> {
            assertThat(row.propertyNames()).containsExactlyInAnyOrder(FIELDS);
            assertThat(row.path("created_at").asString()).matches(ISO_MILLIS);
        });
    }

    @Test
    void aNewUserHasNoContainers() {
        String token = newUserToken();

        assertThat(api.get("/api/containers", bearer(token)).json().isEmpty()).isTrue();
        assertThat(api.get("/api/containers/with-counts", bearer(token)).json().isEmpty()).isTrue();
    }

    @Test
    void withCountsGivesEveryContainerItsNumberOfItemsZeroForEmptyOnes() {
        String token = newUserToken();
        long shelf = id(createContainer(api, token, "shelf"));
        long attic = id(createContainer(api, token, "Attic"));
        createContainer(api, token, "Cellar");
        createItem(api, token, "Lamp", shelf);
        createItem(api, token, "Kettle", shelf);
        createItem(api, token, "Sled", attic);

        ApiResponse response = api.get("/api/containers/with-counts", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isNull();
        assertThat(response.json().valueStream()
                .map(row -> row.path("name").asString() + "=" + row.path("count").asLong()))
                .containsExactly("Attic=1", "Cellar=0", "shelf=2");
        JsonNode first = response.json().get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder(
                "id", "name", "description", "created_at", "updated_at", "count");
        assertThat(first.path("count").isIntegralNumber()).isTrue();
        assertThat(first.path("created_at").asString()).matches(ISO_MILLIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aNameAloneRenamesAndKeepsTheDescription(String method) {
        String token = newUserToken();
        JsonNode created = created(post(token, json("name", "Box", "description", "Blue lid")));

        ApiResponse response = sendJson(api, method, path(id(created)), token, json("name", "  Crate  "));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode renamed = response.json();
        assertThat(renamed.propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(renamed.path("id")).isEqualTo(created.path("id"));
        assertThat(renamed.path("name").asString()).isEqualTo("Crate");
        assertThat(renamed.path("description").asString()).isEqualTo("Blue lid");
        assertThat(renamed.path("created_at")).isEqualTo(created.path("created_at"));
        assertThat(instant(renamed, "updated_at")).isAfter(instant(created, "updated_at"));
        assertThat(api.get(path(id(created)), bearer(token)).json()).isEqualTo(renamed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aDescriptionAloneKeepsTheName(String method) {
        String token = newUserToken();
        long id = id(created(post(token, json("name", "Box", "description", "Blue lid"))));

        ApiResponse response = sendJson(api, method, path(id), token, json("description", "Red lid"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Box");
        assertThat(response.json().path("description").asString()).isEqualTo("Red lid");
    }

    @Test
    void aNullDescriptionClearsIt() {
        String token = newUserToken();
        long id = id(created(post(token, json("name", "Box", "description", "Blue lid"))));

        ApiResponse response = sendJson(api, "PATCH", path(id), token, json("description", null));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("description").asString()).isEmpty();
    }

    @Test
    void bothFieldsCanChangeAtOnce() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "Box"));

        ApiResponse response = sendJson(api, "PUT", path(id), token, json("name", "Crate", "description", "Wood"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Crate");
        assertThat(response.json().path("description").asString()).isEqualTo("Wood");
    }

    @Test
    void deletingAnEmptyContainerAnswers204AndItIsGone() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "Box"));

        ApiResponse response = api.delete(path(id), bearer(token));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertNotFound(api.get(path(id), bearer(token)));
        assertNotFound(api.delete(path(id), bearer(token)));
        assertThat(names(api.get("/api/containers", bearer(token)))).isEmpty();
    }

    @Test
    void deletingAContainerWithItemsIsRefusedAndKeepsIt() {
        String token = newUserToken();
        JsonNode box = createContainer(api, token, "Box");
        long item = id(createItem(api, token, "Lamp", id(box)));

        ApiResponse response = api.delete(path(id(box)), bearer(token));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo("Container is not empty.");
        assertThat(api.get(path(id(box)), bearer(token)).json()).isEqualTo(box);
        assertThat(api.get("/api/item/" + item, bearer(token)).status()).isEqualTo(200);
        assertThat(api.delete("/api/item/" + item, bearer(token)).status()).isEqualTo(204);
        assertThat(api.delete(path(id(box)), bearer(token)).status()).isEqualTo(204);
    }

    // --- names: required, trimmed, bounded, unique per user ---

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}",
            "{\"name\": \"\\t\\n\"}", "{\"description\": \"only\"}"})
    void aContainerNeedsAName(String body) {
        assertBadRequest(post(newUserToken(), body), NAME_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": null}", "{\"name\": \"  \"}", "{\"name\": null, \"description\": \"x\"}"})
    void aRenameCannotRemoveTheName(String body) {
        String token = newUserToken();
        JsonNode box = createContainer(api, token, "Box");

        assertBadRequest(sendJson(api, "PUT", path(id(box)), token, body), NAME_REQUIRED);
        assertBadRequest(sendJson(api, "PATCH", path(id(box)), token, body), NAME_REQUIRED);
        assertThat(api.get(path(id(box)), bearer(token)).json()).isEqualTo(box);
    }

    @Test
    void aNameOf255CharactersIsAcceptedAnd256Refused() {
        String token = newUserToken();

        ApiResponse longest = post(token, json("name", "  " + "n".repeat(255) + "  "));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo("n".repeat(255));

        assertBadRequest(post(token, json("name", "m".repeat(256))), NAME_TOO_LONG);
    }

    @Test
    void nameLengthCountsCharactersNotUtf16Units() {
        String token = newUserToken();

        ApiResponse longest = post(token, json("name", CAT.repeat(255)));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo(CAT.repeat(255));

        assertBadRequest(post(token, json("name", "x" + CAT.repeat(255))), NAME_TOO_LONG);
    }

    @Test
    void aRenameIsBoundedLikeACreate() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "Box"));

        assertBadRequest(sendJson(api, "PATCH", path(id), token, json("name", "m".repeat(256))), NAME_TOO_LONG);
        assertThat(sendJson(api, "PATCH", path(id), token, json("name", "m".repeat(255))).status()).isEqualTo(200);
    }

    @Test
    void aDescriptionOf10000CharactersIsAcceptedAndLongerRefused() {
        String token = newUserToken();

        assertThat(post(token, json("name", "Long", "description", "d".repeat(10_000))).status()).isEqualTo(201);
        assertBadRequest(post(token, json("name", "Longer", "description", "d".repeat(10_001))),
                "Description must be at most 10000 characters.");
        long id = id(createContainer(api, token, "Box"));
        assertBadRequest(sendJson(api, "PUT", path(id), token, json("description", "d".repeat(10_001))),
                "Description must be at most 10000 characters.");
    }

    @Test
    void aNulCharacterIsRefusedInNameAndDescription() {
        String token = newUserToken();

        assertBadRequest(post(token, json("name", "Bo\u0000x")), "Name must not contain NUL characters.");
        assertBadRequest(post(token, json("name", "Box", "description", "a\u0000b")),
                "Description must not contain NUL characters.");
        long id = id(createContainer(api, token, "Box"));
        assertBadRequest(sendJson(api, "PATCH", path(id), token, json("name", "\u0000")),
                "Name must not contain NUL characters.");
    }

    /** JSON can escape half of a surrogate pair; PostgreSQL's driver would store it as '?'. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Box \\ud800\"}", "{\"name\": \"Box\", \"description\": \"\\udc31 lid\"}"})
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark(String body) {
        String token = newUserToken();

        ApiResponse response = post(token, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error()).isNotBlank();
        assertThat(names(api.get("/api/containers", bearer(token)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Box", "BOX", "box", "  bOx  "})
    void aNameTheUserAlreadyHasIsAConflictWhateverItsCase(String again) {
        String token = newUserToken();
        createContainer(api, token, "Box");

        ApiResponse response = post(token, json("name", again));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(TAKEN);
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Box");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void renamingToAnotherContainersNameIsAConflict(String method) {
        String token = newUserToken();
        createContainer(api, token, "Attic");
        JsonNode box = createContainer(api, token, "Box");

        ApiResponse response = sendJson(api, method, path(id(box)), token, json("name", "ATTIC"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(TAKEN);
        assertThat(api.get(path(id(box)), bearer(token)).json()).isEqualTo(box);
    }

    @Test
    void aContainerCanBeRenamedToItsOwnNameInAnotherCase() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "garage"));

        ApiResponse response = sendJson(api, "PUT", path(id), token, json("name", "Garage"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Garage");
    }

    @Test
    void anotherUserMayUseTheSameName() {
        createContainer(api, newUserToken(), "Box");

        assertThat(post(newUserToken(), json("name", "box")).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void anUpdateWithNothingToUpdateIsRefused(String method) {
        String token = newUserToken();
        JsonNode box = createContainer(api, token, "Box");

        assertBadRequest(sendJson(api, method, path(id(box)), token, "{}"), "Nothing to update.");
        assertBadRequest(sendJson(api, method, path(id(box)), token, "{\"colour\": \"red\", \"id\": 5}"),
                "Nothing to update.");
        assertThat(api.get(path(id(box)), bearer(token)).json()).isEqualTo(box);
    }

    // --- ids ---

    @Test
    void anUnknownIdIsNotFoundForEveryMethod() {
        String token = newUserToken();
        String unknown = path(Long.MAX_VALUE);

        assertNotFound(api.get(unknown, bearer(token)));
        assertNotFound(sendJson(api, "PUT", unknown, token, json("name", "Box")));
        assertNotFound(sendJson(api, "PATCH", unknown, token, json("name", "Box")));
        assertNotFound(api.delete(unknown, bearer(token)));
        assertThat(names(api.get("/api/containers", bearer(token)))).isEmpty();
    }

    @Test
    void anotherUsersContainerIsNotFound() {
        long theirs = id(createContainer(api, newUserToken(), "Box"));
        String token = newUserToken();

        assertNotFound(api.get(path(theirs), bearer(token)));
        assertNotFound(sendJson(api, "PATCH", path(theirs), token, json("name", "Mine")));
        assertNotFound(api.delete(path(theirs), bearer(token)));
    }

    @ParameterizedTest
    @CsvSource({"GET,abc", "GET,0", "GET,-1", "GET,1.5", "GET,99999999999999999999", "PUT,abc", "PUT,0",
            "PUT,-1", "PUT,1.5", "PUT,99999999999999999999", "PATCH,abc", "PATCH,0", "PATCH,-1",
            "PATCH,1.5", "PATCH,99999999999999999999", "DELETE,abc", "DELETE,0", "DELETE,-1", "DELETE,1.5",
            "DELETE,99999999999999999999"})
    void aPathIdThatIsNotAPositiveLongIsInvalid(String method, String id) {
        ApiResponse response = api.send(method, "/api/container/" + id, "application/json",
                utf8(json("name", "Box")), bearer(newUserToken()));

        assertBadRequest(response, "Invalid id.");
    }

    // --- bodies ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": 5}                         | Invalid value for 'name'.",
            "{\"name\": true}                      | Invalid value for 'name'.",
            "{\"name\": 1.5}                       | Invalid value for 'name'.",
            "{\"name\": [\"Box\"]}                 | Invalid value for 'name'.",
            "{\"name\": {\"first\": \"Box\"}}      | Invalid value for 'name'.",
            "{\"name\": \"Box\", \"description\": 3} | Invalid value for 'description'.",
            "{\"name\": \"Box\", \"description\": false} | Invalid value for 'description'.",
            "{name: \"Box\"}                       | Malformed JSON request body.",
            "{\"name\": \"Box\"                    | Malformed JSON request body.",
            "not json                              | Malformed JSON request body.",
            "[{\"name\": \"Box\"}]                 | Malformed JSON request body.",
            "\"Box\"                               | Malformed JSON request body.",
            "null                                  | Malformed JSON request body.",
            "{\"name\": \"Box\"} {}                | Malformed JSON request body.",
            "{\"name\": \"Box\", \"name\": \"Bin\"} | Malformed JSON request body."})
    void aBodyThatIsNotAContainerIsRefusedOnCreateAndUpdate(String body, String error) {
        String token = newUserToken();
        JsonNode box = createContainer(api, token, "Existing");

        assertBadRequest(post(token, body), error);
        assertBadRequest(sendJson(api, "PUT", path(id(box)), token, body), error);
        assertBadRequest(sendJson(api, "PATCH", path(id(box)), token, body), error);
        assertThat(api.get("/api/containers", bearer(token)).json().valueStream()).containsExactly(box);
    }

    @Test
    void anEmptyBodyIsMalformed() {
        ApiResponse response = api.send("POST", "/api/container", "application/json", new byte[0],
                bearer(newUserToken()));

        assertBadRequest(response, "Malformed JSON request body.");
    }

    @Test
    void unknownAndServerOwnedFieldsAreIgnored() {
        String token = newUserToken();

        ApiResponse response = post(token, """
                {"name": "Box", "colour": "red", "id": 424242, "count": 9,
                 "created_at": "1999-01-01T00:00:00.000Z", "nested": {"a": [1, 2]}}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(FIELDS);
        assertThat(id(response.json())).isNotEqualTo(424242);
        assertFreshTimestamps(response.json());
        ApiResponse renamed = sendJson(api, "PUT", path(id(response.json())), token,
                "{\"name\": \"Crate\", \"id\": 1, \"updated_at\": \"1999-01-01T00:00:00.000Z\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("id")).isEqualTo(response.json().path("id"));
        assertFreshTimestamps(renamed.json());
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedContentType() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "Box"));

        for (ApiResponse response : List.of(
                api.send("POST", "/api/container", "text/plain", utf8(json("name", "Crate")), bearer(token)),
                api.send("PUT", path(id), "text/plain", utf8(json("name", "Crate")), bearer(token)),
                api.send("PATCH", path(id), "application/x-www-form-urlencoded", utf8("name=Crate"), bearer(token)))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertThat(response.error()).isEqualTo("Unsupported content type.");
        }
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Box");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String token = newUserToken();
        long id = id(createContainer(api, token, "Box"));
        String huge = json("name", "Huge", "description", "d".repeat(1024 * 1024));

        for (ApiResponse response : List.of(post(token, huge), sendJson(api, "PUT", path(id), token, huge))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.error()).isEqualTo("Request body too large (max 1MB).");
        }
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Box");
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/containers", "GET,/api/containers/with-counts", "GET,/api/container/1",
            "POST,/api/container", "PUT,/api/container/1", "PATCH,/api/container/1", "DELETE,/api/container/1"})
    void everyEndpointNeedsAValidToken(String method, String path) {
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

    @ParameterizedTest
    @ValueSource(strings = {"/api/containers", "/api/containers/with-counts"})
    void aListCanBeReadInPagesWithTheTotalInAHeader(String list) {
        String token = newUserToken();
        for (String name : List.of("e", "D", "c", "B", "a")) {
            createContainer(api, token, name);
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
            "/api/containers?limit=0                    | limit must be between 1 and 1000.",
            "/api/containers?limit=1001                 | limit must be between 1 and 1000.",
            "/api/containers?limit=-5                   | limit must be between 1 and 1000.",
            "/api/containers?limit=abc                  | Invalid value for 'limit'.",
            "/api/containers?limit=1.5                  | Invalid value for 'limit'.",
            "/api/containers?offset=-1                  | offset must be 0 or more.",
            "/api/containers?offset=abc                 | Invalid value for 'offset'.",
            "/api/containers/with-counts?limit=0        | limit must be between 1 and 1000.",
            "/api/containers/with-counts?limit=1001     | limit must be between 1 and 1000.",
            "/api/containers/with-counts?limit=abc      | Invalid value for 'limit'.",
            "/api/containers/with-counts?offset=-1      | offset must be 0 or more."})
    void pagingOutOfRangeIsRefused(String request, String error) {
        assertBadRequest(api.get(request, bearer(newUserToken())), error);
    }

    // --- concurrency and nothing written ---

    @Test
    void ofTwentyParallelCreatesOfOneNameExactlyOneSucceeds() {
        TokenBuilder user = ISSUER.token();
        String token = user.build();

        List<ApiResponse> responses = inParallel(20, () -> post(token, json("name", "Race")));

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
        JsonNode box = createContainer(api, token, "Box");
        JsonNode attic = createContainer(api, token, "Attic");
        createItem(api, token, "Lamp", id(box));
        List<JsonNode> before = api.get("/api/containers", bearer(token)).json().valueStream().toList();

        List<ApiResponse> refusals = List.of(
                post(token, json("name", " ")),
                post(token, json("name", "n".repeat(256))),
                post(token, json("name", "Nul\u0000")),
                post(token, json("name", "New", "description", "d".repeat(10_001))),
                post(token, json("name", "BOX")),
                post(token, "{\"name\": 5}"),
                post(token, "[]"),
                post(token, "{broken"),
                api.send("POST", "/api/container", "text/plain", utf8(json("name", "Plain")), bearer(token)),
                api.send("POST", "/api/container", "application/json", utf8(json("name", "Anonymous"))),
                sendJson(api, "PUT", path(id(box)), token, json("name", "attic")),
                sendJson(api, "PATCH", path(id(box)), token, json("name", "Ok", "description", 3)),
                sendJson(api, "PATCH", path(id(box)), token, json("name", "Ok", "description", "a\u0000")),
                sendJson(api, "PUT", path(id(attic)), token, json("description", "Ok", "name", "")),
                sendJson(api, "PUT", path(id(attic)), token, "{}"),
                api.delete(path(id(box)), bearer(token)));

        assertThat(refusals).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isBetween(400, 499));
        assertThat(api.get("/api/containers", bearer(token)).json().valueStream().toList())
                .containsExactlyElementsOf(before);
        assertThat(rowsOf(user.subject())).isEqualTo(2);
    }

    // --- helpers ---

    private ApiResponse post(String token, String body) {
        return sendJson(api, "POST", "/api/container", token, body);
    }

    private static String path(long id) {
        return "/api/container/" + id;
    }

    private long rowsOf(String owner) {
        return jdbc.sql("SELECT count(*) FROM containers WHERE owner_sub = :owner")
                .param("owner", owner).query(Long.class).single();
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }




    private static void assertNotFound(ApiResponse response) {
        assertError(response, 404, NOT_FOUND);
    }
}
