package catdata.image;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.photo.PhotoWriters;
import catdata.storage.ImageStore;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.S3PhotoStore;
import catdata.support.TestDatabase;
import catdata.support.TestPhotos;
import catdata.support.TestS3;

/**
 * Objects in the bucket that no row names are removed once older than the grace (2 s here; the
 * sweep itself is run by the tests, not by its schedule), only by the instance holding the lock,
 * not while a batch of photos (an import, a takeover) is being written, and not at all when the
 * database looks like another one than the bucket's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"catdata.images.orphan-grace=2s", "catdata.images.orphan-sweep=1h"})
@ContextConfiguration(initializers = PhotoOrphanSweepTest.OwnBucket.class)
class PhotoOrphanSweepTest extends ApiTest {

    private static final String PREFIX = "swept/";

    @Autowired
    private PhotoOrphanSweep sweep;

    @Autowired
    private ImageStore store;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PhotoWriters writers;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private ImageProperties properties;

    /** A bucket of its own: a sweep with a grace this short must not see other tests' objects. */
    static class OwnBucket implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final String BUCKET = TestS3.shared().newBucket();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(S3PhotoStore.settings(TestS3.shared(), BUCKET, PREFIX)).applyTo(context);
        }
    }

    @Test
    void anOldObjectNoRowNamesIsRemovedAndFreshOrphansAndEveryNamedObjectStay() throws Exception {
        TestS3 s3 = TestS3.shared();
        String photo = upload(newUserToken());
        String thumbnail = ImageStore.thumbnailName(photo, "jpg");
        s3.write(OwnBucket.BUCKET, PREFIX + thumbnail, bytes("a thumbnail"));
        String oldOrphan = ImageStore.newName("jpg");
        String oldOrphansThumbnail = ImageStore.thumbnailName(oldOrphan, "jpg");
        s3.write(OwnBucket.BUCKET, PREFIX + oldOrphan, bytes("no row"));
        s3.write(OwnBucket.BUCKET, PREFIX + oldOrphansThumbnail, bytes("no row either"));
        s3.write(OwnBucket.BUCKET, PREFIX + "someone-elses.txt", bytes("not ours"));
        Thread.sleep(3_500);
        String freshOrphan = ImageStore.newName("png");
        s3.write(OwnBucket.BUCKET, PREFIX + freshOrphan, bytes("written just now"));

        int removed = sweep.removeOrphans();

        // At least: another test's fresh orphan may have come of age by now.
        assertThat(removed).isGreaterThanOrEqualTo(2);
        // Other tests' photos (with rows) share the bucket.
        assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).contains(PREFIX + photo, PREFIX + thumbnail,
                PREFIX + freshOrphan, PREFIX + "someone-elses.txt")
                .doesNotContain(PREFIX + oldOrphan, PREFIX + oldOrphansThumbnail);
    }

    @Test
    void anInstanceThatFindsTheSweepUnderWayElsewhereLeavesItAlone() throws Exception {
        TestS3 s3 = TestS3.shared();
        // A database with no photo at all is not this bucket's: the sweep would remove nothing.
        upload(newUserToken());
        String orphan = ImageStore.newName("webp");
        s3.write(OwnBucket.BUCKET, PREFIX + orphan, bytes("no row"));
        Thread.sleep(3_500);

        try (Connection otherInstance = dataSource.getConnection();
                PreparedStatement lock = otherInstance.prepareStatement(
                        "SELECT pg_advisory_lock(hashtext('catdata.photo-orphan-sweep'), hashtext(?))")) {
            lock.setString(1, store.location());
            lock.execute();
            try {
                assertThat(sweep.removeOrphans()).isZero();
                assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).contains(PREFIX + orphan);
            } finally {
                try (PreparedStatement unlock = otherInstance.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                    unlock.execute();
                }
            }
        }

        assertThat(sweep.removeOrphans()).isPositive();
        assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).doesNotContain(PREFIX + orphan);
    }

    @Test
    void oldOrphansStayWhileABatchOfPhotosIsBeingWrittenAndGoOnceItEnds() throws Exception {
        TestS3 s3 = TestS3.shared();
        // A database with no photo at all is not this bucket's: the sweep would remove nothing.
        upload(newUserToken());
        String orphan = ImageStore.newName("jpg");
        s3.write(OwnBucket.BUCKET, PREFIX + orphan, bytes("an import's photo, its row not committed yet"));
        Thread.sleep(3_500);

        transaction.executeWithoutResult(importing -> {
            writers.joinTransaction();
            // Another instance's sweep, while the import's transaction is still open.
            int removed = CompletableFuture.supplyAsync(sweep::removeOrphans).join();
            assertThat(removed).isZero();
            assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).contains(PREFIX + orphan);
            importing.setRollbackOnly();
        });

        assertThat(sweep.removeOrphans()).isPositive();
        assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).doesNotContain(PREFIX + orphan);
    }

    @Test
    void aBucketWhoseOldObjectsAreMostlyOrphansIsLeftAloneForTheDatabaseMayBeTheWrongOne() throws Exception {
        TestS3 s3 = TestS3.shared();
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orphans.add(ImageStore.newName("jpg"));
            s3.write(OwnBucket.BUCKET, PREFIX + orphans.get(i), bytes("another installation's photo"));
        }
        Thread.sleep(3_500);
        try {
            assertThat(sweep.removeOrphans()).isZero();
            assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).containsAll(orphans.stream().map(PREFIX::concat).toList());
        } finally {
            for (String orphan : orphans) {
                store.delete(orphan);
            }
        }
    }

    @Test
    void aDatabaseWithoutAnyPhotoRemovesNothingFromTheBucket() throws Exception {
        TestS3 s3 = TestS3.shared();
        String photo = ImageStore.newName("jpg");
        s3.write(OwnBucket.BUCKET, PREFIX + photo, bytes("a photo of a database this instance is not on"));
        Thread.sleep(3_500);
        DriverManagerDataSource emptyDatabase = new DriverManagerDataSource(TestDatabase.newDatabase("orphans"));
        Flyway.configure().dataSource(emptyDatabase).locations("classpath:db/migration").load().migrate();
        PhotoOrphanSweep onTheWrongDatabase = new PhotoOrphanSweep(JdbcClient.create(emptyDatabase), store,
                properties, new TransactionTemplate(new DataSourceTransactionManager(emptyDatabase)), writers);
        try {
            assertThat(onTheWrongDatabase.removeOrphans()).isZero();
            assertThat(s3.keys(OwnBucket.BUCKET, PREFIX)).contains(PREFIX + photo);
        } finally {
            store.delete(photo);
        }
    }

    @Test
    void mostlyOrphansMeansMoreThanAFewAndMoreThanHalf() {
        assertThat(PhotoOrphanSweep.mostlyOrphans(10, 10)).as("a few").isFalse();
        assertThat(PhotoOrphanSweep.mostlyOrphans(11, 22)).as("half").isFalse();
        assertThat(PhotoOrphanSweep.mostlyOrphans(11, 21)).isTrue();
        assertThat(PhotoOrphanSweep.mostlyOrphans(500, 10_000)).as("a failed import's worth").isFalse();
    }

    private String upload(String token) {
        ApiResponse response = api.upload("/api/image",
                List.of(Part.file("cat", "image/jpeg", TestPhotos.cameraJpeg(300, 200))), bearer(token));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("filename").asString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
