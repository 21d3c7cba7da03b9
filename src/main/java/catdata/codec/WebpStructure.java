package catdata.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebP's declared sizes: the canvas ({@code VP8X}, or the one image of a simple file), and each
 * frame with its {@code VP8 } or {@code VP8L} header and its {@code ALPH} chunk. A still image must
 * be exactly its canvas; an animation frame must lie inside it. Each frame is kept as a small still
 * WebP of its own, so libwebp decodes every frame through its one-image API.
 */
record WebpStructure(int width, int height, List<Frame> frames, long decodeBytes) implements DeclaredImage {

    private static final int FLAG_ANIMATION = 0x02;
    private static final int FLAG_ALPHA = 0x10;
    private static final int ANMF_HEADER = 16;
    /** libwebp's per-row buffers (filtering, upsampling, the rescaler's work rows), generously. */
    private static final long BYTES_PER_COLUMN = 512;

    /**
     * One picture to decode, placed at {@code x, y} on the canvas; {@code still} is a whole WebP
     * holding only it.
     */
    record Frame(int x, int y, int width, int height, boolean lossless, boolean alpha, byte[] still) {

        /**
         * libwebp keeps a lossless image whole as 32-bit pixels; an alpha plane takes a byte per
         * pixel, and its lossless decoding up to four more; lossy pixels are decoded a few rows at a time.
         */
        long decodeBytes() {
            long pixels = (long) width * height;
            long whole = lossless ? 4 * pixels : alpha ? 5 * pixels : 0;
            return whole + BYTES_PER_COLUMN * width + still.length;
        }
    }

    static WebpStructure read(byte[] file, long maxPixels) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (!"RIFF".equals(fourCc(in))) {
            throw new UnsupportedImage();
        }
        long riffEnd = 8 + u32(in);
        if (!"WEBP".equals(fourCc(in)) || riffEnd > file.length) {
            throw new UnsupportedImage();
        }
        in.limit((int) riffEnd);
        Chunk first = Chunk.next(in);
        if (!first.type.equals("VP8X")) {
            Frame frame = frame(0, 0, first, null, file);
            return checked(frame.width, frame.height, List.of(frame), maxPixels);
        }
        ByteBuffer header = first.data;
        int flags = u8(header);
        header.position(4);
        int canvasWidth = u24(header) + 1;
        int canvasHeight = u24(header) + 1;
        DeclaredImage.checkedPixels(canvasWidth, canvasHeight, maxPixels);
        List<Frame> frames = (flags & FLAG_ANIMATION) != 0 ? animationFrames(in, canvasWidth, canvasHeight)
                : List.of(image(in, 0, 0, file));
        for (Frame frame : frames) {
            boolean inside = (long) frame.x + frame.width <= canvasWidth && (long) frame.y + frame.height <= canvasHeight;
            boolean still = frames.size() == 1 && (flags & FLAG_ANIMATION) == 0;
            if (!inside || still && (frame.width != canvasWidth || frame.height != canvasHeight)) {
                throw new UnsupportedImage();
            }
        }
        return checked(canvasWidth, canvasHeight, frames, maxPixels);
    }

    /** Every frame's pixels count: an animation is as costly to check as its frames together. */
    private static WebpStructure checked(int width, int height, List<Frame> frames, long maxPixels) {
        long pixels = 0;
        long decodeBytes = 0;
        for (Frame frame : frames) {
            pixels += DeclaredImage.checkedPixels(frame.width, frame.height, maxPixels);
            decodeBytes = Math.max(decodeBytes, frame.decodeBytes());
        }
        DeclaredImage.checkedPixels(width, height, maxPixels);
        if (pixels > maxPixels) {
            throw new ImageTooLarge(maxPixels);
        }
        return new WebpStructure(width, height, List.copyOf(frames), decodeBytes);
    }

    /**
     * One image among {@code chunks} (an extended still file's, or an animation frame's): at most
     * one {@code ALPH}, then one {@code VP8 } or {@code VP8L}; placed at {@code x, y}. {@code file}
     * is the whole file when it is the file's one image.
     */
    private static Frame image(ByteBuffer chunks, int x, int y, byte[] file) {
        Chunk alpha = null;
        Frame frame = null;
        while (chunks.hasRemaining()) {
            Chunk chunk = Chunk.next(chunks);
            switch (chunk.type) {
                case "ALPH" -> {
                    if (alpha != null || frame != null) {
                        throw new UnsupportedImage();
                    }
                    alpha = chunk;
                }
                case "VP8 ", "VP8L" -> {
                    if (frame != null) {
                        throw new UnsupportedImage();
                    }
                    frame = frame(x, y, chunk, alpha, file);
                }
                case "ANIM", "ANMF", "VP8X" -> throw new UnsupportedImage();
                default -> {
                    // ICCP, EXIF, XMP and chunks we do not know carry no pixels.
                }
            }
        }
        if (frame == null) {
            throw new UnsupportedImage();
        }
        return frame;
    }

    private static List<Frame> animationFrames(ByteBuffer in, int canvasWidth, int canvasHeight) {
        List<Frame> frames = new ArrayList<>();
        boolean anim = false;
        while (in.hasRemaining()) {
            Chunk chunk = Chunk.next(in);
            switch (chunk.type) {
                case "ANIM" -> {
                    if (anim || !frames.isEmpty()) {
                        throw new UnsupportedImage();
                    }
                    anim = true;
                }
                case "ANMF" -> {
                    if (!anim) {
                        throw new UnsupportedImage();
                    }
                    if (frames.size() == TooManyParts.MAX_FRAMES) {
                        throw new TooManyParts();
                    }
                    frames.add(animationFrame(chunk.data));
                }
                case "VP8 ", "VP8L", "ALPH", "VP8X" -> throw new UnsupportedImage();
                default -> {
                }
            }
        }
        if (frames.isEmpty()) {
            throw new UnsupportedImage();
        }
        return frames;
    }

    /** {@code ANMF}: offset (in twos), size, duration and flags, then the frame's own chunks. */
    private static Frame animationFrame(ByteBuffer data) {
        int x = u24(data) * 2;
        int y = u24(data) * 2;
        int width = u24(data) + 1;
        int height = u24(data) + 1;
        data.position(ANMF_HEADER);
        Frame frame = image(data, x, y, null);
        if (frame.width != width || frame.height != height) {
            throw new UnsupportedImage();
        }
        return frame;
    }

    /**
     * The frame an image chunk declares. {@code file} is the whole file when it is the file's one
     * image; otherwise a still WebP is made of the chunk (and its alpha).
     */
    private static Frame frame(int x, int y, Chunk image, Chunk alpha, byte[] file) {
        ByteBuffer header = image.data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int width;
        int height;
        boolean lossless = image.type.equals("VP8L");
        if (image.type.equals("VP8 ")) {
            // Frame tag: key frame (bit 0 clear), version 0-3, shown, first partition's size; start code; 14-bit sizes.
            int tag = u24(header);
            boolean keyFrame = (tag & 1) == 0;
            boolean shown = (tag >>> 4 & 1) == 1;
            int firstPartition = tag >>> 5;
            if (!keyFrame || (tag >>> 1 & 7) > 3 || !shown || u8(header) != 0x9D || u8(header) != 0x01
                    || u8(header) != 0x2A) {
                throw new UnsupportedImage();
            }
            width = header.getShort() & 0x3FFF;
            height = header.getShort() & 0x3FFF;
            if (firstPartition > header.remaining()) {
                throw new UnsupportedImage();
            }
        } else if (lossless) {
            // Signature, 14 bits width - 1, 14 bits height - 1, alpha hint, 3-bit version (0).
            if (u8(header) != 0x2F) {
                throw new UnsupportedImage();
            }
            int bits = header.getInt();
            width = (bits & 0x3FFF) + 1;
            height = (bits >>> 14 & 0x3FFF) + 1;
            if (bits >>> 29 != 0 || alpha != null) {
                throw new UnsupportedImage();
            }
        } else {
            throw new UnsupportedImage();
        }
        if (width == 0 || height == 0) {
            throw new UnsupportedImage();
        }
        if (alpha != null) {
            checkAlpha(alpha.data.duplicate(), width, height);
        }
        byte[] still = file != null ? file : still(image, alpha, width, height);
        return new Frame(x, y, width, height, lossless, alpha != null, still);
    }

    /**
     * {@code ALPH}: a header byte (compression: none or lossless; filter; pre-processing; two
     * reserved bits), then the plane; uncompressed, it must hold a byte for every pixel.
     */
    private static void checkAlpha(ByteBuffer alpha, int width, int height) {
        int header = u8(alpha);
        int compression = header & 3;
        int preprocessing = header >>> 4 & 3;
        if (compression > 1 || preprocessing > 1 || header >>> 6 != 0) {
            throw new UnsupportedImage();
        }
        if (compression == 0 && alpha.remaining() < (long) width * height) {
            throw new UnsupportedImage();
        }
    }

    /** A whole WebP of one frame: {@code VP8X} with its alpha flag, then its chunks as they were. */
    private static byte[] still(Chunk image, Chunk alpha, int width, int height) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (alpha != null) {
            byte[] vp8x = new byte[10];
            vp8x[0] = FLAG_ALPHA;
            putU24(vp8x, 4, width - 1);
            putU24(vp8x, 7, height - 1);
            writeChunk(body, "VP8X", ByteBuffer.wrap(vp8x));
            writeChunk(body, "ALPH", alpha.data.duplicate());
        }
        writeChunk(body, image.type, image.data.duplicate());
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 + body.size());
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeU32(out, 4 + body.size());
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, ByteBuffer data) {
        int length = data.remaining();
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        writeU32(out, length);
        byte[] bytes = new byte[length];
        data.get(bytes);
        out.writeBytes(bytes);
        if ((length & 1) == 1) {
            out.write(0);
        }
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }

    /** A chunk's type and its data (a view of exactly its declared size); the reader moves past its padding. */
    private record Chunk(String type, ByteBuffer data) {

        static Chunk next(ByteBuffer in) {
            String type = fourCc(in);
            long size = u32(in);
            if (size > in.remaining()) {
                throw new UnsupportedImage();
            }
            ByteBuffer data = in.slice().limit((int) size).order(ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + (int) size + (int) Math.min(size & 1, in.remaining() - size));
            return new Chunk(type, data);
        }
    }

    private static String fourCc(ByteBuffer in) {
        byte[] type = new byte[4];
        in.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }

    private static int u8(ByteBuffer in) {
        return in.get() & 0xFF;
    }

    private static int u24(ByteBuffer in) {
        return u8(in) | u8(in) << 8 | u8(in) << 16;
    }

    private static long u32(ByteBuffer in) {
        return in.getInt() & 0xFFFF_FFFFL;
    }

    private static void putU24(byte[] target, int offset, int value) {
        target[offset] = (byte) value;
        target[offset + 1] = (byte) (value >>> 8);
        target[offset + 2] = (byte) (value >>> 16);
    }
}
