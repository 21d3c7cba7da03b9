package catdata.household;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed invitation accepts per user: at most {@link #LIMIT} in {@link #WINDOW}, then 429 until
 * the oldest is out of the window. Codes are 128 random bits, so this is not what keeps them
 * safe; it keeps one account from hammering the table. Kept in memory, per instance.
 */
@Component
class FailedAccepts {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Refuses (429) a user who has failed too often lately. */
    void check(String sub) {
        Instant now = Instant.now();
        Deque<Instant> recent = failures.get(sub);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() >= LIMIT) {
                long wait = Duration.between(now, recent.peekFirst().plus(WINDOW)).toSeconds() + 1;
                throw new TooManyAttempts(Math.max(1, wait));
            }
        }
    }

    void record(String sub) {
        Instant now = Instant.now();
        Deque<Instant> recent = failures.computeIfAbsent(sub, key -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
        // Users whose failures have all aged out are forgotten, so the map stays small.
        failures.values().removeIf(other -> other != recent && isStale(other, now));
    }

    private static boolean isStale(Deque<Instant> recent, Instant now) {
        synchronized (recent) {
            prune(recent, now);
            return recent.isEmpty();
        }
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().plus(WINDOW).isBefore(now)) {
            recent.removeFirst();
        }
    }
}
