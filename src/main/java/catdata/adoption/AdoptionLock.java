package catdata.adoption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

import catdata.photo.PhotoWriters;

/**
 * One takeover at a time: instances starting together on the original's database would otherwise
 * each clear the other's journal. A PostgreSQL session lock on a connection of its own, held from
 * before the database is looked at until the takeover has committed or failed; the database drops
 * it if the process dies. The same session counts among the {@link PhotoWriters} meanwhile: the
 * photos a takeover copies have no rows until it commits, however long it runs, and another
 * instance's orphan sweep must leave them alone.
 */
final class AdoptionLock implements AutoCloseable {

    /** An arbitrary key of this service's ("catdata" in ASCII), apart from Flyway's own lock. */
    private static final long KEY = 0x63617464617461L;

    private final Connection connection;

    private AdoptionLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits while another instance holds it. */
    static AdoptionLock take(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.executeQuery().close();
            }
            PhotoWriters.joinSession(connection);
            return new AdoptionLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("Could not take the adoption lock", e);
        }
    }

    /** Releases the lock, then gives the connection back. */
    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            PhotoWriters.leaveSession(connection);
            unlock.setLong(1, KEY);
            unlock.executeQuery().close();
        } catch (SQLException e) {
            // The lock goes with the session when the pool closes it; until then a next takeover waits.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more to do with it.
            }
        }
    }
}
