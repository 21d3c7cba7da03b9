package catdata.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * A photo file opened on this machine's disk. The channel is what keeps the bytes: a file deleted
 * while it is open is still read whole.
 */
final class OpenedChannel implements OpenedFile {

    private final FileChannel channel;
    private final long size;

    OpenedChannel(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream bytes() throws IOException {
        return bytes(0, size - 1);
    }

    /** A seek: the bytes before {@code start} are never read. */
    @Override
    public InputStream bytes(long start, long end) throws IOException {
        return new LimitedInputStream(Channels.newInputStream(channel.position(start)), end - start + 1);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
