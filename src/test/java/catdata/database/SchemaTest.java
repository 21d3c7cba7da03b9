package catdata.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.support.ApiTest;

/** The constraints the migrations promise, tried on the real database. */
class SchemaTest extends ApiTest {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String owner = "schema-" + UUID.randomUUID();

    @Autowired
    SchemaTest(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Test
    void containerNamesAreUniquePerOwnerWhateverTheirCase() {
        container(owner, "Garage Shelf");

        assertThatThrownBy(() -> container(owner, "garage shelf")).isInstanceOf(DataIntegrityViolationException.class);
        container("someone-else-" + UUID.randomUUID(), "Garage Shelf");
    }

    @Test
    void tagNamesAreUniquePerOwnerWhateverTheirCase() {
        tag(owner, "Winter");

        assertThatThrownBy(() -> tag(owner, "WINTER")).isInstanceOf(DataIntegrityViolationException.class);
        tag("someone-else-" + UUID.randomUUID(), "Winter");
    }

    @Test
    void aContainerThatHoldsItemsCannotBeDeleted() {
        long box = container(owner, "Box");
        item(box);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM containers WHERE id = :id").param("id", box).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void tagLinksGoWithTheirItemOrTag() {
        long box = container(owner, "Shelf");
        long kept = item(box);
        long deleted = item(box);
        long winter = tag(owner, "Winter");
        long summer = tag(owner, "Summer");
        link(kept, winter);
        link(kept, summer);
        link(deleted, winter);

        jdbc.sql("DELETE FROM items WHERE id = :id").param("id", deleted).update();
        jdbc.sql("DELETE FROM tags WHERE id = :id").param("id", summer).update();

        assertThat(jdbc.sql("SELECT item_id || ':' || tag_id FROM items_to_tags WHERE item_id IN (:kept, :deleted)")
                .param("kept", kept).param("deleted", deleted).query(String.class).list())
                .containsExactly(kept + ":" + winter);
    }

    @Test
    void anItemIsTaggedOnlyOnceWithTheSameTag() {
        long item = item(container(owner, "Drawer"));
        long tag = tag(owner, "Tools");
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

    private long container(String containerOwner, String name) {
        return jdbc.sql("INSERT INTO containers (owner_sub, name) VALUES (:owner, :name) RETURNING id")
                .param("owner", containerOwner).param("name", name).query(Long.class).single();
    }

    private long tag(String tagOwner, String name) {
        return jdbc.sql("INSERT INTO tags (owner_sub, name) VALUES (:owner, :name) RETURNING id")
                .param("owner", tagOwner).param("name", name).query(Long.class).single();
    }

    private long item(long containerId) {
        return jdbc.sql("INSERT INTO items (owner_sub, name, container_id) VALUES (:owner, 'Thing', :container) RETURNING id")
                .param("owner", owner).param("container", containerId).query(Long.class).single();
    }

    private void link(long item, long tag) {
        jdbc.sql("INSERT INTO items_to_tags (item_id, tag_id) VALUES (:item, :tag)")
                .param("item", item).param("tag", tag).update();
    }
}
