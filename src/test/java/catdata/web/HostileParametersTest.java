package catdata.web;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import catdata.paging.Paging;
import catdata.support.ApiResponse;
import catdata.support.ApiRoutes;
import catdata.support.ApiRoutes.Route;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;

/**
 * Numbers that are not quite numbers, in the path, the query and the body, on every route that
 * takes them; query strings that are not UTF-8 on routes that read no parameter; search text full
 * of SQL and pattern characters. The forms other tests already try per feature (0, -1, 1.5,
 * {@code 0x1}, {@code +1}, 20 digits) are not repeated here; these are the ones that were missing.
 */
class HostileParametersTest extends ApiTest {

    private final RequestMappingHandlerMapping handlerMapping;

    private String token;
    private CatalogueFixtures user;
    private long box;
    private long attic;
    private long tag;
    private long item;

    @Autowired
    HostileParametersTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    @BeforeEach
    void catalogue() {
        token = newUserToken();
        user = new CatalogueFixtures(api, token);
        box = user.container("Box");
        attic = user.container("Attic");
        tag = user.tag("Blue");
        item = CatalogueFixtures.id(user.item("Mug", box, tag));
    }

    // --- path ---

    /** Every route with an id, read from Spring MVC, so that a new one is tried too. */
    @ParameterizedTest
    @ValueSource(strings = {"1e3", "7abc", "7%20", "%207", "9223372036854775808", "-9223372036854775808", "7.0",
        "%EF%BC%97"})
    void anIdThatIsNotAPositiveDecimalLongIsInvalidOnEveryRoute(String id) {
        List<Route> routes = ApiRoutes.of(handlerMapping).stream().filter(route -> route.path().contains("{id}"))
                .toList();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(15);

        for (Route route : routes) {
            // Any other path variable (a member's sub, an invitation's id) is a plausible one.
            String path = route.path().replace("{id}", id).replaceAll("\\{[^}]+}", "1");
            ApiResponse response = api.send(route.method(), path, "application/json",
                    CatalogueFixtures.utf8("{\"name\": \"Crate\", \"to_container_id\": " + attic + "}"),
                    bearer(token));

            assertThat(response.status()).as("%s %s", route, response).isEqualTo(400);
            assertThat(response.error()).as("%s", route).isEqualTo("Invalid id.");
        }
        assertUnchanged();
    }

    // --- query ---

    /** Every list that takes paging, read from Spring MVC. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            limit=1e3          | Invalid value for 'limit'.
            limit=7abc         | Invalid value for 'limit'.
            limit=1%20         | Invalid value for 'limit'.
            limit=2147483648   | Invalid value for 'limit'.
            limit=-2147483649  | Invalid value for 'limit'.
            offset=1e3         | Invalid value for 'offset'.
            offset=7abc        | Invalid value for 'offset'.
            offset=2147483648  | Invalid value for 'offset'.
            offset=%EF%BC%91   | Invalid value for 'offset'.
            limit=1&limit=2    | Invalid value for 'limit'.
            limit=&limit=1     | Invalid value for 'limit'.
            limit=0&offset=abc | Invalid value for 'offset'.
            limit=-1&offset=-1 | limit must be between 1 and 1000.
            limit=2&offset=-1  | offset must be 0 or more.
            """)
    void pagingThatIsNotAnIntIsRefusedOnEveryList(String paging, String error) {
        List<String> lists = pagedLists();
        assertThat(lists).hasSizeGreaterThanOrEqualTo(9);

        for (String list : lists) {
            String path = list.replace("{id}", Long.toString(list.contains("tag") ? tag : box));
            assertBadRequest(api.get(path + "?" + paging, bearer(token)), error);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "7abc", "7%20", "9223372036854775808", "%EF%BC%97", "7.0"})
    void aContainerIdInATextSearchThatIsNotALongIsRefused(String containerId) {
        assertBadRequest(api.get("/api/items/search-text?q=mug&containerId=" + containerId, bearer(token)),
                "Invalid value for 'containerId'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "7abc", "2147483648", "5%20"})
    void aSuggestionLimitThatIsNotAnIntIsRefused(String limit) {
        assertBadRequest(api.get("/api/items/name-suggestions?q=mug&limit=" + limit, bearer(token)),
                "Invalid value for 'limit'.");
    }

    /** Tomcat would only notice when a parameter is read; these routes read none. */
    @ParameterizedTest
    @ValueSource(strings = {"x=%FF", "x=%C0%AF", "x=%ED%A0%80", "x=%F4%90%80%80", "x=%E2%82", "%80=1",
        "x=%F8%88%80%80%80"})
    void aQueryStringThatIsNotUtf8IsRefusedOnRoutesThatReadNoParameter(String query) {
        List<ApiResponse> responses = List.of(
                api.get("/api/item/" + item + "?" + query, bearer(token)),
                api.delete("/api/tag/" + tag + "?" + query, bearer(token)),
                api.delete("/api/item/" + item + "?" + query, bearer(token)),
                sendJson(api, "POST", "/api/container?" + query, token, "{\"name\": \"Crate\"}"),
                sendJson(api, "PATCH", "/api/item/" + item + "?" + query, token, "{\"name\": \"Cup\"}"),
                sendJson(api, "POST", "/api/container/" + box + "/move-items?" + query, token,
                        "{\"to_container_id\": " + attic + "}"));

        for (ApiResponse response : responses) {
            assertBadRequest(response, "Malformed query string.");
        }
        assertUnchanged();
    }

    @Test
    void aQueryStringOfValidUtf8IsStillIgnoredWhereNothingReadsIt() {
        ApiResponse response = api.get("/api/item/" + item + "?x=%E2%82%AC%F0%9F%90%B1&y=%F4%8F%BF%BF", bearer(token));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    // --- body ---

    /** {@code {move}} is the move of every item out of the box. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            POST | /api/item | {"name":"Cup","container_id":9223372036854775808} | Invalid value for 'container_id'.
            POST | /api/item | {"name":"Cup","container_id":7abc} | Malformed JSON request body.
            POST | /api/item | {"name":"Cup","container_id":"7abc"} | Invalid value for 'container_id'.
            POST | /api/item | {"name":"Cup","container_id":"{box}"} | Invalid value for 'container_id'.
            POST | /api/item | {"name":"Cup","container_id":{box}.0} | Invalid value for 'container_id'.
            POST | /api/item | {"name":"Cup","container_id":0{box}} | Malformed JSON request body.
            POST | /api/item | {"name":"Cup","container_id":{box},"image_id":-1} | image_id does not exist.
            POST | /api/item | {"name":"Cup","container_id":{box},"image_id":1e3} | Invalid value for 'image_id'.
            POST | /api/item | {"name":"Cup","container_id":{box},"image_id":1.5} | Invalid value for 'image_id'.
            POST | /api/item | {"name":"Cup","container_id":{box},"tags":[1e3]} | Invalid value for 'tags'.
            POST | /api/item | {"name":"Cup","container_id":{box},"tags":["7abc"]} | Invalid value for 'tags'.
            PATCH | /api/item/{item} | {"tags":[9223372036854775808]} | Invalid value for 'tags'.
            POST | /api/item | {"name":["Cup"],"container_id":{box}} | Invalid value for 'name'.
            POST | /api/item | {"name":{"a":"Cup"},"container_id":{box}} | Invalid value for 'name'.
            PATCH | /api/item/{item} | {"image_id":9223372036854775808} | Invalid value for 'image_id'.
            PATCH | /api/item/{item} | {"container_id":1e3} | Invalid value for 'container_id'.
            PATCH | /api/item/{item} | {"description":1e3} | Invalid value for 'description'.
            PATCH | /api/item/{item} | {"description":["x"]} | Invalid value for 'description'.
            PUT | /api/item/{item} | {"tags":[{tag},"{tag}"]} | Invalid value for 'tags'.
            POST | {move} | {"to_container_id":"{attic}"} | Invalid value for 'to_container_id'.
            POST | {move} | {"to_container_id":1e3} | Invalid value for 'to_container_id'.
            POST | {move} | {"to_container_id":9223372036854775808} | Invalid value for 'to_container_id'.
            POST | {move} | {"to_container_id":[{attic}]} | Invalid value for 'to_container_id'.
            POST | {move} | {"to_container_id":true} | Invalid value for 'to_container_id'.
            POST | {move} | {attic} | Malformed JSON request body.
            POST | /api/container | {"name":"Crate","description":5.5} | Invalid value for 'description'.
            PATCH | /api/tag/{tag} | {"name":1e3} | Invalid value for 'name'.
            """)
    void aNumberThatIsNotAnIdOrAValueOfTheWrongTypeIsRefusedAndWritesNothing(String method, String path,
            String body, String error) {
        Map<String, Long> ids = Map.of("box", box, "attic", attic, "tag", tag, "item", item);
        String target = path.equals("{move}") ? "/api/container/" + box + "/move-items" : filled(path, ids);

        assertBadRequest(sendJson(api, method, target, token, filled(body, ids)), error);
        assertUnchanged();
    }

    // --- search text ---

    /**
     * Matched as typed: not SQL, not a LIKE pattern, not a regular expression. The other names are
     * what the text would match if it were a pattern ({@code e_p}, {@code e%p}, {@code e.*p}, {@code e[a]p}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/*", "*/", ")", "(", "' OR '1'='1", "'; --", "\\", "%", "_", "[a]", "^", "$", ".*",
        "E'\\x41'", "$$", "\\%", "\\_", "?", ":name", "{1}", "*", "|"})
    void searchTextIsMatchedLiterally(String fragment) {
        long match = user.itemId("pre" + fragment + "post", attic);
        for (String decoy : List.of("prepost", "pre post", "preapost", "pre-post", "pre\\\\post")) {
            user.itemId(decoy, attic);
        }
        String q = URLEncoder.encode("e" + fragment + "p", StandardCharsets.UTF_8);

        assertThat(ids(api.get("/api/items/search?name=" + q, bearer(token)))).containsExactly(match);
        assertThat(ids(api.get("/api/items/search-text?q=" + q, bearer(token)))).containsExactly(match);
        assertThat(api.get("/api/items/name-suggestions?q=" + q, bearer(token)).json().valueStream()
                .map(JsonNode::asString)).containsExactly("pre" + fragment + "post");
    }

    // --- helpers ---

    private List<String> pagedLists() {
        return handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> takesPaging(entry.getValue()))
                .flatMap(entry -> patterns(entry.getKey()))
                .toList();
    }

    private static boolean takesPaging(HandlerMethod handler) {
        return Stream.of(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == Paging.class);
    }

    private static Stream<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"));
    }

    private static String filled(String template, Map<String, Long> ids) {
        String filled = template;
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue().toString());
        }
        return filled;
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(row -> row.path("id").asLong()).toList();
    }

    /** The catalogue made before the test, exactly: nothing added, moved, renamed or deleted. */
    private void assertUnchanged() {
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Attic", "Box");
        assertThat(names(api.get("/api/tags", bearer(token)))).containsExactly("Blue");
        JsonNode mug = api.get("/api/item/" + item, bearer(token)).json();
        assertThat(mug.path("name").asString()).isEqualTo("Mug");
        assertThat(mug.path("container_id").asLong()).isEqualTo(box);
        assertThat(mug.path("tags").valueStream().map(JsonNode::asLong)).containsExactly(tag);
        assertThat(api.get("/api/items", bearer(token)).json().size()).isEqualTo(1);
    }
}
