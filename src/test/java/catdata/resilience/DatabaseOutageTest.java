package catdata.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestImages;
import catdata.support.TestIssuer;
import catdata.error.ServiceUnavailable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database stops under a running service and comes back: meanwhile every request answers 503
 * with {@code Retry-After} within the client's five-second patience, readiness says DOWN, nothing is
 * half-written; afterwards requests succeed again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final Path WORK_DIR = TestApp.newDirectory("catdata-outage");
    private static final Path IMAGES_DIR = WORK_DIR.resolve("images");
    private static Database database;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, IMAGES_DIR, () -> database().jdbcUrl());
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503QuicklyAndAfterwardsTheyWorkAgain() throws IOException {
        ApiClient api = new ApiClient(port);
        String[] auth = ApiClient.bearer(ISSUER.token().build());
        ApiResponse created = json(api, "POST", "/api/container", "{\"name\":\"Before the outage\"}", auth);
        assertThat(created.status()).isEqualTo(201);
        long containerId = created.json().path("id").asLong();
        List<Path> photosBefore = photoFiles();

        stopTheDatabaseUnderTraffic(api, auth);
        try {
            // The client gives up after 5 s, so a request that hangs fails the test.
            ApiClient impatient = ApiClient.withTimeout(port, Duration.ofSeconds(5));
            List<ApiResponse> duringOutage = List.of(
                    impatient.get("/api/containers", auth),
                    impatient.get("/api/container/" + containerId, auth),
                    json(impatient, "POST", "/api/container", "{\"name\":\"During the outage\"}", auth),
                    json(impatient, "PUT", "/api/container/" + containerId, "{\"name\":\"Renamed\"}", auth),
                    json(impatient, "POST", "/api/item", "{\"name\":\"x\",\"container_id\":" + containerId + "}", auth),
                    impatient.get("/api/items/search-text?q=abc", auth),
                    impatient.delete("/api/container/" + containerId, auth),
                    impatient.upload("/api/image", List.of(Part.file("p.jpg", "image/jpeg", TestImages.jpeg(40, 30))),
                            auth));
            for (ApiResponse response : duringOutage) {
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo(String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
                assertThat(response.error()).isEqualTo("Service temporarily unavailable.");
            }
            ApiResponse readiness = impatient.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(impatient.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(photoFiles()).as("the refused upload left no file").isEqualTo(photosBefore);
        } finally {
            database().start();
        }

        ApiResponse afterwards = awaitSuccess(api, "/api/container/" + containerId, auth);
        assertThat(afterwards.json().path("name").asString()).isEqualTo("Before the outage");
        assertThat(api.get("/api/containers", auth).json()).hasSize(1);
        assertThat(json(api, "POST", "/api/container", "{\"name\":\"After the outage\"}", auth).status()).isEqualTo(201);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    /**
     * Stops the database while requests keep arriving, so some of them lose their connection in the
     * middle of a transaction: they too must answer 503, never 500.
     */
    private static void stopTheDatabaseUnderTraffic(ApiClient api, String[] auth) {
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Set<Integer>>> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(clients.submit(() -> {
                Set<Integer> seen = new TreeSet<>();
                long until = Long.MAX_VALUE;
                while (System.nanoTime() < until) {
                    seen.add(api.get("/api/containers", auth).status());
                    if (stopped.get() && until == Long.MAX_VALUE) {
                        until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    }
                }
                return seen;
            }));
        }
        ServiceProcess.sleep(Duration.ofMillis(300));
        database().stop();
        stopped.set(true);
        clients.shutdown();
        for (Future<Set<Integer>> client : statuses) {
            assertThat(client).succeedsWithin(Duration.ofSeconds(30)).satisfies(seen ->
                    assertThat(seen).as("statuses while the database stopped").isSubsetOf(200, 503));
        }
    }

    private static ApiResponse awaitSuccess(ApiClient api, String path, String[] auth) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiResponse response = api.get(path, auth);
        while (response.status() != 200 && System.nanoTime() < deadline) {
            ServiceProcess.sleep(Duration.ofMillis(200));
            response = api.get(path, auth);
        }
        assertThat(response.status()).as("requests succeed again once the database is back: " + response).isEqualTo(200);
        return response;
    }

    private static List<Path> photoFiles() throws IOException {
        try (Stream<Path> files = Files.walk(IMAGES_DIR)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("/.")).sorted().toList();
        }
    }

    private static ApiResponse json(ApiClient api, String method, String path, String body, String[] auth) {
        return api.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), auth);
    }

    private static synchronized Database database() {
        if (database == null) {
            database = new Database(WORK_DIR.resolve("postgres"));
        }
        return database;
    }

    /** A PostgreSQL of this test's own, stopped and started again on the same port and data. */
    private static final class Database {

        private final Path directory;
        private EmbeddedPostgres postgres;
        private int port;

        Database(Path directory) {
            this.directory = directory;
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        }

        synchronized void start() {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory)
                        .setCleanDataDirectory(false);
                if (port != 0) {
                    builder.setPort(port);
                }
                postgres = builder.start();
                port = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void stop() {
            if (postgres == null) {
                return;
            }
            try {
                postgres.close();
                postgres = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }
    }
}
