package catdata.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A stored file opened for reading: its bytes, and its size as the open file has it. */
public record OpenedFile(InputStream bytes, long size) implements Closeable {

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
