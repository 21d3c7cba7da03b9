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

/**
 * When the issuer goes away, the keys already fetched keep working past the cache's time to live
 * (JWKS_OUTAGE_TOLERANCE), and nothing a client sends turns the outage into a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksOutageTest {

    private static final String PROTECTED = "/api/images";
    private static final long CACHE_TTL_SECONDS = 2;

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-outage"));
        registry.add("JWKS_CACHE_TTL", () -> CACHE_TTL_SECONDS + "s");
        registry.add("JWKS_FETCHES_PER_MINUTE", () -> "60");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void warmTheCache() {
        api = new ApiClient(port);
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
    }

    @Test
    void tokensSignedWithACachedKeyAreAcceptedWhileTheIssuerIsDown() throws Exception {
        ISSUER.stop();
        try {
            waitWellPastTheCacheTtl();

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
            waitWellPastTheCacheTtl();

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

    /** The cached key set is then expired, so only the outage tolerance can still be serving it. */
    private static void waitWellPastTheCacheTtl() throws InterruptedException {
        TimeUnit.SECONDS.sleep(CACHE_TTL_SECONDS + 3);
    }
}
