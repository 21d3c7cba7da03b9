package catdata.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Photo bytes for upload tests: real JPEG, PNG and GIF files drawn with ImageIO, WebP fixtures,
 * and the broken files a careless or hostile client might send.
 *
 * <p>ImageIO cannot write WebP, so the WebP files are fixtures in {@code src/test/resources/webp},
 * made with cwebp (libwebp 1.2.4) and {@code -metadata none}: {@code -lossless} and {@code -q 80} from
 * a 5x3 RGB PNG, {@code -q 80} from a 64x48 and a 5x3 RGBA PNG (cwebp compresses the larger alpha
 * channel and stores the tiny one uncompressed, both valid). Not under {@code resources/images}:
 * {@code .gitignore} ignores every directory named {@code images}.
 */
public final class TestImages {

    private static final int PNG_SIGNATURE_LENGTH = 8;

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height), "png");
    }

    public static byte[] gif(int width, int height) {
        return write(picture(width, height), "gif");
    }

    /** 5x3, lossless (VP8L). */
    public static byte[] losslessWebp() {
        return resource("/webp/lossless-5x3.webp");
    }

    /** 5x3, lossy (VP8). */
    public static byte[] lossyWebp() {
        return resource("/webp/lossy-5x3.webp");
    }

    /** 64x48, lossy with a compressed alpha channel (VP8X, ALPH, VP8). */
    public static byte[] alphaWebp() {
        return resource("/webp/alpha-64x48.webp");
    }

    /** 5x3, lossy with an uncompressed alpha channel (ALPH compression method 0). */
    public static byte[] uncompressedAlphaWebp() {
        return resource("/webp/uncompressed-alpha-5x3.webp");
    }

    /** The lossy WebP cut off three quarters of the way in, its frame header whole. */
    public static byte[] truncatedWebp() {
        byte[] webp = lossyWebp();
        return Arrays.copyOf(webp, webp.length * 3 / 4);
    }

    /**
     * A PNG cut off halfway through its compressed pixels, as an interrupted transfer leaves it:
     * the header is whole, so only a decoder that reads the pixels notices.
     */
    public static byte[] truncatedPng(int width, int height) {
        byte[] png = png(width, height);
        int idat = findChunk(png, "IDAT");
        return Arrays.copyOf(png, idat + 8 + ByteBuffer.wrap(png, idat, 4).getInt() / 2);
    }

    /** A JPEG cut off halfway through its scan (after the SOS marker): the header is whole. */
    public static byte[] truncatedJpeg(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        int scan = startOfScan(jpeg);
        return Arrays.copyOf(jpeg, scan + (jpeg.length - scan) / 2);
    }

    /**
     * A PNG whose structure and checksums are all valid but whose compressed pixel data is not a
     * deflate stream: only a decoder that really reads the pixels notices.
     */
    public static byte[] pngWithCorruptPixels(int width, int height) {
        byte[] png = png(width, height);
        int idat = findChunk(png, "IDAT");
        int length = ByteBuffer.wrap(png, idat, 4).getInt();
        byte[] garbage = new byte[length];
        // A zlib header, then a deflate block of the reserved (invalid) type 3.
        Arrays.fill(garbage, (byte) 0xFF);
        garbage[0] = 0x78;
        garbage[1] = (byte) 0x9C;
        System.arraycopy(garbage, 0, png, idat + 8, length);
        return withFixedCrc(png, idat);
    }

    /** A valid PNG whose header claims other dimensions, as a decompression bomb would. */
    public static byte[] pngClaimingSize(int width, int height) {
        byte[] png = png(1, 1);
        int ihdr = findChunk(png, "IHDR");
        ByteBuffer.wrap(png, ihdr + 8, 8).putInt(width).putInt(height);
        return withFixedCrc(png, ihdr);
    }

    /** A valid PNG followed by zeros, so it is exactly {@code size} bytes long. */
    public static byte[] pngPaddedTo(int size) {
        byte[] png = png(8, 8);
        return Arrays.copyOf(png, size);
    }

    /**
     * A valid PNG made {@code size} bytes long by a text chunk of seeded random letters before its end:
     * the bytes must be read through (unlike padding after the end), the store strips the chunk, and
     * deflating shrinks the letters only a little.
     */
    public static byte[] pngWithTextChunk(byte[] png, int size) {
        int end = findChunk(png, "IEND");
        int length = size - png.length - 12;
        ByteBuffer chunk = ByteBuffer.allocate(12 + length);
        chunk.putInt(length).put("tEXtComment\0".getBytes(StandardCharsets.ISO_8859_1));
        Random letters = new Random(size);
        while (chunk.position() < 8 + length) {
            chunk.put((byte) ('a' + letters.nextInt(26)));
        }
        byte[] withText = new byte[size];
        System.arraycopy(png, 0, withText, 0, end);
        System.arraycopy(chunk.array(), 0, withText, end, chunk.capacity());
        System.arraycopy(png, end, withText, end + chunk.capacity(), png.length - end);
        return withFixedCrc(withText, end);
    }

    public static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not a flat colour, so the encoders have real work and the files real pixel data. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.ORANGE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.DARK_GRAY);
            graphics.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of the first chunk of {@code type}: its 4-byte length, then type, data and CRC. */
    private static int findChunk(byte[] png, String type) {
        int offset = PNG_SIGNATURE_LENGTH;
        while (offset + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, offset, 4).getInt();
            if (new String(png, offset + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
                return offset;
            }
            offset += 12 + length;
        }
        throw new IllegalArgumentException("No " + type + " chunk");
    }

    private static int startOfScan(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("No SOS marker");
    }

    private static byte[] withFixedCrc(byte[] png, int chunk) {
        int length = ByteBuffer.wrap(png, chunk, 4).getInt();
        CRC32 crc = new CRC32();
        crc.update(png, chunk + 4, 4 + length);
        ByteBuffer.wrap(png, chunk + 8 + length, 4).putInt((int) crc.getValue());
        return png;
    }
}
