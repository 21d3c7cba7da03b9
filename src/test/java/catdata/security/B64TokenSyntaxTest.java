package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The character loop that reads a bearer token's syntax on every request agrees with RFC 6750's
 * {@code b64token} as a regular expression, on every text of up to four characters drawn from the
 * allowed characters, padding and a few that are not allowed.
 */
class B64TokenSyntaxTest {

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final char[] CHARACTERS = "Az09._~+/-= \t,;\"%\u00e9".toCharArray();

    @Test
    void agreesWithTheGrammarOnEveryShortText() {
        assertAgrees("");
        for (char a : CHARACTERS) {
            assertAgrees("" + a);
            for (char b : CHARACTERS) {
                assertAgrees("" + a + b);
                for (char c : CHARACTERS) {
                    assertAgrees("" + a + b + c);
                    for (char d : CHARACTERS) {
                        assertAgrees("" + a + b + c + d);
                    }
                }
            }
        }
    }

    @Test
    void readsFromTheGivenStart() {
        assertThat(BearerHeaderResolver.isB64Token("Bearer abc.def==", 7)).isTrue();
        assertThat(BearerHeaderResolver.isB64Token("Bearer ", 7)).isFalse();
    }

    private static void assertAgrees(String text) {
        assertThat(BearerHeaderResolver.isB64Token(" " + text, 1)).as("'%s'", text)
                .isEqualTo(B64TOKEN.matcher(text).matches());
    }
}
