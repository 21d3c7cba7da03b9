package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TokenBuilder;

/**
 * What the item API tests share: a new user for every test, requests as that user, and the rows
 * behind the answers (a refusal must have written nothing).
 */
abstract class ItemApiTestSupport extends ApiTest {

    static final String[] ITEM_FIELDS = {"id", "name", "description", "container_id", "containerName",
        "image_id", "tags", "created_at", "updated_at", "created_by", "updated_by"};
    static final long UNKNOWN_ID = Long.MAX_VALUE;

    final JdbcClient jdbc;

    String owner;
    String token;
    CatalogueFixtures user;

    ItemApiTestSupport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void newUser() {
        TokenBuilder builder = ISSUER.token();
        owner = builder.subject();
        token = builder.build();
        user = new CatalogueFixtures(api, token);
    }

    /** A refusal case: the body (shown as {@code name} in the report) and the error it must get. */
    static Arguments refusal(String name, String body, String error) {
        return Arguments.of(Named.of(name, body), error);
    }

    /** Puts the ids in for {@code {name}} placeholders. */
    static String fill(String template, Map<String, Long> values) {
        String filled = template;
        for (Map.Entry<String, Long> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue().toString());
        }
        return filled;
    }

    JsonNode itemWithPhotoAndTag() {
        long box = user.container("Box");
        return user.item("{\"name\": \"Cup\", \"description\": \"Chipped\", \"container_id\": " + box
                + ", \"image_id\": " + user.photo() + ", \"tags\": [" + user.tag("Blue") + "]}");
    }

    ApiResponse send(String method, String path, String body) {
        return api.send(method, path, "application/json", utf8(body), bearer(token));
    }

    JsonNode get(long id) {
        ApiResponse response = api.get("/api/item/" + id, bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static List<Long> tags(JsonNode item) {
        return item.path("tags").valueStream().map(JsonNode::asLong).toList();
    }

    static ObjectNode without(JsonNode item, String... fields) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    long itemRows() {
        return jdbc.sql("SELECT count(*) FROM items WHERE created_by = :owner").param("owner", owner)
                .query(Long.class).single();
    }

    long tagLinks(long itemId) {
        return jdbc.sql("SELECT count(*) FROM items_to_tags WHERE item_id = :id").param("id", itemId)
                .query(Long.class).single();
    }
}
