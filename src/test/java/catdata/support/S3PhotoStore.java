package catdata.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs an {@link ApiTest} with its photos in a bucket of the shared {@link TestS3} server:
 * {@code @ContextConfiguration(initializers = S3PhotoStore.class)} on a subclass of a photo test
 * runs that test's every case against the S3 store. All such classes share one bucket, and so one
 * application.
 */
public final class S3PhotoStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Not empty, so that the tests see the store keep to its prefix. */
    public static final String PREFIX = "catalogue/photos/";

    private static String bucket;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(settings(TestS3.shared(), bucket(), PREFIX)).applyTo(context);
    }

    /** The settings that put the photos in {@code bucket} of {@code s3}, as an operator would write them. */
    public static Map<String, String> settings(TestS3 s3, String bucket, String prefix) {
        return Map.of("PHOTO_STORE", "s3", "S3_ENDPOINT", s3.endpoint().toString(), "S3_BUCKET", bucket,
                "S3_PREFIX", prefix);
    }

    /** What the bucket holds; {@code imagesDir} is the test's, beside which its DATA_DIR is. */
    public static StoredPhotos photos(Path imagesDir) {
        return StoredPhotos.inBucket(TestS3.shared(), bucket(), PREFIX, TestApp.dataDir(imagesDir).resolve("uploads"));
    }

    private static synchronized String bucket() {
        if (bucket == null) {
            bucket = TestS3.shared().newBucket();
        }
        return bucket;
    }
}
