package catdata.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import catdata.support.ApiClient;
import catdata.support.ApiTest;
import catdata.support.ServiceProcess;
import catdata.support.TestDatabase;
import catdata.support.TestHouseholds;
import catdata.support.TokenBuilder;

/**
 * The database connection of a streamed list dies after the list has started: the status line and
 * the first items are already out, so the client must see the response end early (the connection
 * closed before the last chunk), never a response that looks complete.
 */
class ItemListCutShortTest extends ApiTest {

    /** About 40 MB of JSON: far more than the socket buffers hold while the client does not read. */
    private static final int ITEMS = 20_000;

    @Test
    void aListWhoseDatabaseConnectionDiesMidwayIsCutOffNotCompleted() throws Exception {
        TokenBuilder user = ISSUER.token();
        insertItems(user.subject());

        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + user.build()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(2048);
            assertThat(new String(start, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 ");
            // The service now waits for the client to read, its cursor open in the middle of the list.
            ServiceProcess.sleep(Duration.ofMillis(500));

            assertThat(terminateTheListsDatabaseConnection()).isEqualTo(1);

            byte[] rest = in.readAllBytes();
            String whole = new String(start, StandardCharsets.ISO_8859_1) + new String(rest, StandardCharsets.ISO_8859_1);
            assertThat(whole).contains("Transfer-Encoding: chunked");
            assertThat(lastChunkArrived(whole.substring(whole.indexOf("\r\n\r\n") + 4)))
                    .as("the response must end without its last chunk").isFalse();
        }
        assertThat(api.get("/api/items?limit=1", ApiClient.bearer(user.build())).status())
                .as("the service recovers").isEqualTo(200);
    }

    /** Decodes a chunked body; true when it ended with the zero-length last chunk. */
    private static boolean lastChunkArrived(String body) {
        int position = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", position);
            if (lineEnd < 0) {
                return false;
            }
            int size = Integer.parseInt(body.substring(position, lineEnd).trim(), 16);
            if (size == 0) {
                return true;
            }
            position = lineEnd + 2 + size + 2;
            if (position > body.length()) {
                return false;
            }
        }
    }

    private static void insertItems(String owner) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
            long household = TestHouseholds.personal(db, owner);
            try (PreparedStatement items = db.prepareStatement("""
                    WITH box AS (INSERT INTO containers (household_id, created_by, updated_by, name)
                                 VALUES (?, ?, ?, 'Box') RETURNING id)
                    INSERT INTO items (household_id, created_by, updated_by, name, description, container_id)
                    SELECT box_household, ?, ?, 'Item ' || n, repeat('x', 2000), box.id
                    FROM box, (SELECT ?::bigint AS box_household) h, generate_series(1, ?) AS n
                    """)) {
                items.setLong(1, household);
                items.setString(2, owner);
                items.setString(3, owner);
                items.setString(4, owner);
                items.setString(5, owner);
                items.setLong(6, household);
                items.setInt(7, ITEMS);
                items.executeUpdate();
            }
        }
    }

    /** The one session reading the list: it stays open between fetches of the cursor. */
    private static int terminateTheListsDatabaseConnection() throws SQLException {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl());
                PreparedStatement terminate = db.prepareStatement("""
                        SELECT count(pg_terminate_backend(pid))
                        FROM pg_stat_activity
                        WHERE pid <> pg_backend_pid() AND query LIKE '%WHERE i.household_id = $1 ORDER BY i.id'
                        """);
                ResultSet terminated = terminate.executeQuery()) {
            terminated.next();
            return terminated.getInt(1);
        }
    }
}
