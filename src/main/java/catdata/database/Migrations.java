package catdata.database;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.config.InvalidConfigurationException;

/**
 * Flyway's migrations as Boot runs them, but a database user that may not create the pg_trgm
 * extension (V2, for the search indexes) stops start-up with one line saying what to run, instead
 * of Flyway's report and a stack trace. A superuser may create it; from PostgreSQL 13 on, so may
 * anyone with {@code CREATE} on the database, its owner included.
 *
 * <p>A database another program made is taken over by the {@link Takeover} that recognises it.
 */
final class Migrations implements FlywayMigrationStrategy {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** The version of the history's first row when this service takes over another's database. */
    static final String BASELINE = "0";

    private final List<Takeover> takeovers;

    Migrations(List<Takeover> takeovers) {
        this.takeovers = List.copyOf(takeovers);
    }

    @Override
    public void migrate(Flyway flyway) {
        try {
            migrateOrTakeOver(flyway);
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

    /** Flyway as configured, or through the one takeover that recognises the database. */
    private void migrateOrTakeOver(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        List<Takeover.Steps> recognised = takeovers.stream()
                .flatMap(takeover -> takeover.recognise(dataSource).stream()).toList();
        if (recognised.isEmpty()) {
            flyway.migrate();
            return;
        }
        if (recognised.size() > 1) {
            throw new IllegalStateException("More than one takeover recognises this database");
        }
        Takeover.Steps steps = recognised.get(0);
        try {
            takingOver(flyway, steps).migrate();
        } catch (RuntimeException e) {
            dropHistoryIfOnlyItsBaseline(dataSource, e);
            steps.failed();
            throw e;
        }
        steps.committed();
    }

    /**
     * Every pending migration in one transaction, with the takeover's steps inside it. The schema
     * is not empty (the other program's tables are in it), so Flyway starts its history with a
     * baseline below the first migration instead of refusing.
     */
    private static Flyway takingOver(Flyway flyway, Takeover.Steps steps) {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            throw new IllegalStateException("A takeover needs this service's migrations to run");
        }
        Callback callback = new TakeoverCallback(steps, pending[0].getVersion(), pending[pending.length - 1].getVersion());
        return Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .group(true).baselineOnMigrate(true).baselineVersion(BASELINE).baselineDescription("taken over")
                .callbacks(callback).load();
    }

    /** The history a failed takeover began (its baseline row and nothing else) goes too: the database is as it was. */
    private static void dropHistoryIfOnlyItsBaseline(DataSource dataSource, RuntimeException failure) {
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            boolean onlyBaseline = jdbc.sql("""
                    SELECT to_regclass('flyway_schema_history') IS NOT NULL
                    """).query(Boolean.class).single()
                    && jdbc.sql("SELECT count(*) = 0 FROM flyway_schema_history WHERE version IS DISTINCT FROM :baseline")
                            .param("baseline", BASELINE).query(Boolean.class).single();
            if (onlyBaseline) {
                jdbc.sql("DROP TABLE flyway_schema_history").update();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
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
