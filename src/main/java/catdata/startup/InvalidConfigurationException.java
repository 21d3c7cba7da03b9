package catdata.startup;

/**
 * A setting the operator got wrong. Its message names the variable and what is wrong, and is
 * all that start-up prints about it (see {@link InvalidConfigurationFailureAnalyzer}).
 */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
