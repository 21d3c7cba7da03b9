package catdata.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;

/**
 * The constraints and indexes the migrations promise that no repository method shows, tried on the
 * real database. Unique names, a full container's delete and the tag links' cascades are in the
 * repository tests, through the queries that rely on them.
 */
class SchemaTest {

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final TransactionTemplate transaction = RepositoryDatabase.transaction();
    private final Owner owner = RepositoryDatabase.newOwner();

    @Test
    void anItemIsTaggedOnlyOnceWithTheSameTag() {
        long item = CatalogueRows.item(owner, "Thing", CatalogueRows.container(owner, "Drawer"));
        long tag = CatalogueRows.tag(owner, "Tools");
        link(item, tag);

        assertThatThrownBy(() -> link(item, tag)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "items, name, items_name_trgm_idx",
            "items, description, items_description_trgm_idx",
            "tags, name, tags_name_trgm_idx"})
    void substringSearchesCanUseATrigramIndex(String table, String column, String index) {
        String plan = transaction.execute(status -> {
            // The test tables are tiny, so the planner would scan them; forbid that to see which
            // index the query can use at all.
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN SELECT id FROM " + table + " WHERE " + column
                    + " ILIKE '%ham\\%mer%'").query(String.class).list());
        });

        assertThat(plan).contains(index);
    }

    /**
     * Every search reads a trigram index's whole pending list of new entries; the default limit
     * let it grow to 4 MB (900 pages of a 100,000-item catalogue after an import), V5 keeps it to 64 kB.
     */
    @ParameterizedTest
    @CsvSource({"items_name_trgm_idx", "items_description_trgm_idx", "tags_name_trgm_idx"})
    void aTrigramIndexKeepsItsPendingListSmall(String index) {
        String options = jdbc.sql("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = :index")
                .param("index", index).query(String.class).single();

        assertThat(options).isEqualTo("gin_pending_list_limit=64");
    }

    private void link(long item, long tag) {
        jdbc.sql("INSERT INTO items_to_tags (item_id, tag_id) VALUES (:item, :tag)")
                .param("item", item).param("tag", tag).update();
    }
}
