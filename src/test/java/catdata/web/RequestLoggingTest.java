package catdata.web;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import catdata.support.ApiTest;
import catdata.support.TestIssuer;
import catdata.support.TokenBuilder;

/**
 * One line per request, with the caller and without the query string (where tokens could be
 * passed); never a token anywhere in the log, even with the server's loggers at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTest extends ApiTest {

    @Autowired
    private LoggingSystem logging;

    /** The service's loggers and the frameworks that see the Authorization header. */
    private static final String[] SERVER_SIDE = {"catdata", "org.springframework.security", "org.springframework.web",
            "org.apache.catalina", "org.apache.coyote", "com.nimbusds"};

    @BeforeEach
    void logEverythingOnTheServer() {
        for (String logger : SERVER_SIDE) {
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
    }

    @AfterEach
    void quietAgain() {
        for (String logger : SERVER_SIDE) {
            logging.setLogLevel(logger, null);
        }
    }

    @Test
    void eachRequestIsOneLineWithMethodPathStatusDurationAndCaller(CapturedOutput output) {
        TokenBuilder builder = ISSUER.token();
        String token = builder.build();

        api.get("/api/images?secret=query", bearer(token));

        assertThat(output.getOut().lines().filter(line -> line.contains("catdata.requests")))
                .singleElement().asString()
                .containsPattern("GET /api/images 200 \\d+ms sub=" + builder.subject())
                .doesNotContain("secret=query");
    }

    @Test
    void tokensNeverReachTheLog(CapturedOutput output) {
        String valid = ISSUER.token().build();
        String expired = ISSUER.token().expiredAt(Instant.now().minusSeconds(600)).build();
        String forged = ISSUER.token().signedWith(TestIssuer.newKey()).build();

        api.get("/api/images", bearer(valid));
        api.get("/api/images", bearer(expired));
        api.get("/api/images", bearer(forged));

        String log = output.getOut() + output.getErr();
        assertThat(log).contains("GET /api/images 401");
        for (String token : new String[] {valid, expired, forged}) {
            assertThat(log).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }
}
