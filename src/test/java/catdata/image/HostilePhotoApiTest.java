package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.codec.HostilePhotoFiles;
import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TableChecksums;
import catdata.support.TestImages;

/**
 * The files fuzzing found (a decode that never ended, a heap exhausted by one upload, headers that
 * lied about the size), posted to the running service: each gets a clear 4xx within seconds,
 * nothing is written, and the service answers the next request at once.
 */
class HostilePhotoApiTest extends ApiTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private final JdbcClient jdbc;

    @Autowired
    HostilePhotoApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Stream<Named<byte[]>> reproducers() {
        return HostilePhotoFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("reproducers")
    void aReproducerIsRefusedWithin5SecondsAndTheServiceAnswersAtOnce(byte[] photo) {
        String token = newUserToken();
        // The caller's first call makes their household; that is theirs to keep, not the upload's doing.
        api.get("/api/containers", bearer(token));
        ApiClient impatient = ApiClient.withTimeout(api.port(), ANSWER_WITHIN);
        Map<String, String> before = TableChecksums.of(jdbc);

        ApiResponse response = impatient.upload("/api/image", List.of(Part.file("x.webp", "image/webp", photo)),
                bearer(token));

        assertThat(response.status()).as(response.toString()).isIn(413, 415);
        assertThat(response.json().path("error").asString()).isNotBlank();
        assertThat(TableChecksums.of(jdbc)).isEqualTo(before);
        ApiResponse next = ApiClient.withTimeout(api.port(), Duration.ofSeconds(1)).get("/api/containers",
                bearer(token));
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void allReproducersAtOnceLeaveTheServiceAnswering() throws Exception {
        String token = newUserToken();
        List<byte[]> photos = HostilePhotoFiles.all().stream().map(Named::getPayload).toList();
        ExecutorService clients = Executors.newFixedThreadPool(photos.size());
        try {
            List<Future<ApiResponse>> answers = clients.invokeAll(photos.stream()
                    .<Callable<ApiResponse>>map(photo -> () -> ApiClient.withTimeout(api.port(), ANSWER_WITHIN)
                            .upload("/api/image", List.of(Part.file("x.webp", "image/webp", photo)), bearer(token)))
                    .toList());
            for (Future<ApiResponse> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isIn(413, 415);
            }
        } finally {
            clients.shutdownNow();
        }

        ApiResponse valid = api.upload("/api/image", List.of(Part.file("ok.jpg", "image/jpeg", TestImages.jpeg(64, 48))),
                bearer(token));
        assertThat(valid.status()).isEqualTo(201);
        assertThat(api.get("/api/images", bearer(token)).json().size()).isEqualTo(1);
    }
}
