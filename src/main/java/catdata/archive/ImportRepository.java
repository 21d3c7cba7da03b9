package catdata.archive;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

import catdata.owner.Owner;
import catdata.photo.JudgedPhoto;

/**
 * Writes an archive's rows into a household, keeping the timestamps and authors the archive gives
 * (where the API's writes set them to now and the caller). Every statement names the household, and
 * an item is written only with a container of that household.
 */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the household holds any container, tag, item or photo. */
    boolean holdsRows(Owner owner) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT FROM containers WHERE household_id = :household)
                    OR EXISTS (SELECT FROM tags WHERE household_id = :household)
                    OR EXISTS (SELECT FROM items WHERE household_id = :household)
                    OR EXISTS (SELECT FROM images WHERE household_id = :household)
                """)
                .param("household", owner.household())
                .query(Boolean.class).single();
    }

    /**
     * Locks the household's row until the transaction ends; false if it has gone. Every catalogue
     * row written elsewhere takes a key-share lock on it (its foreign key), so while an import runs
     * nobody else adds to the household, and it stays as empty as it was found.
     */
    boolean lockHousehold(Owner owner) {
        return jdbc.sql("SELECT id FROM households WHERE id = :household FOR UPDATE")
                .param("household", owner.household())
                .query(Long.class).optional().isPresent();
    }

    long insertContainer(Owner owner, String name, String description, Stamps stamps) {
        return stamped(jdbc.sql("""
                INSERT INTO containers (household_id, name, description, created_at, updated_at, created_by, updated_by)
                VALUES (:household, :name, :description, :createdAt, :updatedAt, :createdBy, :updatedBy)
                RETURNING id
                """), owner, stamps)
                .param("name", name).param("description", description)
                .query(Long.class).single();
    }

    long insertTag(Owner owner, String name, Stamps stamps) {
        return stamped(jdbc.sql("""
                INSERT INTO tags (household_id, name, created_at, updated_at, created_by, updated_by)
                VALUES (:household, :name, :createdAt, :updatedAt, :createdBy, :updatedBy)
                RETURNING id
                """), owner, stamps)
                .param("name", name)
                .query(Long.class).single();
    }

    long insertPhoto(Owner owner, JudgedPhoto photo, String originalName, Stamps stamps) {
        return stamped(jdbc.sql("""
                INSERT INTO images (household_id, name, original_name, content_type, size_bytes, width, height, sha256,
                    created_at, updated_at, created_by, updated_by)
                VALUES (:household, :name, :originalName, :contentType, :size, :width, :height, :sha256,
                    :createdAt, :updatedAt, :createdBy, :updatedBy)
                RETURNING id
                """), owner, stamps)
                .param("name", photo.name()).param("originalName", originalName, Types.VARCHAR)
                .param("contentType", photo.contentType()).param("size", photo.size())
                .param("width", photo.width()).param("height", photo.height()).param("sha256", photo.sha256())
                .query(Long.class).single();
    }

    /** The item and its tag links in one statement; its container, photo and tags must be the household's. */
    void insertItem(Owner owner, String name, String description, long containerId, OptionalLong photoId,
            Collection<Long> tagIds, Stamps stamps) {
        int[] written = stamped(jdbc.sql("""
                WITH item AS (
                    INSERT INTO items (household_id, name, description, container_id, image_id,
                        created_at, updated_at, created_by, updated_by)
                    SELECT :household, :name, :description, c.id,
                        (SELECT m.id FROM images m WHERE m.household_id = :household AND m.id = :photo),
                        :createdAt, :updatedAt, :createdBy, :updatedBy
                    FROM containers c
                    WHERE c.household_id = :household AND c.id = :container
                    RETURNING id, image_id
                ), link AS (
                    INSERT INTO items_to_tags (item_id, tag_id)
                    SELECT item.id, t.id
                    FROM item JOIN tags t ON t.household_id = :household AND t.id = ANY (:tags)
                    RETURNING tag_id
                )
                SELECT (SELECT count(*) FROM item) AS items, (SELECT count(image_id) FROM item) AS photos,
                       (SELECT count(*) FROM link) AS links
                """), owner, stamps)
                .param("name", name).param("description", description).param("container", containerId)
                .param("photo", photoId.isPresent() ? photoId.getAsLong() : null, Types.BIGINT)
                .param("tags", tagIds.toArray(Long[]::new))
                .query((row, n) -> new int[] {row.getInt("items"), row.getInt("photos"), row.getInt("links")}).single();
        if (written[0] != 1 || written[1] != (photoId.isPresent() ? 1 : 0) || written[2] != tagIds.size()) {
            // The ids come from this import's own inserts, in this household: a miss is a bug, not input.
            throw new IllegalStateException("An imported item's container, photo or tags were not the household's");
        }
    }

    private static StatementSpec stamped(StatementSpec statement, Owner owner, Stamps stamps) {
        return statement.param("household", owner.household())
                .param("createdAt", utc(stamps.createdAt())).param("updatedAt", utc(stamps.updatedAt()))
                .param("createdBy", stamps.createdBy()).param("updatedBy", stamps.updatedBy());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
