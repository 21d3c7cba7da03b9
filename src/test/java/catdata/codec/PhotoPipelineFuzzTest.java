package catdata.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole upload pipeline, one target per format: sniff, sanitize,
 * inspect (headers, then the budgeted decode), thumbnail ({@link UploadPipeline}). A finding is
 * any exception but the service's own 4xx refusals, any {@code OutOfMemoryError}, and any input
 * that takes longer than {@link #TIME_BUDGET}.
 *
 * <p>Under {@code mvn verify} each target runs in regression mode over its inputs in
 * {@code src/test/resources/catdata/image/PhotoPipelineFuzzTestInputs/<target>/} (the WebP
 * reproducers among them), and the seeds that {@link PhotoSeeds} makes run through the same check;
 * {@code fuzz/run.sh} fuzzes for real (see the README).
 */
@Tag("jazzer")
class PhotoPipelineFuzzTest {

    /** A photo of 10 MB at the pixel limit is checked well within this; a 1 KB input takes milliseconds. */
    static final Duration TIME_BUDGET = Duration.ofSeconds(5);

    private static final UploadPipeline PIPELINE = new UploadPipeline();

    @FuzzTest
    void jpeg(byte[] upload) throws IOException {
        fuzz(ImageFormat.JPEG, upload);
    }

    @FuzzTest
    void png(byte[] upload) throws IOException {
        fuzz(ImageFormat.PNG, upload);
    }

    @FuzzTest
    void webp(byte[] upload) throws IOException {
        fuzz(ImageFormat.WEBP, upload);
    }

    /** The seeds are valid photos: each must pass the whole pipeline, in time. */
    static Stream<Arguments> seeds() {
        return Stream.of(ImageFormat.values()).flatMap(format -> PhotoSeeds.of(format).stream()
                .map(seed -> Arguments.of(format, Named.of(format + " seed of " + seed.length + " bytes", seed))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everySeedIsStoredWithinTheTimeBudget(ImageFormat format, byte[] seed) {
        assertThat(assertTimeoutPreemptively(TIME_BUDGET, () -> PIPELINE.run(seed)))
                .isEqualTo(UploadPipeline.Outcome.STORED);
    }

    /**
     * Inputs of another format are left to that format's target, so each target's corpus and
     * coverage stay its own.
     */
    static void fuzz(ImageFormat format, byte[] upload) throws IOException {
        if (ImageFormat.sniff(upload).filter(format::equals).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        PIPELINE.run(upload);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_BUDGET) > 0) {
            throw new AssertionError("The pipeline took " + took.toMillis() + " ms for " + upload.length + " bytes");
        }
    }
}
