package catdata.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

import org.springframework.core.io.InputStreamSource;

/**
 * Copies the PNG chunks that make up the picture and its colours byte for byte, and drops every
 * other chunk: text ({@code tEXt}, {@code zTXt}, {@code iTXt}, where XMP lives), {@code eXIf},
 * {@code tIME}, and any chunk we do not know; nothing after {@code IEND} is kept.
 */
final class PngSanitizer {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /**
     * Pixels, palette, transparency, colour (the HDR chunks {@code mDCV} and {@code cLLI} belong
     * with {@code cICP}), physical size and animation (APNG): nothing about who, where or when.
     */
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP",
            "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "pHYs", "bKGD", "hIST", "sPLT", "acTL", "fcTL", "fdAT");
    /** The orientation goes before these: {@code eXIf} must precede the image data. */
    private static final Set<String> IMAGE_DATA = Set.of("IDAT", "fcTL", "fdAT");
    private static final long MAX_LENGTH = 0x7FFF_FFFFL;

    private PngSanitizer() {
    }

    /** Reads the file twice: first for the orientation, which must be written before the pixels. */
    static void sanitize(InputStreamSource source, OutputStream out) throws IOException {
        PhotoSanitizer.inTwoPasses(source, out, PngSanitizer::walk);
    }

    /** The orientation a stored (or any) file's EXIF gives, read in one pass that writes nothing. */
    static int orientation(InputStream in) throws IOException {
        return walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT);
    }

    /** Writes the cleaned file; returns the orientation the original's {@code eXIf} gave. */
    private static int walk(StructureReader in, OutputStream out, int orientation) throws IOException {
        if (!Arrays.equals(in.bytes(SIGNATURE.length), SIGNATURE)) {
            throw new UnsupportedImage();
        }
        out.write(SIGNATURE);
        boolean orientationDue = orientation != ExifOrientation.UPRIGHT;
        int found = ExifOrientation.UPRIGHT;
        boolean exifSeen = false;
        boolean first = true;
        boolean imageData = false;
        while (true) {
            long length = in.u32be();
            byte[] typeBytes = in.bytes(4);
            String type = chunkType(typeBytes);
            if (length > MAX_LENGTH || type == null || first != type.equals("IHDR")) {
                throw new UnsupportedImage();
            }
            first = false;
            if (IMAGE_DATA.contains(type)) {
                imageData = true;
                if (orientationDue) {
                    writeChunk(out, "eXIf", ExifOrientation.tiff(orientation));
                    orientationDue = false;
                }
            }
            if (KEPT.contains(type)) {
                out.write(ByteBuffer.allocate(4).putInt((int) length).array());
                out.write(typeBytes);
                in.copy(length + 4, out);
            } else if (type.equals("eXIf") && !exifSeen) {
                exifSeen = true;
                int head = (int) Math.min(length, ExifOrientation.READ_LIMIT);
                found = ExifOrientation.read(in.bytes(head));
                in.skip(length - head + 4);
            } else {
                in.skip(length + 4);
            }
            if (type.equals("IEND")) {
                if (!imageData) {
                    throw new UnsupportedImage();
                }
                return found;
            }
        }
    }

    /** The chunk's name, or null if it is not four ASCII letters as the format requires. */
    private static String chunkType(byte[] type) {
        for (byte b : type) {
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                return null;
            }
        }
        return new String(type, StandardCharsets.US_ASCII);
    }

    private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
