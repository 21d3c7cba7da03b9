package catdata.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    private final UniqueNames names = new UniqueNames(name -> name.toLowerCase(Locale.ROOT));

    @Test
    void aNameIsKeptUntilOneEqualIgnoringCaseComes() {
        assertThat(names.claim("Box")).isEqualTo("Box");
        assertThat(names.claim("Attic")).isEqualTo("Attic");
        assertThat(names.claim("box")).isEqualTo("box (2)");
        assertThat(names.claim("BOX")).isEqualTo("BOX (3)");
    }

    @Test
    void aNumberedNameAlreadyTakenIsSkipped() {
        names.claim("Box (2)");
        names.claim("Box");
        assertThat(names.claim("box")).isEqualTo("box (3)");
    }

    @Test
    void aLongNameIsShortenedToFitItsNumberWithin255Characters() {
        String long255 = "x".repeat(255);
        names.claim(long255);
        String renamed = names.claim(long255.toUpperCase(Locale.ROOT));
        assertThat(renamed).hasSize(255).endsWith("X (2)");
    }
}
