package catdata.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of how an import reads an archive ({@link ArchiveReading}: the central
 * directory's check, ZipFile, every entry's name and sizes, the catalogue's JSON and rules, the
 * photos' bytes counted as they inflate). A finding is any exception but the import's own refusals
 * ({@link ArchiveRefusal}), any {@code OutOfMemoryError}, and any input that takes longer than
 * {@link #TIME_BUDGET}.
 *
 * <p>Under {@code mvn verify} the target runs in regression mode over its inputs in
 * {@code src/test/resources/catdata/archive/ArchiveReaderFuzzTestInputs/archive/}, and the seeds of
 * {@link ArchiveSeeds} must all be read; {@code fuzz/run.sh archive} fuzzes for real.
 */
@Tag("jazzer")
class ArchiveReaderFuzzTest {

    /** Within the fuzz limits (8 MB, 100 entries, 1,000 rows) an archive is read in well under this. */
    static final Duration TIME_BUDGET = Duration.ofSeconds(5);

    @FuzzTest
    void archive(byte[] archive) throws IOException {
        fuzz(archive);
    }

    static Stream<Named<byte[]>> seeds() {
        return ArchiveSeeds.all().stream().map(seed -> Named.of("seed of " + seed.length + " bytes", seed));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everySeedIsReadWithinTheTimeBudget(byte[] seed) {
        assertThat(assertTimeoutPreemptively(TIME_BUDGET, () -> ArchiveReading.read(seed)))
                .isEqualTo(ArchiveReading.Outcome.READ);
    }

    static void fuzz(byte[] archive) throws IOException {
        long start = System.nanoTime();
        ArchiveReading.read(archive);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_BUDGET) > 0) {
            throw new AssertionError("Reading took " + took.toMillis() + " ms for " + archive.length + " bytes");
        }
    }
}
