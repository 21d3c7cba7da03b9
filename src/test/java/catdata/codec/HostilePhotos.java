package catdata.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Photos as a phone or a hostile client sends them: carrying where, when and with what they were
 * taken (EXIF with GPS, XMP, IPTC, comments, text chunks), or with other files appended. The EXIF
 * is written by commons-imaging, an independent implementation; the values are distinctive so the
 * served bytes can also be searched for them raw.
 */
public final class HostilePhotos {

    public static final String MAKE = "CatCamMaker";
    public static final String MODEL = "Whisker9000";
    public static final String SERIAL = "SN-CATCAM-48151623";
    public static final String OWNER = "Tom Householder";
    public static final String TAKEN = "2021:07:04 12:34:56";
    public static final double LATITUDE = 51.4778;
    public static final double LONGITUDE = -0.0014;
    public static final String XMP_SECRET = "12 Mouse Lane, Catford";
    public static final String IPTC_CITY = "Whiskerton-upon-Sea";
    public static final String COMMENT = "our kitchen, spare key under the mat";

    /** What must never be served back, searched for in the raw bytes. */
    public static final List<String> PERSONAL_VALUES = List.of(MAKE, MODEL, SERIAL, OWNER, TAKEN, XMP_SECRET, IPTC_CITY,
            COMMENT, "http://ns.adobe.com/xap/1.0/", "Photoshop 3.0", "Exif\0\0");

    private static final String XMP = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
              exif:GPSLatitude="51,28.668N" exif:GPSLongitude="0,0.084W" xmp:CreatorTool="%s"/>
            </rdf:RDF></x:xmpmeta>""".formatted(XMP_SECRET);

    private HostilePhotos() {
    }

    /** EXIF as a TIFF structure: camera, owner, serial, time, GPS and, unless 0, an orientation. */
    public static byte[] exif(int orientation) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageWriterLossy(ByteOrder.LITTLE_ENDIAN).write(out, exifSet(orientation));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code plain} as a camera writes it: EXIF (with GPS and, unless 0, {@code orientation}), XMP, IPTC and a comment. */
    public static byte[] jpeg(byte[] plain, int orientation) {
        try {
            byte[] jpeg = plain;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exifSet(orientation));
            jpeg = out.toByteArray();
            out.reset();
            new JpegXmpRewriter().updateXmpXml(jpeg, out, XMP);
            jpeg = out.toByteArray();
            out.reset();
            List<IptcRecord> iptc = List.of(new IptcRecord(IptcTypes.BYLINE, OWNER), new IptcRecord(IptcTypes.CITY, IPTC_CITY));
            new JpegIptcRewriter().writeIptc(jpeg, out, new PhotoshopApp13Data(iptc, List.of()));
            return withJpegSegment(out.toByteArray(), 0xFE, COMMENT.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code plain} (as ImageIO writes it: IHDR, IDAT, IEND) with an author and time in text, XMP in iTXt, tIME, and EXIF in an eXIf after the pixels. */
    public static byte[] png(byte[] plain, int orientation) {
        byte[] png = plain;
        int afterHeader = 8 + 25;
        int end = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(pngChunk("tEXt", latin1("Author\0" + OWNER)));
        out.writeBytes(pngChunk("tEXt", latin1("Creation Time\0" + TAKEN)));
        out.writeBytes(pngChunk("iTXt", utf8("XML:com.adobe.xmp\0\0\0\0\0" + XMP)));
        out.writeBytes(pngChunk("tIME", new byte[] {0x07, (byte) 0xE5, 7, 4, 12, 34, 56}));
        out.writeBytes(pngChunk("zzZz", utf8(COMMENT)));
        out.write(png, afterHeader, end - afterHeader);
        // After the pixels, where the first PNG extension allowed it: the orientation is found anyway.
        out.writeBytes(pngChunk("eXIf", exif(orientation)));
        out.write(png, end, 12);
        return out.toByteArray();
    }

    /**
     * A WebP fixture made extended ({@code VP8X} with the EXIF and XMP flags) and given EXIF, XMP and
     * an unknown chunk, as {@code cwebp -metadata all} and other tools write them.
     */
    public static byte[] webp(byte[] fixture, int orientation) {
        return webp(fixture, orientation, true);
    }

    /** The same without {@code VP8X}: metadata chunks after a simple WebP's one image chunk. */
    public static byte[] simpleWebp(byte[] fixture, int orientation) {
        return webp(fixture, orientation, false);
    }

    private static byte[] webp(byte[] fixture, int orientation, boolean extended) {
        ByteBuffer riff = ByteBuffer.wrap(fixture).order(ByteOrder.LITTLE_ENDIAN);
        String first = new String(fixture, 12, 4, StandardCharsets.US_ASCII);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int rest = 12;
        if (first.equals("VP8X")) {
            byte[] header = Arrays.copyOfRange(fixture, 20, 30);
            header[0] |= 0x08 | 0x04;
            chunks.writeBytes(webpChunk("VP8X", header));
            rest = 30;
        } else if (extended) {
            chunks.writeBytes(webpChunk("VP8X", simpleCanvas(fixture, first)));
        }
        chunks.write(fixture, rest, riff.getInt(4) + 8 - rest);
        chunks.writeBytes(webpChunk("EXIF", exif(orientation)));
        chunks.writeBytes(webpChunk("XMP ", utf8(XMP)));
        chunks.writeBytes(webpChunk("ZZZZ", utf8(COMMENT)));
        byte[] body = chunks.toByteArray();
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(latin1("RIFF")).putInt(4 + body.length).put(latin1("WEBP")).put(body).array();
    }

    /** VP8X data for a simple lossy or lossless WebP: EXIF and XMP flags, its canvas size. */
    private static byte[] simpleCanvas(byte[] fixture, String type) {
        ByteBuffer data = ByteBuffer.wrap(fixture, 20, fixture.length - 20).slice().order(ByteOrder.LITTLE_ENDIAN);
        int width;
        int height;
        if (type.equals("VP8 ")) {
            width = data.getShort(6) & 0x3FFF;
            height = data.getShort(8) & 0x3FFF;
        } else {
            int bits = data.getInt(1);
            width = (bits & 0x3FFF) + 1;
            height = (bits >>> 14 & 0x3FFF) + 1;
        }
        return ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put((byte) (0x08 | 0x04)).put(new byte[3])
                .put(threeBytes(width - 1)).put(threeBytes(height - 1)).array();
    }

    public static byte[] zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("payload.html"));
                zip.write(utf8("<script>alert(document.cookie)</script>"));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] html() {
        return utf8("<!DOCTYPE html><html><body><script>fetch('/api/items').then(r => r.text()).then(alert)"
                + "</script></body></html>");
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code jpeg} with one more segment right after its JFIF segment. */
    public static byte[] withJpegSegment(byte[] jpeg, int marker, byte[] payload) {
        int afterApp0 = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterApp0);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, afterApp0, jpeg.length - afterApp0);
        return out.toByteArray();
    }

    public static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(latin1(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(latin1(type)).put(data)
                .putInt((int) crc.getValue()).array();
    }

    public static byte[] webpChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(latin1(type)).putInt(data.length).put(data).array();
    }

    private static TiffOutputSet exifSet(int orientation) throws ImagingException {
        TiffOutputSet set = new TiffOutputSet(ByteOrder.LITTLE_ENDIAN);
        TiffOutputDirectory root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, MAKE);
        root.add(TiffTagConstants.TIFF_TAG_MODEL, MODEL);
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, OWNER);
        root.add(TiffTagConstants.TIFF_TAG_DATE_TIME, TAKEN);
        if (orientation != 0) {
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        }
        TiffOutputDirectory exif = set.getOrCreateExifDirectory();
        exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, TAKEN);
        exif.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
        exif.add(ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, OWNER);
        set.setGpsInDegrees(LONGITUDE, LATITUDE);
        return set;
    }

    private static byte[] threeBytes(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
