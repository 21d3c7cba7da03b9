package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

/**
 * An issuer whose key set takes 10 seconds to answer never delays a request whose key is cached,
 * not even once the cache's time to live has passed: the refresh then happens in the background
 * while the cached keys stay in use. A token naming an unknown key waits for its own refresh only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksSlowIssuerTest {

    private static final String PROTECTED = "/api/images";
    private static final long CACHE_TTL_SECONDS = 2;
    private static final int JWKS_DELAY_MILLIS = 10_000;
    /** Well under the JWKS read timeout (3 s), which a request waiting for a refresh would take at least. */
    private static final long PROMPT_MILLIS = 2_000;

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-slow"));
        registry.add("JWKS_CACHE_TTL", () -> CACHE_TTL_SECONDS + "s");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.delayJwks(0);
        ISSUER.close();
    }

    @Test
    void requestsWithACachedKeyAnswerPromptlyBeforeAndAfterTheCacheTtl() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        int fetchesBefore = ISSUER.jwksRequests();
        ISSUER.delayJwks(JWKS_DELAY_MILLIS);
        try {
            List<Long> before = timedRequests(api, Duration.ofSeconds(1));
            TimeUnit.SECONDS.sleep(CACHE_TTL_SECONDS + 2);
            CompletableFuture<ApiResponse> unknownKey = CompletableFuture.supplyAsync(() ->
                    api.get(PROTECTED, bearer(ISSUER.token().keyId(UUID.randomUUID().toString()).build())));

            List<Long> after = timedRequests(api, Duration.ofSeconds(12));

            assertThat(before).allSatisfy(millis -> assertThat(millis).isLessThan(PROMPT_MILLIS));
            assertThat(after).as("milliseconds per request past the TTL").hasSizeGreaterThan(10)
                    .allSatisfy(millis -> assertThat(millis).isLessThan(PROMPT_MILLIS));
            assertThat(ISSUER.jwksRequests()).as("refreshes were attempted meanwhile").isGreaterThan(fetchesBefore);
            ApiResponse unknown = unknownKey.get(30, TimeUnit.SECONDS);
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(401);
            assertThat(unknown.error()).isEqualTo(StrictJwtDecoder.UNKNOWN_KEY);
        } finally {
            ISSUER.delayJwks(0);
        }
    }

    /** Requests with the cached key for {@code duration}, each checked to succeed; how long each took. */
    private static List<Long> timedRequests(ApiClient api, Duration duration) throws InterruptedException {
        List<Long> millis = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            String token = ISSUER.token().build();
            long start = System.nanoTime();
            ApiResponse response = api.get(PROTECTED, bearer(token));
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return millis;
    }
}
