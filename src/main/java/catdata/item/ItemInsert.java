package catdata.item;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.owner.Owner;

/**
 * Creates an item with its tag links in one statement, which also reads back what the response
 * shows: one round trip, and no transaction to open and commit around it.
 *
 * <p>The container, photo and tags the item refers to are locked ({@code FOR KEY SHARE}) by the
 * same statement before the item is written, so a concurrent delete of one of them waits for the
 * new item (and then refuses, or unlinks it) instead of turning it into a foreign-key error. The
 * order of those locks does not matter here, unlike for an update: the new item is locked by nobody
 * else, and a delete holds only the one row it deletes when it waits for ours.
 */
@Repository
class ItemInsert {

    private final JdbcClient jdbc;

    ItemInsert(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the statement did: the item, or, when it wrote nothing, which of the references it found. */
    record Outcome(Optional<Item> item, boolean containerFound, boolean imageFound, Set<Long> tagsFound) {
    }

    Outcome insert(Owner owner, String name, String description, long containerId, Long imageId, Set<Long> tagIds) {
        return jdbc.sql("""
                WITH container AS (
                    SELECT id, name FROM containers WHERE household_id = :household AND id = :container FOR KEY SHARE
                ), image AS (
                    SELECT id FROM images WHERE household_id = :household AND id = :image FOR KEY SHARE
                ), tag AS (
                    SELECT id FROM tags WHERE household_id = :household AND id = ANY (:tags) FOR KEY SHARE
                ), item AS (
                    INSERT INTO items (household_id, created_by, updated_by, name, description, container_id, image_id)
                    SELECT :household, :sub, :sub, :name, :description, container.id, (SELECT id FROM image)
                    FROM container
                    WHERE (CAST(:image AS bigint) IS NULL OR EXISTS (SELECT FROM image))
                      AND (SELECT count(*) FROM tag) = :tagCount
                    RETURNING id, name, description, container_id, image_id, created_at, updated_at, created_by, updated_by
                ), link AS (
                    INSERT INTO items_to_tags (item_id, tag_id)
                    SELECT item.id, tag.id FROM item CROSS JOIN tag
                )
                SELECT item.id, item.name, item.description, item.container_id, container.name AS container_name,
                       item.image_id, ARRAY(SELECT id FROM tag ORDER BY id) AS tag_ids,
                       item.created_at, item.updated_at, item.created_by, item.updated_by,
                       EXISTS (SELECT FROM container) AS container_found,
                       EXISTS (SELECT FROM image) AS image_found
                FROM (SELECT 1) AS one
                LEFT JOIN item ON true
                LEFT JOIN container ON true
                """)
                .param("household", owner.household()).param("sub", owner.sub())
                .param("name", name).param("description", description)
                .param("container", containerId).param("image", imageId, Types.BIGINT)
                .param("tags", tagIds.toArray(Long[]::new)).param("tagCount", tagIds.size())
                .query(ItemInsert::outcome).single();
    }

    private static Outcome outcome(ResultSet row, int rowNumber) throws SQLException {
        Set<Long> tagsFound = new HashSet<>(Arrays.asList(longs(row.getArray("tag_ids"))));
        Optional<Item> item = row.getObject("id") == null ? Optional.empty()
                : Optional.of(ItemRepository.ITEM.mapRow(row, rowNumber));
        return new Outcome(item, row.getBoolean("container_found"), row.getBoolean("image_found"), tagsFound);
    }

    private static Long[] longs(Array array) throws SQLException {
        return (Long[]) array.getArray();
    }
}
