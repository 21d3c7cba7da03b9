package catdata.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server on loopback: S3Proxy inside the tests' JVM, its objects in memory, checking
 * SigV4 signatures and checksums as S3 does. The service under test finds its credentials as in
 * production, through the AWS SDK's default chain, whose first link is the JVM's system properties
 * {@code aws.accessKeyId} and {@code aws.secretAccessKey}: set once here, for every test.
 *
 * <p>{@link #shared()} is one server for the whole run; a test that stops its server, or makes it
 * refuse us, starts its own ({@link #start()}). Stopped and started again, a server keeps its port
 * and its objects, as a real one coming back would.
 */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "catdata-test-key";
    public static final String SECRET_KEY = "catdata-test-secret-0123456789";

    private static TestS3 shared;

    static {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    private final BlobStore objects = new TransientNio2BlobStore();
    private S3Proxy proxy;
    private int port;
    private S3Client client;

    private TestS3() {
    }

    /** The server of the whole run, started on first use and stopped when the JVM exits. */
    public static synchronized TestS3 shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of the test's own, which knows the service's credentials. */
    public static TestS3 start() {
        return startKnowing(ACCESS_KEY, SECRET_KEY);
    }

    /** A server of the test's own that knows only these credentials: it refuses the service's. */
    public static TestS3 startKnowing(String accessKey, String secretKey) {
        TestS3 server = new TestS3();
        server.serve(accessKey, secretKey);
        server.client = S3Client.builder()
                .endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(Apache5HttpClient.create())
                // The SDK's own retries: a kept-alive connection the server has closed meanwhile fails
                // the first attempt ("Error writing request body to server"), seen in a full run.
                .build();
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new, empty bucket, made with the credentials this server knows. */
    public String newBucket() {
        String bucket = "catdata-" + UUID.randomUUID();
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** Every key in the bucket under the prefix, whole. */
    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    public Optional<byte[]> read(String bucket, String key) {
        try {
            return Optional.of(client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object's headers: its type, its length, its metadata. */
    public HeadObjectResponse head(String bucket, String key) {
        return client.headObject(request -> request.bucket(bucket).key(key));
    }

    public void write(String bucket, String key, byte[] bytes) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** An object as another tool (or damage) may leave it: these bytes, with this metadata. */
    public void write(String bucket, String key, byte[] bytes, Map<String, String> metadata) {
        client.putObject(request -> request.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(bytes));
    }

    public void delete(String bucket, String key) {
        client.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Stops serving: connections to its port are refused. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
        proxy = null;
    }

    /** Serves again, on the same port, with the same objects. */
    public synchronized void restart() {
        restartKnowing(ACCESS_KEY, SECRET_KEY);
    }

    /** Serves again on the same port, with the same objects, but knows only these credentials. */
    public synchronized void restartKnowing(String accessKey, String secretKey) {
        stop();
        serve(accessKey, secretKey);
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (client != null) {
                client.close();
            }
            objects.close();
        }
    }

    private void serve(String accessKey, String secretKey) {
        S3Proxy server = S3Proxy.builder()
                .blobStore(objects)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
                // Stopping otherwise waits up to 30 s for requests under way (2 s for one idle connection).
                .stopTimeout(0)
                .jettyMaxThreads(16)
                .build();
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        proxy = server;
        port = server.getPort();
    }
}
