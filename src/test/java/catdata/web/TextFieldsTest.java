package catdata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import catdata.error.InvalidInput;

/** Names are trimmed as the original service's JavaScript {@code trim()} did. */
class TextFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {" Box ", "\tBox\n", "\u00a0Box\u00a0", "\u3000Box\u2003", "\ufeffBox", "\u2028Box\u202f"})
    void whiteSpaceAroundANameGoesIncludingNoBreakSpaces(String raw) {
        assertThat(TextFields.name(raw)).isEqualTo("Box");
    }

    @Test
    void whiteSpaceInsideANameStays() {
        assertThat(TextFields.name("  Garage\u00a0 box  ")).isEqualTo("Garage\u00a0 box");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0", "\ufeff\u3000"})
    void aNameOfWhiteSpaceOnlyIsNoName(String raw) {
        assertThatThrownBy(() -> TextFields.name(raw)).isInstanceOf(InvalidInput.class).hasMessage("Name is required.");
    }

    @Test
    void aDescriptionIsKeptAsWritten() {
        assertThat(TextFields.description("  on the top shelf\n")).isEqualTo("  on the top shelf\n");
        assertThat(TextFields.description(null)).isEmpty();
    }

    @Test
    void aSurrogatePairIsOneCharacterButALoneSurrogateIsRefused() {
        assertThat(TextFields.name("\ud83d\udce6".repeat(TextFields.MAX_NAME))).hasSize(2 * TextFields.MAX_NAME);
        assertThatThrownBy(() -> TextFields.name("Box \ud800")).isInstanceOf(InvalidInput.class)
                .hasMessage("Name must be valid Unicode text.");
    }
}
