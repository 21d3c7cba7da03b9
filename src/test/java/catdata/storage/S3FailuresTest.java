package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What a failed call tells: whether the bucket may have the photo after all, and what to log. */
class S3FailuresTest {

    @Test
    void aRequestThatGotNoAnswerMayHaveArrived() {
        assertThat(S3Failures.mayHaveArrived(ApiCallAttemptTimeoutException.create(30_000))).isTrue();
        assertThat(S3Failures.mayHaveArrived(SdkClientException.create("Unable to execute HTTP request",
                new SocketTimeoutException("Read timed out")))).isTrue();
    }

    @Test
    void aRequestThatFoundNoServerOrGotAnAnswerDidNot() {
        assertThat(S3Failures.mayHaveArrived(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).isFalse();
        assertThat(S3Failures.mayHaveArrived(SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("minio")))).isFalse();
        assertThat(S3Failures.mayHaveArrived(forbidden())).isFalse();
    }

    @Test
    void theLogSaysTheStatusAndCodeOrWhyThereWasNoAnswer() {
        assertThat(S3Failures.describe(forbidden())).isEqualTo("HTTP 403 SignatureDoesNotMatch");
        assertThat(S3Failures.describe(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .isEqualTo("Unable to execute HTTP request: Connection refused");
    }

    private static S3Exception forbidden() {
        return (S3Exception) S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SignatureDoesNotMatch").build()).build();
    }
}
