package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.ISO_MILLIS;
import static catdata.support.CatalogueFixtures.ids;
import static catdata.support.CatalogueFixtures.inParallel;
import static catdata.support.CatalogueFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiResponse;

/**
 * One item at a time: create, read, the partial updates the front end sends, and delete. What is
 * refused is in {@link ItemRefusalApiTest}, moving a container's items in {@link ItemMoveApiTest}.
 */
class ItemApiTest extends ItemApiTestSupport {

    @Autowired
    ItemApiTest(JdbcClient jdbc) {
        super(jdbc);
    }

    // --- create ---

    @Test
    void aNewItemIsCreatedWithItsNameTrimmedAnEmptyDescriptionAndItsContainersName() {
        long box = user.container("Kitchen box");

        ApiResponse response = send("POST", "/api/item", "{\"name\": \"  Teapot \\t\", \"container_id\": " + box + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode item = response.json();
        long id = item.path("id").asLong();
        assertThat(response.header("Location")).isEqualTo("/api/item/" + id);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(item.path("name").asString()).isEqualTo("Teapot");
        assertThat(item.path("description").asString()).isEqualTo("");
        assertThat(item.path("container_id").asLong()).isEqualTo(box);
        assertThat(item.path("containerName").asString()).isEqualTo("Kitchen box");
        assertThat(item.path("image_id").isNull()).isTrue();
        assertThat(item.path("tags").isArray()).isTrue();
        assertThat(tags(item)).isEmpty();
        assertThat(item.path("created_at").asString()).matches(ISO_MILLIS);
        assertThat(item.path("updated_at").asString()).isEqualTo(item.path("created_at").asString());
        assertThat(get(id)).isEqualTo(item);
    }

    @Test
    void nullPhotoAndTagsMeanNoneAndFieldsTheServerOwnsAreIgnored() {
        long box = user.container("Box");

        JsonNode item = user.item("{\"name\": \"Cup\", \"container_id\": " + box + ", \"image_id\": null, "
                + "\"tags\": null, \"id\": 12345, \"containerName\": \"Elsewhere\", \"imageUrl\": \"/x\", "
                + "\"created_at\": \"2000-01-01T00:00:00.000Z\", \"colour\": \"blue\"}");

        assertThat(item.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(item.path("image_id").isNull()).isTrue();
        assertThat(tags(item)).isEmpty();
        assertThat(item.path("id").asLong()).isNotEqualTo(12345);
        assertThat(item.path("containerName").asString()).isEqualTo("Box");
        assertThat(item.path("created_at").asString()).doesNotStartWith("2000");
    }

    @Test
    void aDescriptionIsStoredAsGiven() {
        long box = user.container("Box");

        JsonNode item = user.item("{\"name\": \"Cup\", \"description\": \"  Blue,\\nchipped  \", \"container_id\": "
                + box + "}");

        assertThat(item.path("description").asString()).isEqualTo("  Blue,\nchipped  ");
    }

    @Test
    void tagsGivenTwiceOrOutOfOrderAreLinkedOnceAndListedAscending() {
        long box = user.container("Box");
        long first = user.tag("Blue");
        long second = user.tag("Kitchen");
        long third = user.tag("Old");

        JsonNode item = user.item("{\"name\": \"Cup\", \"container_id\": " + box + ", \"tags\": "
                + ids(third, first, third, second, first) + "}");

        assertThat(tags(item)).containsExactly(first, second, third);
        assertThat(tagLinks(item.path("id").asLong())).isEqualTo(3);
        assertThat(tags(get(item.path("id").asLong()))).containsExactly(first, second, third);
    }

    @Test
    void anItemCanShowAnUploadedPhoto() {
        long box = user.container("Box");
        long photo = user.photo();

        JsonNode item = user.item("{\"name\": \"Cat\", \"container_id\": " + box + ", \"image_id\": " + photo + "}");

        assertThat(item.path("image_id").asLong()).isEqualTo(photo);
        assertThat(get(item.path("id").asLong()).path("image_id").asLong()).isEqualTo(photo);
    }

    @Test
    void aNameOf255CharactersIsAccepted() {
        long box = user.container("Box");
        String name = "\uD83D\uDC31".repeat(255);

        JsonNode item = user.item(json("name", name, "container_id", box));

        assertThat(item.path("name").asString()).isEqualTo(name);
    }

    // --- update ---

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void sendingOnlyAContainerIdMovesTheItemAndKeepsEverythingElse(String method) {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long photo = user.photo();
        long tag = user.tag("Blue");
        JsonNode before = user.item("{\"name\": \"Cup\", \"description\": \"Chipped\", \"container_id\": " + kitchen
                + ", \"image_id\": " + photo + ", \"tags\": [" + tag + "]}");
        long id = before.path("id").asLong();

        ApiResponse response = send(method, "/api/item/" + id, "{\"container_id\": " + attic + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode after = response.json();
        assertThat(after.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(after.path("container_id").asLong()).isEqualTo(attic);
        assertThat(after.path("containerName").asString()).isEqualTo("Attic");
        assertThat(without(after, "container_id", "containerName", "updated_at"))
                .isEqualTo(without(before, "container_id", "containerName", "updated_at"));
        assertThat(get(id)).isEqualTo(after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void sendingOnlyANameRenamesTheItemTrimmed(String method) {
        JsonNode before = itemWithPhotoAndTag();

        JsonNode after = update(method, before, "{\"name\": \"  Mug  \"}");

        assertThat(after.path("name").asString()).isEqualTo("Mug");
        assertThat(without(after, "name", "updated_at")).isEqualTo(without(before, "name", "updated_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void sendingOnlyADescriptionReplacesIt(String method) {
        JsonNode before = itemWithPhotoAndTag();

        JsonNode after = update(method, before, "{\"description\": \"Handle glued\"}");

        assertThat(after.path("description").asString()).isEqualTo("Handle glued");
        assertThat(without(after, "description", "updated_at")).isEqualTo(without(before, "description", "updated_at"));
    }

    @Test
    void aNullDescriptionBecomesEmpty() {
        JsonNode before = itemWithPhotoAndTag();

        JsonNode after = update("PATCH", before, "{\"description\": null}");

        assertThat(after.path("description").asString()).isEqualTo("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aNullImageIdClearsThePhoto(String method) {
        JsonNode before = itemWithPhotoAndTag();

        JsonNode after = update(method, before, "{\"image_id\": null}");

        assertThat(after.path("image_id").isNull()).isTrue();
        assertThat(without(after, "image_id", "updated_at")).isEqualTo(without(before, "image_id", "updated_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void anImageIdSetsThePhoto(String method) {
        long box = user.container("Box");
        JsonNode before = user.item("Cup", box);
        long photo = user.photo();

        JsonNode after = update(method, before, "{\"image_id\": " + photo + "}");

        assertThat(after.path("image_id").asLong()).isEqualTo(photo);
        assertThat(without(after, "image_id", "updated_at")).isEqualTo(without(before, "image_id", "updated_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void aTagListReplacesTheWholeTagSet(String method) {
        long box = user.container("Box");
        long blue = user.tag("Blue");
        long old = user.tag("Old");
        long kitchen = user.tag("Kitchen");
        JsonNode before = user.item("Cup", box, blue, old);

        JsonNode after = update(method, before, "{\"tags\": " + ids(kitchen, old, kitchen) + "}");

        assertThat(tags(after)).containsExactly(old, kitchen);
        assertThat(tagLinks(after.path("id").asLong())).isEqualTo(2);
        assertThat(without(after, "tags", "updated_at")).isEqualTo(without(before, "tags", "updated_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null"})
    void anEmptyOrNullTagListClearsTheTags(String tagList) {
        JsonNode before = itemWithPhotoAndTag();

        JsonNode after = update("PUT", before, "{\"tags\": " + tagList + "}");

        assertThat(tags(after)).isEmpty();
        assertThat(tagLinks(after.path("id").asLong())).isZero();
        assertThat(without(after, "tags", "updated_at")).isEqualTo(without(before, "tags", "updated_at"));
    }

    @Test
    void fieldsTheServerOwnsAreIgnoredWhenTheWholeObjectIsSentBack() {
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();
        ObjectNode sentBack = (ObjectNode) get(id).deepCopy();
        sentBack.put("name", "Mug");
        sentBack.put("id", id + 1000);
        sentBack.put("created_at", "2000-01-01T00:00:00.000Z");
        sentBack.put("updated_at", "2000-01-01T00:00:00.000Z");
        sentBack.put("containerName", "Somewhere else");
        sentBack.put("imageUrl", "/x");

        ApiResponse response = send("PUT", "/api/item/" + id, sentBack.toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode after = response.json();
        assertThat(after.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(after.path("name").asString()).isEqualTo("Mug");
        assertThat(without(after, "name", "updated_at")).isEqualTo(without(before, "name", "updated_at"));
        assertThat(itemRows()).isEqualTo(1);
    }

    @Test
    void anUpdateMovesUpdatedAtForwardAndKeepsCreatedAt() {
        long id = itemWithPhotoAndTag().path("id").asLong();
        jdbc.sql("UPDATE items SET created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' "
                + "WHERE id = :id").param("id", id).update();
        JsonNode before = get(id);

        JsonNode after = update("PATCH", before, "{\"name\": \"Mug\"}");

        assertThat(after.path("created_at")).isEqualTo(before.path("created_at"));
        assertThat(Instant.parse(after.path("updated_at").asString()))
                .isAfter(Instant.parse(before.path("updated_at").asString()));
        assertThat(after.path("updated_at").asString()).matches(ISO_MILLIS);
    }

    @Test
    void parallelTagUpdatesOfOneItemEndWithExactlyOneOfTheSentSets() {
        long box = user.container("Box");
        long[] tagIds = IntStream.range(0, 5).mapToLong(i -> user.tag("Tag " + i)).toArray();
        long id = user.itemId("Cup", box);
        List<List<Long>> sets = IntStream.rangeClosed(1, 20)
                .mapToObj(bits -> IntStream.range(0, 5).filter(i -> (bits & (1 << i)) != 0)
                        .mapToObj(i -> tagIds[i]).toList())
                .toList();

        List<ApiResponse> responses = inParallel(sets.stream()
                .map(set -> (Supplier<ApiResponse>) () -> send("PUT", "/api/item/" + id, "{\"tags\": " + set + "}"))
                .toList());

        for (int i = 0; i < sets.size(); i++) {
            assertThat(responses.get(i).status()).as(responses.get(i).toString()).isEqualTo(200);
            assertThat(tags(responses.get(i).json())).as("each answer shows its own set").isEqualTo(sets.get(i));
        }
        List<Long> finalTags = tags(get(id));
        assertThat(sets).contains(finalTags);
        assertThat(tagLinks(id)).isEqualTo(finalTags.size());
    }

    // --- delete ---

    @Test
    void aDeletedItemIsGoneWithItsTagLinksButItsTagsStay() {
        long box = user.container("Box");
        long blue = user.tag("Blue");
        long old = user.tag("Old");
        long id = user.itemId("Cup", box, blue, old);
        long kept = user.itemId("Mug", box, blue);

        ApiResponse deleted = api.delete("/api/item/" + id, bearer(token));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        ApiResponse read = api.get("/api/item/" + id, bearer(token));
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.error()).isEqualTo("Item not found.");
        ApiResponse again = api.delete("/api/item/" + id, bearer(token));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("Item not found.");
        assertThat(tagLinks(id)).isZero();
        assertThat(tags(get(kept))).containsExactly(blue);
        assertThat(api.get("/api/tag/" + old, bearer(token)).status()).isEqualTo(200);
        assertThat(api.get("/api/container/" + box, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void deletingItsPhotoLeavesTheItemWithoutOne() {
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();

        ApiResponse deleted = api.delete("/api/image/" + before.path("image_id").asLong(), bearer(token));

        assertThat(deleted.status()).isEqualTo(204);
        JsonNode after = get(id);
        assertThat(after.path("image_id").isNull()).isTrue();
        assertThat(without(after, "image_id", "updated_at")).isEqualTo(without(before, "image_id", "updated_at"));
    }

    private JsonNode update(String method, JsonNode item, String body) {
        ApiResponse response = send(method, "/api/item/" + item.path("id").asLong(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(get(item.path("id").asLong())).isEqualTo(response.json());
        return response.json();
    }
}
