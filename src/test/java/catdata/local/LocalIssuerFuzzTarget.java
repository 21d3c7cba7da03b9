package catdata.local;

/**
 * The fuzz target of {@link LocalIssuerFuzzTest} for Jazzer's own driver, which
 * {@code fuzz/run.sh issuer} runs for as long as it is asked.
 */
public final class LocalIssuerFuzzTarget {

    private LocalIssuerFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] request) {
        LocalIssuerFuzzTest.fuzz(request);
    }
}
