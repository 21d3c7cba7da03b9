package catdata.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running in our data directory by a service that died without stopping
 * it. Only called while holding the data directory's lock, so no live service is using it.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private OrphanedServer() {
    }

    /**
     * Asks the server named in {@code postmaster.pid} to shut down (SIGTERM: it finishes writing and
     * stops; its clients died with the old service) and waits for it. A stale file whose process is
     * gone, or now belongs to another program, is left to PostgreSQL, which handles that itself.
     */
    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = serverProcess(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a service that did not shut down",
                process.pid());
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the PostgreSQL left running in it (pid " + process.pid() + ") did not stop within "
                    + STOP_WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("could not wait for the PostgreSQL left running in it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL left running in it", e);
        }
    }

    /** The server running on this data directory, if any. */
    static Optional<ProcessHandle> serverProcess(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        // After a reboot the pid may belong to anything, another PostgreSQL included: only a server
        // started on this very directory is ours to stop.
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments()
                        .map(arguments -> List.of(arguments).contains(dataDirectory.toString())).orElse(false));
    }
}
