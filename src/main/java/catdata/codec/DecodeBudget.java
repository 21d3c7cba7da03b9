package catdata.codec;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * The one gate every decode of a photo's pixels passes (an upload's check, a thumbnail): at most
 * {@code DECODES_AT_ONCE} at a time, and together never more than {@code MAX_DECODE_MEMORY}, each
 * counted at what its headers say it will take ({@link DeclaredImage#decodeBytes()} plus its
 * output). A decode that alone needs more is refused (413) before it starts; one that would wait
 * longer than {@link #MAX_WAIT_SECONDS} is told to come back (503), never held.
 */
@Component
public class DecodeBudget {

    static final long MAX_WAIT_SECONDS = 20;
    /** Memory is counted in kibibytes, so that a semaphore's int permits cover terabytes. */
    private static final int UNIT = 1024;

    @FunctionalInterface
    interface Decode<T> {
        T run();
    }

    private final long memory;
    private final Semaphore slots;
    private final Semaphore units;

    DecodeBudget(DecodeLimits limits) {
        this.memory = limits.maxDecodeMemory().toBytes();
        // Fair, so that a large decode waiting for room is not passed for good by a stream of small ones.
        this.slots = new Semaphore(limits.decodesAtOnce(), true);
        this.units = new Semaphore((int) Math.min(Integer.MAX_VALUE, memory / UNIT), true);
    }

    /**
     * Runs a decode of {@code declared} reduced by {@code step}, counted at what its headers say the
     * decoder needs plus its reduced output.
     */
    <T> T run(DeclaredImage declared, int step, Decode<T> decode) {
        return run(declared.decodeBytes() + PhotoDecoder.outputBytes(declared, step), decode);
    }

    private <T> T run(long bytes, Decode<T> decode) {
        if (bytes > memory) {
            throw new TooCostlyToDecode(memory);
        }
        int needed = (int) Math.max(1, (bytes + UNIT - 1) / UNIT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        acquire(slots, 1, deadline);
        try {
            acquire(units, needed, deadline);
            try {
                return decode.run();
            } finally {
                units.release(needed);
            }
        } finally {
            slots.release();
        }
    }

    private static void acquire(Semaphore semaphore, int permits, long deadline) {
        try {
            if (!semaphore.tryAcquire(permits, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new DecodersBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodersBusy();
        }
    }
}
