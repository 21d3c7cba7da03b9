package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test run, shared by every application context the tests start
 * (each test makes its own users' data, so they do not see each other). Stopped when the JVM ends.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the temporary cluster goes with it.
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The same server, as another user, on another database (both of the test's making). */
    public static synchronized String jdbcUrl(String database, String user) {
        jdbcUrl();
        return postgres.getJdbcUrl(user, database);
    }

    /** A new, empty database on the same server, named {@code prefix} and a random suffix. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(jdbcUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return jdbcUrl(name, "postgres");
    }
}
