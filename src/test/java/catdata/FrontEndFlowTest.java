package catdata;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;

/**
 * The React front end's whole round, request by request as it sends them: a container, a tag, a
 * photo and an item made, found again every way the app looks, moved, counted and taken apart.
 */
class FrontEndFlowTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String token;

    @BeforeEach
    void signIn() {
        token = newUserToken();
    }

    @Test
    void anItemGoesThroughItsWholeLifeAsTheFrontEndDrivesIt() {
        long kitchen = createContainer("Kitchen");
        long pantry = createContainer("Pantry");
        long blue = createTagTwice("Blue");
        byte[] png = TestImages.png(8, 6);
        long photo = uploadPhoto(png);

        ApiResponse created = send("POST", "/api/item", """
                {"name": "Teapot", "description": "Blue and white china", "container_id": %d, "image_id": %d,
                 "tags": [%d]}""".formatted(kitchen, photo, blue));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long teapot = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/item/" + teapot);
        assertThat(withoutTimestamps(created.json()))
                .isEqualTo(item(teapot, kitchen, "Kitchen", String.valueOf(photo), "[" + blue + "]"));
        JsonNode teapotAsCreated = created.json();

        itIsFoundEverywhereTheAppLooks(teapotAsCreated, kitchen, blue);

        ApiResponse put = send("PUT", "/api/item/" + teapot, "{\"container_id\": %d}".formatted(pantry));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(withoutTimestamps(put.json()))
                .isEqualTo(item(teapot, pantry, "Pantry", String.valueOf(photo), "[" + blue + "]"));
        assertThat(put.json().path("created_at")).isEqualTo(teapotAsCreated.path("created_at"));
        assertThat(instant(put.json(), "updated_at")).isAfterOrEqualTo(instant(teapotAsCreated, "updated_at"));
        assertThat(get("/api/items/by-container/" + kitchen)).isEqualTo(JSON.readTree("[]"));

        ApiResponse moved = send("POST", "/api/container/" + pantry + "/move-items",
                "{\"to_container_id\": %d}".formatted(kitchen));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json()).isEqualTo(JSON.readTree("{\"moved\": 1}"));
        assertThat(withoutTimestamps(get("/api/item/" + teapot)))
                .isEqualTo(item(teapot, kitchen, "Kitchen", String.valueOf(photo), "[" + blue + "]"));

        assertThat(withoutTimestamps(get("/api/containers/with-counts"))).isEqualTo(JSON.readTree("""
                [{"id": %d, "name": "Kitchen", "description": "", "count": 1},
                 {"id": %d, "name": "Pantry", "description": "", "count": 0}]""".formatted(kitchen, pantry)));
        assertThat(withoutTimestamps(get("/api/tags-with-counts")))
                .isEqualTo(JSON.readTree("[{\"id\": %d, \"name\": \"Blue\", \"count\": 1}]".formatted(blue)));

        assertThat(delete("/api/image/" + photo).status()).isEqualTo(204);
        assertThat(delete("/api/image/" + photo).error()).isEqualTo("Image not found.");
        assertThat(withoutTimestamps(get("/api/item/" + teapot)))
                .isEqualTo(item(teapot, kitchen, "Kitchen", "null", "[" + blue + "]"));

        assertThat(delete("/api/tag/" + blue).status()).isEqualTo(204);
        assertThat(withoutTimestamps(get("/api/item/" + teapot))).isEqualTo(item(teapot, kitchen, "Kitchen", "null", "[]"));
        assertThat(get("/api/tags-with-counts")).isEqualTo(JSON.readTree("[]"));

        ApiResponse stillFull = delete("/api/container/" + kitchen);
        assertThat(stillFull.status()).isEqualTo(409);
        assertThat(stillFull.error()).isEqualTo("Container is not empty.");

        assertThat(delete("/api/item/" + teapot).status()).isEqualTo(204);
        ApiResponse gone = api.get("/api/item/" + teapot, bearer(token));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error()).isEqualTo("Item not found.");

        assertThat(delete("/api/container/" + kitchen).status()).isEqualTo(204);
        assertThat(withoutTimestamps(get("/api/containers/with-counts"))).isEqualTo(JSON.readTree("""
                [{"id": %d, "name": "Pantry", "description": "", "count": 0}]""".formatted(pantry)));
        assertThat(get("/api/items")).isEqualTo(JSON.readTree("[]"));
    }

    private long createContainer(String name) {
        ApiResponse response = send("POST", "/api/container", "{\"name\": \"%s\"}".formatted(name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        long id = response.json().path("id").asLong();
        assertThat(response.header("Location")).isEqualTo("/api/container/" + id);
        assertThat(withoutTimestamps(response.json()))
                .isEqualTo(JSON.readTree("{\"id\": %d, \"name\": \"%s\", \"description\": \"\"}".formatted(id, name)));
        return id;
    }

    /** The app does not look before it creates, so a second click on "add tag" is answered 409. */
    private long createTagTwice(String name) {
        String body = "{\"name\": \"%s\"}".formatted(name);
        ApiResponse first = send("POST", "/api/tag", body);
        ApiResponse second = send("POST", "/api/tag", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        assertThat(withoutTimestamps(first.json()))
                .isEqualTo(JSON.readTree("{\"id\": %d, \"name\": \"%s\"}".formatted(id, name)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("Tag name must be unique.");
        assertThat(withoutTimestamps(get("/api/tags")))
                .isEqualTo(JSON.readTree("[{\"id\": %d, \"name\": \"%s\"}]".formatted(id, name)));
        return id;
    }

    private long uploadPhoto(byte[] png) {
        ApiResponse response = api.upload("/api/image", List.of(Part.file("a.png", "image/png", png)), bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        long id = response.json().path("id").asLong();
        ApiResponse shown = api.get("/api/image/" + id, bearer(token));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Content-Type")).isEqualTo("image/png");
        assertThat(shown.body()).isEqualTo(png);
        return id;
    }

    private void itIsFoundEverywhereTheAppLooks(JsonNode item, long container, long tag) {
        JsonNode alone = JSON.createArrayNode().add(item);
        assertThat(get("/api/item/" + item.path("id").asLong())).isEqualTo(item);
        assertThat(get("/api/items")).isEqualTo(alone);
        assertThat(get("/api/items/by-container/" + container)).isEqualTo(alone);
        assertThat(get("/api/items/by-tag/" + tag)).isEqualTo(alone);
        assertThat(get("/api/items/search?name=tea")).isEqualTo(alone);
        assertThat(get("/api/items/search-text?q=white")).isEqualTo(alone);
        assertThat(get("/api/items/search-text?q=blue&containerId=" + container)).isEqualTo(alone);
        assertThat(get("/api/items/name-suggestions?q=tea")).isEqualTo(JSON.readTree("[\"Teapot\"]"));
    }

    private static JsonNode item(long id, long containerId, String containerName, String imageId, String tags) {
        return JSON.readTree("""
                {"id": %d, "name": "Teapot", "description": "Blue and white china", "container_id": %d,
                 "containerName": "%s", "image_id": %s, "tags": %s}"""
                .formatted(id, containerId, containerName, imageId, tags));
    }

    /** The timestamps are the server's; the rest of a row is what the test can know exactly. */
    private static JsonNode withoutTimestamps(JsonNode node) {
        if (node.isArray()) {
            ArrayNode rows = JSON.createArrayNode();
            node.valueStream().map(FrontEndFlowTest::withoutTimestamps).forEach(rows::add);
            return rows;
        }
        ObjectNode row = (ObjectNode) node.deepCopy();
        assertThat(instant(row, "created_at")).isBeforeOrEqualTo(instant(row, "updated_at"));
        // Who made and changed a row: the one user of this flow, in their own household.
        if (row.has("created_by")) {
            assertThat(row.path("created_by").asString()).startsWith("user-").isEqualTo(row.path("updated_by").asString());
        }
        row.remove(List.of("created_at", "updated_at", "created_by", "updated_by"));
        return row;
    }

    /** An ISO-8601 instant in UTC, as the contract says. */
    private static Instant instant(JsonNode row, String field) {
        String text = row.path(field).asString();
        assertThat(text).as(field).endsWith("Z");
        return Instant.parse(text);
    }

    private JsonNode get(String path) {
        ApiResponse response = api.get(path, bearer(token));
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private ApiResponse delete(String path) {
        return api.delete(path, bearer(token));
    }

    private ApiResponse send(String method, String path, String body) {
        return api.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
    }
}
