package catdata.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads a photo's structure front to back, copying or skipping the parts between. A file that
 * ends where its structure promises more bytes is not a whole photo: {@link UnsupportedImage}.
 * Memory stays at one buffer whatever the file's size.
 */
final class StructureReader {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    StructureReader(InputStream in) {
        this.in = in;
    }

    int u8() throws IOException {
        if (!available()) {
            throw new UnsupportedImage();
        }
        return buffer[position++] & 0xFF;
    }

    int u16be() throws IOException {
        return u8() << 8 | u8();
    }

    int u16le() throws IOException {
        return u8() | u8() << 8;
    }

    int u24le() throws IOException {
        return u8() | u8() << 8 | u8() << 16;
    }

    long u32be() throws IOException {
        return (long) u16be() << 16 | u16be();
    }

    long u32le() throws IOException {
        return u16le() | (long) u16le() << 16;
    }

    byte[] bytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        for (int done = 0; done < count; ) {
            if (!available()) {
                throw new UnsupportedImage();
            }
            int n = Math.min(count - done, limit - position);
            System.arraycopy(buffer, position, bytes, done, n);
            position += n;
            done += n;
        }
        return bytes;
    }

    void copy(long count, OutputStream out) throws IOException {
        for (long left = count; left > 0; ) {
            if (!available()) {
                throw new UnsupportedImage();
            }
            int n = (int) Math.min(left, limit - position);
            out.write(buffer, position, n);
            position += n;
            left -= n;
        }
    }

    void skip(long count) throws IOException {
        copy(count, OutputStream.nullOutputStream());
    }

    /**
     * Copies a JPEG scan's entropy-coded data, where {@code 0xFF} is followed by {@code 0x00}
     * (a stuffed data byte) or a restart marker, and returns the code of the marker that ends it
     * (fill bytes {@code 0xFF} before it are dropped, as decoders do).
     */
    int copyEntropyCodedData(OutputStream out) throws IOException {
        while (true) {
            if (!available()) {
                throw new UnsupportedImage();
            }
            int start = position;
            while (position < limit && buffer[position] != (byte) 0xFF) {
                position++;
            }
            out.write(buffer, start, position - start);
            if (position == limit) {
                continue;
            }
            position++;
            int code = u8();
            while (code == 0xFF) {
                code = u8();
            }
            if (code == 0x00 || JpegSanitizer.isRestart(code)) {
                out.write(0xFF);
                out.write(code);
            } else {
                return code;
            }
        }
    }

    private boolean available() throws IOException {
        while (position == limit) {
            int n = in.read(buffer, 0, BUFFER_SIZE);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }
}
