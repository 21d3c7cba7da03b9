package catdata.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestDatabase;
import catdata.support.TestIssuer;
import catdata.support.TestPhotos;
import catdata.support.TestS3;

/**
 * Two nodes, as behind a load balancer: two service processes on one PostgreSQL database and one
 * bucket, started at the same moment on the empty database (Flyway's lock lets one migrate while the
 * other waits). Whatever one node writes the other serves, and the removal queue, swept by both,
 * empties the bucket of a deleted photo's objects once.
 */
class TwoNodesTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final TestS3 S3 = TestS3.start();
    private static final String PREFIX = "photos/";
    private static final int PHOTOS = 6;

    @AfterAll
    static void stop() {
        S3.close();
        ISSUER.close();
    }

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseServeEachOthersPhotosAndItemsAndShareTheRemovalQueue()
            throws Exception {
        String database = TestDatabase.newDatabase("nodes");
        String bucket = S3.newBucket();
        // A deleted photo's objects are due after a second, and both nodes look every 200 ms.
        List<String> quickRemovals = List.of("-Dcatdata.images.file-removal-delay=1s",
                "-Dcatdata.images.file-removal-sweep=200ms", "-Dlogging.level.catdata.image.PhotoFileRemovals=DEBUG");

        ServiceProcess a = ServiceProcess.launch(TestApp.newDirectory("catdata-node-a"), settings(database, bucket),
                quickRemovals);
        ServiceProcess b = ServiceProcess.launch(TestApp.newDirectory("catdata-node-b"), settings(database, bucket),
                quickRemovals);
        try {
            a.awaitReady();
            b.awaitReady();
            assertThat(count(database, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                    .as("no migration failed").isZero();
            assertThat(List.of(a.log(), b.log())).as("one node migrated, the other found the schema done")
                    .filteredOn(log -> log.contains("Successfully applied")).hasSize(1);
            assertThat(List.of(a.log(), b.log())).filteredOn(log -> log.contains("No migration necessary"))
                    .hasSize(1);
            String[] auth = ApiClient.bearer(ISSUER.token().build());
            ApiClient onA = a.api();
            ApiClient onB = b.api();

            long container = id(send(onA, "POST", "/api/container", "{\"name\":\"Attic\"}", auth));
            List<String> photos = new ArrayList<>();
            for (int i = 0; i < PHOTOS; i++) {
                photos.add(upload(onA, TestPhotos.cameraJpeg(320 + i, 240), auth));
            }
            long item = id(send(onA, "POST", "/api/item", "{\"name\":\"Lamp\",\"container_id\":" + container
                    + ",\"image_id\":" + photos.get(0).substring(photos.get(0).lastIndexOf('/') + 1) + "}", auth));
            ApiResponse itemOnB = onB.get("/api/item/" + item, auth);
            assertThat(itemOnB.status()).as(itemOnB.toString()).isEqualTo(200);
            assertThat(itemOnB.json().path("name").asString()).isEqualTo("Lamp");
            assertThat(itemOnB.json().path("container_id").asLong()).isEqualTo(container);

            for (String photo : photos) {
                ApiResponse fromA = onA.get(photo, auth);
                ApiResponse fromB = onB.get(photo, auth);
                assertThat(fromB.status()).as(fromB.toString()).isEqualTo(200);
                assertThat(fromB.body()).isEqualTo(fromA.body());
                assertThat(fromB.header("ETag")).isNotBlank().isEqualTo(fromA.header("ETag"));
                assertThat(onA.get(photo, auth[0], auth[1], "If-None-Match", fromB.header("ETag")).status())
                        .isEqualTo(304);

                ApiResponse thumbnailFromB = onB.get(photo + "?size=thumb", auth);
                assertThat(thumbnailFromB.status()).as("made on B").isEqualTo(200);
                ApiResponse thumbnailFromA = onA.get(photo + "?size=thumb", auth);
                assertThat(thumbnailFromA.status()).as("served by A").isEqualTo(200);
                assertThat(thumbnailFromA.body()).isEqualTo(thumbnailFromB.body());
                assertThat(thumbnailFromA.header("ETag")).isEqualTo(thumbnailFromB.header("ETag"));
            }
            assertThat(S3.keys(bucket, "")).as("a photo and a thumbnail each, under the prefix")
                    .hasSize(2 * PHOTOS).allMatch(key -> key.startsWith(PREFIX));

            List<String> photoFiles = S3.keys(bucket, "").stream().map(key -> key.substring(PREFIX.length()))
                    .filter(name -> !name.contains("-thumb")).toList();
            assertThat(photoFiles).hasSize(PHOTOS);
            assertThat(onA.delete("/api/item/" + item, auth).status()).isEqualTo(204);
            for (int i = 0; i < photos.size(); i++) {
                // Most through B, one through A: both nodes queue removals, both sweep the queue.
                ApiClient node = i == 0 ? onA : onB;
                assertThat(node.delete(photos.get(i), auth).status()).isEqualTo(204);
            }
            for (String photo : photos) {
                assertThat(onA.get(photo, auth).status()).isEqualTo(404);
                assertThat(onB.get(photo, auth).status()).isEqualTo(404);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(S3.keys(bucket, "")).as("the photos' objects and thumbnails are gone").isEmpty();
                assertThat(count(database, "SELECT count(*) FROM photo_file_removals")).isZero();
            });
            // Each row is taken FOR UPDATE SKIP LOCKED (PhotoFileRemovals): one node removed each
            // photo's files, once, and none failed to.
            String logs = a.log() + b.log();
            for (String name : photoFiles) {
                assertThat(occurrences(logs, "Removed the file " + name + " of a deleted photo")).as(name).isEqualTo(1);
            }
            for (ServiceProcess node : List.of(a, b)) {
                assertThat(node.log()).doesNotContain(" ERROR ").doesNotContain("Could not remove");
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static Map<String, String> settings(String database, String bucket) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "DATABASE_URL", database,
                "OIDC_ISSUER", ISSUER.issuer(),
                "AUTH0_AUDIENCE", TestIssuer.AUDIENCE,
                "PHOTO_STORE", "s3",
                "S3_ENDPOINT", S3.endpoint().toString(),
                "S3_BUCKET", bucket,
                "S3_PREFIX", PREFIX,
                // Over the environment, as a node would get them: the child is not this JVM.
                "AWS_ACCESS_KEY_ID", TestS3.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestS3.SECRET_KEY));
        return settings;
    }

    private static String upload(ApiClient api, byte[] photo, String[] auth) {
        ApiResponse response = api.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", photo)), auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("Location");
    }

    private static ApiResponse send(ApiClient api, String method, String path, String json, String[] auth) {
        return api.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), auth);
    }

    private static long id(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static long count(String database, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
