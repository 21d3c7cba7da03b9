package catdata.database;

import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.config.InvalidConfigurationException;

/**
 * Flyway's migrations as Boot runs them, but a database user that may not create the pg_trgm
 * extension (V2, for the search indexes) stops start-up with one line saying what to run, instead
 * of Flyway's report and a stack trace. A superuser may create it; from PostgreSQL 13 on, so may
 * anyone with {@code CREATE} on the database, its owner included.
 */
final class Migrations implements FlywayMigrationStrategy {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (!mayNotCreateSearchExtension(e)) {
                throw e;
            }
            // The failed migration was rolled back, so once the extension exists the next start applies it.
            Who who = who(flyway, e);
            throw new InvalidConfigurationException("Database user " + who.user()
                    + " may not create the pg_trgm extension, which the search indexes need: as a superuser, run "
                    + "CREATE EXTENSION pg_trgm; in database " + who.database(), "Start again once it exists.");
        }
    }

    private static boolean mayNotCreateSearchExtension(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("pg_trgm")) {
                return true;
            }
        }
        return false;
    }

    private static Who who(Flyway flyway, FlywayException failure) {
        try {
            return JdbcClient.create(flyway.getConfiguration().getDataSource())
                    .sql("SELECT current_user, current_database()")
                    .query((row, number) -> new Who(row.getString(1), row.getString(2))).single();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private record Who(String user, String database) {
    }
}
