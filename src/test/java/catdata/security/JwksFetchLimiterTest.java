package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;

/** The sliding minute of {@link JwksFetchLimiter}, driven by explicit times. */
class JwksFetchLimiterTest {

    private static final long START = 1_000_000L;
    private static final long MINUTE = 60_000L;

    private final CountingSource source = new CountingSource();

    @Test
    void admitsTheConfiguredNumberOfFetchesInAMinute() {
        JwksFetchLimiter limiter = new JwksFetchLimiter(source, 5);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit(START + i * 1_000L)).as("fetch %d", i + 1).isTrue();
        }
    }

    @Test
    void refusesTheFetchAfterTheConfiguredNumber() {
        JwksFetchLimiter limiter = admittedFiveTimes();

        assertThat(limiter.admit(START + 10_000)).isFalse();
        assertThat(limiter.admit(START + MINUTE - 1)).isFalse();
    }

    @Test
    void admitsAgainOnceTheOldestFetchIsAMinuteOld() {
        JwksFetchLimiter limiter = admittedFiveTimes();

        assertThat(limiter.admit(START + MINUTE)).isTrue();
        // Only the oldest left the window; the second oldest (START + 1 s) is still inside it.
        assertThat(limiter.admit(START + MINUTE)).isFalse();
        assertThat(limiter.admit(START + MINUTE + 999)).isFalse();
        assertThat(limiter.admit(START + MINUTE + 1_000)).isTrue();
    }

    @Test
    void refusedFetchesDoNotUseUpTheBudget() {
        JwksFetchLimiter limiter = admittedFiveTimes();
        for (int i = 0; i < 100; i++) {
            limiter.admit(START + 30_000);
        }

        assertThat(limiter.admit(START + MINUTE)).isTrue();
    }

    @Test
    void saysItRefusesExactlyWhileTheWindowIsFull() {
        JwksFetchLimiter limiter = new JwksFetchLimiter(source, 5);
        for (int i = 0; i < 4; i++) {
            limiter.admit(START + i * 1_000L);
        }
        assertThat(limiter.refusesAt(START + 4_000)).as("one fetch left").isFalse();

        limiter.admit(START + 4_000);

        assertThat(limiter.refusesAt(START + 4_000)).isTrue();
        assertThat(limiter.refusesAt(START + MINUTE - 1)).isTrue();
        assertThat(limiter.admit(START + MINUTE - 1)).as("as admit decides").isFalse();
        assertThat(limiter.refusesAt(START + MINUTE)).as("the oldest has left the window").isFalse();
        assertThat(limiter.admit(START + MINUTE)).isTrue();
        assertThat(limiter.refusesAt(START + MINUTE)).as("full again until the next oldest leaves").isTrue();
        assertThat(limiter.refusesAt(START + MINUTE + 1_000)).isFalse();
    }

    @Test
    void aRefusalIsReportedAsJwksUnavailableWithoutReachingTheIssuer() throws Exception {
        JwksFetchLimiter limiter = new JwksFetchLimiter(source, 1);

        limiter.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null);

        assertThatThrownBy(() -> limiter.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(),
                System.currentTimeMillis(), null))
                .isInstanceOf(JWKSetUnavailableException.class)
                .hasMessageContaining("1 per minute");
        assertThat(source.fetches.get()).isEqualTo(1);
    }

    /** Five fetches one second apart, starting at {@link #START}. */
    private JwksFetchLimiter admittedFiveTimes() {
        JwksFetchLimiter limiter = new JwksFetchLimiter(source, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit(START + i * 1_000L)).isTrue();
        }
        return limiter;
    }

    private static final class CountingSource implements JWKSetSource<SecurityContext> {

        private final AtomicInteger fetches = new AtomicInteger();

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
                SecurityContext context) {
            fetches.incrementAndGet();
            return new JWKSet();
        }

        @Override
        public void close() {
        }
    }
}
