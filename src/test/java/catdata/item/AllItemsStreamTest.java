package catdata.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.CatalogueFixtures;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestDatabase;
import catdata.support.TestHouseholds;
import catdata.support.TestIssuer;

/**
 * {@code GET /api/items}, the searches and the lists by container and tag on a catalogue of 100,000
 * items, from a service given a 128 MB heap: each list is streamed from a database cursor, so it is
 * sent whole and the service stays up. Holding the rows (about 45 MB of JSON) in memory would not
 * fit beside the application.
 */
class AllItemsStreamTest {

    private static final int ITEMS = 100_000;
    private static final String DESCRIPTION = "A description long enough to make the list weigh what a real one does. "
            .repeat(4);
    private static final TestIssuer ISSUER = new TestIssuer();

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void aHundredThousandItemsAreListedAndFoundWholeByAServiceWithA128MegabyteHeap() throws SQLException {
        Path workDir = TestApp.newDirectory("catdata-stream");
        Map<String, String> settings = Map.of(
                "DATABASE_URL", TestDatabase.jdbcUrl(),
                "OIDC_ISSUER", ISSUER.issuer(),
                "AUTH0_AUDIENCE", TestIssuer.AUDIENCE,
                "DATA_DIR", workDir.resolve("data").toString(),
                "IMAGES_DIR", workDir.resolve("images").toString());
        String owner = "user-stream-" + System.nanoTime();
        String[] auth = ApiClient.bearer(ISSUER.token().subject(owner).build());

        try (ServiceProcess service = ServiceProcess.start(workDir, settings, List.of("-Xmx128m"))) {
            Catalogue catalogue = insertItems(owner);

            ApiResponse all = service.api().get("/api/items", auth);

            assertThat(all.status()).as(service.logTail()).isEqualTo(200);
            assertThat(all.header("Content-Type")).startsWith("application/json");
            assertThat(all.header("X-Total-Count")).isNull();
            JsonNode items = all.json();
            assertThat(items.size()).isEqualTo(ITEMS);
            long previous = 0;
            for (JsonNode item : items) {
                assertThat(item.path("id").asLong()).isGreaterThan(previous);
                previous = item.path("id").asLong();
            }
            JsonNode first = items.get(0);
            assertThat(first.path("name").asString()).isEqualTo("Item 1");
            assertThat(first.path("description").asString()).isEqualTo(DESCRIPTION + 1);
            assertThat(first.path("container_id").asLong()).isEqualTo(catalogue.containerId());
            assertThat(first.path("containerName").asString()).isEqualTo("Warehouse");
            assertThat(first.path("image_id").isNull()).isTrue();
            assertThat(first.path("created_at").asString()).matches(CatalogueFixtures.ISO_MILLIS);
            assertThat(first.path("tags").size()).isZero();
            JsonNode tenth = items.get(9);
            assertThat(tenth.path("name").asString()).isEqualTo("Item 10");
            assertThat(tenth.path("tags").get(0).asLong()).isEqualTo(catalogue.tagId());
            assertThat(items.get(ITEMS - 1).path("name").asString()).isEqualTo("Item " + ITEMS);

            // Searches and a container's list are streamed the same way: each here is the whole catalogue.
            for (String list : List.of("/api/items/search-text?q=item", "/api/items/search?name=item",
                    "/api/items/by-container/" + catalogue.containerId(), "/api/items/by-tag/" + catalogue.tagId())) {
                ApiResponse whole = service.api().get(list, auth);
                assertThat(whole.status()).as(list + " " + service.logTail()).isEqualTo(200);
                assertThat(whole.json().size()).as(list).isEqualTo(list.contains("by-tag") ? ITEMS / 10 : ITEMS);
            }
            ApiResponse search = service.api().get("/api/items/search-text?q=Item%209999", auth);
            assertThat(CatalogueFixtures.names(search)).as("names starting with the text first")
                    .startsWith("Item 9999", "Item 99990", "Item 99991");

            ApiResponse lastPage = service.api().get("/api/items?limit=5&offset=" + (ITEMS - 2), auth);
            assertThat(lastPage.header("X-Total-Count")).isEqualTo(Integer.toString(ITEMS));
            assertThat(CatalogueFixtures.names(lastPage)).containsExactly("Item " + (ITEMS - 1), "Item " + ITEMS);
            assertThat(service.isAlive()).isTrue();
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private record Catalogue(long containerId, long tagId) {
    }

    /** Straight into the database, as a catalogue grown over the years would be there. */
    private static Catalogue insertItems(String owner) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
            long household = TestHouseholds.personal(db, owner);
            long container = insertReturningId(db, """
                    INSERT INTO containers (household_id, created_by, updated_by, name)
                    VALUES (?, ?, ?, 'Warehouse')""",
                    household, owner);
            long tag = insertReturningId(db, """
                    INSERT INTO tags (household_id, created_by, updated_by, name) VALUES (?, ?, ?, 'Fragile')""",
                    household, owner);
            try (PreparedStatement items = db.prepareStatement("""
                    INSERT INTO items (household_id, created_by, updated_by, name, description, container_id)
                    SELECT ?, ?, ?, 'Item ' || n, ? || n, ? FROM generate_series(1, ?) AS n ORDER BY n
                    """)) {
                items.setLong(1, household);
                items.setString(2, owner);
                items.setString(3, owner);
                items.setString(4, DESCRIPTION);
                items.setLong(5, container);
                items.setInt(6, ITEMS);
                items.executeUpdate();
            }
            try (PreparedStatement tags = db.prepareStatement("""
                    INSERT INTO items_to_tags (item_id, tag_id)
                    SELECT id, ? FROM items WHERE household_id = ? AND substring(name FROM 6)::int % 10 = 0
                    """)) {
                tags.setLong(1, tag);
                tags.setLong(2, household);
                tags.executeUpdate();
            }
            return new Catalogue(container, tag);
        }
    }

    private static long insertReturningId(Connection db, String sql, long household, String owner)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql + " RETURNING id")) {
            insert.setLong(1, household);
            insert.setString(2, owner);
            insert.setString(3, owner);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
