package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.awt.color.ColorSpace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.codec.PhotoSeeds;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * The photo endpoints, as the front end uses them: upload, list, fetch, delete, and every refusal;
 * with photos on disk here, in a bucket in {@link ImageApiS3Test}.
 */
class ImageApiTest extends ApiTest {

    private static final String UPLOAD = "/api/image";
    private static final String MISSING = "Missing file to upload.";
    private static final String UNSUPPORTED = "Only JPG, PNG and WebP files are allowed.";
    private static final String NOT_FOUND = "Image not found.";
    private static final int MAX_UPLOAD_SIZE = 10 * 1024 * 1024;

    private final JdbcClient jdbc;

    @Autowired
    ImageApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Sample(String contentType, String extension, byte[] bytes, int width, int height) {
    }

    static Stream<Named<Sample>> acceptedPhotos() {
        return Stream.of(
                Named.of("JPEG", new Sample("image/jpeg", "jpg", TestImages.jpeg(40, 30), 40, 30)),
                Named.of("PNG", new Sample("image/png", "png", TestImages.png(17, 9), 17, 9)),
                Named.of("lossless WebP", new Sample("image/webp", "webp", TestImages.losslessWebp(), 5, 3)),
                Named.of("lossy WebP", new Sample("image/webp", "webp", TestImages.lossyWebp(), 5, 3)),
                Named.of("WebP with alpha", new Sample("image/webp", "webp", TestImages.alphaWebp(), 64, 48)));
    }

    @ParameterizedTest
    @MethodSource("acceptedPhotos")
    void anAcceptedPhotoIsStoredUnderAGeneratedNameWithItsMetadata(Sample photo) {
        String token = newUserToken();
        Set<String> before = stored().everything();

        ApiResponse response = upload(token, Part.file("cat." + photo.extension(), photo.contentType(), photo.bytes()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        long id = response.json().path("id").asLong();
        String filename = response.json().path("filename").asString();
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("id", "filename");
        assertThat(response.header("Location")).isEqualTo("/api/image/" + id);
        assertThat(filename).matches("[0-9a-f]{32}\\." + photo.extension());
        assertThat(added(before)).singleElement(as(InstanceOfAssertFactories.STRING)).endsWith(filename);
        assertThat(stored().read(filename)).contains(photo.bytes());

        JsonNode listed = single(api.get("/api/images", bearer(token)));
        assertThat(listed.path("id").asLong()).isEqualTo(id);
        assertThat(listed.path("name").asString()).isEqualTo(filename);
        assertThat(listed.path("content_type").asString()).isEqualTo(photo.contentType());
        assertThat(listed.path("size").asLong()).isEqualTo(photo.bytes().length);
        assertThat(listed.path("width").asInt()).isEqualTo(photo.width());
        assertThat(listed.path("height").asInt()).isEqualTo(photo.height());
    }

    @Test
    void aWebpWithAnUncompressedAlphaChannelIsAccepted() {
        ApiResponse response = upload(newUserToken(),
                Part.file("cat.webp", "image/webp", TestImages.uncompressedAlphaWebp()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aColourJpegWithAGreyColourProfileIsStoredWithoutTheProfileAndGetsAThumbnail() {
        String token = newUserToken();
        byte[] photo = PhotoSeeds.withProfile(TestImages.jpeg(64, 48), ColorSpace.CS_GRAY);

        ApiResponse response = upload(token, Part.file("scan.jpg", "image/jpeg", photo));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        ApiResponse stored = api.get(response.header("Location"), bearer(token));
        assertThat(new String(stored.body(), StandardCharsets.ISO_8859_1)).doesNotContain("ICC_PROFILE");
        assertThat(api.get(response.header("Location") + "?size=thumb", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void animatedWebpsAreAcceptedAtTheirCanvasSizeWithAThumbnailOfTheFirstFrame() {
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file("loop.webp", "image/webp", PhotoSeeds.animatedWebp()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode listed = single(api.get("/api/images", bearer(token)));
        assertThat(listed.path("width").asInt()).isEqualTo(9);
        assertThat(listed.path("height").asInt()).isEqualTo(7);
        ApiResponse thumbnail = api.get(response.header("Location") + "?size=thumb", bearer(token));
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(TestPhotos.decode(thumbnail.body()).getWidth()).isEqualTo(9);
    }

    @Test
    void theBytesDecideTheFormatNotTheNameOrContentType() {
        String token = newUserToken();

        ApiResponse response = upload(token, Part.file("x.txt", "text/plain", TestImages.png(3, 2)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("filename").asString()).endsWith(".png");
        assertThat(single(api.get("/api/images", bearer(token))).path("content_type").asString())
                .isEqualTo("image/png");
        assertThat(api.get(response.header("Location"), bearer(token)).header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void theRecordKeepsOwnerHashAndOriginalNameButTheClientNameNeverBecomesAPath() {
        String subject = "cat-owner-" + UUID.randomUUID();
        byte[] jpeg = TestImages.jpeg(12, 8);

        ApiResponse response = upload(ISSUER.token().subject(subject).build(),
                Part.file("../../holiday/Tom.jpg", "image/jpeg", jpeg));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> row = jdbc.sql("""
                SELECT created_by, original_name, sha256, content_type, size_bytes, width, height
                FROM images WHERE id = :id""")
                .param("id", response.json().path("id").asLong()).query().singleRow();
        assertThat(row).containsExactlyInAnyOrderEntriesOf(Map.of(
                "created_by", subject, "original_name", "Tom.jpg", "sha256", TestImages.sha256(jpeg),
                "content_type", "image/jpeg", "size_bytes", (long) jpeg.length, "width", 12, "height", 8));
    }

    @Test
    void theListHoldsTheCallersPhotosInIdOrderWithMillisecondUtcTimestamps() {
        String token = newUserToken();
        long first = upload(token, photo(TestImages.png(2, 2))).json().path("id").asLong();
        long second = upload(token, photo(TestImages.jpeg(2, 2))).json().path("id").asLong();
        upload(newUserToken(), photo(TestImages.png(2, 2)));

        ApiResponse response = api.get("/api/images", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> photos = response.json().valueStream().toList();
        assertThat(photos).extracting(photo -> photo.path("id").asLong()).containsExactly(first, second);
        for (JsonNode photo : photos) {
            assertThat(photo.propertyNames()).containsExactlyInAnyOrder(
                    "id", "name", "created_at", "updated_at", "content_type", "size", "width", "height", "created_by",
                    "updated_by");
            for (String timestamp : List.of("created_at", "updated_at")) {
                String value = photo.path(timestamp).asString();
                assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
                assertThat(Instant.parse(value)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            }
        }
    }

    @Test
    void theListCanBePagedAndThenSaysHowManyPhotosThereAre() {
        String token = newUserToken();
        List<Long> ids = Stream.of(1, 2, 3)
                .map(size -> upload(token, photo(TestImages.png(size, size))).json().path("id").asLong()).toList();

        ApiResponse page = api.get("/api/images?limit=2&offset=1", bearer(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(page.json().valueStream().map(photo -> photo.path("id").asLong()))
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(api.get("/api/images", bearer(token)).header("X-Total-Count")).isNull();
        ApiResponse offsetOnly = api.get("/api/images?offset=2", bearer(token));
        assertThat(offsetOnly.status()).isEqualTo(200);
        assertThat(offsetOnly.header("X-Total-Count")).isEqualTo("3");
        assertThat(offsetOnly.json().valueStream().map(photo -> photo.path("id").asLong())).containsExactly(ids.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            limit=0    | limit must be between 1 and 1000.
            limit=1001 | limit must be between 1 and 1000.
            offset=-1  | offset must be 0 or more.
            limit=abc  | Invalid value for 'limit'.
            limit=0x1  | Invalid value for 'limit'.
            limit=+1   | Invalid value for 'limit'.
            limit=%2B1 | Invalid value for 'limit'.
            """)
    void pagingOutOfRangeIsRefused(String paging, String expectedError) {
        assertError(api.get("/api/images?" + paging, bearer(newUserToken())), 400, expectedError);
    }

    @Test
    void aPhotoIsServedWithItsExactBytesAndCachedForAYear() {
        String token = newUserToken();
        byte[] png = TestImages.png(20, 10);
        String location = upload(token, photo(png)).header("Location");

        ApiResponse response = api.get(location, bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.header("Content-Type")).isEqualTo("image/png");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(png.length));
        assertThat(response.header("ETag")).isEqualTo("\"" + TestImages.sha256(png) + "\"");
        assertThat(response.header("Cache-Control")).contains("private", "max-age=31536000", "immutable");
    }

    @Test
    void aRequestWithTheCurrentETagGetsNotModified() {
        String token = newUserToken();
        byte[] jpeg = TestImages.jpeg(10, 10);
        String location = upload(token, Part.file("cat.jpg", "image/jpeg", jpeg)).header("Location");
        String etag = api.get(location, bearer(token)).header("ETag");

        ApiResponse response = api.get(location, "If-None-Match", etag, "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("ETag")).isEqualTo("\"" + TestImages.sha256(jpeg) + "\"");
    }

    @Test
    void deletingAPhotoRemovesItsRowAtOnceAndItsFileAfterTheDelay() {
        String token = newUserToken();
        ApiResponse uploaded = upload(token, photo(TestImages.png(4, 4)));
        long id = uploaded.json().path("id").asLong();
        String file = uploaded.json().path("filename").asString();

        ApiResponse response = api.delete("/api/image/" + id, bearer(token));

        assertThat(response.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM images WHERE id = :id").param("id", id).query(Long.class).single())
                .isZero();
        assertError(api.get("/api/image/" + id, bearer(token)), 404, NOT_FOUND);
        assertError(api.delete("/api/image/" + id, bearer(token)), 404, NOT_FOUND);
        // The tests' delay is 1 s (TestApp).
        // The sweep removes the file, then its removal row: the test may look in between.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stored().contains(file)).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM photo_file_removals WHERE name = :name")
                    .param("name", file).query(Long.class).single()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999", "0x1", "+1", "1%20", "01x"})
    void anIdThatIsNotAPositiveIntegerIsInvalid(String id) {
        String token = newUserToken();

        assertError(api.get("/api/image/" + id, bearer(token)), 400, "Invalid id.");
        assertError(api.delete("/api/image/" + id, bearer(token)), 400, "Invalid id.");
    }

    @Test
    void anUnknownIdIsNotFound() {
        String token = newUserToken();

        assertError(api.get("/api/image/" + Long.MAX_VALUE, bearer(token)), 404, NOT_FOUND);
        assertError(api.delete("/api/image/" + Long.MAX_VALUE, bearer(token)), 404, NOT_FOUND);
    }

    @Test
    void anotherUserCanNeitherListNorReadNorDeleteAPhoto() {
        String owner = newUserToken();
        String stranger = newUserToken();
        byte[] png = TestImages.png(6, 6);
        String location = upload(owner, photo(png)).header("Location");

        assertThat(api.get("/api/images", bearer(stranger)).json().size()).isZero();
        assertError(api.get(location, bearer(stranger)), 404, NOT_FOUND);
        assertError(api.delete(location, bearer(stranger)), 404, NOT_FOUND);

        assertThat(api.get(location, bearer(owner)).body()).isEqualTo(png);
        assertThat(api.get("/api/images", bearer(owner)).json().size()).isEqualTo(1);
    }

    @Test
    void anUploadWithoutAFileIsRefused() {
        assertUploadRefused(token -> upload(token), 400, MISSING);
    }

    @Test
    void aFileInAnotherFieldIsRefused() {
        Part elsewhere = new Part("photo", "cat.png", "image/png", TestImages.png(2, 2));

        assertUploadRefused(token -> upload(token, elsewhere), 400, MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/x-www-form-urlencoded"})
    void aRequestThatIsNotMultipartIsRefused(String contentType) {
        assertUploadRefused(token -> api.send("POST", UPLOAD, contentType, TestImages.png(2, 2), bearer(token)),
                400, MISSING);
    }

    @Test
    void anEmptyFileIsRefusedAsMissing() {
        // What a browser form sends when no file was chosen.
        assertUploadRefused(token -> upload(token, new Part("file", "", "application/octet-stream", new byte[0])),
                400, MISSING);
    }

    @Test
    void twoFilesAtOnceAreRefused() {
        Part first = photo(TestImages.png(2, 2));
        Part second = photo(TestImages.png(3, 3));

        assertUploadRefused(token -> upload(token, first, second), 400,
                "Upload one file at a time, in the field 'file'.");
    }

    @Test
    void aFileOneByteOverTheLimitIsRefusedAsTooLarge() {
        Part tooLarge = photo(TestImages.pngPaddedTo(MAX_UPLOAD_SIZE + 1));

        assertUploadRefused(token -> upload(token, tooLarge), 413, "File too large (max 10MB).");
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        ApiResponse response = upload(newUserToken(), photo(TestImages.pngPaddedTo(MAX_UPLOAD_SIZE)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    static Stream<Named<Part>> notPhotos() {
        return Stream.of(
                Named.of("a text file sent as image/png", photo(TestImages.text("meow\n"))),
                Named.of("a GIF", Part.file("cat.gif", "image/gif", TestImages.gif(8, 8))),
                Named.of("a truncated PNG", photo(TestImages.truncatedPng(64, 64))),
                Named.of("a truncated JPEG", Part.file("cat.jpg", "image/jpeg", TestImages.truncatedJpeg(64, 64))),
                Named.of("a truncated WebP", Part.file("cat.webp", "image/webp", TestImages.truncatedWebp())),
                Named.of("a PNG with corrupt pixel data", photo(TestImages.pngWithCorruptPixels(16, 16))));
    }

    @ParameterizedTest
    @MethodSource("notPhotos")
    void anythingButAWholeJpegPngOrWebpIsRefused(Part part) {
        assertUploadRefused(token -> upload(token, part), 415, UNSUPPORTED);
    }

    @Test
    void aPhotoClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        Part bomb = photo(TestImages.pngClaimingSize(10_000, 10_000));

        assertUploadRefused(token -> upload(token, bomb), 413, "Image dimensions too large (max 50 megapixels).");
    }

    @Test
    void anUnauthenticatedUploadIsRefusedAndStoresNothing() {
        Set<String> before = stored().everything();

        ApiResponse response = api.upload(UPLOAD, List.of(photo(TestImages.png(2, 2))));

        assertError(response, 401, "No authorization token was found");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(stored().everything()).isEqualTo(before);
    }

    @Test
    void aFailedInsertLeavesNoFileAndRevealsNothing() {
        jdbc.sql("ALTER TABLE images ADD CONSTRAINT reject_all CHECK (false) NOT VALID").update();
        try {
            assertUploadRefused(token -> upload(token, photo(TestImages.png(2, 2))), 500, "Internal server error.");
        } finally {
            jdbc.sql("ALTER TABLE images DROP CONSTRAINT reject_all").update();
        }
    }

    @Test
    void aCommitThatFailsAfterTheFileIsInPlaceLeavesNoFile() {
        // A deferred trigger lets the insert succeed and the file be published, then fails the commit.
        jdbc.sql("""
                CREATE FUNCTION reject_image() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'rejected at commit'; END $$""").update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER reject_at_commit AFTER INSERT ON images
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reject_image()""").update();
        try {
            assertUploadRefused(token -> upload(token, photo(TestImages.png(2, 2))), 500, "Internal server error.");
        } finally {
            jdbc.sql("DROP TRIGGER reject_at_commit ON images").update();
            jdbc.sql("DROP FUNCTION reject_image()").update();
        }
    }

    private static Part photo(byte[] content) {
        return Part.file("cat.png", "image/png", content);
    }

    private ApiResponse upload(String token, Part... parts) {
        return api.upload(UPLOAD, List.of(parts), bearer(token));
    }

    /** A fresh user's upload is refused: the error, nothing new anywhere in the store, no row. */
    private void assertUploadRefused(Function<String, ApiResponse> request, int status, String error) {
        String token = newUserToken();
        Set<String> before = stored().everything();

        ApiResponse response = request.apply(token);

        assertError(response, status, error);
        assertThat(response.json().propertyNames()).doesNotContain("trace", "exception", "path");
        assertThat(response.text()).doesNotContain("reject", "SQL", "Exception");
        assertThat(stored().everything()).isEqualTo(before);
        assertThat(api.get("/api/images", bearer(token)).json().size()).isZero();
    }

    private static void assertError(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo(error);
    }

    private static JsonNode single(ApiResponse list) {
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).as(list.toString()).isEqualTo(1);
        return list.json().get(0);
    }

    /** What the store holds now and did not hold {@code before}. */
    private Set<String> added(Set<String> before) {
        Set<String> now = new TreeSet<>(stored().everything());
        now.removeAll(before);
        return now;
    }
}
