package catdata.household;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiRoutes;
import catdata.support.ApiTest;
import catdata.support.TableChecksums;
import catdata.support.TestImages;

/**
 * Every catalogue call in a shared household, as each kind of caller: a viewer reads and may
 * change nothing (403 naming the role), an editor may change, a non-member finds no household.
 */
class RolesApiTest extends ApiTest {

    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping handlerMapping;

    private String owner;
    private long household;
    private Map<String, Long> ids;

    @Autowired
    RolesApiTest(JdbcClient jdbc,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.jdbc = jdbc;
        this.handlerMapping = handlerMapping;
    }

    @BeforeEach
    void aHouseholdWithOneOfEverything() {
        owner = newUserToken();
        household = api.get("/api/me", bearer(owner)).json().path("default_household_id").asLong();
        long container = created(post(owner, "/api/container", "{\"name\": \"Attic\"}"));
        long tag = created(post(owner, "/api/tag", "{\"name\": \"Winter\"}"));
        long photo = created(api.upload("/api/image", List.of(Part.file("a.png", "image/png", TestImages.png(4, 4))),
                bearer(owner)));
        long item = created(post(owner, "/api/item",
                "{\"name\": \"Skis\", \"container_id\": %d, \"tags\": [%d]}".formatted(container, tag)));
        ids = Map.of("container", container, "tag", tag, "image", photo, "item", item);
    }

    @Test
    void aViewerReadsEverythingAndChangesNothing() {
        String viewer = member("viewer");
        Map<String, String> before = TableChecksums.of(jdbc);

        for (String path : reads()) {
            ApiResponse response = api.get(path, "Authorization", "Bearer " + viewer, "X-Household",
                    String.valueOf(household));
            assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        }
        for (String[] write : writes()) {
            ApiResponse response = send(viewer, write[0], write[1], write[2]);
            assertThat(response.status()).as("%s %s: %s", write[0], write[1], response).isEqualTo(403);
            assertThat(response.error()).as("%s %s", write[0], write[1])
                    .isEqualTo("This needs the editor role in this household (yours is viewer).");
        }
        assertThat(TableChecksums.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anEditorChangesTheCatalogueAndIsNamedAsWhoDidIt() {
        String sub = "editor-" + UUID.randomUUID();
        String editor = ISSUER.token().subject(sub).build();
        join(sub, editor, "editor");

        String onHousehold = "?household=" + household;
        ApiResponse renamed = send(editor, "PUT", "/api/container/" + ids.get("container") + onHousehold,
                "{\"name\": \"Loft\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("updated_by").asString()).isEqualTo(sub);
        assertThat(renamed.json().path("created_by").asString()).isNotEqualTo(sub);
        assertThat(send(editor, "DELETE", "/api/item/" + ids.get("item") + onHousehold, null).status()).isEqualTo(204);
    }

    @Test
    void aNonMemberFindsNoHouseholdOnAnyCall() {
        String stranger = newUserToken();
        // Their first call makes their own household; that is not a change to this one.
        api.get("/api/me", bearer(stranger));
        Map<String, String> before = TableChecksums.of(jdbc);

        for (String path : reads()) {
            ApiResponse response = api.get(path, "Authorization", "Bearer " + stranger, "X-Household",
                    String.valueOf(household));
            assertThat(response.status()).as("GET %s", path).isEqualTo(404);
            assertThat(response.error()).isEqualTo("Household not found");
        }
        for (String[] write : writes()) {
            ApiResponse response = send(stranger, write[0], write[1], write[2]);
            assertThat(response.status()).as("%s %s", write[0], write[1]).isEqualTo(404);
            assertThat(response.error()).isEqualTo("Household not found");
        }
        assertThat(TableChecksums.of(jdbc)).isEqualTo(before);
    }

    @Test
    void everyCatalogueRouteIsTried() {
        Set<String> tried = new HashSet<>();
        reads().forEach(path -> tried.add("GET " + path.replaceAll("\\?.*", "")));
        writes().forEach(write -> tried.add(write[0] + " " + write[1].replaceAll("\\?.*", "")));
        Set<String> catalogue = ApiRoutes.of(handlerMapping).stream()
                .filter(route -> !route.path().startsWith("/api/me") && !route.path().startsWith("/api/household")
                        && !route.path().startsWith("/api/invitation"))
                .map(route -> route.method() + " " + route.path()
                        .replace("{id}", String.valueOf(idFor(route.path()))))
                .collect(Collectors.toSet());

        assertThat(tried).containsAll(catalogue);
    }

    private List<String> reads() {
        return List.of("/api/containers", "/api/containers/with-counts", "/api/container/" + ids.get("container"),
                "/api/tags", "/api/tags-with-counts", "/api/tag/" + ids.get("tag"), "/api/items",
                "/api/item/" + ids.get("item"), "/api/items/by-container/" + ids.get("container"),
                "/api/items/by-tag/" + ids.get("tag"), "/api/items/search?name=Sk",
                "/api/items/name-suggestions?q=Sk", "/api/items/search-text?q=Ski", "/api/images",
                "/api/image/" + ids.get("image"), "/api/export", "/api/export?format=csv");
    }

    private List<String[]> writes() {
        String onHousehold = "?household=" + household;
        List<String[]> writes = new ArrayList<>();
        writes.add(new String[] {"POST", "/api/container" + onHousehold, "{\"name\": \"Shed\"}"});
        for (String method : List.of("PUT", "PATCH")) {
            for (String kind : List.of("container", "tag", "item")) {
                String path = "/api/" + kind + "/" + ids.get(kind) + onHousehold;
                writes.add(new String[] {method, path, "{\"name\": \"X\"}"});
            }
        }
        writes.add(new String[] {"DELETE", "/api/container/" + ids.get("container") + onHousehold, null});
        writes.add(new String[] {"POST", "/api/tag" + onHousehold, "{\"name\": \"Summer\"}"});
        writes.add(new String[] {"DELETE", "/api/tag/" + ids.get("tag") + onHousehold, null});
        writes.add(new String[] {"POST", "/api/item" + onHousehold,
            "{\"name\": \"Sled\", \"container_id\": " + ids.get("container") + "}"});
        writes.add(new String[] {"DELETE", "/api/item/" + ids.get("item") + onHousehold, null});
        writes.add(new String[] {"POST", "/api/container/" + ids.get("container") + "/move-items" + onHousehold,
            "{\"to_container_id\": " + ids.get("container") + "}"});
        writes.add(new String[] {"POST", "/api/image" + onHousehold, "upload"});
        writes.add(new String[] {"DELETE", "/api/image/" + ids.get("image") + onHousehold, null});
        writes.add(new String[] {"POST", "/api/import" + onHousehold, "archive"});
        return writes;
    }

    private long idFor(String path) {
        String kind = path.replaceAll("^/api/(items/by-)?([a-z]+).*", "$2");
        return ids.getOrDefault(kind, 0L);
    }

    private String member(String role) {
        String sub = role + "-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();
        join(sub, token, role);
        return token;
    }

    /** Membership as an invitation would give it (the invitation flow has its own tests). */
    private void join(String sub, String token, String role) {
        api.get("/api/me", bearer(token));
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, :role)")
                .param("sub", sub).param("household", household).param("role", role).update();
    }

    private ApiResponse send(String token, String method, String path, String json) {
        if ("upload".equals(json)) {
            return api.upload(path, List.of(Part.file("b.png", "image/png", TestImages.png(4, 4))), bearer(token));
        }
        if ("archive".equals(json)) {
            // Refused before it is read, whatever it holds.
            return api.upload(path, List.of(Part.file("export.zip", "application/zip", new byte[100])), bearer(token));
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return api.send(method, path, "application/json", body, bearer(token));
    }

    private ApiResponse post(String token, String path, String json) {
        return send(token, "POST", path, json);
    }

    private static long created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}
