package catdata.startup;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;

import catdata.config.InvalidConfigurationException;

/**
 * Reads {@code ./.env} as the original service did with dotenv: {@code NAME=value} lines, values
 * optionally quoted, {@code #} comments. Real environment variables win over the file.
 */
public class DotenvEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "dotenv";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("catdata.dotenv.enabled", Boolean.class, true)) {
            return;
        }
        String directory = environment.getProperty("catdata.dotenv.directory", ".");
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            Dotenv dotenv = Dotenv.configure().directory(directory).ignoreIfMissing().load();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                values.put(entry.getKey(), unquote(entry.getValue()));
            }
        } catch (DotenvException e) {
            throw new InvalidConfigurationException(".env could not be read: " + e.getMessage());
        }
        if (values.isEmpty()) {
            return;
        }
        MapPropertySource dotenv = new MapPropertySource(PROPERTY_SOURCE, values);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, dotenv);
        } else {
            environment.getPropertySources().addLast(dotenv);
        }
    }

    /** The library strips double quotes only; dotenv (and so the original's files) also allows single ones. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
