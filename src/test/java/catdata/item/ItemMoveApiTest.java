package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.CatalogueFixtures;

/** {@code POST /api/container/{id}/move-items}: every item of one container into another, and the counts after. */
class ItemMoveApiTest extends ItemApiTestSupport {

    @Autowired
    ItemMoveApiTest(JdbcClient jdbc) {
        super(jdbc);
    }

    @Test
    void moveItemsMovesEveryItemAndCountsFollow() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long untouched = user.container("Garage");
        List<Long> moved = List.of(user.itemId("Cup", kitchen), user.itemId("Mug", kitchen), user.itemId("Jug", kitchen));
        long alreadyThere = user.itemId("Box of letters", attic);
        long elsewhere = user.itemId("Ladder", untouched);

        ApiResponse response = move(kitchen, "{\"to_container_id\": " + attic + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().propertyNames()).containsExactly("moved");
        assertThat(response.json().path("moved").asLong()).isEqualTo(3);
        for (long id : moved) {
            JsonNode item = get(id);
            assertThat(item.path("container_id").asLong()).isEqualTo(attic);
            assertThat(item.path("containerName").asString()).isEqualTo("Attic");
        }
        assertThat(get(alreadyThere).path("container_id").asLong()).isEqualTo(attic);
        assertThat(get(elsewhere).path("container_id").asLong()).isEqualTo(untouched);
        assertThat(counts()).isEqualTo(Map.of(kitchen, 0L, attic, 4L, untouched, 1L));
        assertThat(api.get("/api/items/by-container/" + kitchen, bearer(token)).json().isEmpty()).isTrue();
    }

    @Test
    void movingFromAContainerThatIsNotThereIsNotFound() {
        long attic = user.container("Attic");
        CatalogueFixtures other = new CatalogueFixtures(api, newUserToken());
        long othersBox = other.container("Box");
        long othersItem = other.itemId("Cup", othersBox);

        for (long source : List.of(UNKNOWN_ID, othersBox)) {
            assertError(move(source, "{\"to_container_id\": " + attic + "}"), 404, "Container not found.");
        }
        assertThat(jdbc.sql("SELECT container_id FROM items WHERE id = :id").param("id", othersItem)
                .query(Long.class).single()).isEqualTo(othersBox);
    }

    static Stream<Arguments> refusedMoves() {
        return Stream.of(
                refusal("target missing", "{}", "to_container_id is required."),
                refusal("target null", "{\"to_container_id\": null}", "to_container_id is required."),
                refusal("target 0", "{\"to_container_id\": 0}", "to_container_id does not exist."),
                refusal("target -1", "{\"to_container_id\": -1}", "to_container_id does not exist."),
                refusal("target unknown", "{\"to_container_id\": " + UNKNOWN_ID + "}",
                        "to_container_id does not exist."),
                refusal("target of another user", "{\"to_container_id\": {otherContainer}}",
                        "to_container_id does not exist."),
                refusal("target \"abc\"", "{\"to_container_id\": \"abc\"}", "Invalid value for 'to_container_id'."),
                refusal("target 1.5", "{\"to_container_id\": 1.5}", "Invalid value for 'to_container_id'."),
                refusal("target over 64 bits", "{\"to_container_id\": 99999999999999999999}",
                        "Invalid value for 'to_container_id'."),
                refusal("not JSON", "to=1", "Malformed JSON request body."),
                refusal("empty body", "", "Malformed JSON request body."),
                refusal("JSON array", "[]", "Malformed JSON request body."),
                refusal("trailing content", "{\"to_container_id\": {attic}} {}", "Malformed JSON request body."),
                refusal("a key given twice", "{\"to_container_id\": {attic}, \"to_container_id\": {attic}}",
                        "Malformed JSON request body."));
    }

    @ParameterizedTest
    @MethodSource("refusedMoves")
    void aRefusedMoveSaysWhyAndMovesNothing(String template, String expectedError) {
        long kitchen = user.container("Kitchen");
        Map<String, Long> values = Map.of("otherContainer", new CatalogueFixtures(api, newUserToken()).container("Box"),
                "attic", user.container("Attic"));
        JsonNode item = user.item("Cup", kitchen);

        assertError(move(kitchen, fill(template, values)), 400, expectedError);
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLargeAndMovesNothing() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        JsonNode item = user.item("Cup", kitchen);

        ApiResponse response = move(kitchen, "{\"to_container_id\": " + attic + ", \"padding\": \""
                + "p".repeat(1024 * 1024) + "\"}");

        assertError(response, 413, "Request body too large (max 1MB).");
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefusedAndMovesNothing() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        JsonNode item = user.item("Cup", kitchen);

        ApiResponse response = api.send("POST", "/api/container/" + kitchen + "/move-items", "text/plain",
                utf8("{\"to_container_id\": " + attic + "}"), bearer(token));

        assertError(response, 415, "Unsupported content type.");
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
    }

    @Test
    void unknownFieldsInAMoveAreIgnored() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long item = user.itemId("Cup", kitchen);

        ApiResponse response = move(kitchen, "{\"to_container_id\": " + attic + ", \"colour\": \"red\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("moved").asLong()).isEqualTo(1);
        assertThat(get(item).path("container_id").asLong()).isEqualTo(attic);
    }

    @Test
    void movingIntoTheSameContainerMovesNothing() {
        long kitchen = user.container("Kitchen");
        JsonNode item = user.item("Cup", kitchen);

        ApiResponse response = move(kitchen, "{\"to_container_id\": " + kitchen + "}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("moved").asLong()).isZero();
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
    }

    @Test
    void movingFromAnEmptyContainerMovesNothing() {
        long empty = user.container("Empty");
        long attic = user.container("Attic");
        JsonNode item = user.item("Cup", attic);

        ApiResponse response = move(empty, "{\"to_container_id\": " + attic + "}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("moved").asLong()).isZero();
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
        assertThat(counts()).isEqualTo(Map.of(empty, 0L, attic, 1L));
    }

    private ApiResponse move(long from, String body) {
        return send("POST", "/api/container/" + from + "/move-items", body);
    }

    private Map<Long, Long> counts() {
        return api.get("/api/containers/with-counts", bearer(token)).json().valueStream()
                .collect(Collectors.toMap(c -> c.path("id").asLong(), c -> c.path("count").asLong()));
    }
}
