package catdata.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** The log says the embedded PostgreSQL stopped when closing it stopped it, and only then. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    private static final String STOPPED = "Embedded PostgreSQL stopped";

    // The tests' logging shows warnings only; the line under test is information.
    private final Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedDatabase.class);
    private Level level;

    @TempDir
    private Path dataDir;

    @BeforeEach
    void showInformation() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void restoreLevel() {
        logger.setLevel(level);
    }

    @Test
    void closingARunningServerSaysItStoppedOnce(CapturedOutput output) throws IOException {
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir);

        database.close();
        database.close();

        assertThat(OrphanedServer.serverProcess(dataDir.resolve("postgres"))).isEmpty();
        assertThat(output.getAll()).containsOnlyOnce(STOPPED);
    }

    @Test
    void aServerThatHadAlreadyStoppedIsNotSaidToStop(CapturedOutput output) throws Exception {
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir);
        ProcessHandle server = OrphanedServer.serverProcess(dataDir.resolve("postgres")).orElseThrow();
        server.destroy(); // behind its back, as a crash or an operator would
        server.onExit().get(30, TimeUnit.SECONDS);

        database.close();

        assertThat(output.getAll()).contains("Embedded PostgreSQL started").doesNotContain(STOPPED);
    }
}
