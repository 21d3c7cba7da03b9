package catdata.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real HTTP requests to the running service. Headers are passed as name/value pairs so a test
 * can send exactly what it means to, including broken ones.
 */
public final class ApiClient {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String base;
    private final Duration timeout;

    public ApiClient(int port) {
        this(port, DEFAULT_TIMEOUT);
    }

    private ApiClient(int port, Duration timeout) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    /** A client that gives up on a response after {@code timeout}: a service that hangs fails the test. */
    public static ApiClient withTimeout(int port, Duration timeout) {
        return new ApiClient(port, timeout);
    }

    /** For a test that must write bytes no HTTP client would send. */
    public int port() {
        return port;
    }

    public ApiResponse get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public ApiResponse delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public ApiResponse options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public ApiResponse send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, headers)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Sends the body without a Content-Length (chunked), as a client streaming it would. */
    public ApiResponse sendChunked(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, headers)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", contentType);
        return send(request);
    }

    public ApiResponse upload(String path, List<Part> parts, String... headers) {
        String boundary = "catdata-" + UUID.randomUUID();
        return send("POST", path, "multipart/form-data; boundary=" + boundary, multipartBody(boundary, parts), headers);
    }

    /** One part of a multipart body: a file in {@code field}. */
    public record Part(String field, String filename, String contentType, byte[] content) {
        public static Part file(String filename, String contentType, byte[] content) {
            return new Part("file", filename, contentType, content);
        }
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body {@link #upload} sends, for a test that must send it by hand (slowly, or cut off). */
    public static byte[] multipartBody(String boundary, List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<byte[]> chunks = new ArrayList<>();
        for (Part part : parts) {
            chunks.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field()
                    + "\"; filename=\"" + part.filename() + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            chunks.add(part.content());
            chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        chunks.forEach(body::writeBytes);
        return body.toByteArray();
    }
}
