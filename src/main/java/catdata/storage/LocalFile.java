package catdata.storage;

import java.nio.file.Path;

/** A stored file on this machine's disk: its absolute path, and its size when it was found. */
public record LocalFile(Path path, long size) {
}
