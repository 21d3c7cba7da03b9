package catdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written form must be the JDK pattern's, character for character. */
class IsoMillisTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-11-27T01:50:07.123Z", "2026-11-27T01:50:07Z",
            "2026-11-27T01:50:07.070Z", "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.001Z", "+10000-01-01T00:00:00Z", "-0001-06-15T12:00:00Z"})
    void writesWhatThePatternWrites(String instant) {
        Instant value = Instant.parse(instant);
        assertThat(IsoMillis.format(value)).isEqualTo(IsoMillis.PATTERN.format(value));
    }

    @Test
    void writesWhatThePatternWritesForRandomInstants() {
        Random random = new Random(5);
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long earliest = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant value = Instant.ofEpochSecond(earliest + (long) (random.nextDouble() * (latest - earliest)),
                    random.nextInt(1_000_000_000));
            assertThat(IsoMillis.format(value)).isEqualTo(IsoMillis.PATTERN.format(value));
        }
    }

    @Test
    void alwaysHasThreeFractionDigitsAndZ() {
        assertThat(IsoMillis.format(Instant.parse("2026-11-27T01:50:07Z"))).isEqualTo("2026-11-27T01:50:07.000Z");
    }
}
