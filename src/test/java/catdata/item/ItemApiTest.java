package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.ItemFixtures.ids;
import static catdata.support.ItemFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.ItemFixtures;
import catdata.support.TokenBuilder;

/** One item at a time: create, read, the partial updates the front end sends, delete, and move-items. */
class ItemApiTest extends ApiTest {

    private static final String[] ITEM_FIELDS = {"id", "name", "description", "container_id", "containerName",
        "image_id", "tags", "created_at", "updated_at"};
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final long UNKNOWN_ID = Long.MAX_VALUE;
    private static final String LONG_NAME = "n".repeat(256);
    private static final String LONG_DESCRIPTION = "d".repeat(10_001);
    private static final String TOO_MANY_TAGS = ids(LongStream.rangeClosed(1, 101).toArray());

    private final JdbcClient jdbc;

    private String owner;
    private String token;
    private ItemFixtures user;

    @Autowired
    ItemApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void newUser() {
        TokenBuilder builder = ISSUER.token();
        owner = builder.subject();
        token = builder.build();
        user = new ItemFixtures(api, token);
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
        assertThat(item.path("created_at").asString()).matches(TIMESTAMP);
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
    void itemNamesNeedNotBeUnique() {
        long box = user.container("Box");

        long first = user.itemId("Sock", box);
        long second = user.itemId("Sock", box);
        long third = user.itemId("SOCK", box);

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(itemRows()).isEqualTo(3);
    }

    @Test
    void aNameOf255CharactersIsAccepted() {
        long box = user.container("Box");
        String name = "\uD83D\uDC31".repeat(255);

        JsonNode item = user.item("{\"name\": " + quote(name) + ", \"container_id\": " + box + "}");

        assertThat(item.path("name").asString()).isEqualTo(name);
    }

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
        ItemFixtures other = new ItemFixtures(api, newUserToken());
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
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() {
        long box = user.container("Box");
        String body = "{\"name\": \"Cup\", \"container_id\": " + box + ", \"description\": \""
                + "x".repeat(1024 * 1024) + "\"}";

        ApiResponse response = send("POST", "/api/item", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Request body too large (max 1MB).");
        assertThat(itemRows()).isZero();
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefused() {
        long box = user.container("Box");

        ApiResponse response = api.send("POST", "/api/item", "text/plain",
                bytes("{\"name\": \"Cup\", \"container_id\": " + box + "}"), bearer(token));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error()).isEqualTo("Unsupported content type.");
        assertThat(itemRows()).isZero();
    }

    @Test
    void creatingWithoutAValidTokenIsUnauthorized() {
        long box = user.container("Box");
        byte[] body = bytes("{\"name\": \"Cup\", \"container_id\": " + box + "}");

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
                refusal("cut-off JSON", "{\"name\": \"Mug\"", "Malformed JSON request body."));
    }

    @ParameterizedTest
    @MethodSource("refusedUpdates")
    void aRefusedUpdateSaysWhyAndChangesNothing(String template, String expectedError) {
        ItemFixtures other = new ItemFixtures(api, newUserToken());
        Map<String, Long> values = Map.of("otherContainer", other.container("Box"), "otherTag", other.tag("Blue"),
                "otherPhoto", other.photo());
        JsonNode before = itemWithPhotoAndTag();
        long id = before.path("id").asLong();

        for (String method : List.of("PUT", "PATCH")) {
            ApiResponse response = send(method, "/api/item/" + id, fill(template, values));

            assertThat(response.status()).as(method + " " + response).isEqualTo(400);
            assertThat(response.error()).isEqualTo(fill(expectedError, values));
        }
        assertThat(get(id)).isEqualTo(before);
        assertThat(tagLinks(id)).isEqualTo(1);
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
        assertThat(after.path("updated_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void updatingAnItemThatIsNotThereIsNotFound() {
        ItemFixtures other = new ItemFixtures(api, newUserToken());
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
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void aPathIdThatIsNotAPositiveNumberIsInvalid(String id) {
        String path = "/api/item/" + id;
        List<ApiResponse> responses = List.of(api.get(path, bearer(token)), api.delete(path, bearer(token)),
                send("PUT", path, "{\"name\": \"Mug\"}"), send("PATCH", path, "{\"name\": \"Mug\"}"),
                send("POST", "/api/container/" + id + "/move-items", "{\"to_container_id\": 1}"));

        for (ApiResponse response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid id.");
        }
    }

    @Test
    void parallelTagUpdatesOfOneItemEndWithExactlyOneOfTheSentSets() throws Exception {
        long box = user.container("Box");
        long[] tagIds = IntStream.range(0, 5).mapToLong(i -> user.tag("Tag " + i)).toArray();
        long id = user.itemId("Cup", box);
        List<List<Long>> sets = IntStream.rangeClosed(1, 20)
                .mapToObj(bits -> IntStream.range(0, 5).filter(i -> (bits & (1 << i)) != 0)
                        .mapToObj(i -> tagIds[i]).toList())
                .toList();

        List<ApiResponse> responses = inParallel(sets.stream()
                .map(set -> (Callable<ApiResponse>) () -> send("PUT", "/api/item/" + id, "{\"tags\": " + set + "}"))
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
    void deletingAnotherUsersItemIsNotFoundAndLeavesIt() {
        ItemFixtures other = new ItemFixtures(api, newUserToken());
        long othersItem = other.itemId("Cup", other.container("Box"));

        ApiResponse response = api.delete("/api/item/" + othersItem, bearer(token));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("Item not found.");
        assertThat(jdbc.sql("SELECT count(*) FROM items WHERE id = :id").param("id", othersItem)
                .query(Long.class).single()).isEqualTo(1);
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

    // --- move-items ---

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
        ItemFixtures other = new ItemFixtures(api, newUserToken());
        long othersBox = other.container("Box");
        long othersItem = other.itemId("Cup", othersBox);

        for (long source : List.of(UNKNOWN_ID, othersBox)) {
            ApiResponse response = move(source, "{\"to_container_id\": " + attic + "}");

            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.error()).isEqualTo("Container not found.");
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
                refusal("not JSON", "to=1", "Malformed JSON request body."));
    }

    @ParameterizedTest
    @MethodSource("refusedMoves")
    void aRefusedMoveSaysWhyAndMovesNothing(String template, String expectedError) {
        Map<String, Long> values = Map.of("otherContainer", new ItemFixtures(api, newUserToken()).container("Box"));
        long kitchen = user.container("Kitchen");
        JsonNode item = user.item("Cup", kitchen);

        ApiResponse response = move(kitchen, fill(template, values));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(expectedError);
        assertThat(get(item.path("id").asLong())).isEqualTo(item);
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

    // --- helpers ---

    private static Arguments refusal(String name, String body, String error) {
        return Arguments.of(Named.of(name, body), error);
    }

    private static String fill(String template, Map<String, Long> values) {
        String filled = template;
        for (Map.Entry<String, Long> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue().toString());
        }
        return filled;
    }

    private JsonNode itemWithPhotoAndTag() {
        long box = user.container("Box");
        return user.item("{\"name\": \"Cup\", \"description\": \"Chipped\", \"container_id\": " + box
                + ", \"image_id\": " + user.photo() + ", \"tags\": [" + user.tag("Blue") + "]}");
    }

    private JsonNode update(String method, JsonNode item, String body) {
        ApiResponse response = send(method, "/api/item/" + item.path("id").asLong(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS);
        assertThat(get(item.path("id").asLong())).isEqualTo(response.json());
        return response.json();
    }

    /** Runs the requests at once, released together, and returns the answers in order. */
    private static List<ApiResponse> inParallel(List<Callable<ApiResponse>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Callable<ApiResponse> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private ApiResponse move(long from, String body) {
        return send("POST", "/api/container/" + from + "/move-items", body);
    }

    private ApiResponse send(String method, String path, String body) {
        return api.send(method, path, "application/json", bytes(body), bearer(token));
    }

    private JsonNode get(long id) {
        ApiResponse response = api.get("/api/item/" + id, bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Map<Long, Long> counts() {
        return api.get("/api/containers/with-counts", bearer(token)).json().valueStream()
                .collect(Collectors.toMap(c -> c.path("id").asLong(), c -> c.path("count").asLong()));
    }

    private static List<Long> tags(JsonNode item) {
        return item.path("tags").valueStream().map(JsonNode::asLong).toList();
    }

    private static ObjectNode without(JsonNode item, String... fields) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    private long itemRows() {
        return jdbc.sql("SELECT count(*) FROM items WHERE owner_sub = :owner").param("owner", owner)
                .query(Long.class).single();
    }

    private long ownersTagLinks() {
        return jdbc.sql("""
                SELECT count(*) FROM items_to_tags it JOIN tags t ON t.id = it.tag_id WHERE t.owner_sub = :owner""")
                .param("owner", owner).query(Long.class).single();
    }

    private long tagLinks(long itemId) {
        return jdbc.sql("SELECT count(*) FROM items_to_tags WHERE item_id = :id").param("id", itemId)
                .query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
