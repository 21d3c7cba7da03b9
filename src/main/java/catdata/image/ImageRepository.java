package catdata.image;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.owner.Owner;
import catdata.paging.Paging;

@Repository
class ImageRepository {

    private static final String COLUMNS = """
            id, created_by, updated_by, name, original_name, content_type, size_bytes, width, height, sha256,
            created_at, updated_at""";

    private static final RowMapper<Image> IMAGE = ImageRepository::map;

    private final JdbcClient jdbc;

    ImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Image insert(Owner owner, String name, String originalName, String contentType, long size, int width,
            int height, String sha256) {
        return jdbc.sql("""
                INSERT INTO images (household_id, created_by, updated_by, name, original_name, content_type, size_bytes,
                    width, height, sha256)
                VALUES (:household, :sub, :sub, :name, :originalName, :contentType, :size, :width, :height, :sha256)
                RETURNING %s
                """.formatted(COLUMNS))
                .param("household", owner.household()).param("sub", owner.sub())
                .param("name", name).param("originalName", originalName)
                .param("contentType", contentType).param("size", size)
                .param("width", width).param("height", height).param("sha256", sha256)
                .query(IMAGE).single();
    }

    List<Image> findAll(Owner owner, Paging paging) {
        return jdbc.sql("""
                SELECT %s
                FROM images
                WHERE household_id = :household
                ORDER BY id
                LIMIT :limit OFFSET :offset
                """.formatted(COLUMNS))
                .param("household", owner.household())
                .param("limit", paging.limit(), Types.INTEGER).param("offset", paging.skip())
                .query(IMAGE).list();
    }

    long count(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM images WHERE household_id = :household")
                .param("household", owner.household())
                .query(Long.class).single();
    }

    Optional<Image> find(Owner owner, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM images WHERE household_id = :household AND id = :id")
                .param("household", owner.household()).param("id", id)
                .query(IMAGE).optional();
    }

    /**
     * Deletes the row (items that showed it keep existing, without a photo) and, in the same
     * statement, queues its file for removal once {@code grace} has passed; returns the file's name.
     */
    Optional<String> delete(Owner owner, long id, String store, Duration grace) {
        return jdbc.sql("""
                WITH deleted AS (
                    DELETE FROM images WHERE household_id = :household AND id = :id RETURNING name
                )
                INSERT INTO photo_file_removals (name, store, due_at)
                SELECT name, :store, now() + make_interval(secs => :graceSeconds) FROM deleted
                RETURNING name
                """)
                .param("household", owner.household()).param("id", id)
                .param("store", store).param("graceSeconds", grace.toMillis() / 1000.0)
                .query(String.class).optional();
    }

    private static Image map(ResultSet row, int rowNumber) throws SQLException {
        return new Image(row.getLong("id"), row.getString("created_by"), row.getString("updated_by"),
                row.getString("name"), row.getString("original_name"), row.getString("content_type"),
                row.getLong("size_bytes"), row.getInt("width"), row.getInt("height"), row.getString("sha256"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
