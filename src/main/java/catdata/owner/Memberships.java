package catdata.owner;

import java.sql.Types;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which household a caller acts in, read afresh on every request (a membership or role changed
 * counts from the next request on), and the household every user gets on their first call: a
 * personal one, or in shared mode the shared one.
 */
@Repository
class Memberships {

    static final String PERSONAL = "Personal";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final HouseholdProperties properties;

    Memberships(JdbcClient jdbc, TransactionTemplate transaction, HouseholdProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    record Membership(long household, Role role) {
    }

    /**
     * The caller's membership of {@code requested}, or of their default household when none is
     * requested: one lookup by primary keys.
     */
    Optional<Membership> find(String sub, Optional<Long> requested) {
        return jdbc.sql("""
                SELECT m.household_id, m.role
                FROM users u
                JOIN memberships m ON m.sub = u.sub AND m.household_id = coalesce(:requested, u.default_household_id)
                WHERE u.sub = :sub
                """)
                .param("sub", sub).param("requested", requested.orElse(null), Types.BIGINT)
                .query((row, n) -> new Membership(row.getLong(1), Role.of(row.getString(2)))).optional();
    }

    /**
     * Makes sure the caller has a default household: a new user, or one left with no household,
     * gets a personal one; one whose default has gone falls back to their oldest membership. The
     * user's row is locked first, so two first calls at once make one household.
     */
    void settle(String sub) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO users (sub) VALUES (:sub) ON CONFLICT (sub) DO NOTHING").param("sub", sub).update();
            jdbc.sql("SELECT sub FROM users WHERE sub = :sub FOR UPDATE").param("sub", sub)
                    .query(String.class).single();
            Optional<Long> oldest = jdbc.sql("""
                    SELECT household_id FROM memberships WHERE sub = :sub ORDER BY joined_at, household_id LIMIT 1
                    """).param("sub", sub).query(Long.class).optional();
            long household = properties.shared() ? joinShared(sub) : oldest.orElseGet(() -> personalHousehold(sub));
            jdbc.sql("""
                    UPDATE users SET default_household_id = :household
                    WHERE sub = :sub AND (default_household_id IS NULL OR NOT EXISTS (
                        SELECT FROM memberships m WHERE m.sub = :sub AND m.household_id = users.default_household_id))
                    """).param("sub", sub).param("household", household).update();
        });
    }

    /** Shared mode: every user is in the shared household, an editor unless listed as an owner. */
    private long joinShared(String sub) {
        long household = jdbc.sql("SELECT id FROM households WHERE shared").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, :role)
                ON CONFLICT (sub, household_id) DO NOTHING
                """).param("sub", sub).param("household", household)
                .param("role", properties.isSharedOwner(sub) ? "owner" : "editor").update();
        return household;
    }

    private long personalHousehold(String sub) {
        long household = jdbc.sql("INSERT INTO households (name) VALUES (:name) RETURNING id")
                .param("name", PERSONAL).query(Long.class).single();
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, 'owner')")
                .param("sub", sub).param("household", household).update();
        return household;
    }
}
