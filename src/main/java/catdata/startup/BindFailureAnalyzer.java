package catdata.startup;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting of ours that does not parse or validate ({@code PGPORT=abc}) is reported under the
 * environment variable the operator set, in one line, instead of Boot's report on
 * {@code catdata.database.port}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)[:}]");

    private final Environment environment;

    BindFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (!cause.getName().toString().startsWith("catdata.")) {
            return null;
        }
        String description = describe(cause);
        return description == null ? null
                : new FailureAnalysis(description, "Fix this setting (environment variable or .env file) and start again.",
                        cause);
    }

    private String describe(BindException cause) {
        if (cause.getCause() instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                if (error instanceof FieldError field) {
                    String name = validation.getValidationErrors().getName() + "." + kebab(field.getField());
                    return variableFor(name) + " " + field.getDefaultMessage() + " (got '" + field.getRejectedValue() + "')";
                }
            }
            return null;
        }
        ConfigurationProperty property = cause.getProperty();
        if (property == null) {
            return null;
        }
        String value = environment.resolvePlaceholders(String.valueOf(property.getValue()));
        return variableFor(property.getName().toString()) + " has an invalid value '" + value + "'";
    }

    /** The variable behind a property: {@code catdata.database.port} is {@code ${PGPORT:5432}}. */
    private String variableFor(String propertyName) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                Object raw = source.getProperty(propertyName);
                if (raw != null) {
                    Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
                    return placeholder.find() ? placeholder.group(1) : propertyName;
                }
            }
        }
        return propertyName;
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
