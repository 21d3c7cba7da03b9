package catdata.container;

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
class ContainerRepository {

    private static final String COLUMNS =
            "c.id, c.name, c.description, c.created_at, c.updated_at, c.created_by, c.updated_by";

    private static final RowMapper<Container> CONTAINER = ContainerRepository::map;

    private final JdbcClient jdbc;

    ContainerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the owner's containers and, when paging was asked for, how many there are, in one statement. */
    Paged<Container> findAll(Owner owner, Paging paging) {
        return findPage(owner, paging, """
                SELECT %s
                FROM containers c
                WHERE c.household_id = :household""".formatted(COLUMNS), CONTAINER);
    }

    Paged<ContainerWithCount> findAllWithCounts(Owner owner, Paging paging) {
        return findPage(owner, paging, """
                SELECT %s, count(i.id) AS item_count
                FROM containers c
                LEFT JOIN items i ON i.container_id = c.id AND i.household_id = c.household_id
                WHERE c.household_id = :household
                GROUP BY c.id""".formatted(COLUMNS),
                (row, n) -> new ContainerWithCount(map(row, n), row.getLong("item_count")));
    }

    private <T> Paged<T> findPage(Owner owner, Paging paging, String list, RowMapper<T> rows) {
        String count = "SELECT count(*) FROM containers WHERE household_id = :household";
        return jdbc.sql(PageQuery.sql(paging, "", count, list, "c", "lower(c.name), c.id"))
                .param("household", owner.household())
                .param("limit", paging.limit(), Types.INTEGER).param("offset", paging.skip())
                .query(PageQuery.<T>extractor(rows)).orElseThrow();
    }

    Optional<Container> find(Owner owner, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM containers c WHERE c.household_id = :household AND c.id = :id")
                .param("household", owner.household()).param("id", id)
                .query(CONTAINER).optional();
    }

    /** Throws {@code DuplicateKeyException} when the owner already has the name (in any case). */
    Container insert(Owner owner, String name, String description) {
        return jdbc.sql("""
                INSERT INTO containers AS c (household_id, created_by, updated_by, name, description)
                VALUES (:household, :sub, :sub, :name, :description)
                RETURNING %s
                """.formatted(COLUMNS))
                .param("household", owner.household()).param("sub", owner.sub())
                .param("name", name).param("description", description)
                .query(CONTAINER).single();
    }

    /** A {@code null} name or description keeps the stored one. */
    Optional<Container> update(Owner owner, long id, String name, String description) {
        return jdbc.sql("""
                UPDATE containers AS c
                SET name = coalesce(:name, c.name),
                    description = coalesce(:description, c.description),
                    updated_at = now(), updated_by = :sub
                WHERE c.household_id = :household AND c.id = :id
                RETURNING %s
                """.formatted(COLUMNS))
                .param("household", owner.household()).param("sub", owner.sub()).param("id", id)
                .param("name", name, Types.VARCHAR).param("description", description, Types.VARCHAR)
                .query(CONTAINER).optional();
    }

    /**
     * Returns whether a row was deleted. The items' foreign key refuses to delete a container that
     * holds items ({@code DataIntegrityViolationException}), even one filled by a concurrent request.
     */
    boolean delete(Owner owner, long id) {
        return jdbc.sql("DELETE FROM containers WHERE household_id = :household AND id = :id")
                .param("household", owner.household()).param("id", id)
                .update() == 1;
    }

    private static Container map(ResultSet row, int rowNumber) throws SQLException {
        return new Container(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by"), row.getString("updated_by"));
    }
}
