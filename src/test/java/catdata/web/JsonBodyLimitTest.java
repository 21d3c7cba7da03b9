package catdata.web;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** JSON bodies are capped at 1 MiB, whether their length is declared or they arrive chunked. */
class JsonBodyLimitTest extends ApiTest {

    private static final int MAX = 1024 * 1024;
    private static final String TOO_LARGE = "Request body too large (max 1MB).";

    @Test
    void aBodyOfExactlyTheCapIsRead() {
        String token = newUserToken();

        ApiResponse created = api.send("POST", "/api/container", "application/json", padded("{\"name\":\"Box\"}", MAX),
                bearer(token));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutReadingIt() throws IOException {
        String token = newUserToken();

        // Declares 2 MB but sends a few bytes: only a refusal made before reading can answer.
        String status = rawStatusLine("POST /api/container HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000000\r\n\r\n{\"name\":\"Box\"}");

        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheCapGetsTheJsonError() {
        String token = newUserToken();

        ApiResponse refused = api.send("POST", "/api/container", "application/json",
                padded("{\"name\":\"Box\"}", MAX + 1), bearer(token));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.error()).isEqualTo(TOO_LARGE);
        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCap() {
        String token = newUserToken();

        ApiResponse refused = api.sendChunked("POST", "/api/container", "application/json",
                padded("{\"name\":\"Box\"}", MAX + 1), bearer(token));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.error()).isEqualTo(TOO_LARGE);
        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
    }

    @Test
    void aChunkedBodyUnderTheCapIsRead() {
        String token = newUserToken();

        ApiResponse created = api.sendChunked("PUT", "/api/container/1", "application/json",
                padded("{\"name\":\"Box\"}", MAX), bearer(token));

        // Read in full: the container does not exist for this user, which is only known after reading.
        assertThat(created.status()).isEqualTo(404);
    }

    @Test
    void anUnauthenticatedOversizedBodyGets401First() {
        ApiResponse refused = api.send("POST", "/api/container", "application/json",
                padded("{\"name\":\"Box\"}", MAX + 1));

        assertThat(refused.status()).isEqualTo(401);
    }

    private String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return reader.readLine();
        }
    }

    /** The JSON followed by spaces (insignificant in JSON) up to exactly {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        byte[] body = new byte[size];
        byte[] start = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        for (int i = start.length; i < size; i++) {
            body[i] = ' ';
        }
        return body;
    }
}
