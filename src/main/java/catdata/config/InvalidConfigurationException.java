package catdata.config;

/**
 * A setting the operator got wrong. Its message names the variable and what is wrong, and is
 * all that start-up prints about it (start-up's failure analyzer turns it into that one line).
 * It lives apart from start-up so that the packages whose settings are checked need not import
 * the package that assembles them.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final String FIX_THE_SETTING = "Fix this setting (environment variable or .env file) and start again.";

    private final String action;

    public InvalidConfigurationException(String message) {
        this(message, FIX_THE_SETTING);
    }

    /** Something set up wrong outside the settings (the database, say): {@code action} says what to do. */
    public InvalidConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
