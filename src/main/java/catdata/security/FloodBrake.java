package catdata.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts a flood of made-up key ids behind the service's real callers. Such a token is refused from
 * its header alone ({@link UnknownKeyScreen}), as cheaply as {@code GET /}, yet 64 connections
 * sending them still take four times the CPU of 16 callers with good tokens, since the CPU is shared
 * by runnable thread. So while requests with verified tokens are in flight ({@link VerifiedTraffic}),
 * the refusal of a screened token is answered {@value #DELAY_MILLIS} ms later, asynchronously: the
 * thread goes back to the pool at once, and each flooding connection sends at most a score of
 * requests a second. With no one else to serve, refusals go out at once.
 *
 * <p>Only refusals the screen made are held back: a token naming a key the issuer just rotated in
 * is fetched for as before, and no other answer changes, only when the 401 leaves.
 */
final class FloodBrake implements AutoCloseable {

    static final long DELAY_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(FloodBrake.class);

    private final VerifiedTraffic traffic;
    private final Duration delay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flood-brake");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong heldBack = new AtomicLong();

    FloodBrake(VerifiedTraffic traffic) {
        this(traffic, Duration.ofMillis(DELAY_MILLIS));
    }

    FloodBrake(VerifiedTraffic traffic, Duration delay) {
        this.traffic = traffic;
        this.delay = delay;
    }

    /** Whether this failure's answer is to be held back: a screened token while real callers wait. */
    boolean holdsBack(HttpServletRequest request, AuthenticationException failure) {
        return failure.getCause() instanceof StrictJwtDecoder.ScreenedOut && traffic.any()
                && request.isAsyncSupported() && !request.isAsyncStarted();
    }

    /**
     * Writes the answer after the delay. The request's thread is free meanwhile; the brake's one
     * thread only hands the answer back to the server's pool, so a client slow to read cannot stall it.
     */
    void answerLater(HttpServletRequest request, HttpServletResponse response, Answer answer) {
        AsyncContext async = request.startAsync(request, response);
        heldBack.incrementAndGet();
        Runnable write = () -> {
            try {
                answer.write((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse());
            } catch (IOException | ServletException | RuntimeException e) {
                // The client may have gone while it waited; nothing else is owed to it.
                log.debug("Held-back refusal not written: {}", e.toString());
            } finally {
                async.complete();
            }
        };
        try {
            timer.schedule(() -> async.start(write), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            write.run();
        }
    }

    /** How many answers were held back so far. */
    long heldBack() {
        return heldBack.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The answer to write once the delay is over. */
    @FunctionalInterface
    interface Answer {
        void write(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }
}
