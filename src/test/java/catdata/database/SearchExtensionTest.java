package catdata.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import catdata.support.ServiceProcess;
import catdata.support.TestDatabase;

/**
 * The search indexes need the pg_trgm extension. A database user that may not create it (neither
 * a superuser nor allowed to create in the database, as where an administrator owns it) stops
 * start-up with one line saying what to run, not with Flyway's report and a stack trace.
 */
class SearchExtensionTest {

    @TempDir
    private Path workDir;

    @Test
    void aUserThatMayNotCreatePgTrgmIsToldWhatToRunAndThatIsEnough() throws SQLException {
        String database = "catalogue_" + System.nanoTime();
        String user = "cataloguer_" + System.nanoTime();
        execute(TestDatabase.jdbcUrl(), "CREATE ROLE " + user + " LOGIN", "CREATE DATABASE " + database);
        String asSuperuser = TestDatabase.jdbcUrl(database, "postgres");
        execute(asSuperuser, "GRANT USAGE, CREATE ON SCHEMA public TO " + user);
        Map<String, String> settings = Map.of("DATABASE_URL", TestDatabase.jdbcUrl(database, user),
                "LOCAL_ISSUER_PORT", "0");

        try (ServiceProcess service = ServiceProcess.launch(workDir, settings)) {
            assertThat(service.awaitExit(Duration.ofSeconds(120))).isNotZero();
            assertThat(service.log().lines()).contains("Database user " + user + " may not create the pg_trgm "
                    + "extension, which the search indexes need: as a superuser, run CREATE EXTENSION pg_trgm; in "
                    + "database " + database);
            assertThat(service.log()).doesNotContain("\tat ", "Caused by");
        }

        execute(asSuperuser, "CREATE EXTENSION pg_trgm");
        try (ServiceProcess service = ServiceProcess.start(workDir, settings)) {
            assertThat(service.isAlive()).isTrue();
        }
    }

    private static void execute(String jdbcUrl, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
