package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;

import tools.jackson.databind.JsonNode;

import catdata.codec.HostilePhotos;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * {@code GET /api/image/{id}?size=thumb}: small, upright, made once, and gone with its photo; with
 * photos on disk here, in a bucket in {@link ThumbnailApiS3Test}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ThumbnailApiTest extends ApiTest {

    private static final String NOT_FOUND = "Image not found.";

    @Test
    void aLargePhotosThumbnailIsAt320PixelsAndAtMostATwentiethOfItsBytes() {
        String token = newUserToken();
        byte[] photo = TestPhotos.cameraJpeg(3000, 2000);
        Uploaded uploaded = upload(token, photo, "image/jpeg");

        ApiResponse thumb = api.get(uploaded.thumb(), bearer(token));

        assertThat(thumb.status()).as(thumb.toString()).isEqualTo(200);
        assertThat(thumb.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(thumb.header("Content-Disposition")).isEqualTo("inline; filename=\"photo-" + uploaded.id()
                + "-thumb.jpg\"");
        assertThat(thumb.header("Cache-Control")).contains("private", "max-age=31536000", "immutable");
        BufferedImage image = TestPhotos.decode(thumb.body());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(320, 213);
        assertThat((long) thumb.body().length * 20).as("%d bytes for a photo of %d", thumb.body().length, photo.length)
                .isLessThanOrEqualTo(photo.length);
    }

    /**
     * A 48-megapixel photo decoded whole would take 144 MB of raster at the least (three bytes a
     * pixel); subsampled, the whole making allocates a fraction of that.
     */
    @Test
    void aHugePhotoIsThumbnailedWithoutDecodingItsFullRaster() {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.smoothJpeg(8000, 6000), "image/jpeg");
        long fullRaster = 8000L * 6000 * 3;

        long before = allocatedBytes();
        ApiResponse thumb = api.get(uploaded.thumb(), bearer(token));
        long allocated = allocatedBytes() - before;

        assertThat(thumb.status()).as(thumb.toString()).isEqualTo(200);
        assertThat(List.of(TestPhotos.decode(thumb.body()).getWidth(), TestPhotos.decode(thumb.body()).getHeight()))
                .containsExactly(320, 240);
        assertThat(allocated).as("bytes allocated while making the thumbnail").isLessThan(fullRaster / 3);
    }

    @Test
    void theThumbnailIsMadeOnTheFirstRequestAndKeptBesideThePhoto() {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.cameraJpeg(800, 600), "image/jpeg");
        assertThat(stored().contains(uploaded.thumbnailName())).isFalse();

        ApiResponse first = api.get(uploaded.thumb(), bearer(token));
        ApiResponse second = api.get(uploaded.thumb(), bearer(token));

        byte[] kept = stored().read(uploaded.thumbnailName()).orElseThrow();
        assertThat(first.body()).isEqualTo(kept).isEqualTo(second.body());
        assertThat(second.header("Content-Length")).isEqualTo(String.valueOf(kept.length));
    }

    @Test
    void aThumbnailHasItsOwnETagAndAnswersNotModifiedToIt() {
        String token = newUserToken();
        byte[] photo = TestPhotos.cameraJpeg(640, 480);
        Uploaded uploaded = upload(token, photo, "image/jpeg");
        String photoETag = "\"" + TestImages.sha256(photo) + "\"";

        String thumbETag = api.get(uploaded.thumb(), bearer(token)).header("ETag");

        assertThat(thumbETag).isNotNull().isNotEqualTo(photoETag).startsWith("\"").endsWith("\"");
        ApiResponse notModified = api.get(uploaded.thumb(), "If-None-Match", thumbETag,
                "Authorization", "Bearer " + token);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(thumbETag);
        assertThat(notModified.body()).isEmpty();
        ApiResponse withThePhotosETag = api.get(uploaded.thumb(), "If-None-Match", photoETag,
                "Authorization", "Bearer " + token);
        assertThat(withThePhotosETag.status()).isEqualTo(200);
        ApiResponse photoWithTheThumbnailsETag = api.get(uploaded.location(), "If-None-Match", thumbETag,
                "Authorization", "Bearer " + token);
        assertThat(photoWithTheThumbnailsETag.status()).isEqualTo(200);
    }

    @Test
    void aThumbnailIsSentInByteRangesToo() {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.cameraJpeg(640, 480), "image/jpeg");
        byte[] whole = api.get(uploaded.thumb(), bearer(token)).body();

        ApiResponse part = api.get(uploaded.thumb(), "Range", "bytes=100-199", "Authorization", "Bearer " + token);
        ApiResponse beyond = api.get(uploaded.thumb(), "Range", "bytes=" + whole.length + "-",
                "Authorization", "Bearer " + token);

        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/" + whole.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 200));
        UploadChecks.assertError(beyond, 416, "Range not satisfiable: the file has " + whole.length + " bytes.");
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + whole.length);
    }

    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, Corner.TOP_LEFT), Arguments.of(2, Corner.TOP_RIGHT),
                Arguments.of(3, Corner.BOTTOM_RIGHT), Arguments.of(4, Corner.BOTTOM_LEFT),
                Arguments.of(5, Corner.TOP_LEFT), Arguments.of(6, Corner.TOP_RIGHT),
                Arguments.of(7, Corner.BOTTOM_RIGHT), Arguments.of(8, Corner.BOTTOM_LEFT));
    }

    /**
     * The stored picture is 600x400 with its top left quarter red; each orientation shows it turned
     * or mirrored so that the red quarter lands in a known corner (5 to 8 also swap the sides).
     */
    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void theThumbnailIsTurnedAsThePhotoIsShown(int orientation, Corner red) {
        String token = newUserToken();
        byte[] plain = TestPhotos.jpeg(TestPhotos.redTopLeft(600, 400), 0.9f);
        Uploaded uploaded = upload(token, HostilePhotos.jpeg(plain, orientation), "image/jpeg");

        BufferedImage thumb = TestPhotos.decode(api.get(uploaded.thumb(), bearer(token)).body());

        boolean turned = orientation >= 5;
        assertThat(List.of(thumb.getWidth(), thumb.getHeight()))
                .containsExactly(turned ? 213 : 320, turned ? 320 : 213);
        for (Corner corner : Corner.values()) {
            assertThat(isRed(corner.sample(thumb))).as("%s is red", corner).isEqualTo(corner == red);
        }
    }

    @Test
    void aPngTakenOnItsSideIsTurnedToo() {
        String token = newUserToken();
        byte[] plain = TestPhotos.png(TestPhotos.redTopLeft(60, 40));
        Uploaded uploaded = upload(token, HostilePhotos.png(plain, 6), "image/png");

        BufferedImage thumb = TestPhotos.decode(api.get(uploaded.thumb(), bearer(token)).body());

        assertThat(List.of(thumb.getWidth(), thumb.getHeight())).containsExactly(40, 60);
        assertThat(isRed(Corner.TOP_RIGHT.sample(thumb))).isTrue();
        assertThat(isRed(Corner.TOP_LEFT.sample(thumb))).isFalse();
    }

    record Small(byte[] bytes, String type, int width, int height) {
    }

    static Stream<Named<Small>> smallPhotos() {
        return Stream.of(
                Named.of("PNG", new Small(TestImages.png(17, 9), "image/png", 17, 9)),
                Named.of("lossless WebP", new Small(TestImages.losslessWebp(), "image/webp", 5, 3)),
                Named.of("WebP with alpha", new Small(TestImages.alphaWebp(), "image/webp", 64, 48)));
    }

    @ParameterizedTest
    @MethodSource("smallPhotos")
    void aPhotoSmallerThanAThumbnailKeepsItsSizeAsAJpeg(Small photo) {
        String token = newUserToken();
        Uploaded uploaded = upload(token, photo.bytes(), photo.type());

        ApiResponse thumb = api.get(uploaded.thumb(), bearer(token));

        assertThat(thumb.header("Content-Type")).isEqualTo("image/jpeg");
        BufferedImage image = TestPhotos.decode(thumb.body());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(photo.width(), photo.height());
    }

    @Test
    void transparencyIsShownOnWhite() {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.transparentPng(50, 40), "image/png");

        BufferedImage thumb = TestPhotos.decode(api.get(uploaded.thumb(), bearer(token)).body());

        for (Corner corner : Corner.values()) {
            int rgb = corner.sample(thumb);
            assertThat(List.of(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)).allMatch(channel -> channel >= 245);
        }
    }

    @Test
    void aThumbnailCarriesNoMetadata() throws Exception {
        String token = newUserToken();
        Uploaded uploaded = upload(token, HostilePhotos.jpeg(TestPhotos.cameraJpeg(400, 300), 6), "image/jpeg");

        byte[] thumb = api.get(uploaded.thumb(), bearer(token)).body();

        Set<String> blocks = StreamSupport.stream(ImageMetadataReader.readMetadata(new ByteArrayInputStream(thumb))
                .getDirectories().spliterator(), false).map(Directory::getName).collect(Collectors.toSet());
        assertThat(blocks).doesNotContain("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "IPTC", "Photoshop", "JpegComment",
                "ICC Profile", "Exif Thumbnail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thumbs", "", "THUMB", "320", "small", "thumb&size=original"})
    void anyOtherSizeIsRefusedNamingTheParameter(String size) {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestImages.png(8, 8), "image/png");

        ApiResponse response = api.get(uploaded.location() + "?size=" + size, bearer(token));

        UploadChecks.assertError(response, 400, "Invalid value for 'size' (use original or thumb).");
        assertThat(stored().contains(uploaded.thumbnailName())).isFalse();
    }

    @Test
    void theSizeParameterAndThePartialAnswersAreInTheApiDescription() {
        JsonNode download = api.get("/v3/api-docs").json().path("paths").path("/api/image/{id}").path("get");

        JsonNode size = download.path("parameters").valueStream()
                .filter(parameter -> parameter.path("name").asString().equals("size")).findFirst().orElseThrow();
        assertThat(size.path("in").asString()).isEqualTo("query");
        assertThat(size.path("required").asBoolean()).isFalse();
        assertThat(size.path("schema").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("original", "thumb");
        assertThat(download.path("responses").propertyNames()).contains("200", "206", "304", "400", "404", "416");
    }

    @Test
    void sizeOriginalIsThePhotoItself() {
        String token = newUserToken();
        byte[] photo = TestImages.png(8, 8);
        Uploaded uploaded = upload(token, photo, "image/png");

        ApiResponse response = api.get(uploaded.location() + "?size=original", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(photo);
        assertThat(response.header("ETag")).isEqualTo("\"" + TestImages.sha256(photo) + "\"");
    }

    @Test
    void anUnknownPhotoHasNoThumbnailAndAnotherUsersIsNotFoundAndNotMade() {
        String owner = newUserToken();
        Uploaded uploaded = upload(owner, TestImages.png(8, 8), "image/png");

        UploadChecks.assertError(api.get("/api/image/" + Long.MAX_VALUE + "?size=thumb", bearer(owner)),
                404, NOT_FOUND);
        UploadChecks.assertError(api.get(uploaded.thumb(), bearer(newUserToken())), 404, NOT_FOUND);
        assertThat(stored().contains(uploaded.thumbnailName())).isFalse();
        ApiResponse anonymous = api.get(uploaded.thumb());
        UploadChecks.assertError(anonymous, 401, "No authorization token was found");
    }

    @Test
    void deletingAPhotoDeletesItsThumbnailAndBothAreThenNotFound() {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.cameraJpeg(400, 300), "image/jpeg");
        assertThat(api.get(uploaded.thumb(), bearer(token)).status()).isEqualTo(200);
        assertThat(stored().contains(uploaded.thumbnailName())).isTrue();

        assertThat(api.delete(uploaded.location(), bearer(token)).status()).isEqualTo(204);

        UploadChecks.assertError(api.get(uploaded.thumb(), bearer(token)), 404, NOT_FOUND);
        UploadChecks.assertError(api.get(uploaded.location(), bearer(token)), 404, NOT_FOUND);
        // Both files go once the removal delay (1 s in tests) has passed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stored().contains(uploaded.thumbnailName())).isFalse();
            assertThat(stored().contains(uploaded.filename())).isFalse();
        });
    }

    @Test
    void requestsForANewThumbnailAtTheSameMomentAllGetTheSameWholeFileMadeOnce(CapturedOutput output) throws Exception {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestPhotos.cameraJpeg(2400, 1800), "image/jpeg");
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        // Each making logs one line; the test configuration shows only warnings.
        Logger makings = (Logger) LoggerFactory.getLogger(Thumbnails.class);
        Level level = makings.getLevel();
        makings.setLevel(Level.INFO);
        try {
            List<Future<ApiResponse>> answers = IntStream.range(0, requests).mapToObj(i -> clients.submit(() -> {
                start.await();
                return api.get(uploaded.thumb(), bearer(token));
            })).toList();
            start.countDown();

            byte[] stored = null;
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                if (stored == null) {
                    stored = stored().read(uploaded.thumbnailName()).orElseThrow();
                }
                assertThat(response.body()).isEqualTo(stored);
            }
        } finally {
            clients.shutdownNow();
            makings.setLevel(level);
        }
        assertThat(stored().staged()).isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains("Made the thumbnail of photo " + uploaded.id()
                + " in "))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"?size=thumb", "''"})
    void aPhotoWhoseFileIsGoneIsNotFoundAsThumbnailToo(String query) {
        String token = newUserToken();
        Uploaded uploaded = upload(token, TestImages.png(8, 8), "image/png");
        stored().lose(uploaded.filename());

        UploadChecks.assertError(api.get(uploaded.location() + query, bearer(token)), 404, NOT_FOUND);
    }

    enum Corner {
        TOP_LEFT(1, 1), TOP_RIGHT(3, 1), BOTTOM_LEFT(1, 3), BOTTOM_RIGHT(3, 3);

        private final int x;
        private final int y;

        Corner(int x, int y) {
            this.x = x;
            this.y = y;
        }

        /** The pixel in the middle of this quarter. */
        int sample(BufferedImage image) {
            return image.getRGB(image.getWidth() * x / 4, image.getHeight() * y / 4);
        }
    }

    /** Everything every thread of this JVM (the service's included) has allocated so far. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads =
                ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
                .filter(bytes -> bytes > 0).sum();
    }

    private static boolean isRed(int rgb) {
        return (rgb >> 16 & 0xFF) > 180 && (rgb & 0xFF) < 80;
    }

    record Uploaded(long id, String filename, String location) {
        String thumb() {
            return location + "?size=thumb";
        }

        /** Where the store keeps the thumbnail: beside the photo, named after it. */
        String thumbnailName() {
            return filename.substring(0, filename.indexOf('.')) + "-thumb.jpg";
        }
    }

    private Uploaded upload(String token, byte[] photo, String type) {
        ApiResponse response = api.upload("/api/image", List.of(Part.file("cat", type, photo)), bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Uploaded(response.json().path("id").asLong(), response.json().path("filename").asString(),
                response.header("Location"));
    }
}
