package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;

/**
 * The photo directory failing under the running service: uploads are refused with 503 and leave
 * no row and no file, readiness says so, and everything works again once the directory is back,
 * with no restart.
 * (Tests run as root in CI, where permissions stop nothing: the directory is moved away instead.)
 */
@ExtendWith(OutputCaptureExtension.class)
class PhotoStoreFailureTest extends ApiTest {

    private static final String UNAVAILABLE = "Photo storage is unavailable.";
    private static final Path AWAY = IMAGES_DIR.resolveSibling(IMAGES_DIR.getFileName() + ".away");

    private final JdbcClient jdbc;

    @Autowired
    PhotoStoreFailureTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void withThePhotoDirectoryReplacedByAFileUploadsAnswer503AndTheServiceRecoversWhenItIsBack() throws IOException {
        String token = newUserToken();
        String earlier = upload(token).header("Location");
        long rows = rows();

        Files.move(IMAGES_DIR, AWAY);
        Files.writeString(IMAGES_DIR, "not a directory");
        try {
            assertUnavailable(upload(token));
            assertUnavailable(api.get(earlier, bearer(token)));
            assertThat(rows()).isEqualTo(rows);
            assertThat(api.get("/actuator/health/readiness").status()).as("not ready").isEqualTo(503);
            assertThat(api.get("/actuator/health/liveness").status()).as("but alive").isEqualTo(200);
        } finally {
            Files.delete(IMAGES_DIR);
            Files.move(AWAY, IMAGES_DIR);
        }

        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(upload(token).status()).isEqualTo(201);
        assertThat(api.get(earlier, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void withThePhotoDirectoryRemovedUploadsAnswer503AndItIsNotMadeAgainSomewhereElse() throws IOException {
        String token = newUserToken();
        long rows = rows();

        Files.move(IMAGES_DIR, AWAY);
        try {
            assertUnavailable(upload(token));
            assertThat(IMAGES_DIR).doesNotExist();
            assertThat(rows()).isEqualTo(rows);
        } finally {
            Files.move(AWAY, IMAGES_DIR);
        }

        ApiResponse again = upload(token);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(IMAGES_DIR.resolve(again.json().path("filename").asString())).isRegularFile();
    }

    @Test
    void withThePhotoDirectoryReadOnlyUploadsAnswer503() throws IOException {
        String token = newUserToken();
        long rows = rows();
        var permissions = Files.getPosixFilePermissions(IMAGES_DIR);
        List<Path> directories;
        try (var walk = Files.walk(IMAGES_DIR)) {
            directories = walk.filter(Files::isDirectory).toList();
        }
        for (Path directory : directories) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            assumeThat(Files.isWritable(IMAGES_DIR)).as("root writes into read-only directories").isFalse();
            assertUnavailable(upload(token));
            assertThat(rows()).isEqualTo(rows);
        } finally {
            for (Path directory : directories) {
                Files.setPosixFilePermissions(directory, permissions);
            }
        }

        assertThat(upload(token).status()).isEqualTo(201);
    }

    @Test
    void withTheStagingDirectoryRemovedUploadsStillWork() throws IOException {
        Path staging = IMAGES_DIR.resolve(".staging");
        FileSystemUtils.deleteRecursively(staging);

        ApiResponse response = upload(newUserToken());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        try (var instances = Files.list(staging)) {
            assertThat(instances.toList()).isNotEmpty()
                    .allSatisfy(instance -> assertThat(instance.resolve("instance.lock")).isRegularFile());
        }
    }

    @Test
    void aStagingDirectoryThatCannotBeMadeAgainIs503UntilItCanThenUploadsWork() throws IOException {
        String token = newUserToken();
        Path staging = IMAGES_DIR.resolve(".staging");
        FileSystemUtils.deleteRecursively(staging);
        Files.writeString(staging, "in the way");
        try {
            assertUnavailable(upload(token));
            assertUnavailable(upload(token));
        } finally {
            Files.delete(staging);
        }

        ApiResponse again = upload(token);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void aPhotoWhoseFileIsGoneIsNotFoundAndLoggedOnce(CapturedOutput output) throws IOException {
        String token = newUserToken();
        ApiResponse uploaded = upload(token);
        String location = uploaded.header("Location");
        long id = uploaded.json().path("id").asLong();
        Files.delete(IMAGES_DIR.resolve(uploaded.json().path("filename").asString()));

        for (int i = 0; i < 3; i++) {
            UploadChecks.assertError(api.get(location, bearer(token)), 404, "Image not found.");
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("Photo " + id + " has a row but its file")))
                .hasSize(1);
    }

    private ApiResponse upload(String token) {
        return api.upload("/api/image", List.of(Part.file("cat.png", "image/png", TestImages.png(3, 3))), bearer(token));
    }

    private static void assertUnavailable(ApiResponse response) {
        UploadChecks.assertError(response, 503, UNAVAILABLE);
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM images").query(Long.class).single();
    }
}
