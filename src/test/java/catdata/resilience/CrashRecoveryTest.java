package catdata.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestImages;
import catdata.support.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} in the middle of a burst of uploads and item writes, then a restart on the same
 * data: whatever the service acknowledged is there, every row it kept is whole (a photo row has its
 * file, an item has one complete tag set, never half of one), and unfinished uploads are cleaned up.
 * The service runs in its default set-up, so its embedded PostgreSQL is orphaned by the kill and the
 * restart must deal with that too.
 */
class CrashRecoveryTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final int WRITERS = 6;

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void afterAKillEveryAcknowledgedWriteIsThereAndEveryRowIsWhole() throws Exception {
        Path workDir = TestApp.newDirectory("catdata-crash");
        Path imagesDir = workDir.resolve("images");
        Map<String, String> settings = Map.of(
                "OIDC_ISSUER", ISSUER.issuer(),
                "AUTH0_AUDIENCE", TestIssuer.AUDIENCE,
                "DATA_DIR", workDir.resolve("data").toString(),
                "IMAGES_DIR", imagesDir.toString());
        String[] auth = ApiClient.bearer(ISSUER.token().build());

        ServiceProcess service = ServiceProcess.start(workDir, settings);
        ApiClient api = service.api();
        long container = create(api, "/api/container", "{\"name\":\"Crash box\"}", auth);
        List<Long> setA = new ArrayList<>();
        List<Long> setB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            setA.add(create(api, "/api/tag", "{\"name\":\"a" + i + "\"}", auth));
            setB.add(create(api, "/api/tag", "{\"name\":\"b" + i + "\"}", auth));
        }

        Set<Long> acknowledgedPhotos = ConcurrentHashMap.newKeySet();
        Set<Long> acknowledgedItems = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> write(api, auth, writer, container, setA, setB, running, acknowledgedPhotos,
                    acknowledgedItems));
        }
        Socket unfinishedUpload = startUploadThatNeverEnds(service.port(), auth[1]);
        try {
            awaitProgress(acknowledgedItems, 10);
            ServiceProcess.sleep(Duration.ofMillis(500));
            service.kill();
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            unfinishedUpload.close();
        }
        List<Path> leftovers = stagedFiles(imagesDir, workDir);
        assertThat(leftovers).as("the upload cut off by the kill left its buffer behind").isNotEmpty();

        ServiceProcess restarted = ServiceProcess.start(workDir, settings);
        try {
            ApiClient after = restarted.api();
            assertThat(restarted.log()).contains("left running by a service that did not shut down");

            JsonNode photos = after.get("/api/images?limit=1000", auth).json();
            Set<Long> photoIds = ids(photos);
            assertThat(photoIds).containsAll(acknowledgedPhotos);
            for (long photo : photoIds) {
                assertThat(after.get("/api/image/" + photo, auth).status()).as("photo %d has its file", photo)
                        .isEqualTo(200);
            }

            JsonNode items = after.get("/api/items?limit=1000", auth).json();
            assertThat(ids(items)).containsAll(acknowledgedItems);
            for (JsonNode item : items) {
                List<Long> tags = item.path("tags").valueStream().map(JsonNode::asLong).toList();
                assertThat(tags).as("item %s has one whole tag set", item.path("id")).isIn(setA, setB);
            }

            assertThat(stagedFiles(imagesDir, workDir)).as("unfinished uploads are removed at start (before: %s)", leftovers)
                    .isEmpty();
            System.out.printf("Crash test: %d photos and %d items acknowledged before the kill; %d photos and %d"
                    + " items after the restart; %d staged files left by the kill, none after%n",
                    acknowledgedPhotos.size(), acknowledgedItems.size(), photoIds.size(), items.size(),
                    leftovers.size());
        } finally {
            restarted.close();
        }
    }

    /** Uploads a photo, files an item under it with tag set A, then flips items between sets A and B. */
    private static void write(ApiClient api, String[] auth, int writer, long container, List<Long> setA,
            List<Long> setB, AtomicBoolean running, Set<Long> photos, Set<Long> items) {
        List<Long> mine = new ArrayList<>();
        byte[] photo = TestImages.jpeg(320 + writer, 240);
        try {
            for (int round = 0; running.get(); round++) {
                ApiResponse upload = api.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", photo)), auth);
                if (upload.status() != 201) {
                    continue;
                }
                long photoId = upload.json().path("id").asLong();
                photos.add(photoId);
                ApiResponse item = send(api, "POST", "/api/item", "{\"name\":\"w" + writer + "-" + round
                        + "\",\"container_id\":" + container + ",\"image_id\":" + photoId + ",\"tags\":" + setA + "}",
                        auth);
                if (item.status() == 201) {
                    long itemId = item.json().path("id").asLong();
                    items.add(itemId);
                    mine.add(itemId);
                }
                for (long itemId : mine) {
                    List<Long> tags = (round + itemId) % 2 == 0 ? setB : setA;
                    send(api, "PUT", "/api/item/" + itemId, "{\"tags\":" + tags + "}", auth);
                }
            }
        } catch (UncheckedIOException | IllegalStateException killed) {
            // The service died under this writer: expected, that is the point.
        }
    }

    /** Sends headers and part of a large body, and never the rest: in flight when the service dies. */
    private static Socket startUploadThatNeverEnds(int port, String authorization) throws IOException {
        String boundary = "never-" + UUID.randomUUID();
        byte[] body = ApiClient.multipartBody(boundary,
                List.of(Part.file("big.png", "image/png", TestImages.png(1200, 900))));
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return socket;
    }

    private static void awaitProgress(Set<Long> items, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (items.size() < count && System.nanoTime() < deadline) {
            ServiceProcess.sleep(Duration.ofMillis(50));
        }
        assertThat(items).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(count);
    }

    /**
     * Files of unfinished uploads: staged photos in {@code IMAGES_DIR/.staging} and the web server's
     * buffers of uploads still being received, in {@code DATA_DIR/uploads}.
     */
    private static List<Path> stagedFiles(Path imagesDir, Path workDir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path staging : List.of(imagesDir.resolve(".staging"),
                workDir.resolve("data").resolve("uploads"))) {
            if (Files.isDirectory(staging)) {
                try (Stream<Path> walk = Files.walk(staging)) {
                    walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".lock"))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    private static long create(ApiClient api, String path, String json, String[] auth) {
        ApiResponse response = send(api, "POST", path, json, auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static ApiResponse send(ApiClient api, String method, String path, String json, String[] auth) {
        return api.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), auth);
    }

    private static Set<Long> ids(JsonNode list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(node -> ids.add(node.path("id").asLong()));
        return ids;
    }
}
