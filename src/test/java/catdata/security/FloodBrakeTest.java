package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestIssuer;

/**
 * The service as it runs, over HTTP: once the JWKS fetch limit is spent, a token naming an unknown
 * key is refused at once while no real caller is being served, and held back (answered from the
 * brake's thread, the request's own thread freed) while one is; the answer is the same 401 with
 * the same body and header either way, and the request log still has its line. The real caller
 * here is a request with a valid token whose body has not arrived yet, so it stays in flight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FloodBrakeTest {

    private static final String PROTECTED = "/api/containers";
    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;
    @Autowired
    private FloodBrake brake;
    @Autowired
    private VerifiedTraffic traffic;
    @Autowired
    private UnknownKeyScreen screen;
    @Autowired
    private LoggingSystem logging;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-flood-brake"));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void spendTheFetchLimit() {
        api = new ApiClient(port);
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        while (!screen.refuses(randomKeyId(), System.currentTimeMillis())) {
            assertUnknownKey(api.get(PROTECTED, bearer(unknownKeyIdToken())));
        }
    }

    @Test
    void withNoRealCallerServedTheRefusalIsNotHeldBack() {
        long heldBefore = brake.heldBack();

        assertUnknownKey(api.get(PROTECTED, bearer(unknownKeyIdToken())));

        assertThat(traffic.any()).isFalse();
        assertThat(brake.heldBack()).isEqualTo(heldBefore);
    }

    @Test
    void whileARealCallerIsServedTheRefusalIsHeldBackAndAnsweredTheSame(CapturedOutput output) throws Exception {
        long heldBefore = brake.heldBack();
        logging.setLogLevel("catdata.requests", LogLevel.INFO);
        try (Socket inFlight = verifiedRequestAwaitingItsBody()) {
            awaitVerifiedTraffic(inFlight);

            ApiResponse refused = api.get(PROTECTED, bearer(unknownKeyIdToken()));

            assertUnknownKey(refused);
            assertThat(brake.heldBack()).isEqualTo(heldBefore + 1);
            // Logged once the answer is complete (just after the client has it), with its status.
            assertThat(awaitRequestLine(output, "GET " + PROTECTED)).containsPattern(" 401 \\d+ms sub=-$");
        } finally {
            logging.setLogLevel("catdata.requests", null);
        }
    }

    private static String awaitRequestLine(CapturedOutput output, String request) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<String> lines = output.getOut().lines()
                    .filter(line -> line.contains("catdata.requests") && line.contains(request)).toList();
            if (!lines.isEmpty()) {
                assertThat(lines).hasSize(1);
                return lines.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request log line for " + request);
    }

    @Test
    void aValidTokenIsNeverHeldBack() throws Exception {
        long heldBefore = brake.heldBack();
        try (Socket inFlight = verifiedRequestAwaitingItsBody()) {
            awaitVerifiedTraffic(inFlight);

            assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        }
        assertThat(brake.heldBack()).isEqualTo(heldBefore);
    }

    /** A POST with a valid token and half its body: it stays in the service, past authentication. */
    private Socket verifiedRequestAwaitingItsBody() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        String head = "POST /api/container HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + ISSUER.token().build() + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"na";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private void awaitVerifiedTraffic(Socket inFlight) throws InterruptedException {
        for (int i = 0; i < 500 && !traffic.any(); i++) {
            Thread.sleep(10);
        }
        assertThat(inFlight.isClosed()).isFalse();
        assertThat(traffic.any()).as("the half-sent request is being served").isTrue();
    }

    private static void assertUnknownKey(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error()).isEqualTo(StrictJwtDecoder.UNKNOWN_KEY);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String unknownKeyIdToken() {
        return ISSUER.token().keyId(randomKeyId()).build();
    }

    private static String randomKeyId() {
        return UUID.randomUUID().toString();
    }
}
