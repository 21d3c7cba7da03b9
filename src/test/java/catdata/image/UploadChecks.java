package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;

/** What the photo tests check after an upload: the refusal, the files left behind, the list. */
final class UploadChecks {

    private UploadChecks() {
    }

    /** A fresh user's upload is refused: the error, no new file anywhere in IMAGES_DIR, no row. */
    static void assertRefused(ApiClient api, String token, Path imagesDir, Part part, int status, String error) {
        Set<Path> before = storedFiles(imagesDir);

        ApiResponse response = api.upload("/api/image", List.of(part), bearer(token));

        assertError(response, status, error);
        assertThat(storedFiles(imagesDir)).isEqualTo(before);
        assertThat(api.get("/api/images", bearer(token)).json().size()).isZero();
    }

    static void assertError(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo(error);
        assertThat(response.text()).doesNotContain("Exception", "/tmp/");
    }

    /** The caller's one photo in {@code GET /api/images}. */
    static JsonNode listed(ApiClient api, String token) {
        ApiResponse list = api.get("/api/images", bearer(token));
        assertThat(list.json().size()).as(list.toString()).isEqualTo(1);
        return list.json().get(0);
    }

    /** Every file under IMAGES_DIR, staged uploads included, relative to it. */
    static Set<Path> storedFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(directory::relativize).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
