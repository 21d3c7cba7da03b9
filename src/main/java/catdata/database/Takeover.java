package catdata.database;

import java.sql.Connection;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A database that another program made, which this one takes over in place. {@link Migrations}
 * asks every takeover before Flyway touches the database. One that recognises the database gives
 * its {@link Steps}: every pending migration then runs in one transaction, with the steps before the
 * first and after the last, so the takeover happens whole or not at all (PostgreSQL's DDL is
 * transactional).
 */
public interface Takeover {

    /**
     * Empty if the database is not the other program's (or no longer is). May refuse to start
     * ({@link catdata.config.InvalidConfigurationException}) before anything is changed.
     */
    Optional<Steps> recognise(DataSource dataSource);

    /** What a takeover does around the migrations. */
    interface Steps {

        /** In the migrations' transaction, before the first: move the other program's tables out of the way. */
        void beforeMigrations(Connection transaction);

        /** In the same transaction, after the last: bring the other program's rows in. */
        void afterMigrations(Connection transaction);

        /** The transaction committed. */
        void committed();

        /** The transaction did not commit (it was rolled back): undo what is outside the database. */
        void failed();
    }
}
