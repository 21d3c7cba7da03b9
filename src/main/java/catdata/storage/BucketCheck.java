package catdata.storage;

import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whether the bucket is there and ours to use: a HEAD of the bucket, tried once. It needs
 * {@code s3:ListBucket} on the bucket, which the store needs anyway: without it S3 answers a
 * missing key with 403 instead of 404, and a thumbnail not yet made would look like an outage.
 */
final class BucketCheck {

    /** Why the bucket cannot be used, and whether the settings are to blame (rather than the network or S3). */
    record Problem(String description, boolean settingsAreWrong) {
    }

    private final S3Client probe;
    private final S3Location location;

    BucketCheck(S3Client probe, S3Location location) {
        this.probe = probe;
        this.location = location;
    }

    Optional<Problem> problem() {
        try {
            probe.headBucket(request -> request.bucket(location.bucket()));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(problemOf(e));
        }
    }

    private Problem problemOf(SdkException failure) {
        String bucket = "bucket " + location.bucket();
        String answer = " (" + S3Failures.describe(failure) + ")";
        if (S3Failures.isStatus(failure, 403)) {
            return new Problem(bucket + " refused these credentials" + answer + ": wrong or expired keys, or keys "
                    + "that may not list it (s3:ListBucket)", true);
        }
        if (S3Failures.isStatus(failure, 404)) {
            return new Problem(bucket + " does not exist" + answer, true);
        }
        if (S3Failures.isStatus(failure, 301) || S3Failures.isStatus(failure, 400)) {
            return new Problem(bucket + " refused the request" + answer + ": is it in region " + location.region()
                    + " (S3_REGION)?", true);
        }
        return new Problem(bucket + " cannot be reached" + answer, false);
    }
}
