package catdata.codec;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.InputStreamSource;

/**
 * Copies a WebP's RIFF chunks that make up the picture (image data, alpha, animation, colour
 * profile) byte for byte, drops {@code EXIF}, {@code XMP } and unknown chunks, clears their flags
 * in {@code VP8X}, rewrites the RIFF size, and keeps nothing after the RIFF's end.
 *
 * <p>An orientation other than upright is kept as an {@code EXIF} chunk holding only it; a simple
 * WebP (one image chunk) then needs the extended header {@code VP8X}, made from the image chunk's
 * own dimensions and alpha flag.
 */
final class WebpSanitizer {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int VP8X_SIZE = 10;
    private static final int FLAG_ICC = 0x20;
    private static final int FLAG_ALPHA = 0x10;
    private static final int FLAG_EXIF = 0x08;
    private static final int FLAG_XMP = 0x04;
    /** A chunk's size field, then its data padded to an even length. */
    private static final int CHUNK_HEADER = 8;
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL - 1;

    private WebpSanitizer() {
    }

    /** What the first reading learns: the orientation, and what the output's RIFF size will be. */
    private record Plan(int orientation, boolean extended, long bodyLength) {

        long riffSize() {
            long size = 4 + bodyLength;
            if (orientation != ExifOrientation.UPRIGHT) {
                size += CHUNK_HEADER + ExifOrientation.tiff(orientation).length;
                if (!extended) {
                    size += CHUNK_HEADER + VP8X_SIZE;
                }
            }
            return size;
        }
    }

    /** Reads the file twice: first to learn the orientation and the size to write in the header. */
    static void sanitize(InputStreamSource source, OutputStream out) throws IOException {
        Plan plan;
        try (InputStream in = source.getInputStream()) {
            plan = walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT);
        }
        if (plan.riffSize() > MAX_RIFF_SIZE) {
            throw new UnsupportedImage();
        }
        out.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.write(littleEndian(4, plan.riffSize()));
        out.write("WEBP".getBytes(StandardCharsets.US_ASCII));
        Counting counted = new Counting(out);
        try (InputStream in = source.getInputStream()) {
            walk(new StructureReader(in), counted, plan.orientation());
        }
        if (4 + counted.count != plan.riffSize()) {
            throw new IllegalStateException("WebP size changed between readings: " + plan + ", wrote " + counted.count);
        }
    }

    /** The orientation a stored (or any) file's EXIF gives, read in one pass that writes nothing. */
    static int orientation(InputStream in) throws IOException {
        return walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT).orientation();
    }

    /** Writes the chunks to keep (not the RIFF header); returns what it learnt on the way. */
    private static Plan walk(StructureReader in, OutputStream out, int orientation) throws IOException {
        if (!"RIFF".equals(fourCc(in))) {
            throw new UnsupportedImage();
        }
        long riffSize = in.u32le();
        if (!"WEBP".equals(fourCc(in)) || riffSize < 4 + CHUNK_HEADER) {
            throw new UnsupportedImage();
        }
        Counting body = new Counting(out);
        boolean orientationDue = orientation != ExifOrientation.UPRIGHT;
        int found = ExifOrientation.UPRIGHT;
        boolean exifSeen = false;
        boolean extended = false;
        boolean first = true;
        for (long left = riffSize - 4; left > 0; ) {
            if (left < CHUNK_HEADER) {
                throw new UnsupportedImage();
            }
            String type = fourCc(in);
            long size = in.u32le();
            long padded = size + (size & 1);
            if (padded > left - CHUNK_HEADER) {
                throw new UnsupportedImage();
            }
            left -= CHUNK_HEADER + padded;
            if (first) {
                first = false;
                extended = type.equals("VP8X");
                if (!extended && !type.equals("VP8 ") && !type.equals("VP8L")) {
                    throw new UnsupportedImage();
                }
                if (!extended && orientationDue) {
                    // The canvas of a simple WebP is its one image; the header is read, then copied on.
                    byte[] head = in.bytes((int) Math.min(padded, 10));
                    writeChunk(body, "VP8X", extendedHeader(type, head, orientation));
                    writeChunkHeader(body, type, size);
                    body.write(head);
                    in.copy(padded - head.length, body);
                    continue;
                }
            }
            if (type.equals("VP8X")) {
                if (size < VP8X_SIZE) {
                    throw new UnsupportedImage();
                }
                byte[] header = in.bytes(VP8X_SIZE);
                header[0] &= (byte) ~(FLAG_EXIF | FLAG_XMP);
                if (orientationDue) {
                    header[0] |= FLAG_EXIF;
                }
                writeChunk(body, type, header);
                in.skip(padded - VP8X_SIZE);
            } else if (KEPT.contains(type)) {
                writeChunkHeader(body, type, size);
                in.copy(padded, body);
            } else if (type.equals("EXIF") && !exifSeen) {
                exifSeen = true;
                int head = (int) Math.min(size, ExifOrientation.READ_LIMIT);
                found = ExifOrientation.read(in.bytes(head));
                in.skip(padded - head);
            } else {
                in.skip(padded);
            }
        }
        if (first) {
            throw new UnsupportedImage();
        }
        if (orientationDue) {
            // Metadata chunks come after the image data.
            writeChunk(body, "EXIF", ExifOrientation.tiff(orientation));
        }
        // Anything after the RIFF's end (a ZIP, HTML) is not part of this picture: never read.
        return new Plan(found, extended, body.count);
    }

    /**
     * A {@code VP8X} for a simple WebP: the EXIF flag, alpha if a lossless image says it uses
     * it, and the canvas size from the {@code VP8 } or {@code VP8L} header.
     */
    private static byte[] extendedHeader(String type, byte[] head, int orientation) {
        int width;
        int height;
        boolean alpha = false;
        ByteBuffer image = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (type.equals("VP8 ")) {
            // A key frame: 3-byte frame tag (bit 0 clear), start code 9D 01 2A, 14-bit width and height.
            if (head.length < 10 || (head[0] & 1) != 0 || (head[3] & 0xFF) != 0x9D || (head[4] & 0xFF) != 0x01
                    || (head[5] & 0xFF) != 0x2A) {
                throw new UnsupportedImage();
            }
            width = image.getShort(6) & 0x3FFF;
            height = image.getShort(8) & 0x3FFF;
        } else {
            // Signature 0x2F, then 14 bits width - 1, 14 bits height - 1, 1 bit alpha, 3 bits version.
            if (head.length < 5 || (head[0] & 0xFF) != 0x2F) {
                throw new UnsupportedImage();
            }
            int bits = image.getInt(1);
            width = (bits & 0x3FFF) + 1;
            height = (bits >>> 14 & 0x3FFF) + 1;
            alpha = (bits >>> 28 & 1) == 1;
        }
        if (width == 0 || height == 0) {
            throw new UnsupportedImage();
        }
        ByteBuffer header = ByteBuffer.allocate(VP8X_SIZE);
        header.put((byte) (FLAG_EXIF | (alpha ? FLAG_ALPHA : 0))).put(new byte[3]);
        header.put(littleEndian(3, width - 1)).put(littleEndian(3, height - 1));
        return header.array();
    }

    private static String fourCc(StructureReader in) throws IOException {
        return new String(in.bytes(4), StandardCharsets.US_ASCII);
    }

    private static void writeChunkHeader(OutputStream out, String type, long size) throws IOException {
        out.write(type.getBytes(StandardCharsets.US_ASCII));
        out.write(littleEndian(4, size));
    }

    private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
        writeChunkHeader(out, type, data.length);
        out.write(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static byte[] littleEndian(int length, long value) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (value >>> 8 * i);
        }
        return bytes;
    }

    /** Counts what passes through, so the RIFF size can be worked out before the chunks are written. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
