package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;

/** The item lists and searches: order, paging, what matches, and input they refuse. */
class ItemSearchApiTest extends ApiTest {

    private static final String[] ITEM_FIELDS = {"id", "name", "description", "container_id", "containerName",
        "image_id", "tags", "created_at", "updated_at", "created_by", "updated_by"};
    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private String token;
    private CatalogueFixtures user;
    private CatalogueFixtures other;

    @BeforeEach
    void newUsers() {
        token = newUserToken();
        user = new CatalogueFixtures(api, token);
        other = new CatalogueFixtures(api, newUserToken());
    }

    // --- all, by container, by tag ---

    @Test
    void allItemsAreListedInIdOrderWithoutATotalUnlessPaged() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        List<Long> ids = List.of(user.itemId("Zither", attic), user.itemId("apple", kitchen),
                user.itemId("Mug", attic), user.itemId("banana", kitchen));
        other.itemId("Not mine", other.container("Box"));

        ApiResponse response = list("/api/items");

        assertThat(ids(response)).containsExactlyElementsOf(ids);
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream()
                .forEach(item -> assertThat(item.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS));
    }

    @Test
    void theItemListCanBePaged() {
        long box = user.container("Box");
        List<Long> ids = IntStream.range(0, 5).mapToObj(i -> user.itemId("Item " + i, box)).toList();

        assertPage("/api/items?limit=2&offset=1", ids.subList(1, 3), 5);
        assertPage("/api/items?limit=2", ids.subList(0, 2), 5);
        assertPage("/api/items?offset=3", ids.subList(3, 5), 5);
        assertPage("/api/items?limit=1000&offset=0", ids, 5);
        assertPage("/api/items?limit=2&offset=5", List.of(), 5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            limit=0      | limit must be between 1 and 1000.
            limit=1001   | limit must be between 1 and 1000.
            limit=-1     | limit must be between 1 and 1000.
            offset=-1    | offset must be 0 or more.
            limit=abc    | Invalid value for 'limit'.
            offset=abc   | Invalid value for 'offset'.
            limit=1.5    | Invalid value for 'limit'.
            limit=0x1    | Invalid value for 'limit'.
            limit=+1     | Invalid value for 'limit'.
            limit=%2B1   | Invalid value for 'limit'.
            """)
    void pagingOutOfRangeIsRefusedOnEveryList(String paging, String expectedError) {
        long box = user.container("Box");
        long tag = user.tag("Blue");
        user.itemId("Cup", box, tag);

        for (String path : List.of("/api/items?", "/api/items/by-container/" + box + "?", "/api/items/by-tag/" + tag + "?",
                "/api/items/search?name=cup&", "/api/items/search-text?q=cup&")) {
            assertError(api.get(path + paging, bearer(token)), 400, expectedError);
        }
    }

    @Test
    void aContainersItemsAreListedInIdOrderAndCanBePaged() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long first = user.itemId("Teapot", kitchen);
        user.itemId("Ladder", attic);
        long second = user.itemId("Cup", kitchen);
        long third = user.itemId("Bowl", kitchen);

        assertThat(ids(list("/api/items/by-container/" + kitchen))).containsExactly(first, second, third);
        assertThat(list("/api/items/by-container/" + kitchen).header("X-Total-Count")).isNull();
        assertPage("/api/items/by-container/" + kitchen + "?limit=2&offset=1", List.of(second, third), 3);
        assertThat(ids(list("/api/items/by-container/" + user.container("Empty")))).isEmpty();
    }

    @Test
    void listingAContainerThatIsNotThereIsNotFound() {
        long othersBox = other.container("Box");
        other.itemId("Cup", othersBox);

        for (long id : List.of(UNKNOWN_ID, othersBox)) {
            assertError(api.get("/api/items/by-container/" + id, bearer(token)), 404, "Container not found.");
        }
        assertError(api.get("/api/items/by-container/abc", bearer(token)), 400, "Invalid id.");
        assertError(api.get("/api/items/by-container/0", bearer(token)), 400, "Invalid id.");
    }

    @Test
    void aTagsItemsAreListedInIdOrderAndCanBePaged() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long blue = user.tag("Blue");
        long old = user.tag("Old");
        long first = user.itemId("Teapot", attic, blue, old);
        user.itemId("Ladder", attic, old);
        long second = user.itemId("Cup", kitchen, blue);
        long third = user.itemId("Bowl", kitchen, blue);

        assertThat(ids(list("/api/items/by-tag/" + blue))).containsExactly(first, second, third);
        assertThat(tags(list("/api/items/by-tag/" + blue).json().get(0))).containsExactly(blue, old);
        assertPage("/api/items/by-tag/" + blue + "?limit=1&offset=2", List.of(third), 3);
        assertThat(ids(list("/api/items/by-tag/" + user.tag("Unused")))).isEmpty();
    }

    @Test
    void listingATagThatIsNotThereIsNotFound() {
        long othersTag = other.tag("Blue");
        other.itemId("Cup", other.container("Box"), othersTag);

        for (long id : List.of(UNKNOWN_ID, othersTag)) {
            assertError(api.get("/api/items/by-tag/" + id, bearer(token)), 404, "Tag not found.");
        }
        assertError(api.get("/api/items/by-tag/-1", bearer(token)), 400, "Invalid id.");
    }

    // --- search by name ---

    @Test
    void aNameSearchFindsNamesContainingTheTrimmedTextIgnoringCaseThoseStartingWithItFirst() {
        long box = user.container("Box");
        long teacup = user.itemId("Teacup", box);
        long cupola = user.itemId("cupola", box);
        long cup = user.itemId("Cup", box);
        long buttercup = user.itemId("Buttercup", box);
        long cupboard = user.itemId("CUPBOARD", box);
        long lowerCup = user.itemId("cup", box);
        user.itemId("Mug", box);
        other.itemId("Cup", other.container("Box"));

        ApiResponse response = list("/api/items/search?name=" + encode("  cUp  "));

        assertThat(ids(response)).containsExactly(cup, lowerCup, cupboard, cupola, buttercup, teacup);
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream()
                .forEach(item -> assertThat(item.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS));
        assertPage("/api/items/search?name=cup&limit=2&offset=3", List.of(cupola, buttercup), 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?name=c", "?name=" + "%20c%20%20", "?name=", "?name=%20%20%20", ""})
    void aNameSearchForFewerThanTwoCharactersFindsNothing(String query) {
        long box = user.container("Box");
        user.itemId("c", box);
        user.itemId("Cup", box);

        assertThat(ids(list("/api/items/search" + query))).isEmpty();
        String paged = (query.isEmpty() ? "?" : query + "&") + "limit=5";
        assertPage("/api/items/search" + paged, List.of(), 0);
    }

    @Test
    void percentUnderscoreAndBackslashAreMatchedLiterally() {
        long box = user.container("Box");
        long percent = user.itemId("50% off", box);
        user.itemId("500 off", box);
        long underscore = user.itemId("a_b", box);
        user.itemId("axb", box);
        long backslash = user.itemId("back\\slash", box);
        user.itemId("backslash", box);

        assertThat(ids(list("/api/items/search?name=" + encode("0%")))).containsExactly(percent);
        assertThat(ids(list("/api/items/search?name=" + encode("%%")))).isEmpty();
        assertThat(ids(list("/api/items/search?name=" + encode("a_")))).containsExactly(underscore);
        assertThat(ids(list("/api/items/search?name=" + encode("k\\s")))).containsExactly(backslash);
        assertThat(ids(list("/api/items/search-text?q=" + encode("0%")))).containsExactly(percent);
        assertThat(ids(list("/api/items/search-text?q=" + encode("_")))).containsExactly(underscore);
        assertThat(ids(list("/api/items/search-text?q=" + encode("\\")))).containsExactly(backslash);
        assertThat(strings(list("/api/items/name-suggestions?q=" + encode("a_")))).containsExactly("a_b");
        assertThat(strings(list("/api/items/name-suggestions?q=" + encode("%")))).containsExactly("50% off");
    }

    @Test
    void sqlInSearchTextIsJustText() {
        long box = user.container("Box");
        String name = "O'Brien's mug; -- old";
        long mug = user.itemId(name, box);
        long plate = user.itemId("Plate", box);
        String injection = "'; DROP TABLE items; --";

        assertThat(ids(list("/api/items/search?name=" + encode("'s mug; --")))).containsExactly(mug);
        assertThat(ids(list("/api/items/search-text?q=" + encode("n's mug; -- o")))).containsExactly(mug);
        assertThat(strings(list("/api/items/name-suggestions?q=" + encode("'brien")))).containsExactly(name);
        assertThat(ids(list("/api/items/search?name=" + encode(injection)))).isEmpty();
        assertThat(ids(list("/api/items/search-text?q=" + encode(injection)))).isEmpty();
        assertThat(strings(list("/api/items/name-suggestions?q=" + encode("' OR '1'='1")))).isEmpty();
        assertThat(ids(list("/api/items"))).containsExactly(mug, plate);
    }

    /** No stored text can hold a NUL (PostgreSQL refuses it), so a search for one finds nothing rather than failing. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/items/search?name=ab%00", "/api/items/search-text?q=a%00",
        "/api/items/name-suggestions?q=a%00"})
    void aNulCharacterInTheSearchTextFindsNothing(String path) {
        user.itemId("ab", user.container("Box"));

        ApiResponse response = api.get(path, bearer(token));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().isEmpty()).isTrue();
    }

    // --- name suggestions ---

    @Test
    void suggestionsAreDistinctNamesIgnoringCaseThoseStartingWithTheTextFirst() {
        long box = user.container("Box");
        for (String name : List.of("Smug", "Mug", "mug", "Mugwort", "MUG", "Coffeemug", "Plate")) {
            user.itemId(name, box);
        }
        other.itemId("Mugs of another user", other.container("Box"));

        List<String> suggestions = strings(list("/api/items/name-suggestions?q=" + encode(" MUG ")));

        assertThat(suggestions).hasSize(4);
        assertThat(suggestions.get(0)).isEqualToIgnoringCase("mug");
        assertThat(suggestions.subList(1, 4)).containsExactly("Mugwort", "Coffeemug", "Smug");
    }

    @Test
    void suggestionsAreLimitedToTenUnlessAskedOtherwise() {
        long box = user.container("Box");
        List<String> names = IntStream.rangeClosed(1, 12).mapToObj(i -> "Lamp%02d".formatted(i)).toList();
        for (int i = names.size() - 1; i >= 0; i--) {
            user.itemId(names.get(i), box);
        }

        assertThat(strings(list("/api/items/name-suggestions?q=lamp"))).containsExactlyElementsOf(names.subList(0, 10));
        assertThat(strings(list("/api/items/name-suggestions?q=lamp&limit=3"))).containsExactlyElementsOf(
                names.subList(0, 3));
        assertThat(strings(list("/api/items/name-suggestions?q=lamp&limit=50"))).containsExactlyElementsOf(names);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            limit=0   | limit must be between 1 and 50.
            limit=51  | limit must be between 1 and 50.
            limit=-1  | limit must be between 1 and 50.
            limit=abc | Invalid value for 'limit'.
            limit=1.5 | Invalid value for 'limit'.
            limit=99999999999 | Invalid value for 'limit'.
            limit=0x1 | Invalid value for 'limit'.
            limit=+1  | Invalid value for 'limit'.
            """)
    void aSuggestionLimitOutsideOneToFiftyIsRefused(String limit, String expectedError) {
        assertError(api.get("/api/items/name-suggestions?q=lamp&" + limit, bearer(token)), 400, expectedError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?q=", "?q=%20%20", "", "?limit=5"})
    void aBlankSuggestionQuerySuggestsNothing(String query) {
        user.itemId("Lamp", user.container("Box"));

        assertThat(strings(list("/api/items/name-suggestions" + query))).isEmpty();
    }

    // --- search text ---

    @Test
    void aTextSearchMatchesNamesDescriptionsAndTagNamesIgnoringCase() {
        Catalogue catalogue = blueCatalogue();

        ApiResponse response = list("/api/items/search-text?q=" + encode(" BLUE "));

        assertThat(ids(response)).containsExactlyInAnyOrder(catalogue.byName, catalogue.byDescription,
                catalogue.byTag, catalogue.byAll);
        assertThat(response.header("X-Total-Count")).isNull();
        response.json().valueStream()
                .forEach(item -> assertThat(item.propertyNames()).containsExactlyInAnyOrder(ITEM_FIELDS));
    }

    @Test
    void textSearchResultsCanBePaged() {
        Catalogue catalogue = blueCatalogue();

        ApiResponse first = list("/api/items/search-text?q=blue&limit=3");
        ApiResponse rest = list("/api/items/search-text?q=blue&limit=3&offset=3");

        assertThat(first.header("X-Total-Count")).isEqualTo("4");
        assertThat(rest.header("X-Total-Count")).isEqualTo("4");
        List<Long> all = new ArrayList<>(ids(first));
        all.addAll(ids(rest));
        assertThat(ids(first)).hasSize(3);
        assertThat(all).containsExactlyInAnyOrder(catalogue.byName, catalogue.byDescription, catalogue.byTag,
                catalogue.byAll);
        assertPage("/api/items/search-text?q=blue&containerId=" + catalogue.kitchen + "&limit=1&offset=5", List.of(), 2);
    }

    @Test
    void aTextSearchInAContainerThatIsNotThereIsNotFound() {
        long othersBox = other.container("Box");
        other.itemId("Blue cup", othersBox);

        for (long id : List.of(UNKNOWN_ID, othersBox)) {
            assertError(api.get("/api/items/search-text?q=blue&containerId=" + id, bearer(token)), 404,
                    "Container not found.");
            assertError(api.get("/api/items/search-text?q=blue&limit=5&containerId=" + id, bearer(token)), 404,
                    "Container not found.");
        }
    }

    /** Nothing to look for is an empty list before anything else is asked, the container included. */
    @Test
    void aBlankTextSearchFindsNothingEvenInAContainerThatIsNotThere() {
        long othersBox = other.container("Box");

        for (String query : List.of("", "q=%20", "q=a%00")) {
            ApiResponse response = list("/api/items/search-text?" + query + "&containerId=" + othersBox);
            assertThat(response.text()).isEqualTo("[]");
            assertThat(response.header("Content-Type")).startsWith("application/json");
        }
    }

    /**
     * A whole list is streamed from a cursor, a page is written from memory: the same items must
     * give the same bytes, so the two ways cannot drift apart.
     */
    @Test
    void eachWholeListIsTheSameJsonAsOnePageHoldingEverything() {
        Catalogue catalogue = blueCatalogue();
        long bluebell = tagOf(catalogue.byTag);
        user.itemId("blue", catalogue.attic);
        user.itemId("A blue vase", catalogue.kitchen, bluebell);

        for (String path : List.of("/api/items?", "/api/items/search-text?q=blue&", "/api/items/search-text?q=%20BLUE&",
                "/api/items/search-text?q=blue&containerId=" + catalogue.attic + "&", "/api/items/search?name=blu&",
                "/api/items/by-container/" + catalogue.kitchen + "?", "/api/items/by-tag/" + bluebell + "?")) {
            ApiResponse whole = list(path);
            ApiResponse page = list(path + "limit=1000");

            assertThat(whole.text()).as(path).isEqualTo(page.text());
            assertThat(whole.json().size()).as(path).isGreaterThan(1);
            assertThat(whole.header("Content-Type")).as(path).isEqualTo(page.header("Content-Type"));
            assertThat(whole.header("X-Total-Count")).as(path).isNull();
            assertThat(page.header("X-Total-Count")).as(path).isEqualTo(Integer.toString(whole.json().size()));
        }
        assertThat(names(list("/api/items/search-text?q=blue"))).as("names starting with the text first")
                .containsExactly("blue", "Blue jug", "Blue mug", "A blue vase", "Plate", "Vase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "99999999999999999999"})
    void aContainerIdThatIsNotAPositiveNumberIsRefused(String containerId) {
        assertError(api.get("/api/items/search-text?q=blue&containerId=" + containerId, bearer(token)), 400,
                "Invalid value for 'containerId'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?q=", "?q=%20%20", "", "?limit=5"})
    void aBlankTextSearchFindsNothing(String query) {
        blueCatalogue();

        assertThat(ids(list("/api/items/search-text" + query))).isEmpty();
    }

    // --- helpers ---

    private record Catalogue(long kitchen, long attic, long byName, long byDescription, long byTag, long byAll) {
    }

    /** Four items that match "blue" in different places, one that does not, and another user's. */
    private Catalogue blueCatalogue() {
        long kitchen = user.container("Kitchen");
        long attic = user.container("Attic");
        long bluebell = user.tag("Bluebell");
        long red = user.tag("Red");
        long byName = user.itemId("Blue mug", kitchen);
        long byDescription = user.item("{\"name\": \"Plate\", \"description\": \"Light bLuE rim\", \"container_id\": "
                + kitchen + "}").path("id").asLong();
        long byTag = user.itemId("Vase", attic, bluebell, red);
        long byAll = user.item("{\"name\": \"Blue jug\", \"description\": \"blue\", \"container_id\": " + attic
                + ", \"tags\": [" + bluebell + "]}").path("id").asLong();
        user.item("{\"name\": \"Cup\", \"description\": \"red\", \"container_id\": " + kitchen
                + ", \"tags\": [" + red + "]}");
        long othersTag = other.tag("Blue");
        other.itemId("Blue plate", other.container("Box"), othersTag);
        return new Catalogue(kitchen, attic, byName, byDescription, byTag, byAll);
    }

    private void assertPage(String path, List<Long> expectedIds, long total) {
        ApiResponse response = list(path);
        assertThat(ids(response)).as(path).containsExactlyElementsOf(expectedIds);
        assertThat(response.header("X-Total-Count")).as(path).isEqualTo(Long.toString(total));
    }

    private ApiResponse list(String path) {
        ApiResponse response = api.get(path, bearer(token));
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        return response;
    }

    private static List<Long> ids(ApiResponse response) {
        return response.json().valueStream().map(item -> item.path("id").asLong()).toList();
    }

    private long tagOf(long itemId) {
        return tags(api.get("/api/item/" + itemId, bearer(token)).json()).get(0);
    }

    private static List<String> names(ApiResponse response) {
        return response.json().valueStream().map(item -> item.path("name").asString()).toList();
    }

    private static List<Long> tags(JsonNode item) {
        return item.path("tags").valueStream().map(JsonNode::asLong).toList();
    }

    private static List<String> strings(ApiResponse response) {
        return response.json().valueStream().map(JsonNode::asString).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
