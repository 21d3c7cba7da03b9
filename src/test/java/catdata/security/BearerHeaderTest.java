package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/**
 * Where a bearer token is taken from: {@code Authorization: Bearer <token>} only, the scheme in any
 * case, with exactly one space. Two credentials in one request are refused as ambiguous; a token
 * anywhere else is not seen at all.
 */
class BearerHeaderTest extends ApiTest {

    private static final String PROTECTED = "/api/images";

    @Test
    void theSchemeIsReadInAnyCase() {
        String token = newUserToken();

        assertThat(api.get(PROTECTED, "Authorization", "bearer " + token).status()).isEqualTo(200);
        assertThat(api.get(PROTECTED, "Authorization", "BEARER " + token).status()).isEqualTo(200);
        assertThat(api.get(PROTECTED, "Authorization", "bEaReR " + token).status()).isEqualTo(200);
    }

    @Test
    void anythingButExactlyOneSpaceBeforeTheTokenIsMalformed() {
        String token = newUserToken();

        for (String header : new String[] {"Bearer  " + token, "Bearer\t" + token, "Bearer " + token + " x",
                "Bearer " + token + ", Bearer " + token, "Bearer"}) {
            ApiResponse response = api.get(PROTECTED, "Authorization", header);

            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.error()).isEqualTo(BearerHeaderResolver.MALFORMED);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void otherSchemesCountAsNoToken() {
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "Digest username=\"a\"", "Token abc", "Bearerabc",
                ""}) {
            ApiResponse response = api.get(PROTECTED, "Authorization", header);

            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.error()).isEqualTo(JsonBearerEntryPoint.NO_TOKEN);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        }
    }

    @Test
    void twoAuthorizationHeadersAreABadRequest() throws IOException {
        String token = newUserToken();

        RawResponse response = sendRaw("GET " + PROTECTED + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nAuthorization: Bearer " + token + "\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
        assertThat(response.body()).contains("\"error\":\"" + BearerHeaderResolver.TWO_HEADERS + "\"");
    }

    @Test
    void aBearerAndABasicHeaderAreABadRequestToo() throws IOException {
        RawResponse response = sendRaw("GET " + PROTECTED + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Basic dXNlcjpwYXNz\r\nAuthorization: Bearer " + newUserToken() + "\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
    }

    @Test
    void aTokenInTheHeaderAndInTheQueryStringIsABadRequest() {
        String token = newUserToken();

        for (String query : new String[] {"?access_token=" + token, "?limit=5&access_token=" + token,
                "?access%5Ftoken=" + token, "?access_token=", "?access_token"}) {
            ApiResponse response = api.get(PROTECTED + query, bearer(token));

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.error()).isEqualTo(BearerHeaderResolver.TWO_TOKENS);
            assertThat(response.header("Content-Type")).contains("json");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
        }
    }

    @Test
    void aTokenOnlyInTheQueryStringIsIgnored() {
        ApiResponse response = api.get(PROTECTED + "?access_token=" + newUserToken());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo(JsonBearerEntryPoint.NO_TOKEN);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
    }

    @Test
    void otherQueryParametersBesideAHeaderAreFine() {
        String token = newUserToken();

        assertThat(api.get(PROTECTED + "?limit=5&x_access_token=1&ACCESS_TOKEN=2", bearer(token)).status())
                .isEqualTo(200);
    }

    @Test
    void aTokenInAFormBodyIsNeitherReadNorCounted() {
        String token = newUserToken();
        byte[] form = ("access_token=" + token).getBytes(StandardCharsets.UTF_8);

        ApiResponse alone = api.send("POST", "/api/tag", "application/x-www-form-urlencoded", form);
        ApiResponse beside = api.send("POST", "/api/tag", "application/x-www-form-urlencoded", form, bearer(token));

        assertThat(alone.status()).isEqualTo(401);
        assertThat(alone.error()).isEqualTo(JsonBearerEntryPoint.NO_TOKEN);
        // Authenticated: the controller, not the token resolver, refuses a form where it wants JSON.
        assertThat(beside.status()).as(beside.toString()).isEqualTo(415);
    }

    private RawResponse sendRaw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new RawResponse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A response read off the socket: status line, headers and body as text. */
    private record RawResponse(String text) {

        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
