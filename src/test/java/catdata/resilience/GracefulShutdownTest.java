package catdata.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestImages;
import catdata.support.TestIssuer;

/**
 * SIGTERM, as {@code docker stop} or Kubernetes sends it, to the service in its default set-up
 * (its own embedded PostgreSQL): a slow upload already in flight completes and is kept, new
 * connections are refused, and the database stops cleanly, so the next start finds the photo.
 */
class GracefulShutdownTest {

    private static final TestIssuer ISSUER = new TestIssuer();

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void sigtermLetsASlowUploadFinishRefusesNewConnectionsAndStopsTheDatabaseCleanly() throws Exception {
        Path workDir = TestApp.newDirectory("catdata-shutdown");
        Map<String, String> settings = Map.of(
                "OIDC_ISSUER", ISSUER.issuer(),
                "AUTH0_AUDIENCE", TestIssuer.AUDIENCE,
                "DATA_DIR", workDir.resolve("data").toString(),
                "IMAGES_DIR", workDir.resolve("images").toString());
        String token = ISSUER.token().build();
        byte[] photo = TestImages.jpeg(1600, 1200);
        String boundary = "slow-" + UUID.randomUUID();
        byte[] body = ApiClient.multipartBody(boundary, List.of(Part.file("slow.jpg", "image/jpeg", photo)));

        ServiceProcess service = ServiceProcess.start(workDir, settings);
        Path postmasterPid = workDir.resolve("data").resolve("postgres").resolve("postmaster.pid");
        long databasePid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
        String response;
        try (Socket upload = new Socket("127.0.0.1", service.port())) {
            upload.setSoTimeout(60_000);
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            // Let the service start on the request (token checked, body being read) before the signal.
            ServiceProcess.sleep(Duration.ofMillis(1500));

            service.terminate();

            awaitRefusedConnections(service.port());
            assertThat(service.isAlive()).as("still draining the upload").isTrue();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            response = readAll(upload.getInputStream());
        }
        assertThat(response).as(response).startsWith("HTTP/1.1 201");
        long photoId = Long.parseLong(response.replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));

        service.awaitExit(Duration.ofSeconds(60));
        assertThat(service.log()).contains("Embedded PostgreSQL stopped").doesNotContain(" ERROR ");
        assertThat(postmasterPid).as("PostgreSQL removes its pid file when it shuts down cleanly").doesNotExist();
        // The pid file goes just before the server process itself exits.
        ProcessHandle.of(databasePid).ifPresent(server -> server.onExit().orTimeout(10, TimeUnit.SECONDS).join());

        ServiceProcess restarted = ServiceProcess.start(workDir, settings);
        try {
            assertThat(restarted.log()).doesNotContain("left running");
            ApiResponse stored = restarted.api().get("/api/image/" + photoId, ApiClient.bearer(token));
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.header("Content-Type")).isEqualTo("image/jpeg");
        } finally {
            restarted.close();
        }
    }

    private static void awaitRefusedConnections(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                ServiceProcess.sleep(Duration.ofMillis(50));
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("new connections are refused once shutdown has begun").isInstanceOf(ConnectException.class);
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
