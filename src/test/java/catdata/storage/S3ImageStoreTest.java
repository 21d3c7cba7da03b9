package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import catdata.config.InvalidConfigurationException;
import catdata.error.ApiException;
import catdata.support.TestImages;
import catdata.support.TestS3;

/**
 * The S3 store on its own, against a real S3 server on loopback: what it puts where, what it reads
 * back (whole, or a range), what it refuses, and how it fails when the bucket does.
 */
class S3ImageStoreTest {

    private static final String PREFIX = "tenant/photos/";
    /** Large enough that a range in its middle means something. */
    private static final byte[] PHOTO = randomBytes(300_000);

    @TempDir
    Path dataDir;

    /** Closed last first: stores before the servers they use. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aPublishedPhotoIsOneObjectUnderThePrefixWithItsTypeAndHash() {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        S3ImageStore store = start(s3, bucket, PREFIX);
        String name = ImageStore.newName("webp");

        StagedImage staged = store.stage(out -> out.write(PHOTO));
        store.publish(staged, name);

        assertThat(s3.keys(bucket, "")).containsExactly(PREFIX + name);
        assertThat(s3.read(bucket, PREFIX + name)).contains(PHOTO);
        var head = s3.head(bucket, PREFIX + name);
        assertThat(head.contentType()).isEqualTo("image/webp");
        assertThat(head.metadata()).isEqualTo(Map.of("sha256", TestImages.sha256(PHOTO)));
        assertThat(store.location()).isEqualTo("s3://" + bucket + "/" + PREFIX);
    }

    @Test
    void uploadsAreStagedOnLocalDiskAndTheStagedFileGoesWhenClosed() {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), "");

        StagedImage staged = store.stage(out -> out.write(PHOTO));
        store.publish(staged, ImageStore.newName("jpg"));

        assertThat(staged.path()).startsWith(store.uploadBuffer()).hasBinaryContent(PHOTO);
        assertThat(staged.sha256()).isEqualTo(TestImages.sha256(PHOTO));
        assertThat(store.uploadBuffer()).startsWith(dataDir.resolve("uploads"));
        staged.close();
        assertThat(staged.path()).doesNotExist();
    }

    @Test
    void anOpenedPhotoIsReadWholeOrByRangeAndAMissingOneIsEmpty() throws IOException {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), PREFIX);
        String name = ImageStore.newName("png");
        store.publish(store.stage(out -> out.write(PHOTO)), name);

        try (OpenedFile whole = store.open(name).orElseThrow()) {
            assertThat(whole.size()).isEqualTo(PHOTO.length);
            assertThat(whole.bytes().readAllBytes()).isEqualTo(PHOTO);
        }
        try (OpenedFile part = store.open(name).orElseThrow()) {
            assertThat(part.bytes(100_000, 100_009).readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(PHOTO, 100_000, 100_010));
        }
        try (OpenedFile last = store.open(name).orElseThrow()) {
            assertThat(last.bytes(PHOTO.length - 1, PHOTO.length - 1).readAllBytes())
                    .containsExactly(PHOTO[PHOTO.length - 1]);
        }
        assertThat(store.open(ImageStore.newName("png"))).isEmpty();
    }

    @Test
    void aRangeFarIntoALargePhotoIsAskedForByARequestOfItsOwn() throws IOException {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), PREFIX);
        String name = ImageStore.newName("jpg");
        byte[] large = randomBytes((int) OpenedObject.SKIP_AT_MOST * 3 / 2);
        store.publish(store.stage(out -> out.write(large)), name);
        int start = (int) OpenedObject.SKIP_AT_MOST + 1000;

        try (OpenedFile part = store.open(name).orElseThrow()) {
            assertThat(part.bytes(start, start + 99).readAllBytes()).isEqualTo(Arrays.copyOfRange(large, start, start + 100));
        }
        try (OpenedFile skipped = store.open(name).orElseThrow()) {
            assertThat(skipped.bytes(1000, 1099).readAllBytes()).isEqualTo(Arrays.copyOfRange(large, 1000, 1100));
        }
        try (OpenedFile whole = store.open(name).orElseThrow()) {
            assertThat(whole.bytes().readAllBytes()).as("the connections still work").isEqualTo(large);
        }
    }

    @Test
    void aPhotoLeftHalfReadIsClosedAndTheNextReadsWork() throws IOException {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), PREFIX);
        String name = ImageStore.newName("jpg");
        store.publish(store.stage(out -> out.write(PHOTO)), name);

        for (int i = 0; i < 20; i++) {
            try (OpenedFile file = store.open(name).orElseThrow()) {
                InputStream bytes = file.bytes();
                assertThat(bytes.readNBytes(10)).isEqualTo(Arrays.copyOf(PHOTO, 10));
            }
            try (OpenedFile unread = store.open(name).orElseThrow()) {
                assertThat(unread.size()).isEqualTo(PHOTO.length);
            }
        }

        try (OpenedFile file = store.open(name).orElseThrow()) {
            assertThat(file.bytes().readAllBytes()).isEqualTo(PHOTO);
        }
    }

    @Test
    void publishingAgainReplacesTheObjectWholeAndDeletingTwiceIsNoError() throws IOException {
        TestS3 s3 = TestS3.shared();
        String bucket = s3.newBucket();
        S3ImageStore store = start(s3, bucket, PREFIX);
        String thumbnail = ImageStore.thumbnailName(ImageStore.newName("png"), "jpg");
        byte[] shorter = {1, 2, 3};

        store.publish(store.stage(out -> out.write(PHOTO)), thumbnail);
        store.publish(store.stage(out -> out.write(shorter)), thumbnail);

        assertThat(s3.read(bucket, PREFIX + thumbnail)).contains(shorter);
        store.delete(thumbnail);
        store.delete(thumbnail);
        assertThat(store.open(thumbnail)).isEmpty();
        assertThat(s3.keys(bucket, "")).isEmpty();
    }

    @Test
    void namesTheServiceDidNotMakeNeverReachTheBucket() {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), PREFIX);
        StagedImage staged = store.stage(out -> out.write(PHOTO));

        for (String name : List.of("../secret.jpg", "photo.jpg", "0123456789abcdef0123456789abcdef-big.jpg",
                "0123456789abcdef0123456789abcdef.gif", "a/0123456789abcdef0123456789abcdef.jpg")) {
            assertThatThrownBy(() -> store.open(name)).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.publish(staged, name)).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withTheServerStoppedEverythingIs503QuicklyAndWorksAgainWhenItIsBack() throws IOException {
        TestS3 s3 = own(TestS3.start());
        S3ImageStore store = start(s3, s3.newBucket(), PREFIX);
        String earlier = ImageStore.newName("jpg");
        store.publish(store.stage(out -> out.write(PHOTO)), earlier);

        s3.stop();
        long start = System.nanoTime();
        StagedImage staged = store.stage(out -> out.write(PHOTO));
        assertUnavailable(() -> store.publish(staged, ImageStore.newName("jpg")));
        assertUnavailable(() -> store.open(earlier));
        assertThatThrownBy(() -> store.delete(earlier)).isInstanceOf(IOException.class);
        assertThat(store.whyUnavailable()).hasValueSatisfying(why -> assertThat(why).contains("cannot be reached"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once, retries included")
                .isLessThan(Duration.ofSeconds(5));

        s3.restart();
        assertThat(store.whyUnavailable()).isEmpty();
        store.publish(staged, ImageStore.newName("jpg"));
        try (OpenedFile file = store.open(earlier).orElseThrow()) {
            assertThat(file.bytes().readAllBytes()).isEqualTo(PHOTO);
        }
    }

    @Test
    void credentialsTheServerRefusesStopStartUpAndLaterMakeItUnavailable() {
        TestS3 stranger = own(TestS3.startKnowing("someone-else", "someone-elses-secret-0123456789"));
        String bucket = stranger.newBucket();

        assertThatThrownBy(() -> start(stranger, bucket, PREFIX))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("bucket " + bucket + " refused these credentials (HTTP 403)");

        TestS3 s3 = own(TestS3.start());
        S3ImageStore store = start(s3, s3.newBucket(), PREFIX);
        s3.restartKnowing("someone-else", "someone-elses-secret-0123456789");
        assertThat(store.whyUnavailable()).hasValueSatisfying(why -> assertThat(why).contains("refused"));
        StagedImage staged = store.stage(out -> out.write(PHOTO));
        assertUnavailable(() -> store.publish(staged, ImageStore.newName("jpg")));
        assertUnavailable(() -> store.open(ImageStore.newName("jpg")));
    }

    @Test
    void aBucketThatDoesNotExistStopsStartUpButOneThatCannotBeReachedDoesNot() {
        assertThatThrownBy(() -> start(TestS3.shared(), "catdata-no-such-bucket", PREFIX))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("bucket catdata-no-such-bucket does not exist (HTTP 404");

        TestS3 s3 = own(TestS3.start());
        String bucket = s3.newBucket();
        s3.stop();
        S3ImageStore store = start(s3, bucket, PREFIX);
        assertThat(store.whyUnavailable()).isPresent();
        s3.restart();
        assertThat(store.whyUnavailable()).isEmpty();
    }

    @Test
    void closingTheStoreRemovesItsStagingDirectory() {
        S3ImageStore store = start(TestS3.shared(), TestS3.shared().newBucket(), PREFIX);
        Path staging = store.stage(out -> out.write(PHOTO)).path().getParent();

        store.close();

        assertThat(staging).doesNotExist();
        assertThat(dataDir.resolve("uploads")).isDirectory();
    }

    private S3ImageStore start(TestS3 s3, String bucket, String prefix) {
        S3Properties settings = new S3Properties(bucket, prefix, null, s3.endpoint().toString(), null);
        S3ImageStore store = S3ImageStore.start(settings.location(), dataDir.resolve("uploads"));
        opened.push(store);
        return store;
    }

    private <T extends AutoCloseable> T own(T server) {
        opened.push(server);
        return server;
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(503));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(15).nextBytes(bytes);
        return bytes;
    }
}
