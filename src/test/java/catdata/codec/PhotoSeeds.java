package catdata.codec;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import com.luciad.imageio.webp.WebPWriteParam;

import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * Small photos of every kind the upload pipeline meets, made here: the seeds the fuzz tests start
 * from, and the valid files the structure tests change one field of. Each format's variants cover
 * its branches: JPEG sequential, progressive, grey, with orientation and colour profiles; PNG of
 * every colour type, 16-bit, interlaced, animated (APNG); WebP lossy, lossless, with alpha, animated.
 */
public final class PhotoSeeds {

    private PhotoSeeds() {
    }

    /** Writes the seeds of one format ({@code jpeg}, {@code png}, {@code webp}) into a directory, for fuzz/run.sh. */
    public static void main(String[] args) throws IOException {
        ImageFormat format = ImageFormat.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path directory = Files.createDirectories(Path.of(args[1]));
        List<byte[]> seeds = of(format);
        for (int i = 0; i < seeds.size(); i++) {
            Files.write(directory.resolve("seed-" + i + "." + format.extension()), seeds.get(i));
        }
    }

    public static List<byte[]> of(ImageFormat format) {
        return switch (format) {
            case JPEG -> jpegs();
            case PNG -> pngs();
            case WEBP -> webps();
        };
    }

    public static List<byte[]> jpegs() {
        BufferedImage colour = TestPhotos.redTopLeft(24, 16);
        return List.of(TestImages.jpeg(24, 16), jpeg(grey(24, 16), false), jpeg(colour, true),
                HostilePhotos.jpeg(TestImages.jpeg(16, 16), 6), withProfile(TestImages.jpeg(16, 8), ColorSpace.CS_GRAY),
                withProfile(TestImages.jpeg(16, 8), ColorSpace.CS_sRGB));
    }

    public static List<byte[]> pngs() {
        return List.of(TestImages.png(12, 8), TestPhotos.transparentPng(6, 4), png(grey(9, 5)),
                png(new BufferedImage(13, 3, BufferedImage.TYPE_BYTE_BINARY)),
                png(new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_INDEXED)),
                png(new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY)), interlacedPng(TestPhotos.redTopLeft(11, 9)),
                apng(8, 6, 2), HostilePhotos.png(TestImages.png(6, 4), 3));
    }

    public static List<byte[]> webps() {
        BufferedImage picture = TestPhotos.redTopLeft(12, 8);
        return List.of(TestImages.lossyWebp(), TestImages.losslessWebp(), TestImages.alphaWebp(),
                TestImages.uncompressedAlphaWebp(), webp(picture, false), webp(translucent(10, 6), true),
                webp(translucent(10, 6), false), animatedWebp(), HostilePhotos.webp(TestImages.lossyWebp(), 6));
    }

    public static BufferedImage grey(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x * 31 + y * 17) & 0xFF);
            }
        }
        return image;
    }

    public static BufferedImage translucent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color(x * 20, y * 30, 90, (x + y) * 12).getRGB());
            }
        }
        return image;
    }

    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return TestPhotos.write(writer, image, param);
    }

    public static byte[] png(BufferedImage image) {
        return TestPhotos.png(image);
    }

    public static byte[] interlacedPng(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return TestPhotos.write(writer, image, param);
    }

    public static byte[] webp(BufferedImage image, boolean lossless) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("webp").next();
        WebPWriteParam param = new WebPWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(param.getCompressionTypes()[lossless ? WebPWriteParam.LOSSLESS_COMPRESSION
                : WebPWriteParam.LOSSY_COMPRESSION]);
        return TestPhotos.write(writer, image, param);
    }

    /** The JPEG with an ICC profile of {@code space} (a grey one on a colour photo is what some tools write). */
    public static byte[] withProfile(byte[] jpeg, int space) {
        byte[] profile = ICC_Profile.getInstance(space).getData();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        payload.write(1);
        payload.write(1);
        payload.writeBytes(profile);
        return HostilePhotos.withJpegSegment(jpeg, 0xE2, payload.toByteArray());
    }

    // --- APNG: a default image and further frames, written chunk by chunk ---

    /** An APNG of {@code frames} frames: the default image is the first, each later one a smaller part of the canvas. */
    public static byte[] apng(int width, int height, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(pngChunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(pngChunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array()));
        int sequence = 0;
        out.writeBytes(pngChunk("fcTL", frameControl(sequence++, width, height, 0, 0)));
        out.writeBytes(pngChunk("IDAT", rgbRows(width, height)));
        for (int frame = 1; frame < frames; frame++) {
            int frameWidth = Math.max(1, width / 2);
            int frameHeight = Math.max(1, height / 2);
            out.writeBytes(pngChunk("fcTL", frameControl(sequence++, frameWidth, frameHeight, 1, 1)));
            byte[] data = rgbRows(frameWidth, frameHeight);
            out.writeBytes(pngChunk("fdAT", ByteBuffer.allocate(4 + data.length).putInt(sequence++).put(data).array()));
        }
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    public static byte[] frameControl(int sequence, int width, int height, int x, int y) {
        return ByteBuffer.allocate(26).putInt(sequence).putInt(width).putInt(height).putInt(x).putInt(y)
                .putShort((short) 1).putShort((short) 10).put((byte) 0).put((byte) 0).array();
    }

    /** Deflated 8-bit RGB rows, each with filter type 0. */
    public static byte[] rgbRows(int width, int height) {
        byte[] raw = new byte[height * (1 + 3 * width)];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = i % (1 + 3 * width) == 0 ? 0 : (byte) (i * 7);
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    public static byte[] pngChunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    // --- Animated WebP: frames of the lossy fixture placed on a larger canvas ---

    /** Two frames of the 5x3 lossy fixture on a 9x7 canvas, the second at (4, 4). */
    public static byte[] animatedWebp() {
        byte[] frame = vp8Chunk(TestImages.lossyWebp());
        return animatedWebp(9, 7, new int[][] {{0, 0, 5, 3}, {4, 4, 5, 3}}, frame);
    }

    /** An animation whose frames are {x, y, width, height} (x and y even), each holding {@code imageChunk}. */
    public static byte[] animatedWebp(int canvasWidth, int canvasHeight, int[][] frames, byte[] imageChunk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(webpChunk("VP8X", ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x02)
                .put(new byte[3]).put(u24(canvasWidth - 1)).put(u24(canvasHeight - 1)).array()));
        body.writeBytes(webpChunk("ANIM", new byte[6]));
        for (int[] frame : frames) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes(u24(frame[0] / 2));
            data.writeBytes(u24(frame[1] / 2));
            data.writeBytes(u24(frame[2] - 1));
            data.writeBytes(u24(frame[3] - 1));
            data.writeBytes(u24(100));
            data.write(0);
            data.writeBytes(imageChunk);
            body.writeBytes(webpChunk("ANMF", data.toByteArray()));
        }
        return riff(body.toByteArray());
    }

    /** The {@code VP8 } or {@code VP8L} chunk (header included) of a simple WebP. */
    public static byte[] vp8Chunk(byte[] simpleWebp) {
        return Arrays.copyOfRange(simpleWebp, 12, simpleWebp.length);
    }

    public static byte[] riff(byte[] body) {
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    public static byte[] webpChunk(String type, byte[] data) {
        return HostilePhotos.webpChunk(type, data);
    }

    public static byte[] u24(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16)};
    }
}
