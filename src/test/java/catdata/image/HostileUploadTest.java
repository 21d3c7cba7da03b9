package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;

import catdata.codec.HostilePhotos;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;

/**
 * Uploads from a careless or hostile client: disguised files, decompression bombs, polyglots with
 * other files appended, and phone photos full of personal metadata. Each is refused, or stored as
 * the bare picture, and served only as the image it is.
 */
class HostileUploadTest extends ApiTest {

    private static final String UNSUPPORTED = "Only JPG, PNG and WebP files are allowed.";
    private static final byte[] JPEG = TestImages.jpeg(48, 32);
    private static final byte[] PNG = TestImages.png(20, 10);

    // --- The bytes decide ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jpeg | x.png      | image/gif  | image/jpeg | jpg
            png  | x.jpg      | image/webp | image/png  | png
            webp | x.png      | image/jpeg | image/webp | webp
            jpeg | page.html  | text/html  | image/jpeg | jpg
            png  | script.svg | image/svg+xml | image/png | png
            """)
    void aFileIsJudgedByItsBytesNotByItsNameOrDeclaredType(String kind, String filename, String declared,
            String stored, String extension) {
        byte[] bytes = switch (kind) {
            case "jpeg" -> JPEG;
            case "png" -> PNG;
            default -> TestImages.lossyWebp();
        };
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file(filename, declared, bytes));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("filename").asString()).endsWith("." + extension);
        ApiResponse served = api.get(response.header("Location"), bearer(token));
        assertThat(served.header("Content-Type")).isEqualTo(stored);
        assertThat(served.body()).isEqualTo(bytes);
    }

    static Stream<Named<Part>> disguisedNonPhotos() {
        byte[] html = HostilePhotos.html();
        return Stream.of(
                Named.of("HTML named x.jpg, declared image/jpeg", Part.file("x.jpg", "image/jpeg", html)),
                Named.of("SVG with a script, declared image/png", Part.file("cat.png", "image/png",
                        utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"))),
                Named.of("a ZIP named x.jpg", Part.file("x.jpg", "image/jpeg", HostilePhotos.zip())),
                Named.of("a PDF named x.png", Part.file("x.png", "image/png", utf8("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"))),
                Named.of("HTML behind a JPEG signature", jpeg(HostilePhotos.concat(new byte[] {(byte) 0xFF,
                        (byte) 0xD8, (byte) 0xFF}, html))),
                Named.of("HTML behind a PNG signature", jpeg(HostilePhotos.concat(Arrays.copyOf(PNG, 8), html))),
                Named.of("HTML behind a WebP header", jpeg(HostilePhotos.concat(webpHeader(html.length + 4), html))),
                Named.of("a JPEG segment running past the end", jpeg(HostilePhotos.concat(Arrays.copyOf(JPEG, 20),
                        new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF, 1, 2, 3}))),
                Named.of("a JPEG that ends before its first scan", jpeg(HostilePhotos.concat(Arrays.copyOf(JPEG, 20),
                        new byte[] {(byte) 0xFF, (byte) 0xD9}))),
                Named.of("a JPEG with a reserved marker", jpeg(HostilePhotos.withJpegSegment(JPEG, 0x02, utf8("x")))),
                Named.of("a PNG whose first chunk is not IHDR", jpeg(HostilePhotos.concat(Arrays.copyOf(PNG, 8),
                        HostilePhotos.pngChunk("tEXt", utf8("a\0b")), Arrays.copyOfRange(PNG, 8, PNG.length)))),
                Named.of("a PNG chunk whose name is not letters", jpeg(HostilePhotos.concat(Arrays.copyOf(PNG, 33),
                        HostilePhotos.pngChunk("a1b2", utf8("x")), Arrays.copyOfRange(PNG, 33, PNG.length)))),
                Named.of("a PNG chunk longer than the file", jpeg(HostilePhotos.concat(Arrays.copyOf(PNG, PNG.length - 12),
                        ByteBuffer.allocate(8).putInt(1 << 20).put(utf8("IDAT")).array(), new byte[100]))),
                Named.of("a WebP chunk larger than its RIFF", jpeg(webpWithFirstChunkSize(TestImages.lossyWebp(), 1 << 20))),
                Named.of("a WebP whose first chunk is no image", jpeg(HostilePhotos.concat(webpHeader(4 + 16),
                        HostilePhotos.webpChunk("ZZZZ", new byte[8])))));
    }

    @ParameterizedTest
    @MethodSource("disguisedNonPhotos")
    void aFileThatIsNotAWholeJpegPngOrWebpIsRefusedWhateverItIsCalled(Part part) {
        UploadChecks.assertRefused(api, newUserToken(), IMAGES_DIR, part, 415, UNSUPPORTED);
    }

    // --- Decompression bombs ---

    @Test
    void aTinyPngDeclaring20000By20000PixelsIsRefusedBeforeItsPixelsAreDecoded() {
        byte[] bomb = TestImages.pngClaimingSize(20_000, 20_000);
        assertThat(bomb.length).isLessThan(1_000);
        String token = newUserToken();
        upload(token, Part.file("warm-up.png", "image/png", TestImages.png(2, 2)));

        long before = allocatedBytes();
        ApiResponse response = upload(token, Part.file("bomb.png", "image/png", bomb));
        long allocated = allocatedBytes() - before;

        // Its pixels would take 1.2 GB as RGB; the whole request, in every thread, stays far below.
        assertThat(allocated).as("bytes allocated while handling the upload").isLessThan(64L << 20);
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Image dimensions too large (max 50 megapixels).");
    }

    // --- Polyglots and trailing data ---

    static Stream<Arguments> photosWithAFileAppended() {
        byte[] webp = TestImages.lossyWebp();
        return Stream.of(
                Arguments.of(Named.of("JPEG + ZIP", JPEG), HostilePhotos.zip(), "image/jpeg", "jpg"),
                Arguments.of(Named.of("JPEG + HTML", JPEG), HostilePhotos.html(), "image/jpeg", "jpg"),
                Arguments.of(Named.of("PNG + ZIP", PNG), HostilePhotos.zip(), "image/png", "png"),
                Arguments.of(Named.of("PNG + HTML", PNG), HostilePhotos.html(), "image/png", "png"),
                Arguments.of(Named.of("WebP + ZIP", webp), HostilePhotos.zip(), "image/webp", "webp"),
                Arguments.of(Named.of("WebP + HTML", webp), HostilePhotos.html(), "image/webp", "webp"));
    }

    @ParameterizedTest
    @MethodSource("photosWithAFileAppended")
    void whatFollowsThePicturesEndIsNotStoredAndThePhotoIsServedOnlyAsAnImage(byte[] photo, byte[] appended,
            String type, String extension) {
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file("cat<script>.html", "text/html",
                HostilePhotos.concat(photo, appended)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        long id = response.json().path("id").asLong();
        assertThat(stored(response)).isEqualTo(photo);
        ApiResponse served = api.get(response.header("Location"), bearer(token));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(photo);
        assertThat(served.header("Content-Length")).isEqualTo(String.valueOf(photo.length));
        assertThat(served.header("ETag")).isEqualTo("\"" + TestImages.sha256(photo) + "\"");
        assertThat(served.headers().allValues("Content-Type")).containsExactly(type);
        assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(served.headers().allValues("Content-Disposition"))
                .containsExactly("inline; filename=\"photo-" + id + "." + extension + "\"");
    }

    // --- Privacy ---

    static Stream<Arguments> photosWithPersonalMetadata() {
        return Stream.of(
                Arguments.of(Named.of("JPEG", HostilePhotos.jpeg(JPEG, 0)), JPEG),
                Arguments.of(Named.of("PNG", HostilePhotos.png(PNG, 0)), PNG),
                Arguments.of(Named.of("WebP with alpha", HostilePhotos.webp(TestImages.alphaWebp(), 0)),
                        TestImages.alphaWebp()),
                Arguments.of(Named.of("lossy WebP made extended", HostilePhotos.webp(TestImages.lossyWebp(), 0)), null),
                Arguments.of(Named.of("simple lossless WebP", HostilePhotos.simpleWebp(TestImages.losslessWebp(), 0)),
                        TestImages.losslessWebp()));
    }

    @ParameterizedTest
    @MethodSource("photosWithPersonalMetadata")
    void aPhotoIsServedWithoutWhereWhenAndWithWhatItWasTaken(byte[] photo, byte[] withoutMetadata) {
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).as("the upload carries the metadata")
                .contains(HostilePhotos.SERIAL, HostilePhotos.XMP_SECRET);
        assertThat(directories(photo)).as("as an independent reader sees it").contains("Exif IFD0", "GPS", "XMP");
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file("IMG_0001.jpg", "image/jpeg", photo));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        byte[] served = api.get(response.header("Location"), bearer(token)).body();
        assertThat(stored(response)).isEqualTo(served);
        String raw = new String(served, StandardCharsets.ISO_8859_1);
        for (String personal : HostilePhotos.PERSONAL_VALUES) {
            assertThat(raw).doesNotContain(personal);
        }
        assertThat(directories(served)).doesNotContain("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "IPTC", "Photoshop",
                "JpegComment", "PNG-tEXt", "PNG-iTXt", "PNG-zTXt", "PNG-tIME");
        assertThat(pixels(served)).isEqualTo(pixels(photo));
        if (withoutMetadata != null) {
            assertThat(served).as("the picture exactly as it was before the metadata").isEqualTo(withoutMetadata);
        }
        assertThat(UploadChecks.listed(api, token).path("size").asLong()).isEqualTo(served.length);
    }

    static Stream<Named<byte[]>> photosTakenOnTheirSide() {
        return Stream.of(
                Named.of("JPEG", HostilePhotos.jpeg(JPEG, 6)),
                Named.of("PNG", HostilePhotos.png(PNG, 6)),
                Named.of("extended WebP", HostilePhotos.webp(TestImages.alphaWebp(), 6)),
                Named.of("simple lossy WebP", HostilePhotos.simpleWebp(TestImages.lossyWebp(), 6)),
                Named.of("simple lossless WebP", HostilePhotos.simpleWebp(TestImages.losslessWebp(), 6)));
    }

    @ParameterizedTest
    @MethodSource("photosTakenOnTheirSide")
    void theOrientationIsAllTheExifThatIsKept(byte[] photo) throws Exception {
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file("IMG_0002.jpg", "image/jpeg", photo));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        byte[] served = api.get(response.header("Location"), bearer(token)).body();
        Metadata metadata = metadata(served);
        assertThat(directories(served)).doesNotContain("Exif SubIFD", "GPS", "XMP", "IPTC", "Photoshop", "JpegComment",
                "PNG-tEXt", "PNG-iTXt", "PNG-tIME");
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(exif).as(directories(served).toString()).isNotNull();
        assertThat(exif.getTags()).extracting(Tag::getTagType).containsExactly(ExifIFD0Directory.TAG_ORIENTATION);
        assertThat(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        String raw = new String(served, StandardCharsets.ISO_8859_1);
        for (String personal : HostilePhotos.PERSONAL_VALUES.subList(0, HostilePhotos.PERSONAL_VALUES.size() - 1)) {
            assertThat(raw).doesNotContain(personal);
        }
        assertThat(pixels(served)).isEqualTo(pixels(photo));
    }

    private ApiResponse upload(String token, Part part) {
        return api.upload("/api/image", List.of(part), bearer(token));
    }

    private static byte[] stored(ApiResponse upload) {
        try {
            return Files.readAllBytes(IMAGES_DIR.resolve(upload.json().path("filename").asString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Part jpeg(byte[] bytes) {
        return Part.file("cat.jpg", "image/jpeg", bytes);
    }

    private static byte[] webpHeader(int riffSize) {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .put(utf8("RIFF")).putInt(riffSize).put(utf8("WEBP")).array();
    }

    private static byte[] webpWithFirstChunkSize(byte[] webp, int size) {
        byte[] changed = webp.clone();
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putInt(16, size);
        return changed;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Everything every thread of this JVM (the service's included) has allocated so far. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(bytes -> bytes > 0).sum();
    }

    private static Metadata metadata(byte[] photo) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
        } catch (ImageProcessingException | IOException e) {
            throw new AssertionError("metadata-extractor cannot read the photo", e);
        }
    }

    /** The names of the metadata blocks metadata-extractor finds ("Exif IFD0", "GPS", "XMP", "PNG-tEXt"...). */
    private static Set<String> directories(byte[] photo) {
        return StreamSupport.stream(metadata(photo).getDirectories().spliterator(), false)
                .map(Directory::getName).collect(Collectors.toSet());
    }

    private static int[] pixels(byte[] photo) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(photo));
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
