package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestIssuer;
import catdata.error.ServiceUnavailable;

/**
 * An issuer whose key set has been unreachable since the service started: no token can be checked,
 * which is our dependency's failure, not the client's. Own application, so no key was ever loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksNeverLoadedTest {

    private static final String PROTECTED = "/api/images";

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-never-loaded"));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void withNoKeyEverLoadedRequestsAre503WithRetryAfterUntilTheIssuerAnswers() {
        ApiClient api = new ApiClient(port);
        ISSUER.stop();
        ApiResponse response;
        ApiResponse unknownKey;
        ApiResponse unsigned;
        try {
            response = api.get(PROTECTED, bearer(ISSUER.token().build()));
            unknownKey = api.get(PROTECTED, bearer(ISSUER.token().keyId("another-key").build()));
            unsigned = api.get(PROTECTED, bearer(ISSUER.token().buildUnsigned()));
        } finally {
            ISSUER.restart();
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo(String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
        assertThat(response.header("Content-Type")).contains("json");
        assertThat(response.error()).isEqualTo(ServiceUnavailable.MESSAGE);
        assertThat(unknownKey.status()).as("a token naming another key cannot be checked either").isEqualTo(503);
        assertThat(unsigned.status()).as("a token refused by the cheap checks needs no key").isEqualTo(401);
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
    }
}
