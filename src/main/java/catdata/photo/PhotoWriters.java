package catdata.photo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who is writing a batch of photos whose rows are not committed yet: an import, whose transaction
 * holds every row of an archive, or a takeover of the original's database. Each holds one
 * PostgreSQL advisory lock in shared mode while it runs, and the orphan sweep, which removes
 * objects no row names once they are older than its grace, skips its turn while anyone holds it: a
 * batch that runs longer than the grace would otherwise lose its first photos before their rows
 * commit. A single upload does not take part: it commits within seconds, far inside the grace, and
 * a steady stream of them would keep the sweep away for good. The database drops the lock with a
 * writer that dies, so a crash never keeps the sweep away either.
 */
@Component
public class PhotoWriters {

    /** An arbitrary key of this service's ("photow" in ASCII), apart from its other advisory locks. */
    static final long KEY = 0x70686f746f77L;

    private final JdbcClient jdbc;

    PhotoWriters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current transaction writes a batch of photos: holds the lock shared until it ends. */
    public void joinTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A batch of photos joins the writers inside the transaction of its rows");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:key)").param("key", KEY).query().singleRow();
    }

    /**
     * Whether any batch is being written now. The lock is taken exclusively and let go at once, so
     * a batch that starts meanwhile never waits for a sweep: what it writes is younger than the
     * grace anyway. Asked inside a transaction, so both statements run on one connection.
     */
    public boolean anyWriting() {
        boolean free = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_lock(:key)").param("key", KEY)
                .query(Boolean.class).single());
        if (free) {
            jdbc.sql("SELECT pg_advisory_unlock(:key)").param("key", KEY).query(Boolean.class).single();
        }
        return !free;
    }

    /** A takeover writes photos from now until {@link #leaveSession} on the same connection, or until it closes. */
    public static void joinSession(Connection connection) throws SQLException {
        call(connection, "SELECT pg_advisory_lock_shared(?)");
    }

    public static void leaveSession(Connection connection) throws SQLException {
        call(connection, "SELECT pg_advisory_unlock_shared(?)");
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            statement.executeQuery().close();
        }
    }
}
