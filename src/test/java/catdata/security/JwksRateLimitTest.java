package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * A flood of valid-looking tokens naming keys the issuer never published must not turn the service
 * into a JWKS request amplifier: every one is refused, at most {@code JWKS_FETCHES_PER_MINUTE}
 * (default 5) fetches happen in any minute, and tokens signed with the known key keep working
 * throughout. Own issuer and own application, so no other test spends this budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksRateLimitTest {

    private static final String PROTECTED = "/api/images";
    private static final int UNKNOWN_KID_REQUESTS = 1_000;
    private static final int VALID_EVERY = 10;
    private static final int DEFAULT_FETCHES_PER_MINUTE = 5;

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-rate-limit"));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void aBurstOfUnknownKeyIdsIsRefusedWithoutExceedingTheFetchLimit() throws Exception {
        ApiClient api = new ApiClient(port);
        int fetchesBefore = ISSUER.jwksRequests();
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);

        List<Sent> burst = sendConcurrently(api);

        List<Instant> allFetches = ISSUER.jwksRequestTimes();
        List<Instant> fetches = allFetches.subList(fetchesBefore, allFetches.size());
        assertThat(burst).extracting(sent -> sent.response().status()).allMatch(status -> status < 500);
        assertThat(burst).filteredOn(Sent::unknownKey).hasSize(UNKNOWN_KID_REQUESTS)
                .allSatisfy(sent -> assertUnknownKey(sent.response()));
        assertThat(burst).filteredOn(sent -> !sent.unknownKey()).hasSize(UNKNOWN_KID_REQUESTS / VALID_EVERY)
                .allSatisfy(sent -> assertThat(sent.response().status()).as(sent.response().toString())
                        .isEqualTo(200));
        assertThat(fetches).as("JWKS fetches, warm-up included").isNotEmpty();
        assertThat(mostInAnyMinute(fetches)).as("most JWKS fetches in any minute, of %d", fetches.size())
                .isLessThanOrEqualTo(DEFAULT_FETCHES_PER_MINUTE);
    }

    private static int mostInAnyMinute(List<Instant> times) {
        int most = 0;
        for (Instant start : times) {
            Instant end = start.plus(Duration.ofMinutes(1));
            most = Math.max(most, (int) times.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count());
        }
        return most;
    }

    /** The unknown-kid requests from eight threads, with a valid-token request after every tenth. */
    private static List<Sent> sendConcurrently(ApiClient api) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (int i = 1; i <= UNKNOWN_KID_REQUESTS; i++) {
                String unknown = ISSUER.token().keyId(UUID.randomUUID().toString()).build();
                futures.add(threads.submit(() -> new Sent(true, api.get(PROTECTED, bearer(unknown)))));
                if (i % VALID_EVERY == 0) {
                    String valid = ISSUER.token().build();
                    futures.add(threads.submit(() -> new Sent(false, api.get(PROTECTED, bearer(valid)))));
                }
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> future : futures) {
                sent.add(future.get());
            }
            return sent;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertUnknownKey(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error()).isEqualTo(StrictJwtDecoder.UNKNOWN_KEY);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    private record Sent(boolean unknownKey, ApiResponse response) {
    }
}
