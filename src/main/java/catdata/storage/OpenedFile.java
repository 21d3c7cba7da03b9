package catdata.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stored file opened for reading: its size as the open file has it, and its bytes, read once,
 * whole or one byte range of them. Closing it releases what was opened, however much was read.
 */
public interface OpenedFile extends Closeable {

    long size();

    /** All of its bytes. */
    InputStream bytes() throws IOException;

    /**
     * Its bytes from {@code start} to {@code end} (inclusive, within the size), for a client that
     * asked for a range: a store reads no more than that where it can (a ranged request to object
     * storage), so a range does not cost the whole file.
     */
    InputStream bytes(long start, long end) throws IOException;
}
