package catdata.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import catdata.startup.InvalidConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself when no database is configured, with its files in
 * {@code DATA_DIR/postgres} so the catalogue survives restarts. Closing it stops the server cleanly.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;

    EmbeddedDatabase(Path dataDir) {
        this.directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.getParent());
            this.postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException("DATA_DIR: the embedded PostgreSQL could not start in " + directory
                    + " (" + e.getMessage() + "); fix DATA_DIR or set DATABASE_URL to use your own PostgreSQL");
        }
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
    }

    ConnectionSettings connection() {
        return new ConnectionSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    String describe() {
        return "embedded PostgreSQL in " + directory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped");
    }
}
