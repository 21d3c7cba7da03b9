package catdata.tag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.paging.PageQuery;
import catdata.owner.Owner;
import catdata.paging.Paged;
import catdata.paging.Paging;

@Repository
class TagRepository {

    private static final String COLUMNS = "t.id, t.name, t.created_at, t.updated_at, t.created_by, t.updated_by";

    private static final RowMapper<Tag> TAG = TagRepository::map;

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the owner's tags and, when paging was asked for, how many there are, in one statement. */
    Paged<Tag> findAll(Owner owner, Paging paging) {
        return findPage(owner, paging, """
                SELECT %s
                FROM tags t
                WHERE t.household_id = :household""".formatted(COLUMNS), TAG);
    }

    Paged<TagWithCount> findAllWithCounts(Owner owner, Paging paging) {
        return findPage(owner, paging, """
                SELECT %s, count(it.item_id) AS item_count
                FROM tags t
                LEFT JOIN items_to_tags it ON it.tag_id = t.id
                WHERE t.household_id = :household
                GROUP BY t.id""".formatted(COLUMNS),
                (row, n) -> new TagWithCount(map(row, n), row.getLong("item_count")));
    }

    private <T> Paged<T> findPage(Owner owner, Paging paging, String list, RowMapper<T> rows) {
        String count = "SELECT count(*) FROM tags WHERE household_id = :household";
        return jdbc.sql(PageQuery.sql(paging, "", count, list, "t", "lower(t.name), t.id"))
                .param("household", owner.household())
                .param("limit", paging.limit(), Types.INTEGER).param("offset", paging.skip())
                .query(PageQuery.<T>extractor(rows)).orElseThrow();
    }

    Optional<Tag> find(Owner owner, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tags t WHERE t.household_id = :household AND t.id = :id")
                .param("household", owner.household()).param("id", id)
                .query(TAG).optional();
    }

    /** Throws {@code DuplicateKeyException} when the owner already has the name (in any case). */
    Tag insert(Owner owner, String name) {
        return jdbc.sql("""
                INSERT INTO tags AS t (household_id, created_by, updated_by, name)
                VALUES (:household, :sub, :sub, :name)
                RETURNING %s
                """.formatted(COLUMNS))
                .param("household", owner.household()).param("sub", owner.sub()).param("name", name)
                .query(TAG).single();
    }

    Optional<Tag> rename(Owner owner, long id, String name) {
        return jdbc.sql("""
                UPDATE tags AS t
                SET name = :name, updated_at = now(), updated_by = :sub
                WHERE t.household_id = :household AND t.id = :id
                RETURNING %s
                """.formatted(COLUMNS))
                .param("household", owner.household()).param("sub", owner.sub()).param("id", id).param("name", name)
                .query(TAG).optional();
    }

    /** Items lose the tag through the links' {@code ON DELETE CASCADE}; nothing else changes. */
    boolean delete(Owner owner, long id) {
        return jdbc.sql("DELETE FROM tags WHERE household_id = :household AND id = :id")
                .param("household", owner.household()).param("id", id)
                .update() == 1;
    }

    private static Tag map(ResultSet row, int rowNumber) throws SQLException {
        return new Tag(row.getLong("id"), row.getString("name"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by"), row.getString("updated_by"));
    }
}
