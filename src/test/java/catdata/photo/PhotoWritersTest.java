package catdata.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.support.RepositoryDatabase;
import catdata.support.TestDatabase;

/**
 * The lock batches of photos hold while they write, on the real database: what another instance's
 * sweep sees while a batch's transaction or session runs, and after it ends.
 */
class PhotoWritersTest {

    private final PhotoWriters writers = new PhotoWriters(RepositoryDatabase.jdbc());
    private final TransactionTemplate transaction = RepositoryDatabase.transaction();

    @Test
    void noBatchIsWritingWhenNoneHasJoined() throws SQLException {
        assertThat(anotherInstanceSeesAnyWriting()).isFalse();
    }

    @Test
    void aTransactionThatJoinedIsWritingUntilItCommitsOrRollsBack() throws SQLException {
        transaction.executeWithoutResult(status -> {
            writers.joinTransaction();
            assertThat(anotherInstanceSeesAnyWritingUnchecked()).isTrue();
        });
        assertThat(anotherInstanceSeesAnyWriting()).as("committed").isFalse();

        transaction.executeWithoutResult(status -> {
            writers.joinTransaction();
            assertThat(anotherInstanceSeesAnyWritingUnchecked()).isTrue();
            status.setRollbackOnly();
        });
        assertThat(anotherInstanceSeesAnyWriting()).as("rolled back").isFalse();
    }

    @Test
    void aSessionThatJoinedIsWritingUntilItLeavesOrItsConnectionCloses() throws SQLException {
        try (Connection takeover = RepositoryDatabase.dataSource().getConnection()) {
            PhotoWriters.joinSession(takeover);
            assertThat(anotherInstanceSeesAnyWriting()).isTrue();
            PhotoWriters.leaveSession(takeover);
            assertThat(anotherInstanceSeesAnyWriting()).as("left").isFalse();
        }
        // A takeover that dies holds nothing: its session, and the lock with it, end with the process.
        Connection dying = newConnection();
        PhotoWriters.joinSession(dying);
        assertThat(anotherInstanceSeesAnyWriting()).isTrue();
        dying.close();
        assertThat(anotherInstanceSeesAnyWriting()).as("its session ended").isFalse();
    }

    @Test
    void aSweepThatLookedNeverKeepsABatchWaiting() {
        transaction.executeWithoutResult(sweep -> {
            assertThat(writers.anyWriting()).isFalse();
            // The sweep's transaction is still open: a batch starting now must not wait for it.
            try (Connection batch = newConnection()) {
                batch.setNetworkTimeout(Runnable::run, 5_000);
                PhotoWriters.joinSession(batch);
                PhotoWriters.leaveSession(batch);
            } catch (SQLException e) {
                throw new AssertionError("The batch waited for the sweep", e);
            }
        });
    }

    @Test
    void aBatchJoinsInsideTheTransactionOfItsRowsOnly() {
        assertThatThrownBy(writers::joinTransaction).isInstanceOf(IllegalStateException.class);
    }

    /** As another instance's sweep asks: on a connection of its own, inside a transaction. */
    private static boolean anotherInstanceSeesAnyWriting() throws SQLException {
        try (Connection connection = newConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            PhotoWriters elsewhere = new PhotoWriters(JdbcClient.create(single));
            connection.setAutoCommit(false);
            try {
                return elsewhere.anyWriting();
            } finally {
                connection.rollback();
            }
        }
    }

    private static boolean anotherInstanceSeesAnyWritingUnchecked() {
        try {
            return anotherInstanceSeesAnyWriting();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Not from the tests' pool (two connections, one of them the transaction's): a session of its own. */
    private static Connection newConnection() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl());
    }
}
