package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * Downloading a photo as browsers and players do: whole, in byte ranges, conditionally; from photos
 * on disk here, from a bucket in {@link PhotoDownloadApiS3Test}.
 */
class PhotoDownloadApiTest extends ApiTest {

    /** A camera-like photo of a few tens of kilobytes, big enough for ranges in its middle. */
    private static final byte[] PHOTO = TestPhotos.cameraJpeg(400, 300);
    private static final int SIZE = PHOTO.length;

    static Stream<Named<byte[]>> smallAndLargePhotos() {
        return Stream.of(
                Named.of("a tiny PNG", TestImages.png(3, 2)),
                Named.of("a 100 KB-class JPEG", PHOTO),
                Named.of("a photo of about a megabyte", TestPhotos.cameraJpeg(1600, 1200)));
    }

    @ParameterizedTest
    @MethodSource("smallAndLargePhotos")
    void theWholePhotoArrivesByteForByteAndSaysItTakesRanges(byte[] photo) {
        String token = newUserToken();
        String location = upload(token, photo);

        ApiResponse response = api.get(location, bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(photo);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(photo.length));
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Range")).isNull();
    }

    static Stream<Arguments> satisfiableRanges() {
        return Stream.of(
                Arguments.of(Named.of("the first bytes", "bytes=0-99"), 0, 99),
                Arguments.of(Named.of("bytes in the middle", "bytes=1000-1999"), 1000, 1999),
                Arguments.of(Named.of("the last bytes (suffix)", "bytes=-100"), SIZE - 100, SIZE - 1),
                Arguments.of(Named.of("from an offset to the end", "bytes=1000-"), 1000, SIZE - 1),
                Arguments.of(Named.of("an end past the end, cut to it", "bytes=5-99999999"), 5, SIZE - 1),
                Arguments.of(Named.of("a suffix longer than the file", "bytes=-99999999"), 0, SIZE - 1),
                Arguments.of(Named.of("the last byte alone", "bytes=" + (SIZE - 1) + "-"), SIZE - 1, SIZE - 1));
    }

    @ParameterizedTest
    @MethodSource("satisfiableRanges")
    void oneByteRangeIsSentAsPartialContent(String range, int first, int last) {
        String token = newUserToken();
        String location = upload(token, PHOTO);

        ApiResponse response = api.get(location, "Range", range, "Authorization", "Bearer " + token);

        assertThat(response.status()).as(response.toString()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(last - first + 1));
        assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(response.header("ETag")).isEqualTo("\"" + TestImages.sha256(PHOTO) + "\"");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(PHOTO, first, last + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=%d-", "bytes=%d-%d", "bytes=-0"})
    void aRangeBeyondTheEndIsNotSatisfiable(String pattern) {
        String token = newUserToken();
        String location = upload(token, PHOTO);

        ApiResponse response = api.get(location, "Range", pattern.formatted(SIZE, SIZE + 10),
                "Authorization", "Bearer " + token);

        UploadChecks.assertError(response, 416, "Range not satisfiable: the file has " + SIZE + " bytes.");
        assertThat(response.header("Content-Range")).isEqualTo("bytes */" + SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=abc", "bytes=5-2", "items=0-5", "bytes=", "bytes=0-1,4-5", "0-5"})
    void aRangeThatIsMalformedOrAsksForSeveralPartsGetsTheWholePhoto(String range) {
        String token = newUserToken();
        String location = upload(token, PHOTO);

        ApiResponse response = api.get(location, "Range", range, "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PHOTO);
    }

    @Test
    void ifRangeWithTheCurrentETagKeepsTheRangeAndAnythingElseGetsTheWholePhoto() {
        String token = newUserToken();
        String location = upload(token, PHOTO);
        String etag = "\"" + TestImages.sha256(PHOTO) + "\"";

        for (String other : List.of("\"0000\"", "W/" + etag, "Fri, 27 Nov 2026 00:00:00 GMT")) {
            ApiResponse whole = api.get(location, "Range", "bytes=0-9", "If-Range", other,
                    "Authorization", "Bearer " + token);
            assertThat(whole.status()).as(other).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(PHOTO);
        }
        ApiResponse part = api.get(location, "Range", "bytes=0-9", "If-Range", etag,
                "Authorization", "Bearer " + token);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOf(PHOTO, 10));
    }

    @Test
    void aMatchingIfNoneMatchWinsOverARange() {
        String token = newUserToken();
        String location = upload(token, PHOTO);

        ApiResponse response = api.get(location, "Range", "bytes=0-9", "If-None-Match",
                "\"" + TestImages.sha256(PHOTO) + "\"", "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Cache-Control")).contains("immutable");
    }

    @Test
    void aHeadRequestGetsTheHeadersOfTheWholePhotoAndNoBody() {
        String token = newUserToken();
        String location = upload(token, PHOTO);

        ApiResponse response = api.send("HEAD", location, null, new byte[0], "Range", "bytes=0-9",
                "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(response.header("ETag")).isEqualTo("\"" + TestImages.sha256(PHOTO) + "\"");
        assertThat(response.body()).isEmpty();
    }

    private String upload(String token, byte[] photo) {
        String type = photo[0] == (byte) 0xFF ? "image/jpeg" : "image/png";
        ApiResponse response = api.upload("/api/image", List.of(Part.file("cat", type, photo)), bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("Location");
    }
}
