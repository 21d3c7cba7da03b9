package catdata.storage;

import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A photo in the bucket, opened by a GET whose body has not been read yet: its size is known, its
 * bytes come as they are read, never held whole. A byte range near the start is read from that
 * same GET, the bytes before it skipped (cheaper than a second signed request); one further in is a
 * ranged GET of its own, for that version of the object only (so two versions never mix), and the
 * first response is aborted unread. A response not read to its end is aborted, which drops its
 * connection: closing it otherwise would read the rest, to reuse the connection.
 */
final class OpenedObject implements OpenedFile {

    /** Bytes skipped in the open GET rather than asked for by a second one (a phone's photo is a few MB). */
    static final long SKIP_AT_MOST = 1024 * 1024;

    private final S3Client s3;
    private final S3Location location;
    private final String key;
    private final ResponseInputStream<GetObjectResponse> whole;
    private final long size;
    private ResponseInputStream<GetObjectResponse> part;
    private LimitedInputStream reading;

    OpenedObject(S3Client s3, S3Location location, String key, ResponseInputStream<GetObjectResponse> whole) {
        this.s3 = s3;
        this.location = location;
        this.key = key;
        this.whole = whole;
        this.size = whole.response().contentLength();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream bytes() {
        return bytes(0, size - 1);
    }

    @Override
    public InputStream bytes(long start, long end) {
        if (reading != null) {
            throw new IllegalStateException("An opened photo is read once");
        }
        if (start <= SKIP_AT_MOST) {
            try {
                whole.skipNBytes(start);
            } catch (IOException e) {
                throw S3Failures.unavailable("read a range of " + key, location,
                        SdkClientException.create("could not skip to byte " + start, e));
            }
            reading = new LimitedInputStream(whole, end - start + 1);
            return reading;
        }
        whole.abort();
        try {
            part = s3.getObject(request -> request.bucket(location.bucket()).key(key)
                    .range("bytes=" + start + "-" + end).ifMatch(whole.response().eTag()));
        } catch (SdkException e) {
            // Also a photo deleted or replaced since it was opened (404, 412): asked again, the
            // client gets what is there now.
            throw S3Failures.unavailable("read a range of " + key, location, e);
        }
        String expected = "bytes " + start + "-" + end + "/" + size;
        if (!expected.equals(part.response().contentRange())) {
            // A server that ignored the range would send the object's first bytes as the range's.
            throw S3Failures.unavailable("read a range of " + key, location, SdkClientException.create(
                    "asked for " + expected + ", got Content-Range " + part.response().contentRange()));
        }
        reading = new LimitedInputStream(part, end - start + 1);
        return reading;
    }

    @Override
    public void close() throws IOException {
        try {
            release(whole, part == null && reading != null);
        } finally {
            if (part != null) {
                release(part, true);
            }
        }
    }

    /** Aborts the response unless {@code handedOut} and read to its end. */
    private void release(ResponseInputStream<GetObjectResponse> response, boolean handedOut) throws IOException {
        if (!handedOut || !reading.exhausted()) {
            response.abort();
        }
        response.close();
    }
}
