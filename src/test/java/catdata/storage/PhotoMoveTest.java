package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import catdata.config.InvalidConfigurationException;
import catdata.support.TestImages;
import catdata.support.TestS3;

/** The move of a file system store into a bucket, against a real S3 server on loopback. */
class PhotoMoveTest {

    private static final String PREFIX = "photos/";

    @TempDir
    Path imagesDir;

    @Test
    void everyPhotoAndThumbnailIsCopiedUnderItsNameWithItsTypeAndHash() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        String photo = ImageStore.newName("png");
        String thumbnail = ImageStore.thumbnailName(photo, "jpg");
        byte[] photoBytes = TestImages.png(40, 30);
        byte[] thumbnailBytes = TestImages.jpeg(20, 15);
        Files.write(imagesDir.resolve(photo), photoBytes);
        Files.write(imagesDir.resolve(thumbnail), thumbnailBytes);
        Files.createDirectory(imagesDir.resolve(".staging"));
        Files.writeString(imagesDir.resolve("notes.txt"), "not a photo");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        PhotoMove.Summary summary = move(s3, bucket, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(summary).isEqualTo(new PhotoMove.Summary(2, 0, 2, photoBytes.length + thumbnailBytes.length));
        assertThat(s3.keys(bucket, "")).containsExactlyInAnyOrder(PREFIX + photo, PREFIX + thumbnail);
        assertThat(s3.read(bucket, PREFIX + photo)).contains(photoBytes);
        assertThat(s3.read(bucket, PREFIX + thumbnail)).contains(thumbnailBytes);
        assertThat(s3.head(bucket, PREFIX + photo).contentType()).isEqualTo("image/png");
        assertThat(s3.head(bucket, PREFIX + thumbnail).metadata())
                .isEqualTo(Map.of("sha256", TestImages.sha256(thumbnailBytes)));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Moving 2 photo files")
                .contains("Done: 2 files in s3://" + bucket + "/" + PREFIX)
                .contains("2 other files in " + imagesDir.toRealPath() + " left alone");
    }

    @Test
    void aSecondRunCopiesNothingAgain() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        writePhotos(3);
        move(s3, bucket, quiet());

        PhotoMove.Summary again = move(s3, bucket, quiet());

        assertThat(again).isEqualTo(new PhotoMove.Summary(0, 3, 0, 0));
    }

    @Test
    void anObjectThatDoesNotHoldTheFilesBytesIsCopiedOverEvenWithTheRightHashInItsMetadata() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        List<String> names = writePhotos(3);
        byte[] original = Files.readAllBytes(imagesDir.resolve(names.get(0)));
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 1;
        // Its metadata still claims the right hash: only the bytes tell.
        s3.write(bucket, PREFIX + names.get(0), damaged, Map.of("sha256", TestImages.sha256(original)));
        s3.write(bucket, PREFIX + names.get(1), "something else".getBytes(StandardCharsets.UTF_8), Map.of());

        PhotoMove.Summary summary = move(s3, bucket, quiet());

        assertThat(summary.copied()).isEqualTo(3);
        assertThat(s3.read(bucket, PREFIX + names.get(0))).contains(original);
        assertThat(s3.read(bucket, PREFIX + names.get(1))).contains(Files.readAllBytes(imagesDir.resolve(names.get(1))));
    }

    @Test
    void aMoveCutOffHalfwayFailsWithOneLineAndTheNextRunFinishesIt() throws IOException {
        try (TestS3 s3 = TestS3.start()) {
            String bucket = s3.newBucket();
            writePhotos(150);
            // The bucket goes away just as the progress line after the first 100 files is printed.
            PrintStream cutOff = new PrintStream(new OutputStream() {
                private final StringBuilder seen = new StringBuilder();

                @Override
                public void write(int b) {
                    seen.append((char) b);
                    if (seen.toString().contains("100 of 150")) {
                        s3.stop();
                    }
                }
            }, true, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> move(s3, bucket, cutOff))
                    .isInstanceOf(PhotoMove.Failed.class)
                    .hasMessageStartingWith("could not move ")
                    .hasMessageNotContaining("\n");
            s3.restart();
            assertThat(s3.keys(bucket, "")).hasSize(100);

            PhotoMove.Summary resumed = move(s3, bucket, quiet());

            assertThat(resumed.alreadyThere()).isEqualTo(100);
            assertThat(resumed.copied()).isEqualTo(50);
            assertThat(s3.keys(bucket, "")).hasSize(150);
        }
    }

    @Test
    void theCommandRefusesAMissingBucketWithTheSettingsName() {
        assertThatThrownBy(() -> PhotoMoveCommand.run(Map.of("IMAGES_DIR", imagesDir.toString())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("S3_BUCKET");
    }

    @Test
    void theCommandMovesWhatItsSettingsName() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        writePhotos(2);

        PhotoMove.Summary summary = PhotoMoveCommand.run(Map.of("IMAGES_DIR", imagesDir.toString(),
                "S3_BUCKET", bucket, "S3_PREFIX", "/photos/", "S3_ENDPOINT", s3.endpoint().toString()));

        assertThat(summary.copied()).isEqualTo(2);
        assertThat(s3.keys(bucket, PREFIX)).hasSize(2);
    }

    @Test
    void theCommandReadsThePathStyleAsTheServiceDoes() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        writePhotos(1);

        PhotoMove.Summary summary = PhotoMoveCommand.run(Map.of("IMAGES_DIR", imagesDir.toString(), "S3_BUCKET", bucket,
                "S3_PREFIX", PREFIX, "S3_ENDPOINT", s3.endpoint().toString(), "S3_PATH_STYLE", " yes "));

        assertThat(summary.copied()).isEqualTo(1);
        assertThatThrownBy(() -> PhotoMoveCommand.run(Map.of("IMAGES_DIR", imagesDir.toString(), "S3_BUCKET", bucket,
                "S3_ENDPOINT", s3.endpoint().toString(), "S3_PATH_STYLE", "path")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("S3_PATH_STYLE must be true or false, not 'path'");
    }

    private PhotoMove.Summary move(TestS3 s3, String bucket, PrintStream out) {
        S3Location location = new S3Properties(bucket, PREFIX, null, s3.endpoint().toString(), null).location();
        try (S3Connection connection = new S3Connection(location)) {
            return new PhotoMove(imagesDir, location, connection.photos(), out).run();
        }
    }

    private List<String> writePhotos(int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = ImageStore.newName("jpg");
            Files.writeString(imagesDir.resolve(name), "photo " + i + " " + name);
            names.add(name);
        }
        return names;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
