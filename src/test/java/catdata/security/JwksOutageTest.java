package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * When the issuer goes away, the keys already fetched keep working past the cache's time to live
 * for JWKS_OUTAGE_TOLERANCE (shortened here from its default hour), nothing a client sends turns
 * the outage into a 5xx, and once the tolerance has run out requests are 503 until the issuer is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksOutageTest {

    private static final String PROTECTED = "/api/images";
    private static final long CACHE_TTL_SECONDS = 2;
    private static final long OUTAGE_TOLERANCE_SECONDS = 10;

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-outage"));
        registry.add("JWKS_CACHE_TTL", () -> CACHE_TTL_SECONDS + "s");
        registry.add("JWKS_OUTAGE_TOLERANCE", () -> OUTAGE_TOLERANCE_SECONDS + "s");
        registry.add("JWKS_FETCHES_PER_MINUTE", () -> "60");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    /** A key the service has not seen makes it fetch the key set now: each outage starts with fresh keys. */
    @BeforeEach
    void fetchFreshKeys() {
        api = new ApiClient(port);
        ISSUER.rotate();
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
    }

    @Test
    void tokensSignedWithACachedKeyAreAcceptedWhileTheIssuerIsDown() throws Exception {
        ISSUER.stop();
        try {
            TimeUnit.SECONDS.sleep(CACHE_TTL_SECONDS + 3);

            ApiResponse response = api.get(PROTECTED, bearer(ISSUER.token().build()));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        } finally {
            ISSUER.restart();
        }
    }

    @Test
    void unknownKeysDuringAnOutageAreRefusedWith401() throws Exception {
        ISSUER.stop();
        try {
            TimeUnit.SECONDS.sleep(CACHE_TTL_SECONDS + 3);

            for (int i = 0; i < 3; i++) {
                ApiResponse response = api.get(PROTECTED,
                        bearer(ISSUER.token().keyId(UUID.randomUUID().toString()).build()));

                assertThat(response.status()).as(response.toString()).isEqualTo(401);
                assertThat(response.error()).isEqualTo(StrictJwtDecoder.UNKNOWN_KEY);
                assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
            }
            assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        } finally {
            ISSUER.restart();
        }
    }

    @Test
    void onceTheToleranceHasRunOutRequestsAre503UntilTheIssuerIsBack() throws Exception {
        ApiResponse response;
        ISSUER.stop();
        try {
            TimeUnit.SECONDS.sleep(CACHE_TTL_SECONDS + OUTAGE_TOLERANCE_SECONDS + 2);

            response = api.get(PROTECTED, bearer(ISSUER.token().build()));
        } finally {
            ISSUER.restart();
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo(String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
        assertThat(response.error()).isEqualTo(ServiceUnavailable.MESSAGE);
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
    }
}
