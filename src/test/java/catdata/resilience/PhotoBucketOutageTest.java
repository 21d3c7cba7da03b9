package catdata.resilience;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.error.ServiceUnavailable;
import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.S3PhotoStore;
import catdata.support.StoredPhotos;
import catdata.support.TestApp;
import catdata.support.TestIssuer;
import catdata.support.TestPhotos;
import catdata.support.TestS3;

/**
 * The bucket stops under a running service (its S3 server stopped, then refusing the service's
 * credentials) and comes back: meanwhile photo uploads and downloads answer 503 with
 * {@code Retry-After} within the client's five-second patience, readiness says DOWN and liveness UP,
 * no row is written without its object; afterwards everything works without a restart, and the
 * removals that failed meanwhile are done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A deleted photo's objects are due at once, so the sweep meets the outage.
        "catdata.images.file-removal-delay=0s", "catdata.images.file-removal-sweep=100ms"})
class PhotoBucketOutageTest {

    private static final String UNAVAILABLE = "Photo storage is unavailable.";
    private static final String PREFIX = "photos/";
    private static final TestIssuer ISSUER = new TestIssuer();
    private static final Path IMAGES_DIR = TestApp.newDirectory("catdata-bucket-outage").resolve("images");
    private static final TestS3 S3 = TestS3.start();
    private static final String BUCKET = S3.newBucket();
    private static final byte[] PHOTO = TestPhotos.cameraJpeg(640, 480);

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, IMAGES_DIR);
        S3PhotoStore.settings(S3, BUCKET, PREFIX).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stop() {
        S3.close();
        ISSUER.close();
    }

    @Test
    void whileTheServerIsDownPhotosAre503QuicklyAndAfterwardsTheyWorkAndTheRemovalsAreDone() {
        ApiClient api = new ApiClient(port);
        String[] auth = bearer(ISSUER.token().build());
        String kept = upload(api, auth).header("Location");
        ApiResponse removed = upload(api, auth);
        String removedName = removed.json().path("filename").asString();
        long rows = rows();
        Set<String> objects = stored().everything();

        S3.stop();
        try {
            ApiClient impatient = ApiClient.withTimeout(port, Duration.ofSeconds(5));
            assertUnavailable(impatient.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", PHOTO)), auth));
            assertUnavailable(impatient.get(kept, auth));
            assertUnavailable(impatient.get(kept + "?size=thumb", auth));
            assertThat(impatient.delete(removed.header("Location"), auth).status())
                    .as("the row goes; its objects are queued").isEqualTo(204);
            assertNotReadyButAlive(impatient);
            assertThat(rows()).isEqualTo(rows - 1);
            assertThat(stored().staged()).as("nothing left staged").isEmpty();
            // The sweep met the outage: the removal waits for its next try.
            await().atMost(Duration.ofSeconds(30)).until(() -> postponed(removedName));
        } finally {
            S3.restart();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").status() == 200);
        assertThat(stored().everything()).as("no object was written during the outage").isEqualTo(objects);
        assertThat(api.get(kept, auth).body()).isEqualTo(PHOTO);
        assertThat(api.get(kept + "?size=thumb", auth).status()).isEqualTo(200);
        assertThat(upload(api, auth).status()).isEqualTo(201);
        jdbc.sql("UPDATE photo_file_removals SET due_at = now() WHERE name = :name").param("name", removedName)
                .update();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stored().contains(removedName)).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM photo_file_removals WHERE name = :name")
                    .param("name", removedName).query(Long.class).single()).isZero();
        });
    }

    @Test
    void whileTheServerRefusesTheServicesCredentialsPhotosAre503AndReadinessSaysSo() {
        ApiClient api = new ApiClient(port);
        String[] auth = bearer(ISSUER.token().build());
        String kept = upload(api, auth).header("Location");
        long rows = rows();

        S3.restartKnowing("someone-else", "someone-elses-secret-0123456789");
        try {
            assertUnavailable(api.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", PHOTO)), auth));
            assertUnavailable(api.get(kept, auth));
            assertNotReadyButAlive(api);
            assertThat(rows()).isEqualTo(rows);
        } finally {
            S3.restart();
        }

        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get(kept, auth).body()).isEqualTo(PHOTO);
    }

    private static ApiResponse upload(ApiClient api, String[] auth) {
        ApiResponse response = api.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", PHOTO)), auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static void assertUnavailable(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo(String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
        assertThat(response.error()).isEqualTo(UNAVAILABLE);
    }

    private static void assertNotReadyButAlive(ApiClient api) {
        ApiResponse readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    private boolean postponed(String name) {
        return jdbc.sql("""
                SELECT count(*) FROM photo_file_removals WHERE name = :name AND due_at > now() + interval '9 minutes'""")
                .param("name", name).query(Long.class).single() == 1;
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM images").query(Long.class).single();
    }

    private static StoredPhotos stored() {
        return StoredPhotos.inBucket(S3, BUCKET, PREFIX, TestApp.dataDir(IMAGES_DIR).resolve("uploads"));
    }
}
