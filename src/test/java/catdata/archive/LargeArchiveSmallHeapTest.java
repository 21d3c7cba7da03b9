package catdata.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.ServiceProcess;
import catdata.support.TestApp;

/**
 * A 1 GB archive (110 photos of 9.8 MB, made as it is sent) imported and exported again by the
 * service as it runs for a person trying it (local mode), in a heap of {@value #HEAP}: both stream
 * (the upload to a file, the archive's entries one at a time, the export from a database cursor and
 * the photo files), so neither can hold the archive, and the process's peak memory hardly moves.
 * The numbers are printed; what is asserted is that everything was imported and exported whole, no
 * {@code OutOfMemoryError} was thrown, and the peak resident memory grew by less than the archive's
 * tenth.
 */
class LargeArchiveSmallHeapTest {

    private static final String HEAP = "128m";
    private static final int PHOTOS = 110;
    private static final String AUDIENCE = "https://cat-data.local/api";

    @Test
    void aGigabyteArchiveIsImportedAndExportedInASmallHeap() throws Exception {
        Path workDir = TestApp.newDirectory("catdata-large-archive");
        int issuerPort = freePort();
        Map<String, String> localMode = Map.of("DATA_DIR", workDir.resolve("data").toString(), "IMAGES_DIR",
                workDir.resolve("images").toString(), "LOCAL_ISSUER_PORT", String.valueOf(issuerPort));
        try (ServiceProcess service = ServiceProcess.start(workDir, localMode, List.of("-Xmx" + HEAP))) {
            String token = token(new ApiClient(issuerPort));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + service.port();
            ApiClient api = ApiClient.withTimeout(service.port(), Duration.ofSeconds(30));
            assertThat(api.get("/api/containers", "Authorization", "Bearer " + token).status()).isEqualTo(200);
            long idle = peakResidentKilobytes(service.pid());

            long started = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/import"))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=large")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> LargeArchive.multipartBody("large", PHOTOS)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Duration importing = Duration.ofNanos(System.nanoTime() - started);
            long afterImport = peakResidentKilobytes(service.pid());

            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(imported.body()).isEqualTo("{\"containers\":1,\"tags\":0,\"items\":" + PHOTOS + ",\"photos\":"
                    + PHOTOS + "}");

            started = System.nanoTime();
            HttpResponse<InputStream> exported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export"))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(exported.statusCode()).isEqualTo(200);
            Export export = read(exported.body());
            Duration exporting = Duration.ofNanos(System.nanoTime() - started);
            long afterExport = peakResidentKilobytes(service.pid());

            assertThat(export.photos()).hasSize(PHOTOS);
            assertThat(export.catalogue().path("items")).hasSize(PHOTOS);
            assertThat(export.photos()).contains(sha256(LargeArchive.png(0)), sha256(LargeArchive.png(PHOTOS - 1)));
            assertThat(export.bytes()).isGreaterThan(1_000_000_000L);
            System.out.printf("LargeArchiveSmallHeapTest: -Xmx%s; archive of %d MB imported in %d s and exported in %d s;"
                    + " peak RSS %d MB idle, %d MB after the import, %d MB after the export%n", HEAP,
                    export.bytes() >> 20, importing.toSeconds(), exporting.toSeconds(), idle >> 10, afterImport >> 10,
                    afterExport >> 10);
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
            assertThat(afterExport - idle).as("growth of the peak resident memory, KB")
                    .isLessThan(export.bytes() / 10 / 1024);
            try (var spool = Files.list(workDir.resolve("data").resolve("uploads"))) {
                assertThat(spool.flatMap(LargeArchiveSmallHeapTest::filesIn)
                        .filter(file -> !file.getFileName().toString().equals("instance.lock")))
                        .as("uploads left behind").isEmpty();
            }
        }
    }

    private record Export(JsonNode catalogue, Set<String> photos, long bytes) {
    }

    /** The export read as it arrives: each photo's SHA-256, the catalogue, and how many bytes came. */
    private static Export read(InputStream body) throws Exception {
        Set<String> photos = new HashSet<>();
        JsonNode catalogue = null;
        CountingStream counted = new CountingStream(body);
        try (ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("catalogue.json")) {
                    catalogue = ArchiveBytes.JSON.readTree(zip.readAllBytes());
                } else {
                    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[1 << 16];
                    for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                        sha256.update(buffer, 0, n);
                    }
                    photos.add(HexFormat.of().formatHex(sha256.digest()));
                }
            }
            counted.transferTo(OutputStream.nullOutputStream());
        }
        return new Export(catalogue, photos, counted.count);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** The process's peak resident set size so far ({@code VmHWM}), in KB. */
    private static long peakResidentKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmHWM for process " + pid);
    }

    private static Stream<Path> filesIn(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                return Stream.of(directory);
            }
            try (Stream<Path> files = Files.list(directory)) {
                return files.toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(ApiClient issuer) {
        ApiResponse response = issuer.send("POST", "/oauth/token", "application/json",
                ("{\"grant_type\":\"client_credentials\",\"client_id\":\"large\",\"audience\":\"" + AUDIENCE + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
