package catdata.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A large archive written as it is sent, never held whole: {@code photos} distinct PNGs of about
 * 9.8 MB each (1,810 x 1,810 RGB, their pixels in stored deflate blocks, so each is as large as its
 * pixels, and a valid photo an upload would take), stored in the zip (compressed 1 to 1), each shown
 * by one item. Only one photo is in memory at a time.
 */
final class LargeArchive {

    static final int SIDE = 1810;
    private static final int ROW = 1 + 3 * SIDE;
    private static final int STORED_BLOCK = 65_535;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private LargeArchive() {
    }

    /** The body of a multipart upload of the archive in field {@code file}, produced by a thread as it is read. */
    static InputStream multipartBody(String boundary, int photos) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.zip\""
                            + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    write(out, photos);
                    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // The reader went away (the request failed): the test reports that, not this thread.
                }
            }, "large-archive-writer");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip itself, to {@code out}, which is left open. */
    static void write(OutputStream out, int photos) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (int i = 0; i < photos; i++) {
            stored(zip, "photos/" + i + ".png", png(i));
        }
        StringBuilder catalogue = new StringBuilder("{\"format_version\": 1, \"containers\": [{\"id\": 1, \"name\": "
                + "\"Archive shelf\"}], \"tags\": [], \"photos\": [");
        for (int i = 0; i < photos; i++) {
            catalogue.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i + 1).append(", \"file\": \"photos/")
                    .append(i).append(".png\"}");
        }
        catalogue.append("], \"items\": [");
        for (int i = 0; i < photos; i++) {
            catalogue.append(i == 0 ? "" : ", ").append("{\"name\": \"Photo ").append(i)
                    .append("\", \"container_id\": 1, \"photo_id\": ").append(i + 1).append("}");
        }
        stored(zip, "catalogue.json", catalogue.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** Photo {@code index}: a pattern of its own, so no two photos are the same bytes. */
    static byte[] png(int index) {
        byte[] pixels = new byte[ROW * SIDE];
        for (int y = 0; y < SIDE; y++) {
            int row = y * ROW;
            for (int x = 1; x < ROW; x++) {
                pixels[row + x] = (byte) (x * 7 + y * 13 + index * 31 + (x * y >> 5));
            }
        }
        int blocks = (pixels.length + STORED_BLOCK - 1) / STORED_BLOCK;
        ByteBuffer zlib = ByteBuffer.allocate(2 + pixels.length + 5 * blocks + 4);
        zlib.put((byte) 0x78).put((byte) 0x01);
        for (int at = 0; at < pixels.length; at += STORED_BLOCK) {
            int length = Math.min(STORED_BLOCK, pixels.length - at);
            zlib.put((byte) (at + length == pixels.length ? 1 : 0));
            zlib.put((byte) length).put((byte) (length >> 8)).put((byte) ~length).put((byte) (~length >> 8));
            zlib.put(pixels, at, length);
        }
        Adler32 adler = new Adler32();
        adler.update(pixels);
        zlib.putInt((int) adler.getValue());
        ByteBuffer header = ByteBuffer.allocate(13).putInt(SIDE).putInt(SIDE).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(PNG_SIGNATURE.length + 25 + 12 + zlib.capacity() + 12);
        png.put(PNG_SIGNATURE);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", zlib.array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
    }
}
