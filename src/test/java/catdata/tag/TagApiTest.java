package catdata.tag;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.createContainer;
import static catdata.support.CatalogueFixtures.createItem;
import static catdata.support.CatalogueFixtures.createTag;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/**
 * What only tags do: counts of the items carrying them, deleting one takes it off its items, and
 * no description. The rules they share with containers are in {@code catdata.NamedResourceApiTest}
 * and {@code catdata.NameRulesTest}.
 */
class TagApiTest extends ApiTest {

    private static final String[] FIELDS = {"id", "name", "created_at", "updated_at", "created_by", "updated_by"};

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

    @Test
    void aDescriptionIsNotATagFieldAndIsIgnoredOnCreate() {
        ApiResponse response = sendJson(api, "POST", "/api/tag", newUserToken(),
                "{\"name\": \"winter\", \"description\": \"cold\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(FIELDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void anUpdateOfADescriptionAloneHasNothingToUpdate(String method) {
        String token = newUserToken();
        JsonNode tag = createTag(api, token, "winter");

        assertBadRequest(sendJson(api, method, path(id(tag)), token, "{\"description\": \"x\", \"id\": 5}"),
                "Nothing to update.");
        assertThat(api.get(path(id(tag)), bearer(token)).json()).isEqualTo(tag);
    }

    private static String path(long id) {
        return "/api/tag/" + id;
    }
}
