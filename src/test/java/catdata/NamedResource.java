package catdata;

import static catdata.support.CatalogueFixtures.created;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.sendJson;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;

/**
 * Containers and tags: the two things a user names, each name unique for that user. They share
 * their contract (paths, names, refusals, paging), so their common tests run over both.
 */
enum NamedResource {

    CONTAINER("/api/container", "/api/containers", "/api/containers/with-counts", "containers",
            "Container not found.", "Container name must be unique.",
            "id", "name", "description", "created_at", "updated_at", "created_by", "updated_by"),
    TAG("/api/tag", "/api/tags", "/api/tags-with-counts", "tags",
            "Tag not found.", "Tag name must be unique.",
            "id", "name", "created_at", "updated_at", "created_by", "updated_by");

    /** Where a new one is posted; one row is at {@code path/id}. */
    final String path;
    final String list;
    final String listWithCounts;
    final String notFound;
    /** The 409 answer to a name the user already has. */
    final String taken;
    /** Exactly the members of a row on the wire. */
    final String[] fields;
    private final String table;

    NamedResource(String path, String list, String listWithCounts, String table, String notFound, String taken,
            String... fields) {
        this.path = path;
        this.list = list;
        this.listWithCounts = listWithCounts;
        this.table = table;
        this.notFound = notFound;
        this.taken = taken;
        this.fields = fields;
    }

    String path(Object id) {
        return path + "/" + id;
    }

    List<String> lists() {
        return List.of(list, listWithCounts);
    }

    ApiResponse post(ApiClient api, String token, String body) {
        return sendJson(api, "POST", path, token, body);
    }

    /** One row named {@code name}, which must be accepted; the answer to its creation. */
    JsonNode create(ApiClient api, String token, String name) {
        return created(post(api, token, json("name", name)));
    }

    long rowsOf(JdbcClient jdbc, String owner) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE created_by = :owner")
                .param("owner", owner).query(Long.class).single();
    }

    /**
     * Each case once for each resource, the resource first: a case is one value, or an
     * {@code Object[]} of several.
     */
    static Stream<Arguments> withEach(Object... cases) {
        return Arrays.stream(values()).flatMap(resource -> Arrays.stream(cases).map(values -> {
            Object[] row = values instanceof Object[] many ? many : new Object[] {values};
            Object[] arguments = new Object[row.length + 1];
            arguments[0] = resource;
            System.arraycopy(row, 0, arguments, 1, row.length);
            return Arguments.of(arguments);
        }));
    }

    /** Several values making one case of {@link #withEach}. */
    static Object[] row(Object... values) {
        return values;
    }
}
