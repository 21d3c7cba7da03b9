package catdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import catdata.support.ApiTest;

/**
 * What Tomcat and Spring Security's firewall refuse before any controller runs gets the same JSON
 * error as everything else, not Tomcat's HTML page or an empty body. Written on raw sockets: no
 * HTTP client sends these.
 */
class RefusedBeforeSpringTest extends ApiTest {

    private static final String MALFORMED = "Malformed HTTP request.";
    private static final String NOT_ALLOWED =
            "The request URL, a parameter or a header contains characters that are not allowed.";

    static Stream<Arguments> requestsTomcatRefuses() {
        String headers = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        return Stream.of(
                refused("encoded slash in the path", "GET /api/item/1%2F2" + headers, 400, MALFORMED),
                refused("encoded NUL in the path", "GET /api/item/1%00" + headers, 400, MALFORMED),
                refused("overlong UTF-8 in the path", "GET /api/item/%C0%AF" + headers, 400, MALFORMED),
                refused("encoded surrogate in the path", "GET /api/item/%ED%A0%80" + headers, 400, MALFORMED),
                refused("a byte that is not UTF-8 in the path", "DELETE /api/tag/%FF" + headers, 400, MALFORMED),
                refused("encoded backslash in the path", "GET /api/item/1%5C2" + headers, 400, MALFORMED),
                refused("raw space in the path", "GET /api/item/1 2" + headers, 400, MALFORMED),
                refused("raw control character in the path", "GET /api/item/\u0001" + headers, 400, MALFORMED),
                refused("raw 8-bit byte in the path", "GET /api/item/\u00ff" + headers, 400, MALFORMED),
                refused("raw 8-bit byte in the query", "GET /api/items?q=\u00e9" + headers, 400, MALFORMED),
                refused("query of 20,000 characters", "GET /api/items?q=" + "a".repeat(20_000) + headers, 400,
                        MALFORMED),
                refused("header of 20,000 characters", "GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                        + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 400, MALFORMED),
                refused("request line that is not HTTP", "GARBAGE\r\n\r\n", 400, MALFORMED),
                refused("method that is not a token", "G(T /api/items" + headers, 400, MALFORMED),
                refused("header line without a colon", "GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nBad header\r\n"
                        + "Connection: close\r\n\r\n", 400, MALFORMED),
                refused("no Host header", "GET /api/items HTTP/1.1\r\nConnection: close\r\n\r\n", 400, MALFORMED),
                refused("Content-Length that is not a number", "POST /api/container HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: abc\r\nConnection: close\r\n\r\n{}", 400, MALFORMED),
                refused("two Content-Lengths", "POST /api/container HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}", 400, MALFORMED),
                refused("unknown transfer coding", "POST /api/container HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: bogus\r\nConnection: close\r\n\r\n{}", 501, "Not Implemented."),
                refused("HTTP version 9.9", "GET /api/items HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 505,
                        "HTTP Version not supported."));
    }

    private static Arguments refused(String name, String request, int status, String error) {
        return Arguments.of(Named.of(name, request), status, error);
    }

    @ParameterizedTest
    @MethodSource
    void requestsTomcatRefuses(String request, int status, String error) {
        RawHttp.Answer answer = RawHttp.send(api.port(), request);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("error").asString()).isEqualTo(error);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    }

    /** Content negotiation reads Accept too, so the error page must not be what answers. */
    @ParameterizedTest
    @ValueSource(strings = {"Accept", "Authorization", "X-Anything"})
    void aHeaderWithAControlCharacterIsAJson400(String header) {
        String token = newUserToken();
        String authorization = header.equals("Authorization") ? "" : "Authorization: Bearer " + token + "\r\n";

        RawHttp.Answer answer = RawHttp.send(api.port(), "GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + authorization + header + ": a\u0085b\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("error").asString()).isEqualTo(NOT_ALLOWED);
    }

    @Test
    void aNulInAParameterNameIsAJson400() {
        RawHttp.Answer answer = RawHttp.send(api.port(), "GET /api/items?%00=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + newUserToken() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("error").asString()).isEqualTo(NOT_ALLOWED);
    }

    /** No HTTP client sends a broken escape; the query is refused even where nothing reads it. */
    @ParameterizedTest
    @ValueSource(strings = {"x=%ZZ", "x=%", "x=%4", "%G0=1", "x=%C0%AF"})
    void aQueryWithABrokenEscapeIsMalformed(String query) {
        RawHttp.Answer answer = RawHttp.send(api.port(), "GET /api/item/1?" + query + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + newUserToken() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("error").asString()).isEqualTo("Malformed query string.");
    }
}
