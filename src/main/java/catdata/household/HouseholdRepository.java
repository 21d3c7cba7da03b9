package catdata.household;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Households, memberships and users' names. Every query is asked as one user, whose membership is
 * in its {@code WHERE}: a household the caller does not belong to is found nowhere here.
 */
@Repository
class HouseholdRepository {

    private final JdbcClient jdbc;

    HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record User(String sub, String name, long defaultHousehold) {
    }

    /** The caller, who has a default household by the time a controller runs. */
    User user(String sub) {
        return jdbc.sql("SELECT sub, name, default_household_id FROM users WHERE sub = :sub")
                .param("sub", sub)
                .query((row, n) -> new User(row.getString(1), row.getString(2), row.getLong(3))).single();
    }

    void rename(String sub, String name) {
        jdbc.sql("UPDATE users SET name = :name WHERE sub = :sub").param("sub", sub).param("name", name).update();
    }

    /** The caller's households, oldest first. */
    List<Household> findAll(String sub) {
        return jdbc.sql("""
                SELECT h.id, h.name, m.role, h.id = u.default_household_id AS is_default,
                       (SELECT count(*) FROM memberships x WHERE x.household_id = h.id) AS member_count
                FROM memberships m
                JOIN households h ON h.id = m.household_id
                JOIN users u ON u.sub = m.sub
                WHERE m.sub = :sub
                ORDER BY h.id
                """).param("sub", sub)
                .query((row, n) -> new Household(row.getLong("id"), row.getString("name"), row.getString("role"),
                        row.getBoolean("is_default"), row.getLong("member_count"))).list();
    }

    Optional<Household> find(String sub, long id) {
        return findAll(sub).stream().filter(household -> household.id() == id).findFirst();
    }

    /** A new household, with the caller as its owner. */
    long create(String sub, String name) {
        return jdbc.sql("""
                WITH h AS (INSERT INTO households (name) VALUES (:name) RETURNING id),
                     m AS (INSERT INTO memberships (sub, household_id, role) SELECT :sub, id, 'owner' FROM h)
                SELECT id FROM h
                """).param("sub", sub).param("name", name).query(Long.class).single();
    }

    /** Every member of a household the caller belongs to, oldest member first; empty if they do not. */
    List<Member> members(String sub, long id) {
        return jdbc.sql("""
                SELECT m.sub, u.name, m.role
                FROM memberships m JOIN users u ON u.sub = m.sub
                WHERE m.household_id = :id
                  AND EXISTS (SELECT FROM memberships me WHERE me.sub = :sub AND me.household_id = :id)
                ORDER BY m.joined_at, m.sub
                """).param("sub", sub).param("id", id)
                .query((row, n) -> new Member(row.getString(1), row.getString(2), row.getString(3))).list();
    }

    void renameHousehold(long id, String name) {
        jdbc.sql("UPDATE households SET name = :name, updated_at = now() WHERE id = :id")
                .param("id", id).param("name", name).update();
    }

    /**
     * Deletes the household with its memberships and invitations. Throws
     * {@code DataIntegrityViolationException} while it holds catalogue rows.
     */
    void deleteHousehold(long id) {
        jdbc.sql("DELETE FROM households WHERE id = :id").param("id", id).update();
    }

    /** Returns whether the caller belongs to the household, which is then their default. */
    boolean makeDefault(String sub, long id) {
        return jdbc.sql("""
                UPDATE users SET default_household_id = :id
                WHERE sub = :sub AND EXISTS (SELECT FROM memberships m WHERE m.sub = :sub AND m.household_id = :id)
                """).param("sub", sub).param("id", id).update() == 1;
    }
}
