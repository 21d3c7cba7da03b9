package catdata.household;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changing who belongs to a household and as what. The household's memberships are locked first,
 * so two owners demoting each other at once cannot leave it without one.
 */
@Repository
class Members {

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the household's memberships for the rest of the transaction. */
    void lock(long household) {
        jdbc.sql("SELECT sub FROM memberships WHERE household_id = :household FOR UPDATE")
                .param("household", household).query(String.class).list();
    }

    Optional<String> role(long household, String sub) {
        return jdbc.sql("SELECT role FROM memberships WHERE household_id = :household AND sub = :sub")
                .param("household", household).param("sub", sub).query(String.class).optional();
    }

    long ownersOtherThan(long household, String sub) {
        return jdbc.sql("""
                SELECT count(*) FROM memberships WHERE household_id = :household AND role = 'owner' AND sub <> :sub
                """).param("household", household).param("sub", sub).query(Long.class).single();
    }

    void setRole(long household, String sub, String role) {
        jdbc.sql("UPDATE memberships SET role = :role WHERE household_id = :household AND sub = :sub")
                .param("household", household).param("sub", sub).param("role", role).update();
    }

    void remove(long household, String sub) {
        jdbc.sql("DELETE FROM memberships WHERE household_id = :household AND sub = :sub")
                .param("household", household).param("sub", sub).update();
    }
}
