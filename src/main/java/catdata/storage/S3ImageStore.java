package catdata.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import catdata.codec.ImageFormat;
import catdata.config.InvalidConfigurationException;

/**
 * Photos as objects in an S3-compatible bucket ({@code PHOTO_STORE=s3}), so that no photo lives on
 * the machine that serves it. Uploads are still judged by their bytes on local disk first: they are
 * staged in this instance's directory under {@code DATA_DIR/uploads} (the web server's upload
 * buffers live there too, and an instance that dies has it removed at the next start), then
 * published by one PUT of the staged file, which S3 makes visible at once and whole. Reads stream a
 * GET; nothing is ever held whole in memory.
 */
final class S3ImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);

    private final S3Location location;
    private final S3Connection s3;
    private final BucketCheck bucket;
    private final StagingArea staging;

    private S3ImageStore(S3Location location, S3Connection s3, StagingArea staging) {
        this.location = location;
        this.s3 = s3;
        this.bucket = new BucketCheck(s3.probe(), location);
        this.staging = staging;
    }

    /**
     * The store, once the bucket has been asked for once: a bucket that refuses these credentials, or
     * does not exist, is a setting to fix and stops start-up; one that cannot be reached now may
     * come back, so the service starts and readiness reports it until it does.
     */
    static S3ImageStore start(S3Location location, Path uploadBuffers) {
        S3ImageStore store = new S3ImageStore(location, new S3Connection(location),
                StagingArea.forUploadBuffers(uploadBuffers));
        if (!store.s3.hasCredentials()) {
            store.close();
            throw new InvalidConfigurationException("PHOTO_STORE=s3, but no AWS credentials were found",
                    "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with a role that may use "
                            + "the bucket, and start again.");
        }
        Optional<BucketCheck.Problem> problem = store.bucket.problem();
        if (problem.isPresent() && problem.get().settingsAreWrong()) {
            store.close();
            throw new InvalidConfigurationException("PHOTO_STORE=s3: " + problem.get().description(),
                    "Fix S3_BUCKET, S3_REGION, S3_ENDPOINT or the credentials (AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the machine's role) and start again.");
        }
        problem.ifPresent(unreachable -> log.warn("Photo store {}: {}; starting anyway, not ready until it can be "
                + "reached", location.describe(), unreachable.description()));
        return store;
    }

    @Override
    public StagedImage stage(Content content) {
        try {
            return StagedWrite.to(staging.newFile(), content);
        } catch (IOException e) {
            log.error("Could not stage a photo in {}: {}", staging.directory(), e.toString());
            throw StorageFailure.of(e);
        }
    }

    /**
     * One PUT of a known length, streamed from the staged file; a PUT replaces an object whole. A PUT
     * whose answer never came may have been stored all the same: it is removed again if the bucket
     * lets us now. What may still be there (the bucket gone meanwhile, an earlier try's object, a PUT
     * the bucket failed after storing) has no row, and the orphan sweep removes it after its grace.
     */
    @Override
    public void publish(StagedImage staged, String name) {
        String key = keyOf(name);
        try {
            s3.photos().putObject(request -> request.bucket(location.bucket()).key(key)
                            .contentType(contentTypeOf(name)).metadata(Map.of("sha256", staged.sha256())),
                    RequestBody.fromFile(staged.path()));
        } catch (SdkException e) {
            if (S3Failures.mayHaveArrived(e)) {
                deleteQuietly(name);
            }
            throw S3Failures.unavailable("store photo " + name, location, e);
        }
    }

    @Override
    public Optional<OpenedFile> open(String name) {
        String key = keyOf(name);
        ResponseInputStream<GetObjectResponse> object;
        try {
            object = s3.photos().getObject(request -> request.bucket(location.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failures.unavailable("read photo " + name, location, e);
        }
        return Optional.of(new OpenedObject(s3.photos(), location, key, object));
    }

    @Override
    public String location() {
        return location.describe();
    }

    @Override
    public Optional<String> whyUnavailable() {
        return bucket.problem().map(BucketCheck.Problem::description);
    }

    @Override
    public Path uploadBuffer() {
        return staging.directory();
    }

    /**
     * ListObjectsV2 under the prefix, one page (up to 1000 keys) at a time. Keys that are not one of
     * our names (another tool's, or deeper under the prefix) are left out: the sweep never removes them.
     */
    @Override
    public void listWrittenBefore(Instant before, Consumer<List<String>> page) {
        String prefix = location.prefix();
        try {
            for (ListObjectsV2Response listed : s3.photos()
                    .listObjectsV2Paginator(request -> request.bucket(location.bucket()).prefix(prefix))) {
                List<String> names = listed.contents().stream()
                        .filter(object -> object.lastModified().isBefore(before))
                        .map(object -> object.key().substring(prefix.length()))
                        .filter(StoredNames::isStoredName)
                        .toList();
                if (!names.isEmpty()) {
                    page.accept(names);
                }
            }
        } catch (SdkException e) {
            throw S3Failures.unavailable("list photos", location, e);
        }
    }

    /** S3 answers a key that is not there as it answers one it removed. */
    @Override
    public void delete(String name) throws IOException {
        String key = keyOf(name);
        try {
            s3.photos().deleteObject(request -> request.bucket(location.bucket()).key(key));
        } catch (SdkException e) {
            throw new IOException("Could not remove " + key + " from " + location.describe() + ": "
                    + S3Failures.describe(e), e);
        }
    }

    /** Leaves nothing of this instance in the staging area (in-flight uploads have finished by now). */
    @Override
    public void close() {
        try {
            staging.close();
        } catch (IOException e) {
            log.warn("Could not remove the staging directory {} ({}); the next start will", staging.directory(),
                    e.toString());
        } finally {
            s3.close();
        }
    }

    private void deleteQuietly(String name) {
        try {
            delete(name);
        } catch (IOException e) {
            log.warn("A photo whose upload failed may be left in the bucket: {}", e.getMessage());
        }
    }

    private String keyOf(String name) {
        return location.key(StoredNames.checked(name));
    }

    static String contentTypeOf(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return Arrays.stream(ImageFormat.values()).filter(format -> format.extension().equals(extension))
                .map(ImageFormat::contentType).findFirst().orElseThrow();
    }
}
