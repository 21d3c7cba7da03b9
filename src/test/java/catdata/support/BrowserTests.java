package catdata.support;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether a browser test may be skipped when a part it needs is missing (Chromium, ChromeDriver,
 * npm and the bundle it fetches). On a developer's machine it is skipped with the reason; where
 * {@code CATDATA_BROWSER_TESTS=required} (CI, {@code .ci/run}) a missing part fails it, so that the
 * test can never pass there by not running.
 */
public final class BrowserTests {

    public static final String SETTING = "CATDATA_BROWSER_TESTS";

    private BrowserTests() {
    }

    public static boolean required() {
        return "required".equals(System.getenv(SETTING));
    }

    /** Skips the test, or fails it when browser tests are required, unless {@code present}. */
    public static void need(boolean present, String missing) {
        if (present) {
            return;
        }
        if (required()) {
            fail(missing + " (" + SETTING + "=required)");
        }
        Assumptions.abort(missing + "; set " + SETTING + "=required to make this a failure");
    }
}
