package catdata.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.core.io.InputStreamSource;

/**
 * Copies a JPEG's segments that the picture needs (tables, frame, scans with their compressed
 * data, and the JFIF, ICC-profile and Adobe colour segments) byte for byte, and drops the rest:
 * EXIF (position, camera, time, thumbnail), XMP, IPTC/Photoshop, other application segments
 * (MPF extra images, JFXX thumbnails), comments, and anything after the end of the image.
 */
final class JpegSanitizer {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);
    /** "JFIF\0", version, units, densities, thumbnail width and height; a thumbnail's pixels follow. */
    private static final int JFIF_WITHOUT_THUMBNAIL = 14;

    private JpegSanitizer() {
    }

    /**
     * What the first reading learns: the orientation, and whether the colour profile fits the
     * frame (a profile for another number of colour components than the picture has, such as a
     * grey profile on a colour photo, cannot be applied; decoders fail on it or ignore it).
     */
    private record Findings(int orientation, boolean profileFits) {
    }

    /**
     * Reads the file twice: first for the orientation, which must be written near its start, and
     * whether the colour profile fits; a profile that does not is left out, as a viewer ignores it.
     */
    static void sanitize(InputStreamSource source, OutputStream out) throws IOException {
        Findings findings;
        try (InputStream in = source.getInputStream()) {
            findings = walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT, true);
        }
        try (InputStream in = source.getInputStream()) {
            walk(new StructureReader(in), out, findings.orientation(), findings.profileFits());
        }
    }

    static boolean isRestart(int code) {
        return code >= 0xD0 && code <= 0xD7;
    }

    /** The orientation a stored (or any) file's EXIF gives, read in one pass that writes nothing. */
    static int orientation(InputStream in) throws IOException {
        return walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT, true)
                .orientation();
    }

    /** Writes the cleaned file; returns the orientation the original's EXIF gave, and whether its profile fits. */
    private static Findings walk(StructureReader in, OutputStream out, int orientation, boolean keepProfile)
            throws IOException {
        if (in.u8() != 0xFF || in.u8() != SOI) {
            throw new UnsupportedImage();
        }
        out.write(0xFF);
        out.write(SOI);
        boolean orientationDue = orientation != ExifOrientation.UPRIGHT;
        int found = ExifOrientation.UPRIGHT;
        boolean exifSeen = false;
        boolean frame = false;
        boolean scanned = false;
        int frameComponents = 0;
        int profileComponents = 0;
        int marker = nextMarker(in);
        while (true) {
            if (marker == EOI) {
                if (!scanned) {
                    throw new UnsupportedImage();
                }
                out.write(0xFF);
                out.write(EOI);
                // Whatever follows (a ZIP, HTML, MPF's extra images) is not part of this picture.
                return new Findings(found, profileComponents == 0 || profileComponents == frameComponents);
            }
            if (marker == SOI || marker == 0x01 || isRestart(marker) || !hasLength(marker)) {
                throw new UnsupportedImage();
            }
            int length = in.u16be();
            if (length < 2) {
                throw new UnsupportedImage();
            }
            if (isApplication(marker) || marker == COM) {
                byte[] payload = in.bytes(length - 2);
                if (marker == APP1 && !exifSeen && ExifOrientation.startsWith(payload, EXIF)) {
                    exifSeen = true;
                    found = ExifOrientation.read(payload);
                }
                if (marker == APP2 && profileComponents == 0) {
                    profileComponents = profileComponents(payload);
                }
                byte[] kept = kept(marker, payload, keepProfile);
                if (kept != null) {
                    if (orientationDue && marker != APP0) {
                        writeOrientation(out, orientation);
                        orientationDue = false;
                    }
                    writeSegment(out, marker, kept);
                }
            } else {
                if (orientationDue) {
                    writeOrientation(out, orientation);
                    orientationDue = false;
                }
                out.write(0xFF);
                out.write(marker);
                out.write(length >> 8);
                out.write(length);
                if (isFrame(marker)) {
                    frame = true;
                    // Precision, height, width, then the number of components.
                    byte[] header = in.bytes(Math.min(length - 2, 6));
                    frameComponents = header.length == 6 ? header[5] & 0xFF : 0;
                    out.write(header);
                    in.copy(length - 2 - header.length, out);
                } else {
                    in.copy(length - 2, out);
                }
                if (marker == SOS) {
                    if (!frame) {
                        throw new UnsupportedImage();
                    }
                    scanned = true;
                    marker = in.copyEntropyCodedData(out);
                    continue;
                }
            }
            marker = nextMarker(in);
        }
    }

    /**
     * The colour components an ICC profile is for, from its colour space in the first of its
     * segments (after "ICC_PROFILE\0", the segment's number and count, then 16 bytes into the
     * profile); 0 when it cannot tell, and then the profile is kept as it is.
     */
    private static int profileComponents(byte[] payload) {
        int space = ICC_PROFILE.length + 2 + 16;
        if (!ExifOrientation.startsWith(payload, ICC_PROFILE) || payload.length < space + 4
                || payload[ICC_PROFILE.length] != 1) {
            return 0;
        }
        return switch (new String(payload, space, 4, StandardCharsets.US_ASCII)) {
            case "GRAY" -> 1;
            case "RGB ", "YCbr", "Lab ", "XYZ " -> 3;
            case "CMYK" -> 4;
            default -> 0;
        };
    }

    /** The payload to keep of an application segment or comment, or null to drop it. */
    private static byte[] kept(int marker, byte[] payload, boolean keepProfile) {
        if (marker == APP0 && ExifOrientation.startsWith(payload, JFIF) && payload.length >= JFIF_WITHOUT_THUMBNAIL) {
            // The thumbnail is a second picture, possibly of what was cropped away: its size goes to 0x0.
            byte[] jfif = Arrays.copyOf(payload, JFIF_WITHOUT_THUMBNAIL);
            jfif[12] = 0;
            jfif[13] = 0;
            return jfif;
        }
        if (marker == APP2 && ExifOrientation.startsWith(payload, ICC_PROFILE)) {
            return keepProfile ? payload : null;
        }
        if (marker == APP14 && ExifOrientation.startsWith(payload, ADOBE)) {
            // Says how the colour channels were transformed; without it CMYK and RGB JPEGs decode wrongly.
            return payload;
        }
        return null;
    }

    /**
     * The next marker's code. Bytes before its {@code 0xFF} are skipped, as decoders skip them
     * (camera files are known to carry a few): they are dropped, never copied.
     */
    private static int nextMarker(StructureReader in) throws IOException {
        while (true) {
            if (in.u8() != 0xFF) {
                continue;
            }
            int code = in.u8();
            while (code == 0xFF) {
                code = in.u8();
            }
            if (code != 0x00) {
                return code;
            }
        }
    }

    private static void writeOrientation(OutputStream out, int orientation) throws IOException {
        writeSegment(out, APP1, ExifOrientation.jpegPayload(orientation));
    }

    private static void writeSegment(OutputStream out, int marker, byte[] payload) throws IOException {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length);
        out.write(payload);
    }

    private static boolean isApplication(int marker) {
        return marker >= APP0 && marker <= APP15;
    }

    /** SOF0-3, 5-7, 9-11, 13-15; 0xC4 (DHT), 0xC8 (JPG) and 0xCC (DAC) share the range. */
    static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * The segments a picture is built from; anything else (reserved codes, JPEG extensions such as
     * JPEG-LS) is a structure we do not follow.
     */
    private static boolean hasLength(int marker) {
        return isFrame(marker) || marker == 0xC4 || marker == 0xCC || (marker >= 0xDA && marker <= 0xDF)
                || isApplication(marker) || marker == COM;
    }
}
