package catdata.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An uploaded archive written to a file of its own in this instance's upload buffers; closing it
 * removes the file (one left by a crash goes with the instance's buffers at the next start).
 */
record SpooledArchive(Path path) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpooledArchive.class);

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not remove the uploaded archive {} ({})", path, e.toString());
        }
    }
}
