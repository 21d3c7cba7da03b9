package catdata.adoption;

import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.photo.JudgedPhoto;

/**
 * The original's rows written as this service's, in the takeover's transaction. Ids are kept
 * ({@code OVERRIDING SYSTEM VALUE}), so the front end's bookmarks still work, and every row goes to
 * one household, made by {@code by}.
 */
final class AdoptedRows {

    static final String PERSONAL = "Personal";

    private final JdbcClient jdbc;
    private final OriginalDatabase original;

    AdoptedRows(JdbcClient jdbc, OriginalDatabase original) {
        this.jdbc = jdbc;
        this.original = original;
    }

    /** {@code sub}'s personal household, their default, as their first call would have made it. */
    long personalHousehold(String sub) {
        jdbc.sql("INSERT INTO users (sub) VALUES (:sub)").param("sub", sub).update();
        long household = jdbc.sql("INSERT INTO households (name) VALUES (:name) RETURNING id")
                .param("name", PERSONAL).query(Long.class).single();
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, 'owner')")
                .param("sub", sub).param("household", household).update();
        jdbc.sql("UPDATE users SET default_household_id = :household WHERE sub = :sub")
                .param("sub", sub).param("household", household).update();
        return household;
    }

    /** The one household of shared mode; its members join it on their first call. */
    long sharedHousehold(String name) {
        return jdbc.sql("INSERT INTO households (name, shared) VALUES (:name, true) RETURNING id")
                .param("name", name).query(Long.class).single();
    }

    /** The database's own case folding, which the unique name indexes use. */
    String lower(String name) {
        return jdbc.sql("SELECT lower(:name)").param("name", name).query(String.class).single();
    }

    void container(Target target, long id, String name) {
        jdbc.sql("""
                INSERT INTO containers (id, household_id, name, description, created_by, updated_by)
                OVERRIDING SYSTEM VALUE
                SELECT id, :household, :name, coalesce(description, ''), :by, :by FROM %s WHERE id = :id
                """.formatted(original.table("containers")))
                .param("household", target.household()).param("by", target.by()).param("id", id).param("name", name)
                .update();
    }

    void tag(Target target, long id, String name) {
        jdbc.sql("""
                INSERT INTO tags (id, household_id, name, created_by, updated_by)
                OVERRIDING SYSTEM VALUE VALUES (:id, :household, :name, :by, :by)
                """)
                .param("household", target.household()).param("by", target.by()).param("id", id).param("name", name)
                .update();
    }

    void photo(Target target, OriginalDatabase.Photo photo, String originalName, JudgedPhoto judged) {
        jdbc.sql("""
                INSERT INTO images (id, household_id, created_by, updated_by, name, original_name, content_type,
                    size_bytes, width, height, sha256, created_at, updated_at)
                OVERRIDING SYSTEM VALUE
                VALUES (:id, :household, :by, :by, :name, :originalName, :contentType, :size, :width, :height,
                    :sha256, coalesce(:createdAt, now()), coalesce(:updatedAt, :createdAt, now()))
                """)
                .param("id", photo.id()).param("household", target.household()).param("by", target.by())
                .param("name", judged.name()).param("originalName", originalName)
                .param("contentType", judged.contentType()).param("size", judged.size())
                .param("width", judged.width()).param("height", judged.height()).param("sha256", judged.sha256())
                .param("createdAt", timestamp(photo.createdAt())).param("updatedAt", timestamp(photo.updatedAt()))
                .update();
    }

    /** Every item; one whose photo was not adopted keeps everything else. */
    int items(Target target) {
        return jdbc.sql("""
                INSERT INTO items (id, household_id, name, description, container_id, image_id, created_by,
                    updated_by, created_at, updated_at)
                OVERRIDING SYSTEM VALUE
                SELECT i.id, :household, i.name, coalesce(i.description, ''), i.container_id, adopted.id, :by, :by,
                       coalesce(i.created_at, now()), coalesce(i.updated_at, i.created_at, now())
                FROM %s i LEFT JOIN images adopted ON adopted.id = i.image_id
                """.formatted(original.table("items")))
                .param("household", target.household()).param("by", target.by()).update();
    }

    /** Each item-tag link once: the original's table could hold the same link twice. */
    int links() {
        return jdbc.sql("INSERT INTO items_to_tags (item_id, tag_id) SELECT DISTINCT item_id, tag_id FROM "
                + original.table("items_to_tags")).update();
    }

    /** New rows get ids after the highest one kept. */
    void continueSequences() {
        for (String table : new String[] {"containers", "tags", "items", "images"}) {
            jdbc.sql("SELECT setval(pg_get_serial_sequence('%1$s', 'id'), coalesce(max(id), 0) + 1, false) FROM %1$s"
                    .formatted(table)).query(Long.class).single();
        }
    }

    private static java.sql.Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    /** Where the rows go, and whom they are recorded as made by. */
    record Target(long household, String by) {
    }
}
