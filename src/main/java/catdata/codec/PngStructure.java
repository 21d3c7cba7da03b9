package catdata.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG's declared sizes ({@code IHDR}, and each APNG frame's {@code fcTL}, inside the canvas) and
 * proof that its compressed data holds them: each frame's {@code IDAT} or {@code fdAT} data is
 * inflated, without keeping it, and must give every filtered row the header promises. Inflating
 * costs time in proportion to the declared size, which the pixel limit bounds.
 */
record PngStructure(int width, int height, long decodeBytes) implements DeclaredImage {

    private static final int SIGNATURE_LENGTH = 8;
    /** The rows of the seven Adam7 passes: first column and row, then the steps between them. */
    private static final int[][] ADAM7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4},
            {1, 0, 2, 2}, {0, 1, 1, 2}};
    private static final int INFLATE_BUFFER = 64 * 1024;

    private record Header(int width, int height, int bitsPerPixel, boolean interlaced) {

        /** The bytes of its filtered rows (a filter byte, then the packed pixels), for a frame of this size. */
        long rawBytes(long frameWidth, long frameHeight) {
            if (!interlaced) {
                return frameHeight * (1 + (frameWidth * bitsPerPixel + 7) / 8);
            }
            long total = 0;
            for (int[] pass : ADAM7) {
                long columns = (frameWidth - pass[0] + pass[2] - 1) / pass[2];
                long rows = (frameHeight - pass[1] + pass[3] - 1) / pass[3];
                if (columns > 0 && rows > 0) {
                    total += rows * (1 + (columns * bitsPerPixel + 7) / 8);
                }
            }
            return total;
        }
    }

    static PngStructure read(byte[] file, long maxPixels) {
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(SIGNATURE_LENGTH);
        Header header = null;
        long pixels = 0;
        long expected = -1;
        boolean imageData = false;
        int frames = 0;
        Inflater frame = null;
        try {
            while (true) {
                int length = in.getInt();
                String type = type(in);
                if (length < 0 || length + 4L > in.remaining()) {
                    throw new UnsupportedImage();
                }
                ByteBuffer data = in.slice().limit(length);
                in.position(in.position() + length + 4);
                if (header == null) {
                    if (!type.equals("IHDR")) {
                        throw new UnsupportedImage();
                    }
                    header = header(data);
                    pixels = DeclaredImage.checkedPixels(header.width, header.height, maxPixels);
                    continue;
                }
                switch (type) {
                    case "fcTL" -> {
                        if (++frames > TooManyParts.MAX_FRAMES) {
                            throw new TooManyParts();
                        }
                        finish(frame, expected);
                        end(frame);
                        frame = null;
                        long[] size = frameSize(data, header);
                        boolean defaultImage = !imageData;
                        if (defaultImage && (size[0] != header.width || size[1] != header.height)) {
                            // A frame before the image data is the image itself, at the image's size.
                            throw new UnsupportedImage();
                        }
                        if (!defaultImage) {
                            pixels += DeclaredImage.checkedPixels(size[0], size[1], maxPixels);
                            if (pixels > maxPixels) {
                                throw new ImageTooLarge(maxPixels);
                            }
                        }
                        expected = header.rawBytes(size[0], size[1]);
                    }
                    case "IDAT" -> {
                        if (imageData && (frame == null || expected != header.rawBytes(header.width, header.height))) {
                            // Image data comes in one run of chunks, before any other frame's.
                            throw new UnsupportedImage();
                        }
                        imageData = true;
                        expected = header.rawBytes(header.width, header.height);
                        frame = frame != null ? frame : new Inflater();
                        inflate(frame, data, expected);
                    }
                    case "fdAT" -> {
                        if (!imageData || expected < 0) {
                            throw new UnsupportedImage();
                        }
                        data.position(4);
                        frame = frame != null ? frame : new Inflater();
                        inflate(frame, data, expected);
                    }
                    case "IEND" -> {
                        finish(frame, expected);
                        if (!imageData) {
                            throw new UnsupportedImage();
                        }
                        return new PngStructure(header.width, header.height, decodeBytes(header, file));
                    }
                    default -> {
                    }
                }
            }
        } finally {
            end(frame);
        }
    }

    private static void end(Inflater inflater) {
        if (inflater != null) {
            inflater.end();
        }
    }

    /**
     * The JDK's reader keeps two rows of raw bytes and the file (read through a memory cache), and
     * inflates through small buffers.
     */
    private static long decodeBytes(Header header, byte[] file) {
        return 2L * file.length + 2 * header.rawBytes(header.width, 1) + 2 * INFLATE_BUFFER;
    }

    private static Header header(ByteBuffer data) {
        if (data.remaining() != 13) {
            throw new UnsupportedImage();
        }
        int width = data.getInt();
        int height = data.getInt();
        int depth = data.get() & 0xFF;
        int colourType = data.get() & 0xFF;
        int compression = data.get();
        int filter = data.get();
        int interlace = data.get();
        int channels = switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16 ? 1 : 0;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 ? 1 : 0;
            case 2 -> depth == 8 || depth == 16 ? 3 : 0;
            case 4 -> depth == 8 || depth == 16 ? 2 : 0;
            case 6 -> depth == 8 || depth == 16 ? 4 : 0;
            default -> 0;
        };
        if (channels == 0 || compression != 0 || filter != 0 || interlace > 1 || width <= 0 || height <= 0) {
            throw new UnsupportedImage();
        }
        return new Header(width, height, channels * depth, interlace == 1);
    }

    /** {@code fcTL}: sequence number, width, height, x and y offsets, delay, dispose and blend operations. */
    private static long[] frameSize(ByteBuffer data, Header header) {
        if (data.remaining() != 26) {
            throw new UnsupportedImage();
        }
        data.getInt();
        long width = data.getInt() & 0xFFFF_FFFFL;
        long height = data.getInt() & 0xFFFF_FFFFL;
        long x = data.getInt() & 0xFFFF_FFFFL;
        long y = data.getInt() & 0xFFFF_FFFFL;
        data.getInt();
        int dispose = data.get();
        int blend = data.get();
        if (width == 0 || height == 0 || x + width > header.width || y + height > header.height || dispose < 0
                || dispose > 2 || blend < 0 || blend > 1) {
            throw new UnsupportedImage();
        }
        return new long[] {width, height};
    }

    /** Inflates into nothing, counting; refuses a stream that is broken or would give more than expected. */
    private static void inflate(Inflater inflater, ByteBuffer data, long expected) {
        if (inflater.getBytesWritten() > expected) {
            // Decoders ignore what follows the last row; inflating it would be work without end.
            return;
        }
        byte[] sink = new byte[INFLATE_BUFFER];
        inflater.setInput(data);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(sink);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new UnsupportedImage();
                }
                if (inflater.getBytesWritten() > expected) {
                    return;
                }
            }
        } catch (DataFormatException e) {
            throw new UnsupportedImage();
        }
    }

    /** A frame's data, all inflated, must hold every row its header promises. */
    private static void finish(Inflater frame, long expected) {
        if (expected < 0) {
            return;
        }
        if (frame == null || frame.getBytesWritten() < expected) {
            throw new UnsupportedImage();
        }
    }

    private static String type(ByteBuffer in) {
        byte[] type = new byte[4];
        in.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }
}
