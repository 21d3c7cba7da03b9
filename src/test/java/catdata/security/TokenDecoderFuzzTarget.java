package catdata.security;

/**
 * The fuzz target of {@link TokenDecoderFuzzTest} for Jazzer's own driver, which
 * {@code fuzz/run.sh token} runs for as long as it is asked.
 */
public final class TokenDecoderFuzzTarget {

    private TokenDecoderFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        TokenDecoderFuzzTest.fuzz(input);
    }
}
