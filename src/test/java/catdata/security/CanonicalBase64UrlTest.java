package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The character loop that decides, on every request, whether a token part is canonical unpadded
 * base64url agrees with the slow definition it replaced: the alphabet, then a decode and re-encode
 * that must give back the same text.
 */
class CanonicalBase64UrlTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String OTHERS = "=+/. %\u00e9";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    @Test
    void agreesWithDecodingAndReEncodingOnEveryTextOfUpToThreeCharacters() {
        String characters = ALPHABET + OTHERS;
        assertAgrees("");
        for (char a : characters.toCharArray()) {
            assertAgrees("" + a);
            for (char b : characters.toCharArray()) {
                assertAgrees("" + a + b);
                for (char c : characters.toCharArray()) {
                    assertAgrees("" + a + b + c);
                }
            }
        }
    }

    @Test
    void agreesOnEncodedBytesOfEveryLengthWithTheirLastCharacterChanged() {
        Random random = new Random(20260601);
        for (int length = 1; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(TokenPrecheck.isCanonicalBase64Url(encoded, 0, encoded.length())).as(encoded).isTrue();
            String body = encoded.substring(0, encoded.length() - 1);
            for (char last : (ALPHABET + OTHERS).toCharArray()) {
                assertAgrees(body + last);
            }
            assertAgrees(encoded + "A");
        }
    }

    @Test
    void looksOnlyAtTheGivenRange() {
        String token = "e30.!!!.e30";

        assertThat(TokenPrecheck.isCanonicalBase64Url(token, 0, 3)).isTrue();
        assertThat(TokenPrecheck.isCanonicalBase64Url(token, 4, 7)).isFalse();
        assertThat(TokenPrecheck.isCanonicalBase64Url(token, 8, 11)).isTrue();
    }

    private static void assertAgrees(String text) {
        String framed = "x." + text + ".y";
        assertThat(TokenPrecheck.isCanonicalBase64Url(framed, 2, 2 + text.length())).as("'%s'", text)
                .isEqualTo(isCanonical(text));
    }

    private static boolean isCanonical(String text) {
        if (!BASE64URL.matcher(text).matches()) {
            return false;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
