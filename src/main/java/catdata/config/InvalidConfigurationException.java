package catdata.config;

/**
 * A setting the operator got wrong. Its message names the variable and what is wrong, and is
 * all that start-up prints about it (start-up's failure analyzer turns it into that one line).
 * It lives apart from start-up so that the packages whose settings are checked need not import
 * the package that assembles them.
 */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
