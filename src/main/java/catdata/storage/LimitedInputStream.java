package catdata.storage;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code limit} bytes of another stream, counted, so that its reader can tell whether all
 * of them were read (a store may then let a connection be reused, or must drop it). A stream that
 * ends before the limit (a response cut short) is an {@link EOFException}, never a quiet end: the
 * client was promised that many bytes.
 */
final class LimitedInputStream extends FilterInputStream {

    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    /** Whether every byte up to the limit has been read. */
    boolean exhausted() {
        return remaining <= 0;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int read = super.read();
        if (read < 0) {
            throw endedEarly();
        }
        remaining--;
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int read = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw endedEarly();
        }
        remaining -= read;
        return read;
    }

    private EOFException endedEarly() {
        return new EOFException("The stored bytes ended " + remaining + " bytes early");
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(Math.min(count, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // Not supported: the count could not follow a reset.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
