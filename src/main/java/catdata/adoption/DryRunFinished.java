package catdata.adoption;

/**
 * Thrown once a dry run ({@code ADOPT_DRY_RUN=true}) has reported: start-up stops there, having
 * changed nothing, and the process ends with status 0.
 */
public final class DryRunFinished extends RuntimeException {

    DryRunFinished(String summary) {
        super(summary, null, false, false);
    }

    /** Whether {@code failure} is, or was caused by, a finished dry run. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DryRunFinished) {
                return true;
            }
        }
        return false;
    }
}
