package catdata.security;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Lets at most {@code fetchesPerMinute} requests reach the JWKS endpoint in any sliding minute,
 * retries included, whatever tokens arrive.
 *
 * <p>Why not Nimbus's own {@code rateLimited(...)}: it admits two fetches per interval, so its
 * bound over a sliding minute is not the number operators configure. A refusal is reported as
 * "JWKS unavailable", like an unreachable issuer: the cache above keeps the keys it has, and the
 * token that asked for a key not among them is refused.
 */
final class JwksFetchLimiter implements JWKSetSource<SecurityContext> {

    private static final long WINDOW_MILLIS = 60_000;

    private final JWKSetSource<SecurityContext> source;
    private final int fetchesPerMinute;
    private final Deque<Long> recentFetches = new ArrayDeque<>();
    /** Until when the window is full: the oldest fetch in it plus a minute, once it holds the limit. */
    private volatile long refusingUntil = Long.MIN_VALUE;

    JwksFetchLimiter(JWKSetSource<SecurityContext> source, int fetchesPerMinute) {
        this.source = source;
        this.fetchesPerMinute = fetchesPerMinute;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        if (!admit(System.currentTimeMillis())) {
            throw new JWKSetUnavailableException("JWKS fetch limit of " + fetchesPerMinute + " per minute reached");
        }
        return source.getJWKSet(refreshEvaluator, currentTime, context);
    }

    synchronized boolean admit(long now) {
        while (!recentFetches.isEmpty() && recentFetches.peekFirst() <= now - WINDOW_MILLIS) {
            recentFetches.pollFirst();
        }
        if (recentFetches.size() >= fetchesPerMinute) {
            return false;
        }
        recentFetches.addLast(now);
        if (recentFetches.size() >= fetchesPerMinute) {
            refusingUntil = recentFetches.peekFirst() + WINDOW_MILLIS;
        }
        return true;
    }

    /**
     * Whether a fetch asked for at {@code now} would be refused. Lock-free, as every token with an
     * unknown key id asks ({@link UnknownKeyScreen}); it may say "admitted" for a fetch that
     * {@link #admit} then refuses, never the reverse.
     */
    boolean refusesAt(long now) {
        return now < refusingUntil;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
