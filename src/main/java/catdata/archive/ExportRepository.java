package catdata.archive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.owner.Owner;

/**
 * A household's rows for an export, each kind in id order, handed on while they are read: a
 * server-side cursor fetches {@value #FETCH_SIZE} rows at a time, so no list is ever held whole. Must
 * run inside a transaction (pgjdbc keeps a cursor only there); the export's is a repeatable-read one,
 * so that every query sees the same catalogue.
 */
@Repository
class ExportRepository {

    static final int FETCH_SIZE = 500;

    private static final String STAMPS = "created_at, updated_at, created_by, updated_by";

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void containers(Owner owner, Consumer<ExportedContainer> each) {
        stream(owner, """
                SELECT id, name, description, %s
                FROM containers
                WHERE household_id = :household
                ORDER BY id
                """.formatted(STAMPS), (row, n) -> new ExportedContainer(row.getLong("id"), row.getString("name"),
                row.getString("description"), instant(row, "created_at"), instant(row, "updated_at"),
                row.getString("created_by"), row.getString("updated_by")), each);
    }

    void tags(Owner owner, Consumer<ExportedTag> each) {
        stream(owner, """
                SELECT id, name, %s
                FROM tags
                WHERE household_id = :household
                ORDER BY id
                """.formatted(STAMPS), (row, n) -> new ExportedTag(row.getLong("id"), row.getString("name"),
                instant(row, "created_at"), instant(row, "updated_at"), row.getString("created_by"),
                row.getString("updated_by")), each);
    }

    void photos(Owner owner, Consumer<ExportedPhoto> each) {
        stream(owner, """
                SELECT id, sha256, content_type, size_bytes, width, height, original_name, %s
                FROM images
                WHERE household_id = :household
                ORDER BY id
                """.formatted(STAMPS), (row, n) -> new ExportedPhoto(row.getLong("id"),
                ArchiveLayout.photoEntry(row.getString("sha256"), row.getString("content_type")),
                row.getString("sha256"), row.getString("content_type"), row.getLong("size_bytes"),
                row.getInt("width"), row.getInt("height"), row.getString("original_name"),
                instant(row, "created_at"), instant(row, "updated_at"), row.getString("created_by"),
                row.getString("updated_by")), each);
    }

    /** One stored file per distinct photo (rows of the same bytes share an entry): the first row's. */
    void photoFiles(Owner owner, Consumer<PhotoFile> each) {
        stream(owner, """
                SELECT DISTINCT ON (sha256) sha256, name, content_type, created_at
                FROM images
                WHERE household_id = :household
                ORDER BY sha256, id
                """, (row, n) -> new PhotoFile(row.getString("sha256"), row.getString("name"),
                row.getString("content_type"), instant(row, "created_at")), each);
    }

    void items(Owner owner, Consumer<ExportedItem> each) {
        stream(owner, """
                SELECT i.id, i.name, i.description, i.container_id, i.image_id,
                       ARRAY(SELECT it.tag_id FROM items_to_tags it WHERE it.item_id = i.id ORDER BY it.tag_id) AS tag_ids,
                       i.created_at, i.updated_at, i.created_by, i.updated_by
                FROM items i
                WHERE i.household_id = :household
                ORDER BY i.id
                """, (row, n) -> new ExportedItem(row.getLong("id"), row.getString("name"),
                row.getString("description"), row.getLong("container_id"), nullableLong(row, "image_id"),
                List.of((Long[]) array(row, "tag_ids")), instant(row, "created_at"), instant(row, "updated_at"),
                row.getString("created_by"), row.getString("updated_by")), each);
    }

    /** The items with their container's name and their tags' names (alphabetical), for the CSV. */
    void itemLines(Owner owner, Consumer<ItemLine> each) {
        stream(owner, """
                SELECT i.id, i.name, i.description, c.name AS container, i.image_id,
                       ARRAY(SELECT t.name
                             FROM items_to_tags it JOIN tags t ON t.id = it.tag_id AND t.household_id = i.household_id
                             WHERE it.item_id = i.id
                             ORDER BY lower(t.name), t.id) AS tag_names,
                       i.created_at, i.updated_at
                FROM items i
                JOIN containers c ON c.id = i.container_id AND c.household_id = i.household_id
                WHERE i.household_id = :household
                ORDER BY i.id
                """, (row, n) -> new ItemLine(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getString("container"), Arrays.asList((String[]) array(row, "tag_names")),
                nullableLong(row, "image_id"), instant(row, "created_at"), instant(row, "updated_at")), each);
    }

    private <T> void stream(Owner owner, String sql, RowMapper<T> mapper, Consumer<T> each) {
        try (Stream<T> rows = jdbc.sql(sql).withFetchSize(FETCH_SIZE).param("household", owner.household())
                .query(mapper).stream()) {
            rows.forEach(each);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Object array(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array.getArray();
    }
}
