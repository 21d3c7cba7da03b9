package catdata.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload written to a temporary file, with its size and SHA-256, not yet visible as a photo.
 * Closing it removes the temporary file if it was not published.
 */
public record StagedImage(Path path, long size, String sha256) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagedImage.class);

    /**
     * Never fails: the upload's outcome is already decided, and a file that cannot be removed now
     * (the store is failing) is removed with its instance's staging directory at the next start.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not remove the staged upload {} ({})", path, e.toString());
        }
    }
}
