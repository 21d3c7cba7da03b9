package catdata.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * The checks before decoding: declared sizes that contradict each other or the data are 415,
 * sizes over the limit 413, and no decoder runs for either; what passes is decoded within the
 * budget, and the data must fill what the headers declare.
 */
class ImageInspectorTest {

    private static final DecodeLimits LIMITS = UploadPipeline.DEFAULTS;
    private final ImageInspector inspector = new ImageInspector(LIMITS, new DecodeBudget(LIMITS));

    // --- The reproducers, and every seed ---

    static Stream<Named<byte[]>> hostile() {
        return HostilePhotoFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void everyReproducerIsRefusedWithinASecondOrTwo(byte[] photo) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> inspector.inspect(photo)).isInstanceOfAny(UnsupportedImage.class,
                        ImageTooLarge.class));
    }

    @Test
    void aFrameLargerThanItsCanvasIsRefusedBeforeDecoding() {
        byte[] photo = HostilePhotoFiles.all().stream().filter(named -> named.getName().contains("frame-larger"))
                .findFirst().orElseThrow().getPayload();
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.WEBP, photo, LIMITS.maxPixels()))
                .isInstanceOf(UnsupportedImage.class);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void everySeedIsAcceptedAtItsSize(ImageFormat format) throws Exception {
        for (byte[] seed : PhotoSeeds.of(format)) {
            ImageInspector.Inspection inspection = inspector.inspect(sanitized(format, seed));
            assertThat(inspection.format()).isEqualTo(format);
            assertThat(inspection.width()).isPositive();
        }
    }

    // --- WebP ---

    @Test
    void aStillWebpWhoseCanvasIsNotItsImageIsRefused() {
        byte[] photo = stillWebpWithCanvas(TestImages.lossyWebp(), 400, 300);
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.WEBP, photo, LIMITS.maxPixels()))
                .isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void anAnimationIsCheckedFrameByFrame() {
        WebpStructure animation = (WebpStructure) DeclaredImage.read(ImageFormat.WEBP, PhotoSeeds.animatedWebp(),
                LIMITS.maxPixels());
        assertThat(animation.width()).isEqualTo(9);
        assertThat(animation.frames()).extracting(WebpStructure.Frame::x, WebpStructure.Frame::y)
                .containsExactly(tuple(0, 0), tuple(4, 4));
        assertThat(inspector.inspect(PhotoSeeds.animatedWebp()).height()).isEqualTo(7);
    }

    @Test
    void anAnimationFrameOutsideTheCanvasIsRefused() {
        byte[] frame = PhotoSeeds.vp8Chunk(TestImages.lossyWebp());
        byte[] photo = PhotoSeeds.animatedWebp(9, 7, new int[][] {{6, 0, 5, 3}}, frame);
        assertThatThrownBy(() -> inspector.inspect(photo)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void anAnimationFrameOfAnotherSizeThanItsImageIsRefused() {
        byte[] frame = PhotoSeeds.vp8Chunk(TestImages.lossyWebp());
        byte[] photo = PhotoSeeds.animatedWebp(9, 7, new int[][] {{0, 0, 6, 3}}, frame);
        assertThatThrownBy(() -> inspector.inspect(photo)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void everyFrameCountsTowardsThePixelLimit() {
        byte[] frame = PhotoSeeds.vp8Chunk(TestImages.lossyWebp());
        int[][] frames = new int[40][];
        Arrays.fill(frames, new int[] {0, 0, 5, 3});
        byte[] photo = PhotoSeeds.animatedWebp(5, 3, frames, frame);
        ImageInspector strict = new ImageInspector(limits(15 * 39, 128), new DecodeBudget(LIMITS));
        assertThatThrownBy(() -> strict.inspect(photo)).isInstanceOf(ImageTooLarge.class);
        assertThat(inspector.inspect(photo).width()).isEqualTo(5);
    }

    @Test
    void anAnimationOfMoreThanAThousandFramesIsRefusedWith413() {
        byte[] frame = PhotoSeeds.vp8Chunk(TestImages.lossyWebp());
        int[][] frames = new int[TooManyParts.MAX_FRAMES + 1][];
        Arrays.fill(frames, new int[] {0, 0, 5, 3});
        assertThatThrownBy(() -> inspector.inspect(PhotoSeeds.animatedWebp(5, 3, frames, frame)))
                .isInstanceOf(TooManyParts.class);
        assertThatThrownBy(() -> inspector.inspect(PhotoSeeds.apng(8, 6, TooManyParts.MAX_FRAMES + 1)))
                .isInstanceOf(TooManyParts.class);
        assertThat(inspector.inspect(PhotoSeeds.apng(8, 6, TooManyParts.MAX_FRAMES)).width()).isEqualTo(8);
    }

    @Test
    void aJpegOfMoreThanAHundredScansIsRefusedWith413() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        int scan = startOfScan(jpeg);
        int scanLength = (jpeg[scan + 2] & 0xFF) << 8 | jpeg[scan + 3] & 0xFF;
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.write(jpeg, 0, scan);
        for (int i = 0; i <= TooManyParts.MAX_JPEG_SCANS; i++) {
            // The same scan header again and again, with no data between: only the count matters here.
            many.write(jpeg, scan, 2 + scanLength);
        }
        many.write(jpeg, scan, jpeg.length - scan);
        assertThatThrownBy(() -> inspector.inspect(many.toByteArray())).isInstanceOf(TooManyParts.class);
    }

    @Test
    void anUncompressedAlphaPlaneShorterThanTheImageIsRefused() {
        byte[] photo = TestImages.uncompressedAlphaWebp();
        byte[] cut = withAlphaLength(photo, 5 * 3 - 2);
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.WEBP, cut, LIMITS.maxPixels()))
                .isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void aCanvasOverTheLimitIsRefusedWith413BeforeDecoding() {
        byte[] photo = stillWebpWithCanvas(TestImages.lossyWebp(), 10_000, 10_000);
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.WEBP, photo, LIMITS.maxPixels()))
                .isInstanceOf(ImageTooLarge.class);
    }

    // --- PNG ---

    @Test
    void aPngWhoseDataHoldsFewerRowsThanItsHeaderIsRefused() {
        byte[] png = pngWithRows(20, 10, PhotoSeeds.rgbRows(20, 5));
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.PNG, png, LIMITS.maxPixels()))
                .isInstanceOf(UnsupportedImage.class);
        assertThat(DeclaredImage.read(ImageFormat.PNG, pngWithRows(20, 10, PhotoSeeds.rgbRows(20, 10)),
                LIMITS.maxPixels()).height()).isEqualTo(10);
    }

    @Test
    void aPngOverTheLimitIsRefusedWith413() {
        assertThatThrownBy(() -> inspector.inspect(TestImages.pngClaimingSize(10_000, 10_000)))
                .isInstanceOf(ImageTooLarge.class);
    }

    @Test
    void anApngFrameOutsideTheCanvasOrWithShortDataIsRefused() {
        byte[] apng = PhotoSeeds.apng(8, 6, 2);
        assertThat(inspector.inspect(apng).width()).isEqualTo(8);
        byte[] outside = replaceChunk(apng, "fcTL", 1, PhotoSeeds.frameControl(1, 4, 3, 6, 0));
        assertThatThrownBy(() -> inspector.inspect(outside)).isInstanceOf(UnsupportedImage.class);
        byte[] larger = replaceChunk(apng, "fcTL", 1, PhotoSeeds.frameControl(1, 4, 5, 1, 1));
        assertThatThrownBy(() -> inspector.inspect(larger)).isInstanceOf(UnsupportedImage.class);
        byte[] defaultImage = replaceChunk(apng, "fcTL", 0, PhotoSeeds.frameControl(0, 4, 3, 0, 0));
        assertThatThrownBy(() -> inspector.inspect(defaultImage)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void aBadBitDepthIsRefused() {
        byte[] png = TestImages.png(4, 4);
        png[8 + 8 + 8] = 7;
        assertThatThrownBy(() -> DeclaredImage.read(ImageFormat.PNG, png, LIMITS.maxPixels()))
                .isInstanceOf(UnsupportedImage.class);
    }

    // --- JPEG ---

    @Test
    void aJpegWhoseHeightComesLaterIsRefused() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        int frame = frameHeader(jpeg);
        jpeg[frame + 5] = 0;
        jpeg[frame + 6] = 0;
        assertThatThrownBy(() -> inspector.inspect(jpeg)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void aJpegDeclaringTooManyPixelsIsRefusedWith413() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        int frame = frameHeader(jpeg);
        ByteBuffer.wrap(jpeg, frame + 5, 4).putShort((short) 60_000).putShort((short) 60_000);
        assertThatThrownBy(() -> inspector.inspect(jpeg)).isInstanceOf(ImageTooLarge.class);
    }

    @Test
    void aBadSamplingFactorIsRefused() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        jpeg[frameHeader(jpeg) + 11] = 0x50;
        assertThatThrownBy(() -> inspector.inspect(jpeg)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void aProgressiveJpegIsBudgetedForItsWholeCoefficientBuffer() {
        BufferedImage picture = TestPhotos.redTopLeft(800, 600);
        long progressive = DeclaredImage.read(ImageFormat.JPEG, PhotoSeeds.jpeg(picture, true), LIMITS.maxPixels())
                .decodeBytes();
        long sequential = DeclaredImage.read(ImageFormat.JPEG, PhotoSeeds.jpeg(picture, false), LIMITS.maxPixels())
                .decodeBytes();
        // 800 x 600 at 4:2:0: 1.5 coefficients of 2 bytes per pixel, against a few rows of blocks.
        assertThat(progressive).isGreaterThan(800L * 600 * 3);
        assertThat(sequential).isLessThan(progressive / 4);
    }

    @Test
    void aPhotoNeedingMoreThanTheWholeDecodeBudgetIsRefusedWith413() {
        byte[] progressive = PhotoSeeds.jpeg(TestPhotos.redTopLeft(800, 600), true);
        ImageInspector small = new ImageInspector(LIMITS, new DecodeBudget(limits(LIMITS.maxPixels(), 1)));
        assertThatThrownBy(() -> small.inspect(progressive)).isInstanceOf(TooCostlyToDecode.class);
        assertThat(small.inspect(TestImages.jpeg(400, 300)).width()).isEqualTo(400);
    }

    @Test
    void aColourJpegWithAGreyColourProfileIsAcceptedWithoutTheProfile() throws Exception {
        byte[] grey = sanitized(ImageFormat.JPEG, PhotoSeeds.withProfile(TestImages.jpeg(40, 30), ColorSpace.CS_GRAY));
        assertThat(inspector.inspect(grey).width()).isEqualTo(40);
        assertThat(new String(grey, StandardCharsets.ISO_8859_1)).doesNotContain("ICC_PROFILE");
        byte[] srgb = sanitized(ImageFormat.JPEG, PhotoSeeds.withProfile(TestImages.jpeg(40, 30), ColorSpace.CS_sRGB));
        assertThat(inspector.inspect(srgb).width()).isEqualTo(40);
        assertThat(new String(srgb, StandardCharsets.ISO_8859_1)).contains("ICC_PROFILE");
    }

    // --- helpers ---

    private static byte[] sanitized(ImageFormat format, byte[] upload) throws IOException {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        new PhotoSanitizer().sanitize(format, () -> new ByteArrayInputStream(upload), clean);
        return clean.toByteArray();
    }

    private static DecodeLimits limits(long maxPixels, long decodeMegabytes) {
        return new DecodeLimits(maxPixels, DataSize.ofMegabytes(decodeMegabytes), 2);
    }

    /** A simple WebP given a VP8X canvas of another size than its image. */
    private static byte[] stillWebpWithCanvas(byte[] simple, int width, int height) {
        byte[] vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put(new byte[4])
                .put(PhotoSeeds.u24(width - 1)).put(PhotoSeeds.u24(height - 1)).array();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(PhotoSeeds.webpChunk("VP8X", vp8x));
        body.writeBytes(PhotoSeeds.vp8Chunk(simple));
        return PhotoSeeds.riff(body.toByteArray());
    }

    /** The alpha fixture with its ALPH chunk cut to {@code planeBytes} bytes after its header byte. */
    private static byte[] withAlphaLength(byte[] webp, int planeBytes) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int at = 12; at < webp.length; ) {
            String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
            int size = in.getInt(at + 4);
            byte[] data = Arrays.copyOfRange(webp, at + 8, at + 8 + size);
            body.writeBytes(PhotoSeeds.webpChunk(type, type.equals("ALPH") ? Arrays.copyOf(data, 1 + planeBytes) : data));
            at += 8 + size + (size & 1);
        }
        return PhotoSeeds.riff(body.toByteArray());
    }

    private static byte[] pngWithRows(int width, int height, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(TestImages.png(1, 1), 8));
        out.writeBytes(PhotoSeeds.pngChunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) 2).put(new byte[3]).array()));
        out.writeBytes(PhotoSeeds.pngChunk("IDAT", idat));
        out.writeBytes(PhotoSeeds.pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The PNG with the data of its {@code index}-th chunk of {@code type} replaced. */
    private static byte[] replaceChunk(byte[] png, String type, int index, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        int seen = 0;
        for (int at = 8; at < png.length; ) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            String name = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (name.equals(type) && seen++ == index) {
                out.writeBytes(PhotoSeeds.pngChunk(name, data));
            } else {
                out.write(png, at, 12 + length);
            }
            at += 12 + length;
        }
        return out.toByteArray();
    }

    /** Where the JPEG's SOF0 marker is. */
    private static int frameHeader(byte[] jpeg) {
        return marker(jpeg, 0xC0);
    }

    private static int startOfScan(byte[] jpeg) {
        return marker(jpeg, 0xDA);
    }

    private static int marker(byte[] jpeg, int code) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        throw new IllegalArgumentException("No marker " + Integer.toHexString(code));
    }
}
