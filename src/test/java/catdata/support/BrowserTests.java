package catdata.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether a browser test may be skipped when a part it needs is missing (Chromium, ChromeDriver,
 * npm and the auth0-spa-js bundle it fetches). On a developer's machine such a test class is
 * skipped, with the reason in the report; where {@code CATDATA_BROWSER_TESTS=required} (CI,
 * {@code .ci/run}) a missing part fails it, so that it can never pass there by not running.
 *
 * <p>As a condition ({@code @ExtendWith(BrowserTests.class)}) it skips the class before its
 * Spring context starts; {@link #need} is the same rule inside a test's own set-up.
 */
public final class BrowserTests implements ExecutionCondition {

    public static final String SETTING = "CATDATA_BROWSER_TESTS";

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
        Assumptions.abort(skipped(missing));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (required()) {
            return ConditionEvaluationResult.enabled(SETTING + "=required: a missing part fails the test");
        }
        Optional<String> missing = HeadlessChromium.installed() ? Auth0SpaJs.fetchIfMissing()
                .map(problem -> "The auth0-spa-js bundle could not be fetched with npm: " + problem)
                : Optional.of(HeadlessChromium.NOT_INSTALLED);
        return missing.map(reason -> ConditionEvaluationResult.disabled(skipped(reason)))
                .orElse(ConditionEvaluationResult.enabled("Chromium, ChromeDriver and the auth0-spa-js bundle are here"));
    }

    private static String skipped(String reason) {
        return "Skipped: " + reason + "; set " + SETTING + "=required to make this a failure";
    }
}
