package catdata.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 clients of one store, on one HTTP client (Apache HttpClient 5, the SDK's default: a pool of
 * kept-alive connections, each checked before a request goes into it) and the AWS SDK's default
 * credentials chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a profile, a
 * container or instance role). Timeouts make a bucket that is down fail a request within seconds
 * instead of holding it: a refused connection fails at once, a server that accepts and never
 * answers after {@link #ATTEMPT}.
 */
final class S3Connection implements AutoCloseable {

    /** Connecting; a stopped server refuses at once anyway. */
    private static final Duration CONNECT = Duration.ofSeconds(2);
    /** The longest silence while a response is read. */
    private static final Duration SOCKET = Duration.ofSeconds(30);
    /** One try, a whole upload included: 30 s is a 10 MB photo at 3 Mbit/s. */
    private static final Duration ATTEMPT = Duration.ofSeconds(30);
    /** Every try of one call (the SDK's retries: three tries, with back-off). */
    private static final Duration CALL = Duration.ofSeconds(60);
    /**
     * A kept-alive connection idle this long is closed by us rather than found closed by the
     * server: S3 and most S3-compatible servers drop idle connections after 20 s or more.
     */
    private static final Duration IDLE = Duration.ofSeconds(15);
    /** Connections to the bucket at once, per node: as many as requests the web server runs at once. */
    private static final int CONNECTIONS = 200;
    /**
     * Readiness asks often and must answer quickly: two tries at most, the second for a kept-alive
     * connection the server closed in the meantime (it restarted), which no answer says anything about.
     */
    private static final Duration PROBE = Duration.ofSeconds(3);

    private final SdkHttpClient http;
    private final DefaultCredentialsProvider credentials;
    private final S3Client photos;
    private final S3Client probe;

    S3Connection(S3Location location) {
        this.http = Apache5HttpClient.builder().connectionTimeout(CONNECT).socketTimeout(SOCKET)
                .connectionMaxIdleTime(IDLE).maxConnections(CONNECTIONS).build();
        this.credentials = DefaultCredentialsProvider.builder().build();
        this.photos = builder(location)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(ATTEMPT).apiCallTimeout(CALL))
                .build();
        this.probe = builder(location)
                .overrideConfiguration(o -> o.apiCallTimeout(PROBE)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()))
                .build();
    }

    /** For photos: what fails once is tried again (a dropped connection, a 500, a 503 "slow down"). */
    S3Client photos() {
        return photos;
    }

    /** For readiness and the check at start: two tries, a few seconds at most. */
    S3Client probe() {
        return probe;
    }

    /**
     * Whether the default chain finds credentials at all; which ones it found, and their keys, are
     * never said. Asked once, at start: later, a chain that fails is an outage like any other.
     */
    boolean hasCredentials() {
        try {
            credentials.resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    private S3ClientBuilder builder(S3Location location) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .credentialsProvider(credentials)
                .region(location.region())
                .forcePathStyle(location.pathStyle());
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        try {
            photos.close();
            probe.close();
        } finally {
            credentials.close();
            http.close();
        }
    }
}
