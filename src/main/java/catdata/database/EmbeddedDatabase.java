package catdata.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import catdata.config.InvalidConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself when no database is configured, with its files in
 * {@code DATA_DIR/postgres} so the catalogue survives restarts. Closing it stops the server cleanly.
 *
 * <p>The server runs as its own process, so it outlives a service that is killed ({@code kill -9},
 * an out-of-memory kill) and then holds the data directory, and the next start would fail. The
 * service therefore holds a lock on {@code DATA_DIR/postgres.lock} while it runs: whoever gets the
 * lock knows that no live service owns the directory, so a server still running there is an orphan,
 * and stops it before starting its own. A second service on the same {@code DATA_DIR} does not get
 * the lock and refuses to start instead of taking the first one's database away.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path directory;
    private final FileChannel lockFile;
    private final EmbeddedPostgres postgres;

    EmbeddedDatabase(Path dataDir) {
        this.directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        this.lockFile = lock(directory.resolveSibling("postgres.lock"));
        try {
            OrphanedServer.stopIfRunning(directory);
            this.postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // Spring stops it (close()) after the web server has drained; the library's own
                    // shutdown hook would stop it at once, failing the requests still in flight.
                    .setRegisterShutdownHook(false)
                    // The library's defaults are for throw-away test databases (fsync off, commits
                    // acknowledged before they are on disk); this one keeps a household's catalogue.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            release();
            throw new InvalidConfigurationException("DATA_DIR: the embedded PostgreSQL could not start in " + directory
                    + " (" + e.getMessage() + "); fix DATA_DIR or set DATABASE_URL to use your own PostgreSQL");
        }
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
    }

    private static FileChannel lock(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another service in this same JVM
            }
            if (lock == null) {
                channel.close();
                throw new InvalidConfigurationException("DATA_DIR " + file.getParent()
                        + " is in use by another running Cat Data; give each instance its own DATA_DIR");
            }
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidConfigurationException("DATA_DIR " + file.getParent() + " cannot be used (" + e + ")");
        }
    }

    ConnectionSettings connection() {
        return new ConnectionSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    String describe() {
        return "embedded PostgreSQL in " + directory;
    }

    @Override
    public void close() throws IOException {
        try {
            // Said only of a server that was running and is gone now (pg_ctl's test: its pid file is
            // gone), not of one that had died already, nor on a second close.
            boolean running = OrphanedServer.serverProcess(directory).isPresent();
            postgres.close();
            if (running && OrphanedServer.serverProcess(directory).isEmpty()) {
                log.info("Embedded PostgreSQL stopped");
            }
        } finally {
            release();
        }
    }

    private void release() {
        closeQuietly(lockFile);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release {}", channel, e);
        }
    }
}
