package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.storage.ImageStore;
import catdata.support.TestPhotos;

/**
 * A deleted photo's file outlives its row by the removal delay, so that a download already under
 * way is sent whole even when the web server opens the file only after the controller has returned
 * (sendfile); then {@link PhotoFileRemovals} removes it with its thumbnail.
 */
// A long delay, so that nothing is removed unless a test makes it due (instead of ApiTest's 1 s).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"catdata.images.file-removal-delay=1h", "catdata.images.file-removal-sweep=1h"})
@Import(PhotoFileRemovalTest.PauseBeforeSendfile.class)
class PhotoFileRemovalTest extends ApiTest {

    private static final String OTHER_STORE = "/somewhere/else";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PhotoFileRemovals removals;

    @Autowired
    private PauseBeforeSendfile pause;

    @AfterEach
    void forgetOtherStores() {
        jdbc.sql("DELETE FROM photo_file_removals WHERE store <> :store").param("store", storeLocation()).update();
    }

    @Test
    void aDownloadUnderWayWhenThePhotoIsDeletedIsSentWhole() throws Exception {
        String token = newUserToken();
        Uploaded photo = upload(token, TestPhotos.cameraJpeg(1200, 900));
        byte[] stored = Files.readAllBytes(photo.file());

        CompletableFuture<ApiResponse> download = CompletableFuture.supplyAsync(
                () -> api.get(photo.location(), "Authorization", "Bearer " + token, PauseBeforeSendfile.HEADER, "1"));
        assertThat(pause.reached.await(30, TimeUnit.SECONDS)).as("the download reached its pause").isTrue();
        try {
            assertThat(api.delete(photo.location(), bearer(token)).status()).isEqualTo(204);
            assertThat(api.get(photo.location(), bearer(token)).status()).isEqualTo(404);
        } finally {
            pause.release.countDown();
        }

        ApiResponse response = download.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(stored);
        assertThat(photo.file()).exists();
        assertThat(jdbc.sql("""
                SELECT due_at > now() + interval '59 minutes' FROM photo_file_removals
                WHERE name = :name AND store = :store""")
                .param("name", photo.filename()).param("store", storeLocation())
                .query(Boolean.class).single())
                .as("queued for removal after the delay").isTrue();
    }

    @Test
    void oncePastItsDelayTheFileAndItsThumbnailAreRemovedAndTheirRowWithThem() throws Exception {
        String token = newUserToken();
        Uploaded photo = upload(token, TestPhotos.cameraJpeg(800, 600));
        assertThat(api.get(photo.location() + "?size=thumb", bearer(token)).status()).isEqualTo(200);
        Path thumbnail = IMAGES_DIR.resolve(ImageStore.thumbnailName(photo.filename(), Thumbnails.FORMAT.extension()));
        assertThat(thumbnail).exists();
        assertThat(api.delete(photo.location(), bearer(token)).status()).isEqualTo(204);

        removals.sweep();
        assertThat(photo.file()).as("not yet due").exists();
        assertThat(thumbnail).exists();

        makeDue(photo.filename());
        removals.sweep();

        assertThat(photo.file()).doesNotExist();
        assertThat(thumbnail).doesNotExist();
        assertThat(queued(photo.filename())).isZero();
    }

    @Test
    void anotherStoresRemovalsAreLeftToIt() {
        jdbc.sql("INSERT INTO photo_file_removals (name, store, due_at) VALUES ('theirs.jpg', :store, now())")
                .param("store", OTHER_STORE).update();

        removals.sweep();

        assertThat(queued("theirs.jpg")).isOne();
    }

    @Test
    void aFileThatCannotBeRemovedIsTriedAgainLaterAndTheOthersStillGo() throws Exception {
        String token = newUserToken();
        Uploaded removable = upload(token, TestPhotos.cameraJpeg(300, 200));
        assertThat(api.delete(removable.location(), bearer(token)).status()).isEqualTo(204);
        // A directory with something in it is where the store expects a file: its removal fails.
        String stuck = "stuck" + System.nanoTime() + ".jpg";
        Path directory = Files.createDirectory(IMAGES_DIR.resolve(stuck));
        Files.writeString(directory.resolve("inside"), "x");
        jdbc.sql("INSERT INTO photo_file_removals (name, store, due_at) VALUES (:name, :store, now())")
                .param("name", stuck).param("store", storeLocation()).update();
        makeDue(removable.filename());

        try {
            removals.sweep();

            assertThat(removable.file()).doesNotExist();
            assertThat(queued(removable.filename())).isZero();
            assertThat(jdbc.sql("""
                    SELECT due_at > now() + interval '9 minutes' FROM photo_file_removals WHERE name = :name""")
                    .param("name", stuck).query(Boolean.class).single())
                    .as("postponed, not dropped").isTrue();
        } finally {
            jdbc.sql("DELETE FROM photo_file_removals WHERE name = :name").param("name", stuck).update();
            Files.delete(directory.resolve("inside"));
            Files.delete(directory);
        }
    }

    private void makeDue(String name) {
        assertThat(jdbc.sql("UPDATE photo_file_removals SET due_at = now() - interval '1 second' WHERE name = :name")
                .param("name", name).update()).isOne();
    }

    private long queued(String name) {
        return jdbc.sql("SELECT count(*) FROM photo_file_removals WHERE name = :name")
                .param("name", name).query(Long.class).single();
    }

    private static String storeLocation() {
        return IMAGES_DIR.toAbsolutePath().normalize().toString();
    }

    private Uploaded upload(String token, byte[] photo) {
        ApiResponse response = api.upload("/api/image", List.of(Part.file("cat", "image/jpeg", photo)), bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Uploaded(response.json().path("filename").asString(), response.header("Location"));
    }

    private record Uploaded(String filename, String location) {
        Path file() {
            return IMAGES_DIR.resolve(filename);
        }
    }

    /**
     * Holds a request marked with {@link #HEADER} after all of the application's code has run and
     * before Tomcat sends the file named in the sendfile attribute: the moment a delete must not harm.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class PauseBeforeSendfile {

        static final String HEADER = "X-Test-Pause-Before-Sendfile";

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Bean
        FilterRegistrationBean<Filter> pauseBeforeSendfileFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                chain.doFilter(request, response);
                if (((HttpServletRequest) request).getHeader(HEADER) != null
                        && request.getAttribute(PhotoSender.SENDFILE_FILENAME) != null) {
                    reached.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
