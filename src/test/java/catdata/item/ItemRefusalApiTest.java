package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.ids;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.CatalogueFixtures;

/**
 * What the item endpoints refuse (bodies, tokens, ids, other users' rows): the reason they give,
 * and that nothing was written.
 */
class ItemRefusalApiTest extends ItemApiTestSupport {

    private static final String LONG_NAME = "n".repeat(256);
    private static final String LONG_DESCRIPTION = "d".repeat(10_001);
    private static final String TOO_MANY_TAGS = ids(LongStream.rangeClosed(1, 101).toArray());

    @Autowired
    ItemRefusalApiTest(JdbcClient jdbc) {
        super(jdbc);
    }

    // --- create ---

    /** What a refused create sends; {@code {container}}, {@code {tag}} and {@code {other...}} are filled in. */
    static Stream<Arguments> refusedCreations() {
        return Stream.of(
                refusal("name missing", "{\"container_id\": {container}}", "Name is required."),
                refusal("name null", "{\"name\": null, \"container_id\": {container}}", "Name is required."),
                refusal("name empty", "{\"name\": \"\", \"container_id\": {container}}", "Name is required."),
                refusal("name blank", "{\"name\": \" \\t\\n \", \"container_id\": {container}}", "Name is required."),
                refusal("name of 256 characters", "{\"name\": \"" + LONG_NAME + "\", \"container_id\": {container}}",
                        "Name must be at most 255 characters."),
                refusal("name with NUL", "{\"name\": \"a\\u0000b\", \"container_id\": {container}}",
                        "Name must not contain NUL characters."),
                refusal("description of 10001 characters", "{\"name\": \"Cup\", \"description\": \""
                        + LONG_DESCRIPTION + "\", \"container_id\": {container}}",
                        "Description must be at most 10000 characters."),
                refusal("container_id missing", "{\"name\": \"Cup\"}", "container_id is required."),
                refusal("container_id null", "{\"name\": \"Cup\", \"container_id\": null}", "container_id is required."),
                refusal("container_id 0", "{\"name\": \"Cup\", \"container_id\": 0}", "container_id does not exist."),
                refusal("container_id -5", "{\"name\": \"Cup\", \"container_id\": -5}", "container_id does not exist."),
                refusal("container_id unknown", "{\"name\": \"Cup\", \"container_id\": " + UNKNOWN_ID + "}",
                        "container_id does not exist."),
                refusal("container_id of another user", "{\"name\": \"Cup\", \"container_id\": {otherContainer}}",
                        "container_id does not exist."),
                refusal("image_id unknown", "{\"name\": \"Cup\", \"container_id\": {container}, \"image_id\": "
                        + UNKNOWN_ID + "}", "image_id does not exist."),
                refusal("image_id 0", "{\"name\": \"Cup\", \"container_id\": {container}, \"image_id\": 0}",
                        "image_id does not exist."),
                refusal("image_id of another user",
                        "{\"name\": \"Cup\", \"container_id\": {container}, \"image_id\": {otherPhoto}}",
                        "image_id does not exist."),
                refusal("tag unknown", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [{tag}, "
                        + UNKNOWN_ID + "]}", "Tag " + UNKNOWN_ID + " does not exist."),
                refusal("tag 0", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [{tag}, 0]}",
                        "Tag 0 does not exist."),
                refusal("tag -3", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [-3]}",
                        "Tag -3 does not exist."),
                refusal("tag of another user",
                        "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [{tag}, {otherTag}]}",
                        "Tag {otherTag} does not exist."),
                refusal("tag null", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [{tag}, null]}",
                        "Invalid value for 'tags'."),
                refusal("101 tags", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": " + TOO_MANY_TAGS
                        + "}", "An item can have at most 100 tags."),
                refusal("container_id \"7\"", "{\"name\": \"Cup\", \"container_id\": \"7\"}",
                        "Invalid value for 'container_id'."),
                refusal("container_id \"abc\"", "{\"name\": \"Cup\", \"container_id\": \"abc\"}",
                        "Invalid value for 'container_id'."),
                refusal("container_id 7.5", "{\"name\": \"Cup\", \"container_id\": 7.5}",
                        "Invalid value for 'container_id'."),
                refusal("container_id 1e3", "{\"name\": \"Cup\", \"container_id\": 1e3}",
                        "Invalid value for 'container_id'."),
                refusal("container_id true", "{\"name\": \"Cup\", \"container_id\": true}",
                        "Invalid value for 'container_id'."),
                refusal("container_id over 64 bits", "{\"name\": \"Cup\", \"container_id\": 99999999999999999999}",
                        "Invalid value for 'container_id'."),
                refusal("tag over 64 bits", "{\"name\": \"Cup\", \"container_id\": {container}, "
                        + "\"tags\": [99999999999999999999]}", "Invalid value for 'tags'."),
                refusal("image_id \"1\"", "{\"name\": \"Cup\", \"container_id\": {container}, \"image_id\": \"1\"}",
                        "Invalid value for 'image_id'."),
                refusal("name 5", "{\"name\": 5, \"container_id\": {container}}", "Invalid value for 'name'."),
                refusal("name an array", "{\"name\": [\"Cup\"], \"container_id\": {container}}",
                        "Invalid value for 'name'."),
                refusal("description 5", "{\"name\": \"Cup\", \"description\": 5, \"container_id\": {container}}",
                        "Invalid value for 'description'."),
                refusal("tags \"x\"", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": \"x\"}",
                        "Invalid value for 'tags'."),
                refusal("tags [\"1\"]", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [\"1\"]}",
                        "Invalid value for 'tags'."),
                refusal("tags [1.5]", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": [1.5]}",
                        "Invalid value for 'tags'."),
                refusal("tags a number", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": {tag}}",
                        "Invalid value for 'tags'."),
                refusal("tags an object", "{\"name\": \"Cup\", \"container_id\": {container}, \"tags\": {\"a\": 1}}",
                        "Invalid value for 'tags'."),
                refusal("cut-off JSON", "{\"name\": \"Cup\", \"container_id\": {container},",
                        "Malformed JSON request body."),
                refusal("not JSON", "name=Cup&container_id={container}", "Malformed JSON request body."),
                refusal("empty body", "", "Malformed JSON request body."),
                refusal("JSON null", "null", "Malformed JSON request body."),
                refusal("JSON array", "[{\"name\": \"Cup\", \"container_id\": {container}}]",
                        "Malformed JSON request body."),
                refusal("trailing content", "{\"name\": \"Cup\", \"container_id\": {container}} {}",
                        "Malformed JSON request body."),
                refusal("a key given twice", "{\"name\": \"Cup\", \"name\": \"Mug\", \"container_id\": {container}}",
                        "Malformed JSON request body."));
    }

    @ParameterizedTest
    @MethodSource("refusedCreations")
    void aRefusedCreateSaysWhyAndWritesNothing(String template, String expectedError) {
        CatalogueFixtures other = new CatalogueFixtures(api, newUserToken());
        Map<String, Long> values = Map.of("container", user.container("Box"), "tag", user.tag("Blue"),
                "otherContainer", other.container("Box"), "otherTag", other.tag("Blue"), "otherPhoto", other.photo());

        ApiResponse response = send("POST", "/api/item", fill(template, values));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo(fill(expectedError, values));
        assertThat(itemRows()).isZero();
        assertThat(ownersTagLinks()).isZero();
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLargeOnCreateAndUpdate() {
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();
        String body = "{\"name\": \"Mug\", \"container_id\": " + before.path("container_id").asLong()
                + ", \"description\": \"" + "x".repeat(1024 * 1024) + "\"}";

        for (ApiResponse response : List.of(send("POST", "/api/item", body), send("PUT", "/api/item/" + id, body),
                send("PATCH", "/api/item/" + id, body))) {
            assertError(response, 413, "Request body too large (max 1MB).");
        }
        assertThat(itemRows()).isEqualTo(1);
        assertThat(get(id)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefusedOnCreateAndUpdate() {
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();
        byte[] body = utf8("{\"name\": \"Mug\", \"container_id\": " + before.path("container_id").asLong() + "}");

        for (ApiResponse response : List.of(api.send("POST", "/api/item", "text/plain", body, bearer(token)),
                api.send("PUT", "/api/item/" + id, "text/plain", body, bearer(token)),
                api.send("PATCH", "/api/item/" + id, "text/plain", body, bearer(token)))) {
            assertError(response, 415, "Unsupported content type.");
        }
        assertThat(itemRows()).isEqualTo(1);
        assertThat(get(id)).isEqualTo(before);
    }

    @Test
    void creatingWithoutAValidTokenIsUnauthorized() {
        long box = user.container("Box");
        byte[] body = utf8("{\"name\": \"Cup\", \"container_id\": " + box + "}");

        ApiResponse anonymous = api.send("POST", "/api/item", "application/json", body);
        ApiResponse forged = api.send("POST", "/api/item", "application/json", body, bearer(token + "x"));

        for (ApiResponse response : List.of(anonymous, forged)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.error()).isNotBlank();
        }
        assertThat(itemRows()).isZero();
    }

    // --- update ---

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"imageUrl\": \"/x\", \"colour\": \"blue\"}",
        "{\"id\": 5, \"created_at\": \"2000-01-01T00:00:00.000Z\", \"containerName\": \"Attic\"}"})
    void aBodyWithNothingToChangeIsRefused(String body) {
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();

        for (String method : List.of("PUT", "PATCH")) {
            ApiResponse response = send(method, "/api/item/" + id, body);

            assertThat(response.status()).as(method + " " + response).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Nothing to update.");
        }
        assertThat(get(id)).isEqualTo(before);
    }

    static Stream<Arguments> refusedUpdates() {
        return Stream.of(
                refusal("name empty", "{\"name\": \"\"}", "Name is required."),
                refusal("name null", "{\"name\": null}", "Name is required."),
                refusal("name of 256 characters", "{\"name\": \"" + LONG_NAME + "\"}",
                        "Name must be at most 255 characters."),
                refusal("description of 10001 characters", "{\"description\": \"" + LONG_DESCRIPTION + "\"}",
                        "Description must be at most 10000 characters."),
                refusal("container_id null", "{\"container_id\": null}", "container_id is required."),
                refusal("container_id 0", "{\"container_id\": 0}", "container_id does not exist."),
                refusal("container_id of another user", "{\"container_id\": {otherContainer}}",
                        "container_id does not exist."),
                refusal("image_id unknown", "{\"image_id\": " + UNKNOWN_ID + "}", "image_id does not exist."),
                refusal("image_id of another user", "{\"image_id\": {otherPhoto}}", "image_id does not exist."),
                refusal("tag of another user", "{\"tags\": [{otherTag}]}", "Tag {otherTag} does not exist."),
                refusal("tag null", "{\"tags\": [null]}", "Invalid value for 'tags'."),
                refusal("101 tags", "{\"tags\": " + TOO_MANY_TAGS + "}", "An item can have at most 100 tags."),
                refusal("valid name and unknown tag", "{\"name\": \"Mug\", \"tags\": [" + UNKNOWN_ID + "]}",
                        "Tag " + UNKNOWN_ID + " does not exist."),
                refusal("valid name and unknown photo", "{\"name\": \"Mug\", \"tags\": [], \"image_id\": "
                        + UNKNOWN_ID + "}", "image_id does not exist."),
                refusal("valid name and unknown container", "{\"name\": \"Mug\", \"image_id\": null, "
                        + "\"container_id\": " + UNKNOWN_ID + "}", "container_id does not exist."),
                refusal("valid name and container_id \"7\"", "{\"name\": \"Mug\", \"container_id\": \"7\"}",
                        "Invalid value for 'container_id'."),
                refusal("tags \"x\"", "{\"tags\": \"x\"}", "Invalid value for 'tags'."),
                refusal("name 5", "{\"name\": 5}", "Invalid value for 'name'."),
                refusal("image_id \"abc\"", "{\"image_id\": \"abc\"}", "Invalid value for 'image_id'."),
                refusal("description 5", "{\"description\": 5}", "Invalid value for 'description'."),
                refusal("container_id over 64 bits", "{\"container_id\": 99999999999999999999}",
                        "Invalid value for 'container_id'."),
                refusal("tags [1.5]", "{\"tags\": [1.5]}", "Invalid value for 'tags'."),
                refusal("tag over 64 bits", "{\"tags\": [99999999999999999999]}", "Invalid value for 'tags'."),
                refusal("cut-off JSON", "{\"name\": \"Mug\"", "Malformed JSON request body."),
                refusal("empty body", "", "Malformed JSON request body."));
    }

    @ParameterizedTest
    @MethodSource("refusedUpdates")
    void aRefusedUpdateSaysWhyAndChangesNothing(String template, String expectedError) {
        CatalogueFixtures other = new CatalogueFixtures(api, newUserToken());
        Map<String, Long> values = Map.of("otherContainer", other.container("Box"), "otherTag", other.tag("Blue"),
                "otherPhoto", other.photo());
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();

        for (String method : List.of("PUT", "PATCH")) {
            assertError(send(method, "/api/item/" + id, fill(template, values)), 400, fill(expectedError, values));
        }
        assertThat(get(id)).isEqualTo(before);
        assertThat(tagLinks(id)).isEqualTo(1);
    }

    // --- ids ---

    @Test
    void updatingAnItemThatIsNotThereIsNotFound() {
        CatalogueFixtures other = new CatalogueFixtures(api, newUserToken());
        long othersItem = other.itemId("Cup", other.container("Box"));
        long mine = user.itemId("Cup", user.container("Box"));

        for (String method : List.of("PUT", "PATCH")) {
            for (long id : List.of(UNKNOWN_ID, mine + 1000, othersItem)) {
                ApiResponse response = send(method, "/api/item/" + id, "{\"name\": \"Mug\"}");

                assertThat(response.status()).as(method + " " + id + " " + response).isEqualTo(404);
                assertThat(response.error()).isEqualTo("Item not found.");
            }
        }
        assertThat(api.get("/api/item/" + UNKNOWN_ID, bearer(token)).error()).isEqualTo("Item not found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999", "0x1", "+1", "1%20", "01x"})
    void aPathIdThatIsNotAPositiveNumberIsInvalid(String id) {
        String path = "/api/item/" + id;
        List<ApiResponse> responses = List.of(api.get(path, bearer(token)), api.delete(path, bearer(token)),
                send("PUT", path, "{\"name\": \"Mug\"}"), send("PATCH", path, "{\"name\": \"Mug\"}"),
                send("POST", "/api/container/" + id + "/move-items", "{\"to_container_id\": 1}"));

        for (ApiResponse response : responses) {
            assertError(response, 400, "Invalid id.");
        }
    }

    @Test
    void deletingAnotherUsersItemIsNotFoundAndLeavesIt() {
        CatalogueFixtures other = new CatalogueFixtures(api, newUserToken());
        long othersItem = other.itemId("Cup", other.container("Box"));

        ApiResponse response = api.delete("/api/item/" + othersItem, bearer(token));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("Item not found.");
        assertThat(jdbc.sql("SELECT count(*) FROM items WHERE id = :id").param("id", othersItem)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long ownersTagLinks() {
        return jdbc.sql("""
                SELECT count(*) FROM items_to_tags it JOIN tags t ON t.id = it.tag_id WHERE t.created_by = :owner""")
                .param("owner", owner).query(Long.class).single();
    }
}
