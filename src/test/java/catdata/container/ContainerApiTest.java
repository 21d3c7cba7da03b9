package catdata.container;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.createContainer;
import static catdata.support.CatalogueFixtures.createItem;
import static catdata.support.CatalogueFixtures.created;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TokenBuilder;

/**
 * What only containers do: a description, counts of the items in them, and no deleting one that
 * holds items. The rules they share with tags are in {@code catdata.NamedResourceApiTest} and
 * {@code catdata.NameRulesTest}.
 */
class ContainerApiTest extends ApiTest {

    private static final String DESCRIPTION_TOO_LONG = "Description must be at most 10000 characters.";

    private final JdbcClient jdbc;

    @Autowired
    ContainerApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- description ---

    @Test
    void aDescriptionIsStoredAsGivenUntrimmed() {
        String token = newUserToken();

        ApiResponse response = post(token, json("name", "  Garage shelf \t", "description", " Top "));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("name").asString()).isEqualTo("Garage shelf");
        assertThat(response.json().path("description").asString()).isEqualTo(" Top ");
        assertThat(api.get(path(id(response.json())), bearer(token)).json()).isEqualTo(response.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Box\"}", "{\"name\": \"Box\", \"description\": null}"})
    void theDescriptionDefaultsToEmpty(String body) {
        ApiResponse response = post(newUserToken(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("description").isString()).isTrue();
        assertThat(response.json().path("description").asString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aNameAloneRenamesAndKeepsTheDescription(String method) {
        String token = newUserToken();
        JsonNode created = created(post(token, json("name", "Box", "description", "Blue lid")));

        ApiResponse response = sendJson(api, method, path(id(created)), token, json("name", "  Crate  "));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Crate");
        assertThat(response.json().path("description").asString()).isEqualTo("Blue lid");
        assertThat(api.get(path(id(created)), bearer(token)).json()).isEqualTo(response.json());
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
    void aDescriptionOf10000CharactersIsAcceptedAndLongerRefused() {
        String token = newUserToken();

        assertThat(post(token, json("name", "Long", "description", "d".repeat(10_000))).status()).isEqualTo(201);
        assertBadRequest(post(token, json("name", "Longer", "description", "d".repeat(10_001))), DESCRIPTION_TOO_LONG);
        long id = id(createContainer(api, token, "Box"));
        assertBadRequest(sendJson(api, "PUT", path(id), token, json("description", "d".repeat(10_001))),
                DESCRIPTION_TOO_LONG);
    }

    @Test
    void aNulCharacterIsRefusedInTheDescription() {
        assertBadRequest(post(newUserToken(), json("name", "Box", "description", "a\u0000b")),
                "Description must not contain NUL characters.");
    }

    /** JSON can escape half of a surrogate pair; PostgreSQL's driver would store it as '?'. */
    @Test
    void aLoneSurrogateInTheDescriptionIsRefusedRatherThanStoredAsAQuestionMark() {
        String token = newUserToken();

        assertBadRequest(post(token, "{\"name\": \"Box\", \"description\": \"\\udc31 lid\"}"),
                "Description must be valid Unicode text.");
        assertThat(names(api.get("/api/containers", bearer(token)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Box\", \"description\": 3}", "{\"name\": \"Box\", \"description\": false}"})
    void aDescriptionThatIsNotTextIsRefusedOnCreateAndUpdate(String body) {
        String token = newUserToken();
        JsonNode box = createContainer(api, token, "Existing");

        assertBadRequest(post(token, body), "Invalid value for 'description'.");
        assertBadRequest(sendJson(api, "PUT", path(id(box)), token, body), "Invalid value for 'description'.");
        assertBadRequest(sendJson(api, "PATCH", path(id(box)), token, body), "Invalid value for 'description'.");
        assertThat(api.get("/api/containers", bearer(token)).json().valueStream()).containsExactly(box);
    }

    // --- items in it ---

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

    /** The refusals only a container can get; those it shares with tags are in NamedResourceApiTest. */
    @Test
    void refusedDescriptionsAndDeletingAFullContainerWriteNothing() {
        TokenBuilder user = ISSUER.token();
        String token = user.build();
        JsonNode box = createContainer(api, token, "Box");
        JsonNode attic = createContainer(api, token, "Attic");
        createItem(api, token, "Lamp", id(box));
        List<JsonNode> before = api.get("/api/containers", bearer(token)).json().valueStream().toList();

        List<ApiResponse> refusals = List.of(
                post(token, json("name", "New", "description", "d".repeat(10_001))),
                sendJson(api, "PATCH", path(id(box)), token, json("name", "Ok", "description", 3)),
                sendJson(api, "PATCH", path(id(box)), token, json("name", "Ok", "description", "a\u0000")),
                sendJson(api, "PUT", path(id(attic)), token, json("description", "Ok", "name", "")),
                api.delete(path(id(box)), bearer(token)));

        assertThat(refusals).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isBetween(400, 499));
        assertThat(api.get("/api/containers", bearer(token)).json().valueStream().toList())
                .containsExactlyElementsOf(before);
        assertThat(jdbc.sql("SELECT count(*) FROM containers WHERE created_by = :owner")
                .param("owner", user.subject()).query(Long.class).single()).isEqualTo(2);
    }

    private ApiResponse post(String token, String body) {
        return sendJson(api, "POST", "/api/container", token, body);
    }

    private static String path(long id) {
        return "/api/container/" + id;
    }
}
