package catdata.storage;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import catdata.error.ApiException;

/**
 * What a failed call to the bucket means: for the client a {@code 503} (the bucket is down, slow, or
 * refuses us: nothing the request can change), for the log one line with what S3 said. Neither ever
 * holds credentials: the SDK's messages name the request, never the keys.
 */
final class S3Failures {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);

    private S3Failures() {
    }

    static ApiException unavailable(String action, S3Location location, SdkException failure) {
        log.error("Could not {} in {}: {}", action, location.describe(), describe(failure));
        return new StorageUnavailable();
    }

    /**
     * The status and S3's error code when the bucket answered, else why it could not (refused,
     * timed out, unknown host). A HEAD's answer has no body, hence no code.
     */
    static String describe(SdkException failure) {
        if (failure instanceof S3Exception answered) {
            String code = answered.awsErrorDetails() == null ? null : answered.awsErrorDetails().errorCode();
            return "HTTP " + answered.statusCode() + (code == null ? "" : " " + code);
        }
        return failure.getMessage();
    }

    /**
     * Whether a request may have reached the bucket though no answer came back (a timeout, a
     * connection lost midway); not when the bucket answered, nor when no connection was made.
     */
    static boolean mayHaveArrived(SdkException failure) {
        if (failure instanceof S3Exception) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    static boolean isStatus(SdkException failure, int status) {
        return failure instanceof S3Exception answered && answered.statusCode() == status;
    }
}
