package catdata.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one piece of EXIF a photo keeps: which way up it is (TIFF tag 0x0112, 1 = as stored, 2-8 =
 * mirrored and/or turned). Cameras store the pixels as the sensor saw them and say in this tag how
 * to turn them, so dropping it would show a portrait photo on its side.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private static final int TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    /** Enough of an EXIF block to hold its first directory, where the orientation lives. */
    static final int READ_LIMIT = 64 * 1024;

    private ExifOrientation() {
    }

    /**
     * The orientation in an EXIF block (a TIFF structure in either byte order, with or without the
     * {@code Exif\0\0} header JPEG puts before it); {@link #UPRIGHT} if it has none or cannot be read.
     */
    static int read(byte[] exif) {
        int start = startsWith(exif, EXIF_HEADER) ? EXIF_HEADER.length : 0;
        if (exif.length < start + 8) {
            return UPRIGHT;
        }
        ByteBuffer tiff = ByteBuffer.wrap(exif, start, exif.length - start).slice();
        if (exif[start] == 'I' && exif[start + 1] == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (exif[start] == 'M' && exif[start + 1] == 'M') {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return UPRIGHT;
        }
        if (tiff.getShort(2) != 42) {
            return UPRIGHT;
        }
        long directory = Integer.toUnsignedLong(tiff.getInt(4));
        if (directory < 8 || directory + 2 > tiff.limit()) {
            return UPRIGHT;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) directory));
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > tiff.limit()) {
                break;
            }
            if (Short.toUnsignedInt(tiff.getShort(entry)) == TAG) {
                int type = Short.toUnsignedInt(tiff.getShort(entry + 2));
                int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
                return type == TYPE_SHORT && tiff.getInt(entry + 4) == 1 && value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** A TIFF structure holding the orientation and nothing else: header, one entry, no next directory. */
    static byte[] tiff(int orientation) {
        return ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8)
                .putShort((short) 1)
                .putShort((short) TAG).putShort((short) TYPE_SHORT).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)
                .array();
    }

    /** The same, as a JPEG APP1 payload. */
    static byte[] jpegPayload(int orientation) {
        byte[] tiff = tiff(orientation);
        return ByteBuffer.allocate(EXIF_HEADER.length + tiff.length).put(EXIF_HEADER).put(tiff).array();
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
