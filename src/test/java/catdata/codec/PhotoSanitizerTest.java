package catdata.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import catdata.support.TestImages;

/** The metadata walkers on structures the API tests do not reach: JPEG variants, EXIF byte orders. */
class PhotoSanitizerTest {

    private final PhotoSanitizer sanitizer = new PhotoSanitizer();

    @Test
    void aProgressiveJpegWithTablesBetweenItsScansIsCopiedWhole() {
        byte[] progressive = jpeg(96, 64, false);
        assertThat(count(progressive, 0xDA)).as("scans").isGreaterThan(1);

        assertThat(sanitize(ImageFormat.JPEG, HostilePhotos.jpeg(progressive, 0))).isEqualTo(progressive);
    }

    @Test
    void aJpegWithRestartMarkersInItsScanIsCopiedWhole() {
        byte[] restarts = jpeg(96, 64, true);
        assertThat(count(restarts, 0xD0)).as("restart markers").isPositive();

        assertThat(sanitize(ImageFormat.JPEG, HostilePhotos.jpeg(restarts, 0))).isEqualTo(restarts);
    }

    @Test
    void fillBytesBeforeAMarkerAndStrayBytesBetweenSegmentsAreDropped() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        int afterApp0 = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        byte[] padded = HostilePhotos.concat(Arrays.copyOf(jpeg, afterApp0), new byte[] {0, 0, 0},
                Arrays.copyOfRange(jpeg, afterApp0, jpeg.length - 2),
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9});

        assertThat(sanitize(ImageFormat.JPEG, padded)).isEqualTo(jpeg);
    }

    @Test
    void aJfifThumbnailIsDroppedAndTheRestKept() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        int app0Length = (jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF;
        byte[] jfif = Arrays.copyOfRange(jpeg, 6, 4 + app0Length);
        byte[] withThumbnail = HostilePhotos.concat(Arrays.copyOf(jfif, 12), new byte[] {2, 1},
                new byte[] {1, 2, 3, 4, 5, 6});
        byte[] sent = HostilePhotos.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0,
                (byte) (withThumbnail.length + 2)}, withThumbnail, Arrays.copyOfRange(jpeg, 4 + app0Length,
                jpeg.length));

        assertThat(sanitize(ImageFormat.JPEG, sent)).isEqualTo(jpeg);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theOrientationIsReadInEitherByteOrder(boolean bigEndian) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 3 * 12 + 4).order(order);
        tiff.put(bigEndian ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(4).put(new byte[] {'C', 'a', 't', 0});
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 8).putShort((short) 0);
        tiff.putShort((short) 0x0131).putShort((short) 2).putInt(4).put(new byte[] {'A', 'p', 'p', 0});

        assertThat(ExifOrientation.read(tiff.array())).isEqualTo(8);
    }

    @Test
    void anExifThatCannotBeReadMeansUpright() {
        assertThat(ExifOrientation.read(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.read("Exif\0\0XX\0*garbage".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(1);
        byte[] pointingPastTheEnd = ByteBuffer.allocate(8).put(new byte[] {'M', 'M', 0, 42}).putInt(4000).array();
        assertThat(ExifOrientation.read(pointingPastTheEnd)).isEqualTo(1);
        assertThat(ExifOrientation.read(ExifOrientation.tiff(9))).as("not an orientation").isEqualTo(1);
        assertThat(ExifOrientation.read(ExifOrientation.tiff(6))).isEqualTo(6);
    }

    @Test
    void aFileTheWalkerCannotFollowIsRefused() {
        byte[] png = TestImages.png(4, 4);

        assertThatThrownBy(() -> sanitize(ImageFormat.PNG, Arrays.copyOf(png, png.length - 6)))
                .isInstanceOf(UnsupportedImage.class);
        assertThatThrownBy(() -> sanitize(ImageFormat.WEBP, Arrays.copyOf(TestImages.lossyWebp(), 20)))
                .isInstanceOf(UnsupportedImage.class);
    }

    private byte[] sanitize(ImageFormat format, byte[] photo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sanitizer.sanitize(format, () -> new ByteArrayInputStream(photo), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG written progressively, or with a restart interval of one MCU row. */
    private static byte[] jpeg(int width, int height, boolean restarts) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(TestImages.png(width, height)));
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            if (restarts) {
                String format = "javax_imageio_jpeg_image_1.0";
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", "2");
                IIOMetadataNode sequence = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                sequence.insertBefore(dri, sequence.getFirstChild());
                metadata.setFromTree(format, root);
            } else {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many markers {@code 0xFF code} the file holds (restart markers: any of the eight). */
    private static int count(byte[] jpeg, int code) {
        int count = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            int next = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && (next == code || code == 0xD0 && next >= 0xD0 && next <= 0xD7)) {
                count++;
            }
        }
        return count;
    }
}
