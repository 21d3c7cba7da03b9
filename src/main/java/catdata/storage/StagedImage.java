package catdata.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload written to a temporary file, with its size and SHA-256, not yet visible as a photo.
 * Closing it removes the temporary file if it was not published.
 */
public record StagedImage(Path path, long size, String sha256) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
