package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

import catdata.codec.HostilePhotoFiles;
import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;

/**
 * The service as it runs for a person trying it (local mode: its own database and token issuer),
 * in a small heap ({@code -Xmx128m}), sent every reproducer three times over, all at once. One of
 * them used to exhaust a 1 GB heap and kill whichever threads were allocating (once the local
 * issuer's, once Tomcat's acceptor); another kept a thread spinning for good. Now: every upload is
 * refused, the service still answers, the issuer still issues tokens, no thread is left busy, and
 * no {@code OutOfMemoryError} was ever thrown.
 */
class HostilePhotosSmallHeapTest {

    private static final String AUDIENCE = "https://cat-data.local/api";
    private static final int ROUNDS = 3;

    @Test
    void everyReproducerAtOnceInA128MegabyteHeapLeavesTheServiceAndItsIssuerWorking() throws Exception {
        Path workDir = TestApp.newDirectory("catdata-small-heap");
        int issuerPort = freePort();
        Map<String, String> localMode = Map.of("DATA_DIR", workDir.resolve("data").toString(), "IMAGES_DIR",
                workDir.resolve("images").toString(), "LOCAL_ISSUER_PORT", String.valueOf(issuerPort));
        try (ServiceProcess service = ServiceProcess.start(workDir, localMode, List.of("-Xmx128m"))) {
            ApiClient issuer = new ApiClient(issuerPort);
            String token = token(issuer, "hostile");

            List<Callable<ApiResponse>> uploads = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Named<byte[]> photo : HostilePhotoFiles.all()) {
                    uploads.add(() -> ApiClient.withTimeout(service.port(), Duration.ofSeconds(30)).upload("/api/image",
                            List.of(Part.file(photo.getName(), "image/webp", photo.getPayload())), bearer(token)));
                }
            }
            ExecutorService clients = Executors.newFixedThreadPool(uploads.size());
            try {
                for (Future<ApiResponse> answer : clients.invokeAll(uploads)) {
                    assertThat(answer.get().status()).as(answer.get().toString()).isIn(413, 415);
                }
            } finally {
                clients.shutdownNow();
            }

            ApiClient quick = ApiClient.withTimeout(service.port(), Duration.ofSeconds(2));
            assertThat(quick.get("/api/images", bearer(token)).status()).isEqualTo(200);
            String another = token(issuer, "after-the-uploads");
            assertThat(quick.get("/api/containers", bearer(another)).status()).isEqualTo(200);
            ServiceProcess.sleep(Duration.ofSeconds(1));
            Duration busy = cpuTimeOver(service.pid(), Duration.ofSeconds(3));
            assertThat(busy).as("CPU time used in 3 idle seconds").isLessThan(Duration.ofMillis(1500));
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private static String token(ApiClient issuer, String clientId) {
        ApiResponse response = issuer.send("POST", "/oauth/token", "application/json",
                ("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + clientId + "\",\"audience\":\"" + AUDIENCE
                        + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    /** The process's user and system time over {@code window}, from {@code /proc} (clock ticks of 10 ms). */
    private static Duration cpuTimeOver(long pid, Duration window) throws IOException {
        long before = cpuTicks(pid);
        ServiceProcess.sleep(window);
        return Duration.ofMillis((cpuTicks(pid) - before) * 10);
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the name: state is field 3, utime 14 and stime 15 (1-based, as proc(5) counts).
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
