package catdata.support;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * One user's catalogue built through the API, as the front end builds it: containers, tags,
 * photos and items. Every step must succeed, so a test fails where its setup went wrong.
 */
public final class ItemFixtures {

    private final ApiClient api;
    private final String token;

    public ItemFixtures(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    public long container(String name) {
        return created(post("/api/container", "{\"name\": " + quote(name) + "}")).path("id").asLong();
    }

    public long tag(String name) {
        return created(post("/api/tag", "{\"name\": " + quote(name) + "}")).path("id").asLong();
    }

    public long photo() {
        ApiResponse response = api.upload("/api/image",
                List.of(ApiClient.Part.file("a.png", "image/png", TestImages.png(4, 4))), bearer(token));
        return created(response).path("id").asLong();
    }

    /** An item with the given tags and no description or photo; the answer to its creation. */
    public JsonNode item(String name, long containerId, long... tagIds) {
        return item("{\"name\": " + quote(name) + ", \"container_id\": " + containerId
                + ", \"tags\": " + ids(tagIds) + "}");
    }

    public long itemId(String name, long containerId, long... tagIds) {
        return item(name, containerId, tagIds).path("id").asLong();
    }

    /** An item from a raw request body, which must be accepted. */
    public JsonNode item(String body) {
        return created(post("/api/item", body));
    }

    public ApiResponse post(String path, String body) {
        return api.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
    }

    /** A JSON array of ids. */
    public static String ids(long... ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.appendCodePoint(c);
            }
        });
        return json.append('"').toString();
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
