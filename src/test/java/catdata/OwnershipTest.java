package catdata;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;

/**
 * Two users, Alice and Bob. Whatever Bob asks for, Alice's rows behave as if they did not exist,
 * and nothing he does changes anything Alice sees. That each query keeps to its owner's rows, counts
 * and searches under the same names included, is tried query by query in the repository tests.
 */
class OwnershipTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CONTAINER_NOT_FOUND = "Container not found.";
    private static final String TAG_NOT_FOUND = "Tag not found.";
    private static final String ITEM_NOT_FOUND = "Item not found.";
    private static final String IMAGE_NOT_FOUND = "Image not found.";

    private String alice;
    private String bob;
    private Catalogue alices;
    private Map<String, String> aliceSawBefore;

    /** One user's rows: a container holding an item with a tag and a photo, and an empty container. */
    record Catalogue(long container, long emptyContainer, long tag, long photo, long item) {

        /** Puts these ids in for {@code {who.container}}, {@code {who.tag}} and so on. */
        String fill(String template, String who) {
            return template
                    .replace("{" + who + ".container}", Long.toString(container))
                    .replace("{" + who + ".empty}", Long.toString(emptyContainer))
                    .replace("{" + who + ".tag}", Long.toString(tag))
                    .replace("{" + who + ".photo}", Long.toString(photo))
                    .replace("{" + who + ".item}", Long.toString(item));
        }
    }

    /** One request Bob makes, with Alice's and his own ids as placeholders, and the refusal he must get. */
    record Attempt(String method, String path, String body, int status, String error) {

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body) + " -> " + status;
        }
    }

    @BeforeEach
    void aliceHasACatalogue() {
        alice = newUserToken();
        bob = newUserToken();
        alices = catalogue(alice, "Attic box", "Fragile", "Teapot");
        aliceSawBefore = everythingSeenBy(alice, alices);
    }

    /** Checked after every test, so that no test can forget it: whatever Bob did, Alice sees the same bytes. */
    @AfterEach
    void alicesCatalogueIsExactlyAsBefore() {
        assertThat(everythingSeenBy(alice, alices)).isEqualTo(aliceSawBefore);
    }

    static Stream<Attempt> bobsAttemptsOnAlicesRows() {
        return Stream.of(
                // reading
                attempt("GET", "/api/container/{alice.container}", null, 404, CONTAINER_NOT_FOUND),
                attempt("GET", "/api/tag/{alice.tag}", null, 404, TAG_NOT_FOUND),
                attempt("GET", "/api/item/{alice.item}", null, 404, ITEM_NOT_FOUND),
                attempt("GET", "/api/image/{alice.photo}", null, 404, IMAGE_NOT_FOUND),
                attempt("GET", "/api/items/by-container/{alice.container}", null, 404, CONTAINER_NOT_FOUND),
                attempt("GET", "/api/items/by-tag/{alice.tag}", null, 404, TAG_NOT_FOUND),
                attempt("GET", "/api/items/search-text?q=teapot&containerId={alice.container}", null, 404,
                        CONTAINER_NOT_FOUND),
                // changing
                attempt("PUT", "/api/container/{alice.container}", "{\"name\": \"Stolen\"}", 404, CONTAINER_NOT_FOUND),
                attempt("PATCH", "/api/container/{alice.empty}", "{\"description\": \"Mine now\"}", 404,
                        CONTAINER_NOT_FOUND),
                attempt("PUT", "/api/tag/{alice.tag}", "{\"name\": \"Stolen\"}", 404, TAG_NOT_FOUND),
                attempt("PATCH", "/api/tag/{alice.tag}", "{\"name\": \"Stolen\"}", 404, TAG_NOT_FOUND),
                attempt("PUT", "/api/item/{alice.item}", "{\"name\": \"Stolen\", \"container_id\": {bob.container}}",
                        404, ITEM_NOT_FOUND),
                attempt("PATCH", "/api/item/{alice.item}", "{\"image_id\": null, \"tags\": []}", 404, ITEM_NOT_FOUND),
                // deleting; the empty container would go if ownership were not checked, the full one
                // must not answer 409 either, or Bob would learn that it holds items
                attempt("DELETE", "/api/container/{alice.empty}", null, 404, CONTAINER_NOT_FOUND),
                attempt("DELETE", "/api/container/{alice.container}", null, 404, CONTAINER_NOT_FOUND),
                attempt("DELETE", "/api/tag/{alice.tag}", null, 404, TAG_NOT_FOUND),
                attempt("DELETE", "/api/item/{alice.item}", null, 404, ITEM_NOT_FOUND),
                attempt("DELETE", "/api/image/{alice.photo}", null, 404, IMAGE_NOT_FOUND),
                // moving
                attempt("POST", "/api/container/{alice.container}/move-items",
                        "{\"to_container_id\": {bob.container}}", 404, CONTAINER_NOT_FOUND),
                attempt("POST", "/api/container/{bob.container}/move-items",
                        "{\"to_container_id\": {alice.empty}}", 400, "to_container_id does not exist."),
                // referring to Alice's rows from Bob's items
                attempt("POST", "/api/item", "{\"name\": \"Mug\", \"container_id\": {alice.container}}", 400,
                        "container_id does not exist."),
                attempt("POST", "/api/item",
                        "{\"name\": \"Mug\", \"container_id\": {bob.container}, \"image_id\": {alice.photo}}", 400,
                        "image_id does not exist."),
                attempt("POST", "/api/item",
                        "{\"name\": \"Mug\", \"container_id\": {bob.container}, \"tags\": [{bob.tag}, {alice.tag}]}",
                        400, "Tag {alice.tag} does not exist."),
                attempt("PUT", "/api/item/{bob.item}", "{\"container_id\": {alice.container}}", 400,
                        "container_id does not exist."),
                attempt("PATCH", "/api/item/{bob.item}", "{\"name\": \"Renamed\", \"container_id\": {alice.empty}}",
                        400, "container_id does not exist."),
                attempt("PUT", "/api/item/{bob.item}", "{\"image_id\": {alice.photo}}", 400, "image_id does not exist."),
                attempt("PATCH", "/api/item/{bob.item}", "{\"name\": \"Renamed\", \"tags\": [{alice.tag}]}", 400,
                        "Tag {alice.tag} does not exist."),
                attempt("PUT", "/api/item/{bob.item}", "{\"tags\": [{bob.tag}, {alice.tag}]}", 400,
                        "Tag {alice.tag} does not exist."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bobsAttemptsOnAlicesRows")
    void bobCanNeitherSeeNorChangeNorReferToAlicesRows(Attempt attempt) {
        Catalogue bobs = catalogue(bob, "Crate", "Blue", "Mug");
        Map<String, String> bobSawBefore = everythingSeenBy(bob, bobs);

        ApiResponse response = send(bob, attempt.method(), fill(attempt.path(), alices, bobs),
                attempt.body() == null ? null : fill(attempt.body(), alices, bobs));

        assertThat(response.status()).as(response.toString()).isEqualTo(attempt.status());
        assertThat(response.error()).isEqualTo(fill(attempt.error(), alices, bobs));
        assertThat(everythingSeenBy(bob, bobs)).as("Bob's own catalogue").isEqualTo(bobSawBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/containers", "/api/containers/with-counts", "/api/tags", "/api/tags-with-counts", "/api/items",
            "/api/items/search?name=teapot", "/api/items/search-text?q=teapot", "/api/items/search-text?q=fragile",
            "/api/items/search-text?q=grandmother"})
    void bobsListsAndSearchesShowNothingOfAlicesWholeOrPaged(String path) {
        ApiResponse whole = api.get(path, bearer(bob));
        ApiResponse paged = api.get(path + (path.contains("?") ? "&" : "?") + "limit=10&offset=0", bearer(bob));

        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.json()).isEqualTo(JSON.readTree("[]"));
        assertThat(whole.header("X-Total-Count")).isNull();
        assertThat(paged.status()).as(paged.toString()).isEqualTo(200);
        assertThat(paged.json()).isEqualTo(JSON.readTree("[]"));
        assertThat(paged.header("X-Total-Count")).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/images", "/api/items/name-suggestions?q=tea", "/api/items/name-suggestions?q=pot"})
    void bobsPhotosAndSuggestionsShowNothingOfAlices(String path) {
        ApiResponse response = api.get(path, bearer(bob));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(JSON.readTree("[]"));
    }

    @Test
    void namesAreUniquePerUser() {
        ApiResponse bobsContainer = post(bob, "/api/container", Map.of("name", "Attic box"));
        ApiResponse bobsTag = post(bob, "/api/tag", Map.of("name", "fragile"));
        ApiResponse bobsRename = send(bob, "PATCH", "/api/container/" + id(bobsContainer),
                "{\"name\": \"Attic box (empty)\"}");

        assertThat(bobsContainer.status()).as(bobsContainer.toString()).isEqualTo(201);
        assertThat(bobsTag.status()).as(bobsTag.toString()).isEqualTo(201);
        assertThat(bobsRename.status()).as(bobsRename.toString()).isEqualTo(200);
        assertThat(bobsRename.json().path("name").asString()).isEqualTo("Attic box (empty)");
        assertThat(post(alice, "/api/container", Map.of("name", "ATTIC BOX")).error())
                .isEqualTo("Container name must be unique.");
        assertThat(post(alice, "/api/tag", Map.of("name", "Fragile")).error()).isEqualTo("Tag name must be unique.");
    }

    /** Creates the rows through the API, as the user would. */
    private Catalogue catalogue(String token, String containerName, String tagName, String itemName) {
        long container = id(created(post(token, "/api/container",
                Map.of("name", containerName, "description", "Under the roof"))));
        long emptyContainer = id(created(post(token, "/api/container", Map.of("name", containerName + " (empty)"))));
        long tag = id(created(post(token, "/api/tag", Map.of("name", tagName))));
        long photo = id(created(api.upload("/api/image", List.of(Part.file("a.png", "image/png", TestImages.png(4, 4))),
                bearer(token))));
        long item = id(created(post(token, "/api/item", Map.of("name", itemName, "description", "Grandmother's china",
                "container_id", container, "image_id", photo, "tags", List.of(tag)))));
        return new Catalogue(container, emptyContainer, tag, photo, item);
    }

    /**
     * Everything the user can read about the catalogue: every list (whole and paged), every row,
     * the photo's bytes and the searches, each as status, total count and body.
     */
    private Map<String, String> everythingSeenBy(String token, Catalogue catalogue) {
        List<String> paths = List.of("/api/containers", "/api/containers?limit=10&offset=0",
                "/api/containers/with-counts", "/api/containers/with-counts?limit=10", "/api/tags", "/api/tags?limit=10",
                "/api/tags-with-counts", "/api/tags-with-counts?limit=10", "/api/items", "/api/items?limit=10",
                "/api/images", "/api/container/{me.container}", "/api/container/{me.empty}", "/api/tag/{me.tag}",
                "/api/item/{me.item}", "/api/image/{me.photo}", "/api/items/by-container/{me.container}",
                "/api/items/by-container/{me.empty}", "/api/items/by-tag/{me.tag}", "/api/items/search?name=e",
                "/api/items/search?name=te", "/api/items/name-suggestions?q=e", "/api/items/search-text?q=e",
                "/api/items/search-text?q=china&containerId={me.container}");
        Map<String, String> seen = new LinkedHashMap<>();
        for (String path : paths) {
            String filled = catalogue.fill(path, "me");
            seen.put(filled, describe(api.get(filled, bearer(token))));
        }
        return seen;
    }

    private static String describe(ApiResponse response) {
        String contentType = response.header("Content-Type");
        String body = contentType != null && contentType.startsWith("image/")
                ? "sha256:" + TestImages.sha256(response.body())
                : response.text();
        return response.status() + " X-Total-Count=" + response.header("X-Total-Count") + " " + body;
    }

    private static Attempt attempt(String method, String path, String body, int status, String error) {
        return new Attempt(method, path, body, status, error);
    }

    private static String fill(String template, Catalogue alices, Catalogue bobs) {
        return bobs.fill(alices.fill(template, "alice"), "bob");
    }

    private ApiResponse send(String token, String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path, bearer(token));
            case "DELETE" -> api.delete(path, bearer(token));
            default -> api.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
        };
    }

    private ApiResponse post(String token, String path, Map<String, ?> body) {
        return send(token, "POST", path, JSON.writeValueAsString(body));
    }

    private static ApiResponse created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static long id(ApiResponse response) {
        return response.json().path("id").asLong();
    }
}
