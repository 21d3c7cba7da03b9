package catdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;


/**
 * The firewall's header rules, checked by a loop, agree with the regular expressions Spring Security
 * ships them as: on every single code point of the Basic Multilingual Plane, on pairs of characters
 * (surrogates alone and paired), and on random texts.
 */
class RequestFirewallTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesOnEveryCharacterOfTheBasicPlane() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertAgrees("x" + c + "y");
        }
    }

    @Test
    void agreesOnCodePointsBeyondTheBasicPlaneAndOnLoneSurrogates() {
        Random random = new Random(20260602);
        for (int i = 0; i < 50_000; i++) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            assertAgrees("a" + new String(Character.toChars(codePoint)) + "b");
        }
        assertAgrees("\uD83D");
        assertAgrees("\uDE00x");
        assertAgrees("\uD83D\uDE00");
        assertAgrees("");
    }

    @Test
    void agreesOnRandomTexts() {
        Random random = new Random(20260603);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            assertAgrees(text.toString());
        }
    }

    @Test
    void aTabIsAllowedInValuesOnly() {
        assertThat(RequestFirewall.isAllowedValue("Bearer\tx")).isTrue();
        assertThat(RequestFirewall.isAllowedName("X-\tName")).isFalse();
    }

    private static void assertAgrees(String text) {
        assertThat(RequestFirewall.isAllowedName(text)).as("name %s", text.codePoints().boxed().toList())
                .isEqualTo(NAME.matcher(text).matches());
        assertThat(RequestFirewall.isAllowedValue(text)).as("value %s", text.codePoints().boxed().toList())
                .isEqualTo(VALUE.matcher(text).matches());
    }
}
