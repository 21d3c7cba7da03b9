package catdata.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's personal household for tests that write rows by SQL: the one the service made on the
 * user's first call, or a new one made as the service would (the user its owner and default).
 */
public final class TestHouseholds {

    private static final String PERSONAL = """
            WITH existing AS (SELECT default_household_id AS id FROM users WHERE sub = ?),
                 made AS (INSERT INTO households (name) SELECT 'Personal' WHERE NOT EXISTS (SELECT FROM existing)
                          RETURNING id),
                 u AS (INSERT INTO users (sub, default_household_id) SELECT ?, id FROM made),
                 m AS (INSERT INTO memberships (sub, household_id, role) SELECT ?, id, 'owner' FROM made)
            SELECT id FROM existing UNION ALL SELECT id FROM made
            """;

    private TestHouseholds() {
    }

    public static long personal(JdbcClient jdbc, String sub) {
        return jdbc.sql(PERSONAL.replace("?", ":sub")).param("sub", sub).query(Long.class).single();
    }

    public static long personal(Connection db, String sub) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(PERSONAL)) {
            statement.setString(1, sub);
            statement.setString(2, sub);
            statement.setString(3, sub);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
