package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** Exactly the limit's bytes: no more from a longer stream, and never a quiet end from a shorter one. */
class LimitedInputStreamTest {

    @Test
    void aLongerStreamGivesTheLimitsBytesThenEnds() throws IOException {
        LimitedInputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}), 3);

        assertThat(limited.exhausted()).isFalse();
        assertThat(limited.readAllBytes()).containsExactly(1, 2, 3);
        assertThat(limited.exhausted()).isTrue();
        assertThat(limited.read()).isEqualTo(-1);
    }

    @Test
    void aStreamThatEndsBeforeTheLimitIsAnErrorNotAShortRead() {
        InputStream cutShort = new LimitedInputStream(new ByteArrayInputStream(new byte[] {1, 2}), 5);

        assertThatThrownBy(cutShort::readAllBytes).isInstanceOf(EOFException.class).hasMessageContaining("3 bytes early");
    }

    @Test
    void aStreamThatEndsBeforeTheLimitIsAnErrorByteByByteToo() throws IOException {
        InputStream cutShort = new LimitedInputStream(new ByteArrayInputStream(new byte[] {7}), 2);

        assertThat(cutShort.read()).isEqualTo(7);
        assertThatThrownBy(cutShort::read).isInstanceOf(EOFException.class);
    }
}
